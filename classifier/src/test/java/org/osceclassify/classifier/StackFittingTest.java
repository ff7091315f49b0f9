package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StackFittingTest {

    @Test
    @DisplayName("the stacked threshold is reached by as many items as the word model took")
    void theStackedThresholdIsReachedByAsManyItemsAsTheWordModelTook() {
        double[] p = {0.9, 0.1, 0.5, 0.7, 0.3};
        assertEquals(0.7, StackFitting.rateMatched(p, 2));
        assertEquals(0.1, StackFitting.rateMatched(p, 5));
        assertEquals(Math.nextUp(0.9), StackFitting.rateMatched(p, 0));
    }

    @Test
    @DisplayName("a field's stack flags as many held-out items as its word model did, ranked by both members")
    void aFieldsStackKeepsTheWordModelsRateWithBothMembersRanking() {
        // Six items; the word model flags three (margin >= 0), the sentence model separates the positives better.
        double[][] words = {{1.0, 0.5, 0.1, -0.2, -0.8, -1.5}};
        double[][] sentences = {{1.2, 0.9, -0.9, 0.8, -1.0, -1.3}};
        boolean[][] positive = {{true, true, false, true, false, false}};
        StackFitting.Fitted fitted = StackFitting.fit(false, words, sentences, positive, TrainingSettings.defaults());
        Combiner c = fitted.combiners().get(0);
        int flagged = 0;
        for (int d = 0; d < 6; d++) {
            flagged += c.probability(words[0][d], sentences[0][d]) >= fitted.thresholds()[0] ? 1 : 0;
        }
        assertEquals(3, flagged);
        assertTrue(c.probability(words[0][3], sentences[0][3]) > c.probability(words[0][2], sentences[0][2]),
                "the positive the word model missed ranks above the negative it took");
    }

    @Test
    @DisplayName("the sources share one combiner and have no thresholds")
    void theSourcesShareOneCombiner() {
        double[][] words = {{2, -1, -1, 1}, {-1, 2, -1, -1}};
        double[][] sentences = {{1, -1, 0, 1}, {-1, 1, 0, -1}};
        boolean[][] positive = {{true, false, false, true}, {false, true, true, false}};
        StackFitting.Fitted fitted = StackFitting.fit(true, words, sentences, positive, TrainingSettings.defaults());
        assertSame(fitted.combiners().get(0), fitted.combiners().get(1));
        assertEquals(0, fitted.thresholds()[0]);
        assertEquals(0, fitted.thresholds()[1]);
    }
}
