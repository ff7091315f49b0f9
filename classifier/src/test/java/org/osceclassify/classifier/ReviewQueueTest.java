package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReviewQueueTest {

    private static ScoredLabel label(String name, double probability) {
        return new ScoredLabel(name, probability, 0);
    }

    @Test
    void aFieldOnItsThresholdIsMostUncertainAndFieldsFarFromThemAreCertain() {
        Map<String, Double> thresholds = Map.of("A", 0.4, "B", 0.5);
        assertEquals(1.0, ReviewQueue.fieldUncertainty(List.of(label("A", 0.4), label("B", 0.0)), thresholds), 1e-9);
        assertEquals(0.0, ReviewQueue.fieldUncertainty(List.of(label("A", 1.0), label("B", 0.0)), thresholds), 1e-9);
        double near = ReviewQueue.fieldUncertainty(List.of(label("A", 0.5), label("B", 0.9)), thresholds);
        assertEquals(1 - 0.1 / 0.6, near, 1e-9, "the field nearest its threshold decides");
        assertTrue(Double.isNaN(ReviewQueue.fieldUncertainty(List.of(), thresholds)), "no fields task");
    }

    @Test
    void sourceEntropyIsOneForAnEvenSpreadAndZeroForACertainSource() {
        assertEquals(1.0, ReviewQueue.sourceEntropy(List.of(label("a", 0.25), label("b", 0.25), label("c", 0.25),
                label("d", 0.25))), 1e-9);
        assertEquals(0.0, ReviewQueue.sourceEntropy(List.of(label("a", 1.0), label("b", 0.0))), 1e-9);
        double some = ReviewQueue.sourceEntropy(List.of(label("a", 0.7), label("b", 0.2), label("c", 0.1)));
        assertTrue(some > 0 && some < 1, Double.toString(some));
        assertTrue(Double.isNaN(ReviewQueue.sourceEntropy(List.of())), "no sources task");
    }
}
