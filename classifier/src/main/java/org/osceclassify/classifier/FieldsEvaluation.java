package org.osceclassify.classifier;

import java.util.List;

/**
 * Multi-label metrics for the fields-of-work task.
 *
 * @param items          test items with known fields
 * @param microF1        F1 over all (item, label) decisions pooled
 * @param macroF1        mean per-label F1 over the labels with at least {@link #MACRO_MIN_SUPPORT} test items
 * @param microPrecision pooled precision
 * @param microRecall    pooled recall
 * @param jaccard        example-based Jaccard: mean over items of |predicted ∩ true| / |predicted ∪ true|
 * @param hammingLoss    the share of (item, label) decisions that are wrong
 * @param perLabel       per-label scores, best supported first
 */
public record FieldsEvaluation(
        int items,
        double microF1,
        double macroF1,
        double microPrecision,
        double microRecall,
        double jaccard,
        double hammingLoss,
        List<LabelScores> perLabel) {

    /** Labels rarer than this in a test fold are left out of macro-F1, as the peers' figures are. */
    public static final int MACRO_MIN_SUPPORT = 3;

    public FieldsEvaluation {
        perLabel = List.copyOf(perLabel);
    }
}
