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

    private static final List<Map<String, Double>> SCORES = List.of(
            Map.of("common", 0.9, "rare", 0.8),
            Map.of("common", 0.7, "rare", 0.1),
            Map.of("common", 0.6, "rare", 0.2),
            Map.of("common", 0.2, "rare", 0.3));
    private static final List<Set<String>> TRUTH =
            List.of(Set.of("common", "rare"), Set.of("common"), Set.of("common"), Set.of());

    @Test
    @DisplayName("each label gets its own F1-maximising threshold; one too rare to tune keeps the prior")
    void rareLabelsKeepThePrior() {
        assertEquals(0.4, tune("common", 2, 0), 1e-12); // half-way between 0.6 (last positive) and 0.2
        assertEquals(0.5, tune("rare", 2, 0), 1e-12);
    }

    @Test
    @DisplayName("shrinkage pulls a tuned threshold towards the prior, weighing the prior as that many positives")
    void shrinkage() {
        assertEquals((3 * 0.4 + 3 * 0.5) / 6, tune("common", 1, 3), 1e-12);
    }

    /** The label's threshold tuned on the example scores, with the prior 0.5. */
    private static double tune(String label, int minSupport, double shrinkage) {
        double[] scores = SCORES.stream().mapToDouble(s -> s.get(label)).toArray();
        boolean[] positive = new boolean[TRUTH.size()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = TRUTH.get(i).contains(label);
        }
        return Thresholds.tune(scores, positive, 0.5, minSupport, shrinkage);
    }

    private static final List<String> LABELS = List.of("A", "B", "C");

    /** Labels A, B, C with these probabilities, and margins in the same order. */
    private static List<ScoredLabel> scored(double a, double b, double c) {
        return List.of(new ScoredLabel("A", a, a - 0.5), new ScoredLabel("B", b, b - 0.5),
                new ScoredLabel("C", c, c - 0.5));
    }

    @Test
    @DisplayName("a document gets every field at or above its threshold, most probable first")
    void selectsFieldsAboveTheirThresholds() {
        List<ScoredLabel> selected = Thresholds.select(scored(0.9, 0.2, 0.6), new double[] {0.5, 0.5, 0.55},
                LABELS, 1);
        assertEquals(List.of("A", "C"), selected.stream().map(ScoredLabel::label).toList());
    }

    @Test
    @DisplayName("at least the top field is returned even when no probability reaches its threshold")
    void topFieldAlwaysReturned() {
        List<ScoredLabel> selected = Thresholds.select(scored(0.3, 0.2, 0.4), new double[] {0.9, 0.9, 0.9},
                LABELS, 1);
        assertEquals(List.of("C"), selected.stream().map(ScoredLabel::label).toList());
    }

    @Test
    @DisplayName("the fields a document must have are those of the highest margins, whatever their probabilities")
    void requiredFieldsGoByMargin() {
        List<ScoredLabel> scored = List.of(new ScoredLabel("A", 0.4, -0.2), new ScoredLabel("B", 0.1, -0.1),
                new ScoredLabel("C", 0.3, -0.9));
        assertEquals(List.of("B"), Thresholds.select(scored, new double[] {0.5, 0.5, 0.5}, LABELS, 1).stream()
                .map(ScoredLabel::label).toList());
    }

    @Test
    @DisplayName("minFields is respected: the most probable fields fill up to it; 0 allows no field at all")
    void minFieldsRespected() {
        double[] high = {0.9, 0.9, 0.9};
        assertEquals(List.of("C", "A"), Thresholds.select(scored(0.3, 0.2, 0.4), high, LABELS, 2).stream()
                .map(ScoredLabel::label).toList());
        assertEquals(List.of(), Thresholds.select(scored(0.3, 0.2, 0.4), high, LABELS, 0));
    }
}
