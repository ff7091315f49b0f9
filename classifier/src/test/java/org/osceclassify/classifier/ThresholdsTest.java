package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    @Test
    @DisplayName("tuning picks the threshold that maximises F1, half-way to the next lower score")
    void picksTheF1MaximisingThreshold() {
        double[] scores = {0.9, 0.8, 0.7, 0.4, 0.3, 0.1};
        boolean[] positive = {true, true, false, true, false, false};
        // taking the top 4 gives tp=3, fp=1, fn=0: F1 6/7, better than any other cut
        assertEquals(0.35, Thresholds.best(scores, positive), 1e-12);
    }

    @Test
    @DisplayName("the order of the scores does not matter, and tied scores are taken together")
    void tiesAreTakenTogether() {
        double[] scores = {0.2, 0.6, 0.6, 0.9};
        boolean[] positive = {false, false, true, true};
        // cutting below 0.9 gives F1 2/3; taking both 0.6s (tp 2, fp 1) gives 0.8; taking all gives 2/3
        assertEquals(0.4, Thresholds.best(scores, positive), 1e-12);
    }

    @Test
    @DisplayName("with no positive item there is nothing to tune")
    void noPositives() {
        assertTrue(Double.isNaN(Thresholds.best(new double[] {0.1, 0.2}, new boolean[] {false, false})));
    }

    @Test
    @DisplayName("a label too rare to tune gets the shared threshold tuned over all labels pooled")
    void rareLabelsGetTheSharedThreshold() {
        List<Map<String, Double>> scores = List.of(
                Map.of("common", 0.9, "rare", 0.8),
                Map.of("common", 0.7, "rare", 0.1),
                Map.of("common", 0.6, "rare", 0.2),
                Map.of("common", 0.2, "rare", 0.3));
        List<Set<String>> truth = List.of(Set.of("common", "rare"), Set.of("common"), Set.of("common"), Set.of());
        Map<String, Double> thresholds = Thresholds.tune(scores, truth, List.of("common", "rare"), 2);
        assertEquals(0.4, thresholds.get("common"), 1e-12);
        // pooled, best first: 0.9+ 0.8+ 0.7+ 0.6+ | 0.3- 0.2- 0.2- 0.1-, so the cut falls between 0.6 and 0.3
        assertEquals(0.45, thresholds.get("rare"), 1e-12);
    }

    @Test
    @DisplayName("a document gets every field at or above its threshold, best first")
    void selectsFieldsAboveTheirThresholds() {
        Map<String, Double> scores = Map.of("A", 0.9, "B", 0.2, "C", 0.6);
        List<ScoredLabel> selected = Thresholds.select(scores, Map.of("A", 0.5, "B", 0.5, "C", 0.55), 1);
        assertEquals(List.of(new ScoredLabel("A", 0.9), new ScoredLabel("C", 0.6)), selected);
    }

    @Test
    @DisplayName("at least the top field is returned even when no score reaches its threshold")
    void topFieldAlwaysReturned() {
        Map<String, Double> scores = Map.of("A", 0.3, "B", 0.2, "C", 0.4);
        List<ScoredLabel> selected = Thresholds.select(scores, Map.of("A", 0.9, "B", 0.9, "C", 0.9), 1);
        assertEquals(List.of(new ScoredLabel("C", 0.4)), selected);
    }

    @Test
    @DisplayName("minFields is respected: the best-scored fields fill up to it; 0 allows no field at all")
    void minFieldsRespected() {
        Map<String, Double> scores = Map.of("A", 0.3, "B", 0.2, "C", 0.4);
        Map<String, Double> high = Map.of("A", 0.9, "B", 0.9, "C", 0.9);
        assertEquals(List.of("C", "A"), Thresholds.select(scores, high, 2).stream().map(ScoredLabel::label).toList());
        assertEquals(List.of(), Thresholds.select(scores, high, 0));
    }
}
