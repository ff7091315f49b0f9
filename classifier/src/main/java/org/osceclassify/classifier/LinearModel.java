package org.osceclassify.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * One task's trained model, as the bundle stores it: for each label a row of weights over the task's feature
 * columns and a bias, whose sum with a document's features is the label's margin; each label's calibration from
 * margin to probability and its decision threshold, a probability; and the provenance of its training, as text.
 *
 * <p>The columns are the feature pipeline's text features, by the pipeline's index, then the metadata features
 * the training items had, by name. Immutable and thread-safe; {@link LinearScorer} scores documents with it.
 */
public final class LinearModel {

    private final TrainingSettings.Algorithm solver;
    private final boolean exclusive;
    private final List<String> labels;
    private final int textFeatures;
    private final List<String> metaFeatures;
    /** Weights feature by feature: column {@code f}'s weight for label {@code l} at {@code f * labels + l}. */
    private final double[] weights;
    private final double[] biases;
    private final List<Calibration> calibrations;
    private final double[] thresholds;
    private final String provenance;

    /**
     * @param solver        the LibLinear solver that found the weights
     * @param exclusive     whether the labels are ranked for a document that has one of them (the sources), their
     *                      probabilities a softmax of their calibrated log-odds that sums to 1, rather than
     *                      thresholded for a document that has any number of them (the fields), each probability
     *                      its own
     * @param labels        the labels, each once
     * @param textFeatures  the number of text feature columns, the pipeline's vocabulary size
     * @param metaFeatures  the names of the metadata feature columns, in the order of their columns
     * @param rows          each label's weight row, {@code textFeatures + metaFeatures.size()} long
     * @param biases        each label's bias
     * @param calibrations  each label's calibration
     * @param thresholds    each label's decision threshold, a probability; 0 for the labels of an exclusive model,
     *                      which are ranked, not cut
     * @param provenance    how it was trained, as text
     */
    public LinearModel(TrainingSettings.Algorithm solver, boolean exclusive, List<String> labels, int textFeatures,
                       List<String> metaFeatures, double[][] rows, double[] biases, List<Calibration> calibrations,
                       double[] thresholds, String provenance) {
        this.solver = Objects.requireNonNull(solver, "solver");
        this.exclusive = exclusive;
        this.labels = List.copyOf(labels);
        if (Set.copyOf(this.labels).size() != this.labels.size() || this.labels.isEmpty()) {
            throw new IllegalArgumentException("a model needs distinct labels, has " + labels);
        }
        this.metaFeatures = List.copyOf(metaFeatures);
        if (textFeatures < 0 || Set.copyOf(this.metaFeatures).size() != this.metaFeatures.size()) {
            throw new IllegalArgumentException("a model needs distinct feature columns");
        }
        this.textFeatures = textFeatures;
        int l = this.labels.size();
        int columns = columns();
        if (rows.length != l || biases.length != l || calibrations.size() != l || thresholds.length != l) {
            throw new IllegalArgumentException("a model needs a weight row, bias, calibration and threshold for each "
                    + "of its " + l + " labels");
        }
        this.weights = new double[columns * l];
        for (int k = 0; k < l; k++) {
            if (rows[k].length != columns) {
                throw new IllegalArgumentException("the weight row of " + this.labels.get(k) + " has "
                        + rows[k].length + " columns, the model " + columns);
            }
            for (int f = 0; f < columns; f++) {
                weights[f * l + k] = finite(rows[k][f]);
            }
        }
        this.biases = biases.clone();
        this.thresholds = thresholds.clone();
        for (int k = 0; k < l; k++) {
            finite(this.biases[k]);
            if (!(this.thresholds[k] >= 0 && this.thresholds[k] <= 1)) {
                throw new IllegalArgumentException("a threshold is a probability, was " + this.thresholds[k]);
            }
        }
        this.calibrations = List.copyOf(calibrations);
        this.provenance = Objects.requireNonNull(provenance, "provenance");
    }

