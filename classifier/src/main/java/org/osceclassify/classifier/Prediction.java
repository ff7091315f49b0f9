package org.osceclassify.classifier;

import java.util.List;

/**
 * What a {@link TrainedClassifier} says about one document.
 *
 * @param fields  the fields of work it is about, best first: every field scored at or above its threshold, and at
 *                least {@link TrainingSettings#minFields()} of them
 * @param sources every known source body, best first; the first is the prediction, the rest the alternatives
 */
public record Prediction(List<ScoredLabel> fields, List<ScoredLabel> sources) {

    public Prediction {
        fields = List.copyOf(fields);
        sources = List.copyOf(sources);
    }

    /** The best-ranked source body, or empty when the classifier knows none. */
    public java.util.Optional<ScoredLabel> source() {
        return sources.stream().findFirst();
    }
}
