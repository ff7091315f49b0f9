package org.osceclassify.classifier;

import java.util.List;
import java.util.Objects;

/**
 * A test document that got a wrong label, with what was predicted and what its corpus says, so that either the
 * model or the corpus can be put right. {@link Evaluation#worstErrors()} keeps the most confident of them.
 *
 * @param id          the document's id
 * @param origin      where the document was read: {@code file:line} of a CSV corpus, or the page's file
 * @param title       the document's title, empty when it has none
 * @param task        {@link #FIELDS} or {@link #SOURCES}
 * @param wrongLabel  the most probable of the predicted labels that the document does not have
 * @param probability that label's probability
 * @param predicted   every predicted label of the task: the predicted fields, or the top source
 * @param expected    the document's labels of the task in the corpus (sources folded into the model's classes)
 */
public record LabelError(String id, String origin, String title, String task, String wrongLabel, double probability,
                         List<String> predicted, List<String> expected) {

    /** The fields-of-work task. */
    public static final String FIELDS = "fields";
    /** The source-body task. */
    public static final String SOURCES = "sources";

    public LabelError {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(wrongLabel, "wrongLabel");
        predicted = List.copyOf(predicted);
        expected = List.copyOf(expected);
    }
}
