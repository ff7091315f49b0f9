package org.osceclassify.classifier;

import java.util.List;

/**
 * Metrics for the source-body task.
 *
 * <p>An item may have several sources; a prediction counts as correct at rank k when any of the item's
 * sources (after folding rare ones into "Other") is among the top k.
 *
 * @param items     test items with known sources
 * @param top1      share of items whose best-ranked source is one of theirs
 * @param top3      share of items with one of their sources among the three best-ranked
 * @param macroF1   mean per-class F1 of the top-1 decision over the classes with at least 3 test items
 * @param labels    the classes, in the order of the confusion matrix's rows and columns
 * @param confusion confusion counts: {@code confusion.get(actual).get(predicted)}, predicted being the
 *                  best-ranked source and actual the item's source that matches it, or else its first-listed
 *                  source (so the diagonal sums to the top-1 hits)
 * @param perLabel  per-class scores of the top-1 decision
 */
public record SourcesEvaluation(
        int items,
        double top1,
        double top3,
        double macroF1,
        List<String> labels,
        List<List<Integer>> confusion,
        List<LabelScores> perLabel) {

    public SourcesEvaluation {
        labels = List.copyOf(labels);
        confusion = confusion.stream().map(List::copyOf).toList();
        perLabel = List.copyOf(perLabel);
    }
}
