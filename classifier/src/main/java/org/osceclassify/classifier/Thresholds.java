package org.osceclassify.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-label decision thresholds of the fields task: tuned to maximise each label's F1 on validation scores, and
 * applied so that a document always keeps its best fields.
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
     * Tunes one threshold per label on validation scores. A label with fewer than {@code minSupport} positive
     * items gets the shared threshold that maximises F1 over all (item, label) decisions pooled.
     *
     * @param scores each validation item's score per label
     * @param truth  each validation item's true labels
     * @param labels the labels to tune
     */
    static Map<String, Double> tune(List<Map<String, Double>> scores, List<Set<String>> truth,
                                    Collection<String> labels, int minSupport) {
        int n = scores.size();
        double[] pooledScores = new double[n * labels.size()];
        boolean[] pooledTruth = new boolean[n * labels.size()];
        Map<String, Double> thresholds = new LinkedHashMap<>();
        int j = 0;
        for (String label : labels) {
            double[] s = new double[n];
            boolean[] t = new boolean[n];
            int support = 0;
            for (int i = 0; i < n; i++) {
                s[i] = scores.get(i).get(label);
                t[i] = truth.get(i).contains(label);
                support += t[i] ? 1 : 0;
                pooledScores[j] = s[i];
                pooledTruth[j++] = t[i];
            }
            thresholds.put(label, support >= minSupport ? best(s, t) : Double.NaN);
        }
        double shared = best(pooledScores, pooledTruth);
        thresholds.replaceAll((label, t) -> Double.isNaN(t) ? shared : t);
        return thresholds;
    }

    /**
     * The labels a document gets: those scored at or above their threshold, and at least the {@code minFields}
     * best-scored ones; best first.
     */
    static List<ScoredLabel> select(Map<String, Double> scores, Map<String, Double> thresholds, int minFields) {
        List<ScoredLabel> ranked = new ArrayList<>();
        scores.forEach((label, score) -> ranked.add(new ScoredLabel(label, score)));
        ranked.sort(ScoredLabel.BEST_FIRST);
        List<ScoredLabel> selected = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            ScoredLabel l = ranked.get(i);
            Double threshold = thresholds.get(l.label());
            if (i < minFields || (threshold != null && l.score() >= threshold)) {
                selected.add(l);
            }
        }
        return List.copyOf(selected);
    }
}
