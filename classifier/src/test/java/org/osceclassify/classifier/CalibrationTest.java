package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    @DisplayName("Platt scaling recovers the logistic curve that generated the labels")
    void recoversAKnownCurve() {
        Random random = new Random(5);
        int n = 20_000;
        double[] margins = new double[n];
        boolean[] positive = new boolean[n];
        Calibration truth = new Calibration(2.0, -1.0);
        for (int i = 0; i < n; i++) {
            margins[i] = random.nextGaussian() * 2;
            positive[i] = random.nextDouble() < truth.probability(margins[i]);
        }
        Calibration fitted = Calibration.fit(margins, positive);
        assertEquals(2.0, fitted.slope(), 0.1);
        assertEquals(-1.0, fitted.intercept(), 0.1);
    }

    @Test
    @DisplayName("a label whose margins say nothing still gets a probability that rises with the margin")
    void uninformativeMarginsKeepAPositiveSlope() {
        double[] margins = {-1, -0.5, 0, 0.5, 1, -1, -0.5, 0, 0.5, 1};
        boolean[] positive = {true, false, false, false, false, false, false, false, false, false};
        Calibration fitted = Calibration.fit(margins, positive);
        assertTrue(fitted.slope() >= Calibration.MIN_SLOPE, "slope " + fitted.slope());
        assertTrue(fitted.probability(1) > fitted.probability(0));
        assertTrue(fitted.probability(0) < 0.3, "one positive in ten: " + fitted.probability(0));
    }

    @Test
    @DisplayName("margins that are all the same give the base rate, never a probability of 0 for every document")
    void constantMarginsGiveTheBaseRate() {
        double[] margins = new double[50];
        java.util.Arrays.fill(margins, -1.0);
        boolean[] positive = new boolean[50];
        positive[7] = true;
        Calibration fitted = Calibration.fit(margins, positive);
        assertTrue(fitted.slope() >= Calibration.MIN_SLOPE, "slope " + fitted.slope());
        assertTrue(Math.abs(fitted.intercept()) <= 30, "intercept " + fitted.intercept());
        assertEquals(0.03, fitted.probability(-1), 0.02);
        assertTrue(fitted.probability(0) > fitted.probability(-1) && fitted.probability(0) < 0.5);
    }

    @Test
    @DisplayName("probabilities stay in [0, 1] without overflow at extreme margins")
    void extremeMargins() {
        Calibration c = new Calibration(3, 0.5);
        assertEquals(1.0, c.probability(1e6));
        assertEquals(0.0, c.probability(-1e6));
        assertEquals(1 / (1 + Math.exp(-0.5)), c.probability(0), 1e-15);
    }

    @Test
    @DisplayName("the softmax temperature sharpens margins that understate how often the top label is right")
    void softmaxTemperatureFitsHeldOutDocuments() {
        // Three labels; each document's own label has margin 1 and the others 0, and the own label is always
        // right: the best softmax is as sharp as the search allows.
        int docs = 30;
        double[][] margins = new double[3][docs];
        boolean[][] positive = new boolean[3][docs];
        for (int d = 0; d < docs; d++) {
            margins[d % 3][d] = 1;
            positive[d % 3][d] = true;
        }
        assertTrue(Calibration.softmaxTemperature(margins, positive) < 0.06);

        // The same margins, but the own label right only half the time: a softer softmax than T = 1.
        for (int d = 0; d < docs; d += 2) {
            positive[d % 3][d] = false;
            positive[(d + 1) % 3][d] = true;
        }
        double t = Calibration.softmaxTemperature(margins, positive);
        assertTrue(t > 1, "temperature " + t);
    }
}
