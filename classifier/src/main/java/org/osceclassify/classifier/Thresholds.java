package org.osceclassify.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Per-label decision thresholds of the fields task, on calibrated probabilities: tuned to maximise a label's F1 on
 * held-out probabilities, and applied so that a document always keeps its best fields.
 */
final class Thresholds {

    private Thresholds() {
    }

    /**
     * The threshold that maximises F1 when every score at or above it counts as positive: half-way between the
     * lowest score taken and the next lower score. Of equally good thresholds the highest wins.
     *
     * @return the threshold, or NaN when there is no positive to find
     */
    static double best(double[] scores, boolean[] positive) {
        int n = scores.length;
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        if (positives == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        double bestF1 = -1;
        double best = Double.NaN;
        int tp = 0;
        int taken = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            taken++;
            tp += positive[i] ? 1 : 0;
            boolean lastOfTie = k + 1 == n || scores[order[k + 1]] < scores[i];
            if (!lastOfTie) {
                continue;
            }
            double f1 = 2.0 * tp / (taken + positives);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = k + 1 == n ? scores[i] : (scores[i] + scores[order[k + 1]]) / 2;
            }
        }
        return best;
    }

    /**
     * One label's threshold, tuned on held-out scores. The F1-maximising threshold of a label with {@code support}
     * positive items is shrunk towards the model's own decision threshold {@code prior}, as
     * {@code (support * best + shrinkage * prior) / (support + shrinkage)}, because the best cut on a few positives
     * is noisy; a label with fewer than {@code minSupport} positive items keeps {@code prior}.
     *
     * @param shrinkage how many positive items the prior weighs as; 0 keeps the tuned threshold as it is
     */
    static double tune(double[] scores, boolean[] positive, double prior, int minSupport, double shrinkage) {
        int support = 0;
        for (boolean p : positive) {
            support += p ? 1 : 0;
        }
        return support < minSupport ? prior
                : (support * best(scores, positive) + shrinkage * prior) / (support + shrinkage);
    }

    /**
     * The labels a document gets: those whose probability is at or above their threshold, and at least the
     * {@code minFields} with the highest margins; most probable first. The labels a document must have are taken by
     * margin, the model's own ranking, rather than by probability, which adds each label's base rate and so favours
     * the frequent fields: in cross-validation on the bundled corpus the margin's choice scored higher.
     *
     * @param scored each label with its probability and margin, in any order
     */
    static List<ScoredLabel> select(List<ScoredLabel> scored, double[] thresholds, List<String> labels,
                                    int minFields) {
        List<ScoredLabel> byMargin = new ArrayList<>(scored);
        byMargin.sort(Comparator.comparingDouble(ScoredLabel::margin).reversed());
        List<ScoredLabel> selected = new ArrayList<>();
        for (int i = 0; i < byMargin.size(); i++) {
            ScoredLabel l = byMargin.get(i);
            if (i < minFields || l.probability() >= thresholds[labels.indexOf(l.label())]) {
                selected.add(l);
            }
        }
        selected.sort(ScoredLabel.BEST_FIRST);
        return List.copyOf(selected);
    }
}
