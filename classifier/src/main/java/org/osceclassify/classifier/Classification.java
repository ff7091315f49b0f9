package org.osceclassify.classifier;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link OsceClassifier} says about one document.
 *
 * @param id      the document's id: from the corpus, the page's file name, or the one the caller gave
 * @param fields  the predicted fields of work with their probabilities, most probable first
 * @param sources every known source body with its probability, most probable first: the first is the prediction
 * @param words   for each predicted field and for the top source, the features that weighed most for it,
 *                strongest first, each with its contribution to the margin (feature value times model weight);
 *                in the order of the fields, then the source
 * @param status  whether the document could be classified: if not (it is in a language the model was not trained
 *                on, or the model knows none of its words), it has no fields, sources or words
 */
public record Classification(String id, List<ScoredLabel> fields, List<ScoredLabel> sources,
                             Map<String, List<FeatureWeight>> words, ClassificationStatus status) {

    public Classification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        fields = List.copyOf(fields);
        sources = List.copyOf(sources);
        words = Collections.unmodifiableMap(new LinkedHashMap<>(words));
        if (!status.isOk() && !(fields.isEmpty() && sources.isEmpty() && words.isEmpty())) {
            throw new IllegalArgumentException("a document that could not be classified (" + status
                    + ") has no labels");
        }
    }

    /** A document that was classified. */
    public Classification(String id, List<ScoredLabel> fields, List<ScoredLabel> sources,
                          Map<String, List<FeatureWeight>> words) {
        this(id, fields, sources, words, ClassificationStatus.OK);
    }

    /** A document that could not be classified, for the reason {@code status} gives: no labels. */
    static Classification unclassified(String id, ClassificationStatus status) {
        return new Classification(id, List.of(), List.of(), Map.of(), status);
    }

    /** The best-ranked source body. */
    public String topSource() {
        return sources.isEmpty() ? "" : sources.get(0).label();
    }

    /** How many of the ranked sources {@link #toString()} shows. */
    private static final int SOURCES_SHOWN = 3;

    /**
     * One readable line: the id, the predicted fields and the three most probable sources with their
     * probabilities, and the labels explained, such as {@code stdin: fields Policing (0.930); sources OSCE Mission
     * to Serbia (0.880), Other (0.050), ... (5 more); words for 2 labels}.
     */
    @Override
    public String toString() {
        StringBuilder line = new StringBuilder(id).append(": fields ");
        line.append(fields.isEmpty() ? "none" : String.join(", ", fields.stream().map(ScoredLabel::toString).toList()));
        line.append("; sources ");
        line.append(sources.isEmpty() ? "none" : String.join(", ",
                sources.stream().limit(SOURCES_SHOWN).map(ScoredLabel::toString).toList()));
        if (sources.size() > SOURCES_SHOWN) {
            line.append(", ... (").append(sources.size() - SOURCES_SHOWN).append(" more)");
        }
        if (!words.isEmpty()) {
            line.append("; words for ").append(words.size()).append(words.size() == 1 ? " label" : " labels");
        }
        return line.toString();
    }
}
