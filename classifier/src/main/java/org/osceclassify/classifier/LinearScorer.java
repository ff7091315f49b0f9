package org.osceclassify.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osceclassify.features.FeaturePipeline;

/**
 * Scores documents with a {@link LinearModel} straight from its feature pipeline's output: the one scoring path of
 * every command, evaluation and explanation. A document's margin for a label is the sum of its features' values
 * times the label's weights, in the order the pipeline emits them (feature name order, the order LibLinear sums
 * them in), plus the label's bias; its probability comes from the label's calibration of the margin (see
 * {@link #probabilities}). Immutable and thread-safe.
 */
final class LinearScorer {

    private final FeaturePipeline pipeline;
    private final LinearModel model;
    private final int labels;
    private final double[] weights;
    private final double[] biases;
    /** The column of each metadata feature the model knows. */
    private final Map<String, Integer> metaColumns;

    LinearScorer(FeaturePipeline pipeline, LinearModel model) {
        if (pipeline != null && pipeline.vocabularySize() != model.textFeatures()) {
            throw new IllegalArgumentException("the model has " + model.textFeatures()
                    + " text features, its pipeline " + pipeline.vocabularySize());
        }
        this.pipeline = pipeline;
        this.model = model;
        this.labels = model.labels().size();
        this.weights = model.weightsByColumn();
        this.biases = model.biases();
        Map<String, Integer> meta = new HashMap<>();
        for (int j = 0; j < model.metaFeatures().size(); j++) {
            meta.put(model.metaFeatures().get(j), model.textFeatures() + j);
        }
        this.metaColumns = Map.copyOf(meta);
    }

    /**
     * A scorer of a model over a dense vector, a sentence embedding (see {@link SentenceStack}): its columns are the
     * vector's dimensions, and it has no pipeline.
     */
    static LinearScorer dense(LinearModel model) {
        if (model.textFeatures() != 0) {
            throw new IllegalArgumentException("a model over a dense vector has no text features");
        }
        return new LinearScorer(null, model);
    }

    LinearModel model() {
        return model;
    }

    /** Each label's margin for a dense vector, whose dimensions are the model's columns, in label order. */
    double[] margins(float[] vector) {
        if (vector.length != model.columns()) {
            throw new IllegalArgumentException("the model has " + model.columns() + " columns, the vector "
                    + vector.length + " dimensions");
        }
        double[] margins = new double[labels];
        for (int f = 0; f < vector.length; f++) {
            int base = f * labels;
            double value = vector[f];
            for (int l = 0; l < labels; l++) {
                margins[l] += weights[base + l] * value;
            }
        }
        for (int l = 0; l < labels; l++) {
            margins[l] += biases[l];
        }
        return margins;
    }

    /** A document's features as this scorer's model knows them, to score and to explain. */
    Nodes features(FeaturePipeline.Analysis analysis) {
        Nodes nodes = new Nodes();
        pipeline.extract(analysis, nodes);
        return nodes;
    }

    /** Each label's margin for a document's features, in label order. */
    double[] margins(Nodes nodes) {
        double[] margins = new double[labels];
        for (int i = 0; i < nodes.size; i++) {
            int base = nodes.columns[i] * labels;
            double value = nodes.values[i];
            for (int l = 0; l < labels; l++) {
                margins[l] += weights[base + l] * value;
            }
        }
        for (int l = 0; l < labels; l++) {
            margins[l] += biases[l];
        }
        return margins;
    }

    /**
     * Each label's probability for its margin, in label order. Of independent labels (the fields), each label's own
     * calibrated probability. Of an exclusive model (the sources), a softmax of the labels' calibrated log-odds,
     * which sums to 1 and ranks the labels as their margins do (see {@link TaskTraining}).
     */
    double[] probabilities(double[] margins) {
        double[] p = new double[labels];
        if (!model.exclusive()) {
            for (int l = 0; l < labels; l++) {
                p[l] = model.calibration(l).probability(margins[l]);
            }
            return p;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < labels; l++) {
            p[l] = model.calibration(l).logOdds(margins[l]);
            max = Math.max(max, p[l]);
        }
        double sum = 0;
        for (int l = 0; l < labels; l++) {
            p[l] = Math.exp(p[l] - max);
            sum += p[l];
        }
        for (int l = 0; l < labels; l++) {
            p[l] /= sum;
        }
        return p;
    }

    /** The softmax of log-odds: probabilities that sum to 1, in the same order. */
    static double[] softmax(double[] logOdds) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logOdds) {
            max = Math.max(max, z);
        }
        double[] p = new double[logOdds.length];
        double sum = 0;
        for (int l = 0; l < p.length; l++) {
            p[l] = Math.exp(logOdds[l] - max);
            sum += p[l];
        }
        for (int l = 0; l < p.length; l++) {
            p[l] /= sum;
        }
        return p;
    }

    /** The logistic of each log-odds: independent probabilities. */
    static double[] logistic(double[] logOdds) {
        double[] p = new double[logOdds.length];
        for (int l = 0; l < p.length; l++) {
            p[l] = Combiner.sigmoid(logOdds[l]);
        }
        return p;
    }

    /**
     * The document's features that weigh most for label {@code label} (an index into the model's labels),
     * strongest first, at most {@code limit} and only those that count for it: each feature's value times its
     * weight, ties in feature name order.
     */
    List<FeatureWeight> strongest(Nodes nodes, int label, int limit) {
        List<FeatureWeight> words = new ArrayList<>(nodes.size);
        for (int i = 0; i < nodes.size; i++) {
            double contribution = weights[nodes.columns[i] * labels + label] * nodes.values[i];
            if (contribution > 0) {
                words.add(new FeatureWeight(model.columnName(nodes.columns[i], pipeline::textFeatureName),
                        contribution));
            }
        }
        words.sort((a, b) -> {
            int byWeight = Double.compare(b.weight(), a.weight());
            return byWeight != 0 ? byWeight : a.feature().compareTo(b.feature());
        });
        return List.copyOf(words.subList(0, Math.min(limit, words.size())));
    }

    /** Collects a document's known features as column numbers and values, in the order the pipeline emits them. */
    final class Nodes implements FeaturePipeline.FeatureSink {
        int[] columns = new int[64];
        double[] values = new double[64];
        int size;
        int textSize;

        @Override
        public void text(int index, double value) {
            add(index, value);
            textSize++;
        }

        @Override
        public void meta(String name, double value) {
            Integer column = metaColumns.get(name);
            if (column != null) {
                add(column, value);
            }
        }

        private void add(int column, double value) {
            if (size == columns.length) {
                columns = Arrays.copyOf(columns, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            columns[size] = column;
            values[size++] = value;
        }

        /** Whether the model knows any of the document's features. */
        boolean isEmpty() {
            return size == 0;
        }

        /** Whether the model knows any of the document's words: metadata features do not count. */
        boolean hasWords() {
            return textSize > 0;
        }

        /** How many of the document's text features the model knows. */
        int words() {
            return textSize;
        }
    }
}
