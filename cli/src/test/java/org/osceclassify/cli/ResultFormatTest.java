package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Scores are written with three decimals, character for character as {@code String.format("%.3f")} writes them. */
class ResultFormatTest {

    @Test
    void scoresAreWrittenAsStringFormatWritesThem() {
        double[] edges = {0, -0.0, 0.0005, -0.0005, 0.0004999, -0.0004, 1.0005, 2.0015, 0.9995, -0.9995, 1e-20,
                -1e-20, 123456.78951, -7.25, 1e15 + 0.5, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        for (double v : edges) {
            assertEquals(String.format(Locale.ROOT, "%.3f", v), ResultFormat.score(v), Double.toString(v));
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 3) {
                case 0 -> random.nextDouble(-3, 3);
                case 1 -> Math.round(random.nextDouble(-3, 3) * 1e4) / 1e4; // ties at the fourth decimal
                default -> random.nextDouble(-1e-3, 1e-3);
            };
            assertEquals(String.format(Locale.ROOT, "%.3f", v), ResultFormat.score(v), Double.toString(v));
        }
    }
}
