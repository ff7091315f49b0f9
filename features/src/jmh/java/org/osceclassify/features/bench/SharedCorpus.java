package org.osceclassify.features.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.osceclassify.model.Labels;
import org.osceclassify.model.Origin;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/**
 * Reads the shared labelled corpus ({@code osce-items.csv}) for benchmarks and quick checks, and builds a
 * taxonomy good enough to exercise name matching: the participating States, and the source bodies the corpus
 * names. The project's own corpus reader lives in the model module; this is bench code only.
 */
final class SharedCorpus {

    /** Where the shared corpus lives unless a benchmark parameter says otherwise. */
    static final String DEFAULT_PATH = "/work/shared/data/osce-items.csv";

    /** The 57 participating States of the OSCE. */
    private static final List<String> STATES = List.of("Albania", "Andorra", "Armenia", "Austria", "Azerbaijan",
            "Belarus", "Belgium", "Bosnia and Herzegovina", "Bulgaria", "Canada", "Croatia", "Cyprus", "Czechia",
            "Denmark", "Estonia", "Finland", "France", "Georgia", "Germany", "Greece", "Holy See", "Hungary",
            "Iceland", "Ireland", "Italy", "Kazakhstan", "Kyrgyzstan", "Latvia", "Liechtenstein", "Lithuania",
            "Luxembourg", "Malta", "Moldova", "Monaco", "Mongolia", "Montenegro", "Netherlands", "North Macedonia",
            "Norway", "Poland", "Portugal", "Romania", "Russian Federation", "San Marino", "Serbia", "Slovakia",
            "Slovenia", "Spain", "Sweden", "Switzerland", "Tajikistan", "Türkiye", "Turkmenistan", "Ukraine",
            "United Kingdom", "United States of America", "Uzbekistan");

    private SharedCorpus() {
    }

    static List<OsceDocument> read(Path csv) throws IOException {
        List<OsceDocument> docs = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord r : parser) {
                String date = r.get("date");
                docs.add(new OsceDocument(r.get("id"), r.get("title"), r.get("text"),
                        date.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(date)),
                        r.get("dateline"), r.get("content_type"), split(r.get("locations")),
                        new Labels(split(r.get("sources")), split(r.get("fields"))),
                        Origin.of(csv.toString(), parser.getCurrentLineNumber())));
            }
        }
        return docs;
    }

    static Taxonomy taxonomy(List<OsceDocument> docs) {
        TreeSet<String> sources = new TreeSet<>();
        docs.forEach(d -> sources.addAll(d.labels().sources()));
        return new Taxonomy(List.of(),
                sources.stream().map(s -> new Taxonomy.SourceBody(s, "", "", List.of())).toList(),
                STATES.stream().map(s -> new Taxonomy.State(s, List.of())).toList());
    }

    private static List<String> split(String joined) {
        return joined.isBlank() ? List.of() : Arrays.stream(joined.split(";")).map(String::strip).toList();
    }
}
