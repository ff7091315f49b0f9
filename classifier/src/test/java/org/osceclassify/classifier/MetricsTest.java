package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final double EPS = 1e-9;

    // truth:     {A}  {A,B}  {A,B}    {B,C}
    // predicted: {A}  {A}    {A,B,C}  {B}
    private final FieldsEvaluation fields = Metrics.fields(
            List.of(Set.of("A"), Set.of("A", "B"), Set.of("A", "B"), Set.of("B", "C")),
            List.of(Set.of("A"), Set.of("A"), Set.of("A", "B", "C"), Set.of("B")),
            Set.of("A", "B", "C"), Map.of("A", 0.4, "B", 0.3));

    @Test
    @DisplayName("micro-F1 pools every (item, label) decision: 5 right, 1 false alarm, 2 missed")
    void microF1() {
        assertEquals(5.0 / 6, fields.microPrecision(), EPS);
        assertEquals(5.0 / 7, fields.microRecall(), EPS);
        assertEquals(10.0 / 13, fields.microF1(), EPS);
    }

    @Test
    @DisplayName("macro-F1 averages only labels with at least 3 test items (A: 1.0, B: 0.8; C is left out)")
    void macroF1() {
        assertEquals(0.9, fields.macroF1(), EPS);
    }

    @Test
    @DisplayName("example-based Jaccard averages |P ∩ T| / |P ∪ T| over items")
    void jaccard() {
        assertEquals((1 + 0.5 + 2.0 / 3 + 0.5) / 4, fields.jaccard(), EPS);
    }

    @Test
    @DisplayName("Hamming loss is the share of wrong decisions over items × labels")
    void hammingLoss() {
        assertEquals(3.0 / 12, fields.hammingLoss(), EPS);
    }

    @Test
    @DisplayName("per-label scores carry support and threshold, best supported first")
    void perLabel() {
        List<LabelScores> perLabel = fields.perLabel();
        assertEquals(List.of("A", "B", "C"), perLabel.stream().map(LabelScores::label).toList());
        LabelScores b = perLabel.get(1);
        assertEquals(1.0, b.precision(), EPS);
        assertEquals(2.0 / 3, b.recall(), EPS);
        assertEquals(0.8, b.f1(), EPS);
        assertEquals(3, b.support());
        assertEquals(0.3, b.threshold(), EPS);
        assertEquals(Double.NaN, perLabel.get(2).threshold());
        assertEquals(0.0, perLabel.get(2).f1(), EPS);
    }

    // truth:  [X]      [X,Y]    [Y]      [Z]        [Y]      [Y]
    // ranked: X Y Z W  Y X Z W  Z X Y W  X Y W Z    Y X Z W  Y X Z W
    private final SourcesEvaluation sources = Metrics.sources(
            List.of(List.of("X"), List.of("X", "Y"), List.of("Y"), List.of("Z"), List.of("Y"), List.of("Y")),
            List.of(List.of("X", "Y", "Z", "W"), List.of("Y", "X", "Z", "W"), List.of("Z", "X", "Y", "W"),
                    List.of("X", "Y", "W", "Z"), List.of("Y", "X", "Z", "W"), List.of("Y", "X", "Z", "W")),
            List.of("W", "X", "Y", "Z"));

    @Test
    @DisplayName("top-1 and top-3 count an item right when any of its sources is ranked that high")
    void topK() {
        assertEquals(4.0 / 6, sources.top1(), EPS);
        assertEquals(5.0 / 6, sources.top3(), EPS);
        assertEquals(6, sources.items());
    }

    @Test
    @DisplayName("the confusion matrix pairs the matched (else first-listed) source with the top-ranked one")
    void confusion() {
        assertEquals(List.of("W", "X", "Y", "Z"), sources.labels());
        assertEquals(List.of(
                List.of(0, 0, 0, 0),
                List.of(0, 1, 0, 0),
                List.of(0, 0, 3, 1),
                List.of(0, 1, 0, 0)), sources.confusion());
    }

    @Test
    @DisplayName("sources macro-F1 averages the top-1 F1 of classes with at least 3 test items (only Y: 6/7)")
    void sourcesMacroF1() {
        assertEquals(6.0 / 7, sources.macroF1(), EPS);
        LabelScores y = sources.perLabel().get(0);
        assertEquals("Y", y.label());
        assertEquals(4, y.support());
        assertEquals(0.75, y.recall(), EPS);
    }
}
