package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RetrainingTest {

    @Test
    void foldsHoldOutEachCorrectionOnceAndNeverTheNewestItems() {
        List<Splits.Split> folds = Retraining.folds(10, 3, 7, 42);
        assertEquals(5, folds.size());
        java.util.Set<Integer> tested = new java.util.TreeSet<>();
        for (Splits.Split split : folds) {
            assertTrue(split.train().containsAll(java.util.stream.IntStream.range(0, 10).boxed().toList()));
            assertTrue(split.train().stream().noneMatch(i -> i >= 10 && i < 13), "newest items never trained on");
            split.test().forEach(i -> assertTrue(tested.add(i), "tested once: " + i));
        }
        assertEquals(java.util.stream.IntStream.range(13, 20).boxed().toList(), List.copyOf(tested));
        assertEquals(1, Retraining.folds(10, 3, 1, 42).size(), "one correction: one fold");
    }

    @Test
    void aPerfectScoreStillHasAStandardError() {
        assertTrue(Retraining.shareError(1.0, 20) > 0.03);
        assertEquals(Math.sqrt(0.5 * 0.5 / 100), Retraining.shareError(0.5, 100), 1e-9);
        assertEquals(0, Retraining.meanError(List.of(0.5)));
    }
}
