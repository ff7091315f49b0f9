package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Scores are written with three decimals, character for character as {@code String.format("%.3f")} writes them. */
class ClassificationCsvTest {

    @Test
    void scoresAreWrittenAsStringFormatWritesThem() {
        double[] edges = {0, -0.0, 0.0005, -0.0005, 0.0004999, -0.0004, 1.0005, 2.0015, 0.9995, -0.9995, 1e-20,
                -1e-20, 123456.78951, -7.25, 1e15 + 0.5, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        for (double v : edges) {
            assertEquals(String.format(Locale.ROOT, "%.3f", v), ClassificationCsv.decimal(v), Double.toString(v));
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 3) {
                case 0 -> random.nextDouble(-3, 3);
                case 1 -> Math.round(random.nextDouble(-3, 3) * 1e4) / 1e4; // ties at the fourth decimal
                default -> random.nextDouble(-1e-3, 1e-3);
            };
            assertEquals(String.format(Locale.ROOT, "%.3f", v), ClassificationCsv.decimal(v), Double.toString(v));
        }
    }

    @Test
    void aRecordHasTheDocumentedColumnsWithTheBestSourcesAndTheWords() {
        Classification c = new Classification("doc-1", List.of(new ScoredLabel("Policing", 0.9304, 1.2)),
                List.of(new ScoredLabel("A", 0.7, 0.5), new ScoredLabel("B", 0.2, -0.3), new ScoredLabel("C", 0.1, -1)),
                Map.of("Policing", List.of(new FeatureWeight("text:polic", 0.9), new FeatureWeight("text:crime", 0.4))));
        assertEquals(List.of("id", "fields", "sources", "field_scores", "source_scores", "status", "words"),
                ClassificationCsv.header(true));
        assertEquals(List.of("doc-1", "Policing", "A;B", "Policing=0.930", "A=0.700;B=0.200", "ok",
                "Policing: text:polic text:crime"), ClassificationCsv.record(c, 2, true, ScoredLabel::probability));
        assertEquals(List.of("doc-1", "Policing", "A", "Policing=1.200", "A=0.500", "ok"),
                ClassificationCsv.record(c, 1, false, ScoredLabel::margin));
    }
}
