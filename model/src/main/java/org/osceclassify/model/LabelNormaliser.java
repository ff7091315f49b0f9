package org.osceclassify.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Maps the labels and locations of a document to the taxonomy's canonical names, drops the duplicates that
 * mapping creates (keeping first-seen order), and tallies the names it does not know, which it keeps as written.
 */
final class LabelNormaliser {

    private final Taxonomy taxonomy;
    private final ReadOptions.FieldsLevel fieldsLevel;
    private final LoadReport.Tally tally;

    LabelNormaliser(ReadOptions options, LoadReport.Tally tally) {
        this.taxonomy = options.taxonomy();
        this.fieldsLevel = options.fieldsLevel();
        this.tally = tally;
    }

    OsceDocument normalise(OsceDocument doc) {
        Function<String, Optional<String>> fieldName = fieldsLevel == ReadOptions.FieldsLevel.TOPICS
                ? taxonomy::topic : taxonomy::field;
        List<String> fields = map(doc.labels().fields(), fieldName, tally::unknownField);
        List<String> sources = map(doc.labels().sources(),
                name -> taxonomy.source(name).map(Taxonomy.SourceBody::name), tally::unknownSource);
        List<String> locations = map(doc.locations(),
                name -> taxonomy.state(name).map(Taxonomy.State::name), tally::unknownLocation);
        return new OsceDocument(doc.id(), doc.title(), doc.body(), doc.date(), doc.place(), doc.contentType(),
                locations, new Labels(sources, fields), doc.origin());
    }

    private static List<String> map(List<String> names, Function<String, Optional<String>> canonical,
                                    Consumer<String> unknown) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : names) {
            Optional<String> known = canonical.apply(name);
            if (known.isEmpty()) {
                unknown.accept(name);
            }
            out.add(known.orElse(name));
        }
        return new ArrayList<>(out);
    }
}
