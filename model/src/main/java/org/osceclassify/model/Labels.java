package org.osceclassify.model;

import java.util.List;
import java.util.Objects;

/**
 * The labels of a document: what a classifier predicts, never what it reads.
 *
 * <p>An empty list means <em>unknown</em> (the site showed none), not <em>none</em>: such a document is left
 * out of that task's training and evaluation.
 *
 * @param sources the issuing bodies, in the order the site lists them
 * @param fields  the fields of work (or their sub-topics), in the order the site lists them
 */
public record Labels(List<String> sources, List<String> fields) {

    /** No labels at all. */
    public static final Labels NONE = new Labels(List.of(), List.of());

    public Labels {
        sources = List.copyOf(Objects.requireNonNullElse(sources, List.of()));
        fields = List.copyOf(Objects.requireNonNullElse(fields, List.of()));
    }

    public boolean hasSources() {
        return !sources.isEmpty();
    }

    public boolean hasFields() {
        return !fields.isEmpty();
    }
}
