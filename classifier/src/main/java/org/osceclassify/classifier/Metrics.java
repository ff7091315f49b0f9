package org.osceclassify.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes the metrics of {@link FieldsEvaluation} and {@link SourcesEvaluation} from predictions and the truth.
 * Cross-validation pools the out-of-fold predictions of all folds and scores them once.
 */
final class Metrics {

    /** How many ranked sources count for the top-3 accuracy. */
    static final int TOP_K = 3;

    private Metrics() {
    }

    /**
     * Scores multi-label predictions.
     *
     * @param truth      each item's true labels
     * @param predicted  each item's predicted labels, in the same order
     * @param labels     the label universe of the Hamming loss; the labels of {@code truth} and {@code predicted}
     *                   are added to it
     * @param thresholds the threshold used per label, reported alongside its scores (missing ones are NaN)
     */
    static FieldsEvaluation fields(List<Set<String>> truth, List<Set<String>> predicted, Set<String> labels,
                                   Map<String, Double> thresholds) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException(truth.size() + " true label sets but " + predicted.size()
                    + " predictions");
        }
        Set<String> universe = new TreeSet<>(labels);
        truth.forEach(universe::addAll);
        predicted.forEach(universe::addAll);
        Map<String, int[]> counts = new LinkedHashMap<>(); // label -> {tp, fp, fn}
        universe.forEach(l -> counts.put(l, new int[3]));
        double jaccard = 0;
        long wrong = 0;
        for (int i = 0; i < truth.size(); i++) {
            Set<String> t = truth.get(i);
            Set<String> p = predicted.get(i);
            int intersection = 0;
            for (String l : p) {
                if (t.contains(l)) {
                    intersection++;
                    counts.get(l)[0]++;
                } else {
                    counts.get(l)[1]++;
                    wrong++;
                }
            }
            for (String l : t) {
                if (!p.contains(l)) {
                    counts.get(l)[2]++;
                    wrong++;
                }
            }
            int union = t.size() + p.size() - intersection;
            jaccard += union == 0 ? 1.0 : (double) intersection / union;
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<LabelScores> perLabel = new ArrayList<>();
        double macroSum = 0;
        int macroLabels = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            tp += c[0];
            fp += c[1];
            fn += c[2];
            int support = c[0] + c[2];
            LabelScores scores = scores(e.getKey(), c[0], c[1], c[2],
                    thresholds.getOrDefault(e.getKey(), Double.NaN));
            perLabel.add(scores);
            if (support >= FieldsEvaluation.MACRO_MIN_SUPPORT) {
                macroSum += scores.f1();
                macroLabels++;
            }
        }
        perLabel.sort(BY_SUPPORT);
        int n = truth.size();
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        return new FieldsEvaluation(n, f1(precision, recall), macroLabels == 0 ? 0 : macroSum / macroLabels,
                precision, recall, n == 0 ? 0 : jaccard / n,
                n == 0 || universe.isEmpty() ? 0 : (double) wrong / ((long) n * universe.size()), perLabel);
    }

    /**
     * Scores ranked single-label predictions of items that may have several true labels.
     *
     * <p>An item is right at rank k when any of its labels is among the first k ranked. The confusion matrix and
     * the per-class scores judge the top-ranked label against the item's <em>matched</em> label: the top-ranked
     * one where it is one of the item's labels, else the first-listed one; so the matrix's diagonal sums to the
     * top-1 hits.
     *
     * @param truth   each item's labels, first-listed first (already folded into the model's classes)
     * @param ranked  each item's labels ranked best first
     * @param classes the classes of the model, the rows and columns of the confusion matrix (labels of
     *                {@code truth} that are not among them are added)
     */
    static SourcesEvaluation sources(List<List<String>> truth, List<List<String>> ranked, List<String> classes) {
        if (truth.size() != ranked.size()) {
            throw new IllegalArgumentException(truth.size() + " true label lists but " + ranked.size()
                    + " rankings");
        }
        Set<String> all = new TreeSet<>(classes);
        truth.forEach(all::addAll);
        ranked.forEach(r -> {
            if (!r.isEmpty()) {
                all.add(r.get(0));
            }
        });
        List<String> labels = List.copyOf(all);
        Map<String, Integer> index = new LinkedHashMap<>();
        labels.forEach(l -> index.put(l, index.size()));
        int[][] confusion = new int[labels.size()][labels.size()];
        int top1 = 0;
        int topK = 0;
        for (int i = 0; i < truth.size(); i++) {
            List<String> t = truth.get(i);
            List<String> r = ranked.get(i);
            if (t.isEmpty()) {
                throw new IllegalArgumentException("item " + i + " has no true label");
            }
            String best = r.isEmpty() ? null : r.get(0);
            if (best != null && t.contains(best)) {
                top1++;
            }
            if (r.stream().limit(TOP_K).anyMatch(t::contains)) {
                topK++;
            }
            if (best != null) {
                String actual = t.contains(best) ? best : t.get(0);
                confusion[index.get(actual)][index.get(best)]++;
            }
        }
        List<LabelScores> perLabel = new ArrayList<>();
        double macroSum = 0;
        int macroLabels = 0;
        for (int c = 0; c < labels.size(); c++) {
            int tp = confusion[c][c];
            int fp = 0;
            int fn = 0;
            for (int o = 0; o < labels.size(); o++) {
                if (o != c) {
                    fp += confusion[o][c];
                    fn += confusion[c][o];
                }
            }
            LabelScores scores = scores(labels.get(c), tp, fp, fn, Double.NaN);
            perLabel.add(scores);
            if (scores.support() >= FieldsEvaluation.MACRO_MIN_SUPPORT) {
                macroSum += scores.f1();
                macroLabels++;
            }
        }
        perLabel.sort(BY_SUPPORT);
        List<List<Integer>> matrix = new ArrayList<>();
        for (int[] row : confusion) {
            matrix.add(java.util.Arrays.stream(row).boxed().toList());
        }
        int n = truth.size();
        return new SourcesEvaluation(n, ratio(top1, n), ratio(topK, n), macroLabels == 0 ? 0 : macroSum / macroLabels,
                labels, matrix, perLabel);
    }

    private static final Comparator<LabelScores> BY_SUPPORT =
            Comparator.comparingInt(LabelScores::support).reversed().thenComparing(LabelScores::label);

    private static LabelScores scores(String label, int tp, int fp, int fn, double threshold) {
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        return new LabelScores(label, precision, recall, f1(precision, recall), tp + fn, threshold);
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
