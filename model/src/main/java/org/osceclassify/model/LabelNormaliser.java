package org.osceclassify.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Maps the labels and locations of a document to the taxonomy's canonical names, drops the duplicates that
 * mapping creates (keeping first-seen order), and tallies the names it does not know, which it keeps as written.
 *
 * <p>A corpus repeats the same few hundred label names over and over, so each look-up is remembered (up to
 * {@value #MEMO_LIMIT} names per kind, to bound memory on a corpus of unusual labels).
 */
final class LabelNormaliser {

    private static final int MEMO_LIMIT = 10_000;

    private final LoadReport.Tally tally;
    private final Function<String, Optional<String>> fieldName;
    private final Function<String, Optional<String>> sourceName;
    private final Function<String, Optional<String>> stateName;

    LabelNormaliser(ReadOptions options, LoadReport.Tally tally) {
        Taxonomy taxonomy = options.taxonomy();
        this.tally = tally;
        this.fieldName = memo(options.fieldsLevel() == ReadOptions.FieldsLevel.TOPICS
                ? taxonomy::topic : taxonomy::field);
        this.sourceName = memo(name -> taxonomy.source(name).map(Taxonomy.SourceBody::name));
        this.stateName = memo(name -> taxonomy.state(name).map(Taxonomy.State::name));
    }

    OsceDocument normalise(OsceDocument doc) {
        List<String> fields = map(doc.labels().fields(), fieldName, tally::unknownField);
        List<String> sources = map(doc.labels().sources(), sourceName, tally::unknownSource);
        List<String> locations = map(doc.locations(), stateName, tally::unknownLocation);
        return new OsceDocument(doc.id(), doc.title(), doc.body(), doc.date(), doc.place(), doc.contentType(),
                locations, new Labels(sources, fields), doc.origin());
    }

    private static Function<String, Optional<String>> memo(Function<String, Optional<String>> lookUp) {
        Map<String, Optional<String>> seen = new HashMap<>();
        return name -> {
            Optional<String> known = seen.get(name);
            if (known == null) {
                known = lookUp.apply(name);
                if (seen.size() < MEMO_LIMIT) {
                    seen.put(name, known);
                }
            }
            return known;
        };
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
