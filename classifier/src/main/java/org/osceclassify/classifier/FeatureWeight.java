package org.osceclassify.classifier;

import java.util.Objects;

/**
 * A feature and how much it weighs for a label: in an explanation, its value in the document times the model's
 * weight (its contribution to the margin); in {@code inspect}, the model's weight alone.
 *
 * @param feature the feature's name, such as {@code text:elect} or {@code meta:place=belgrade}
 * @param weight  its weight; positive counts for the label
 */
public record FeatureWeight(String feature, double weight) {

    public FeatureWeight {
        Objects.requireNonNull(feature, "feature");
    }

    @Override
    public String toString() {
        return feature + String.format(java.util.Locale.ROOT, " %+.3f", weight);
    }
}
