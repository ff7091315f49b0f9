package org.osceclassify.classifier;

/**
 * How well one label was predicted on a test set.
 *
 * @param label     the label
 * @param precision true positives over predicted positives (0 where nothing was predicted)
 * @param recall    true positives over actual positives (0 where the label never occurs)
 * @param f1        the harmonic mean of precision and recall
 * @param support   how many test items carry the label
 * @param threshold the decision threshold used for the label, or {@code Double.NaN} where none applies
 */
public record LabelScores(String label, double precision, double recall, double f1, int support, double threshold) {
}
