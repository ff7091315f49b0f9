package org.osceclassify.classifier;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/**
 * A document's labels as the two tasks see them: fields of work at the chosen level and source bodies under their
 * current names, each through the taxonomy. Names the taxonomy does not know are kept as they are.
 */
record Labelling(Taxonomy taxonomy, TrainingSettings.FieldsLevel level) {

    /** The fields (or sub-topics) of a document, without repeats, in the order listed; empty when unknown. */
    Set<String> fields(OsceDocument doc) {
        Set<String> fields = new LinkedHashSet<>();
        for (String name : doc.labels().fields()) {
            fields.add((level == TrainingSettings.FieldsLevel.TOPICS ? taxonomy.topic(name) : taxonomy.field(name))
                    .orElse(name));
        }
        return fields;
    }

    /** The source bodies of a document, without repeats, first-listed first; empty when unknown. */
    List<String> sources(OsceDocument doc) {
        return doc.labels().sources().stream()
                .map(name -> taxonomy.source(name).map(Taxonomy.SourceBody::name).orElse(name))
                .distinct()
                .toList();
    }
}
