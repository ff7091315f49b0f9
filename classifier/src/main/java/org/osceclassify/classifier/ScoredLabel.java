package org.osceclassify.classifier;

import java.util.Comparator;
import java.util.Objects;

/**
 * A predicted label and the model's score for it: a probability for logistic regression, a decision value for an
 * SVM, a vote share for an ensemble. Higher is more likely.
 *
 * @param label the label
 * @param score the score
 */
public record ScoredLabel(String label, double score) {

    /** Highest score first; equal scores in label order, so rankings are deterministic. */
    public static final Comparator<ScoredLabel> BEST_FIRST = (a, b) -> {
        int byScore = Double.compare(b.score(), a.score());
        return byScore != 0 ? byScore : a.label().compareTo(b.label());
    };

    public ScoredLabel {
        Objects.requireNonNull(label, "label");
    }
}
