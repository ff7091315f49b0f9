package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CombinerTest {

    @Test
    void weighsTheMemberThatPredictsTheLabelAboveTheOneThatDoesNot() {
        Random random = new Random(3);
        int n = 400;
        boolean[] positive = new boolean[n];
        double[][] margins = new double[2][n];
        for (int i = 0; i < n; i++) {
            positive[i] = i % 4 == 0;
            margins[0][i] = random.nextGaussian();                              // noise
            margins[1][i] = (positive[i] ? 1.5 : -1.5) + random.nextGaussian(); // informative
        }
        Combiner c = Combiner.fit(margins, positive);
        assertTrue(c.slopes()[1] > 1, Arrays.toString(c.slopes()));
        assertTrue(Math.abs(c.slopes()[0]) < 0.3, Arrays.toString(c.slopes()));
        assertTrue(c.probability(0, 3) > 0.9 && c.probability(0, -3) < 0.1);
    }

    @Test
    void withOneMemberIsPlattScaling() {
        double[] m = {-2, -1, -0.5, 0.2, 0.4, 1, 1.5, 2, -1.2, 0.8};
        boolean[] y = {false, false, true, false, true, true, true, true, false, false};
        Combiner c = Combiner.fit(new double[][] {m}, y);
        Calibration platt = Calibration.fit(m, y);
        // The ridge pulls the slope a little towards 0; otherwise the same fit.
        assertEquals(platt.slope(), c.slopes()[0], 0.35);
        assertEquals(Math.signum(platt.intercept()), Math.signum(c.intercept()));
    }

    @Test
    void sharedCombinerMixesTowardsTheMemberThatRanksTheSourcesRight() {
        Random random = new Random(5);
        int labels = 4;
        int n = 200;
        boolean[][] positive = new boolean[labels][n];
        double[][] good = new double[labels][n];
        double[][] poor = new double[labels][n];
        for (int d = 0; d < n; d++) {
            int own = d % labels;
            positive[own][d] = true;
            for (int l = 0; l < labels; l++) {
                good[l][d] = (l == own ? 1 : -1) + 0.5 * random.nextGaussian();
                poor[l][d] = random.nextGaussian();
            }
        }
        Combiner c = Combiner.fitShared(poor, good, positive);
        assertTrue(c.slopes()[1] > 3 * Math.abs(c.slopes()[0]), Arrays.toString(c.slopes()));
        assertEquals(0, c.intercept());
    }

    @Test
    void codecReadsBackWhatItWroteAndRefusesTruncatedBytes() throws IOException {
        List<Combiner> combiners = List.of(new Combiner(new double[] {1.5, 0.25}, -2),
                new Combiner(new double[] {0.5, 2}, 0.125));
        byte[] bytes = CombinerCodec.encode(combiners);
        assertEquals(combiners, CombinerCodec.decode(bytes));
        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThrows(IOException.class, () -> CombinerCodec.decode(truncated), "truncated at " + length);
        }
        bytes[13] ^= 1;
        byte[] flipped = bytes;
        assertThrows(IOException.class, () -> CombinerCodec.decode(flipped));
    }
}
