package org.osceclassify.classifier;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * A label and how likely the model finds it.
 *
 * @param label       the label
 * @param probability the calibrated probability that the document has the label, in [0, 1]; a source's is its
 *                    share of the document's one source, so the sources' probabilities sum to 1
 * @param margin      the linear model's raw score (its decision value), which the probability calibrates:
 *                    positive for a label the model itself would predict
 */
public record ScoredLabel(String label, double probability, double margin) {

    /** Most probable first; equal probabilities by margin, then in label order, so rankings are deterministic. */
    public static final Comparator<ScoredLabel> BEST_FIRST = (a, b) -> {
        int byProbability = Double.compare(b.probability(), a.probability());
        if (byProbability != 0) {
            return byProbability;
        }
        int byMargin = Double.compare(b.margin(), a.margin());
        return byMargin != 0 ? byMargin : a.label().compareTo(b.label());
    };

    public ScoredLabel {
        Objects.requireNonNull(label, "label");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%.3f)", label, probability);
    }
}
