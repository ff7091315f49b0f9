package org.osceclassify.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits a task's stacked ensemble on both members' held-out margins: the combiners of the word model's and the
 * sentence model's margins (see {@link Combiner}), the sentence model's own calibrations and thresholds, and the
 * stack's thresholds.
 *
 * <p>A field's stack threshold is the combined probability above which as many held-out items lie as the word
 * model's own decisions (margin 0) took: the word model's operating point, by rate, with the stack's ranking. The
 * word model's probability threshold would not do: its calibration is far steeper at the tails (a rare field's
 * margin 0 is a probability of 0.99), so the same probability is another operating point. With tuned thresholds,
 * it is tuned on the held-out combined probabilities and shrunk towards that one. The sources, one of which a
 * document has, share one combiner and need no threshold.
 */
final class StackFitting {

    /** What the held-out margins gave: per label, in the task's label order. */
    record Fitted(List<Combiner> combiners, List<Calibration> sentenceCalibrations, double[] sentenceThresholds,
                  double[] thresholds) {
    }

    private StackFitting() {
    }

    /**
     * @param wordMargins     the word model's held-out margins, {@code [label][doc]}
     * @param sentenceMargins the sentence model's held-out margins, {@code [label][doc]}
     * @param positive        whether each document has each label, {@code [label][doc]}
     */
    static Fitted fit(boolean exclusive, double[][] wordMargins, double[][] sentenceMargins, boolean[][] positive,
                      TrainingSettings settings) {
        int labels = wordMargins.length;
        List<Combiner> combiners = new ArrayList<>();
        List<Calibration> calibrations = new ArrayList<>();
        double[] thresholds = new double[labels];
        double[] sentenceThresholds = new double[labels];
        if (exclusive) {
            Combiner shared = Combiner.fitShared(wordMargins, sentenceMargins, positive);
            for (int l = 0; l < labels; l++) {
                combiners.add(shared);
                calibrations.add(new Calibration(shared.slopes()[1], 0));
            }
            return new Fitted(combiners, calibrations, sentenceThresholds, thresholds);
        }
        for (int l = 0; l < labels; l++) {
            Combiner c = Combiner.fit(new double[][] {wordMargins[l], sentenceMargins[l]}, positive[l]);
            combiners.add(c);
            Calibration own = Calibration.fit(sentenceMargins[l], positive[l]);
            calibrations.add(own);
            sentenceThresholds[l] = own.probability(0);
            int n = wordMargins[l].length;
            double[] p = new double[n];
            int flagged = 0;
            for (int d = 0; d < n; d++) {
                p[d] = c.probability(wordMargins[l][d], sentenceMargins[l][d]);
                flagged += wordMargins[l][d] >= 0 ? 1 : 0;
            }
            double matched = rateMatched(p, flagged);
            thresholds[l] = settings.tuneThresholds() ? Thresholds.tune(p, positive[l], matched,
                    settings.minThresholdSupport(), settings.thresholdShrinkage()) : matched;
        }
        return new Fitted(combiners, calibrations, sentenceThresholds, thresholds);
    }

    /**
     * The probability threshold that {@code count} of the probabilities {@code p} reach: the count-th largest, or
     * just above the largest for a count of 0 (at most 1).
     */
    static double rateMatched(double[] p, int count) {
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        if (count <= 0) {
            return sorted.length == 0 ? 1 : Math.min(1, Math.nextUp(sorted[sorted.length - 1]));
        }
        return sorted[sorted.length - Math.min(count, sorted.length)];
    }
}