    private static double finite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a model's weights are finite numbers, one is " + value);
        }
        return value;
    }

    public TrainingSettings.Algorithm solver() {
        return solver;
    }

    /** Whether the labels are ranked, for a document that has one of them, rather than thresholded. */
    public boolean exclusive() {
        return exclusive;
    }


    public List<String> labels() {
        return labels;
    }

    /** The number of text feature columns: the vocabulary size of the pipeline the model was trained with. */
    public int textFeatures() {
        return textFeatures;
    }

    /** The metadata features the model knows, in the order of their columns after the text features. */
    public List<String> metaFeatures() {
        return metaFeatures;
    }

    /** The number of feature columns. */
    public int columns() {
        return textFeatures + metaFeatures.size();
    }

    /** The weight of column {@code column} for label {@code label} (an index into {@link #labels()}). */
    public double weight(int label, int column) {
        return weights[Objects.checkIndex(column, columns()) * labels.size() + Objects.checkIndex(label, labels.size())];
    }

    /** Label {@code label}'s weight row. */
    public double[] row(int label) {
        double[] row = new double[columns()];
        for (int f = 0; f < row.length; f++) {
            row[f] = weight(label, f);
        }
        return row;
    }

    public double bias(int label) {
        return biases[label];
    }

    public Calibration calibration(int label) {
        return calibrations.get(label);
    }

    /** Label {@code label}'s decision threshold, a probability. */
    public double threshold(int label) {
        return thresholds[label];
    }

    /** Each label's decision threshold, in label order. */
    public Map<String, Double> thresholds() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            out.put(labels.get(k), thresholds[k]);
        }
        return Collections.unmodifiableMap(out);
    }

    /** How the model was trained: the provenance Tribuo recorded for each label's training, as text. */
    public String provenance() {
        return provenance;
    }

    /**
     * The {@code limit} columns with the largest weights for {@code label}, by absolute value, strongest first;
     * text columns are named by {@code textName} (the pipeline's {@code textFeatureName}).
     */
    public List<FeatureWeight> strongest(int label, int limit, IntFunction<String> textName) {
        Integer[] order = new Integer[columns()];
        Arrays.setAll(order, f -> f);
        Arrays.sort(order, (a, b) -> {
            int byWeight = Double.compare(Math.abs(weight(label, b)), Math.abs(weight(label, a)));
            return byWeight != 0 ? byWeight : Integer.compare(a, b);
        });
        List<FeatureWeight> out = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, order.length) && weight(label, order[i]) != 0; i++) {
            out.add(new FeatureWeight(columnName(order[i], textName), weight(label, order[i])));
        }
        return List.copyOf(out);
    }

    /** The name of a column: a text feature's by {@code textName}, or the metadata feature's. */
    String columnName(int column, IntFunction<String> textName) {
        return column < textFeatures ? textName.apply(column) : metaFeatures.get(column - textFeatures);
    }

    /** This model with other decision thresholds, such as those of a stacked ensemble it is a member of. */
    LinearModel withThresholds(double[] newThresholds) {
        double[][] rows = new double[labels.size()][];
        for (int l = 0; l < rows.length; l++) {
            rows[l] = row(l);
        }
        return new LinearModel(solver, exclusive, labels, textFeatures, metaFeatures, rows, biases, calibrations,
                newThresholds, provenance);
    }

    /** The weights feature by feature, for {@link LinearScorer}; not to be modified. */
    double[] weightsByColumn() {
        return weights;
    }

    double[] biases() {
        return biases;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearModel m && solver == m.solver && exclusive == m.exclusive && labels.equals(m.labels)
                && textFeatures == m.textFeatures && metaFeatures.equals(m.metaFeatures)
                && Arrays.equals(weights, m.weights) && Arrays.equals(biases, m.biases)
                && calibrations.equals(m.calibrations) && Arrays.equals(thresholds, m.thresholds)
                && provenance.equals(m.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(labels, textFeatures, metaFeatures, Arrays.hashCode(weights), Arrays.hashCode(biases));
    }

    @Override
    public String toString() {
        return "LinearModel{" + solver + (exclusive ? ", exclusive" : "") + ", " + labels.size() + " labels, "
                + columns() + " columns}";
    }
}
