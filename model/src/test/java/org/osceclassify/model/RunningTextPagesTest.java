package org.osceclassify.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The running-text test set of {@code bench/running-text/} (statements written for measuring, never trained on)
 * parses as {@code bench/quality.sh} reads it: every page with the date, place, sources and fields its metadata
 * block declares, each label a name of the taxonomy, the menu kept out of the body, and every field of work in
 * at least three statements (the least support with which a label counts in macro-F1). So the set cannot rot unnoticed when the parser or the taxonomy changes.
 */
class RunningTextPagesTest {

    private static final Path DIR = TestFiles.repository().resolve("bench/running-text");

    @Test
    void everyPageParsesWithTheLabelsItDeclares() throws IOException {
        List<Path> pages = pages();
        assertTrue(pages.size() >= 24, "statements: " + pages.size());
        Taxonomy taxonomy = Taxonomy.bundled();
        for (Path page : pages) {
            String text = TestFiles.read(page);
            OsceDocument doc = Corpora.parsePage(text, Origin.of(page.toString()));
            String name = page.getFileName().toString();
            List<String> sources = declared(text, "Source");
            List<String> fields = declared(text, "Fields of work");
            assertFalse(sources.isEmpty(), name);
            assertTrue(fields.size() >= 2, name + " declares fewer than 2 fields");
            assertEquals(sources, doc.labels().sources(), name);
            assertEquals(fields, doc.labels().fields(), name);
            for (String source : sources) {
                assertEquals(source, taxonomy.source(source).map(Taxonomy.SourceBody::name).orElse(null), name);
            }
            for (String field : fields) {
                assertEquals(field, taxonomy.field(field).orElse(null), name);
            }
            assertTrue(doc.date().isPresent(), name);
            assertFalse(doc.place().isEmpty(), name);
            assertFalse(doc.title().isEmpty(), name);
            assertTrue(doc.body().startsWith(doc.place().toUpperCase(java.util.Locale.ROOT) + ", "), name);
            assertFalse(doc.body().contains("\n- "), name + ": a menu or metadata line reached the body");
        }
    }

    @Test
    void theSetReadsAsACorpusWithNothingSkippedOrUnknown() {
        try (CorpusReader reader = Corpora.open(DIR)) {
            assertEquals(pages().size(), reader.stream().count());
            assertEquals(0, reader.report().itemsSkipped());
            assertFalse(reader.report().hasUnknownLabels(), () -> reader.report().toString());
        }
    }

    @Test
    void everyFieldOfWorkIsInAtLeastThreeStatementsSoThatItCountsInMacroF1() {
        Map<String, Integer> statements = new TreeMap<>();
        for (Path page : pages()) {
            declared(TestFiles.read(page), "Fields of work").forEach(f -> statements.merge(f, 1, Integer::sum));
        }
        List<String> rare = Taxonomy.bundled().fields().stream().map(Taxonomy.Field::name)
                .filter(f -> statements.getOrDefault(f, 0) < 3).toList();
        assertEquals(List.of(), rare, "fields of work in fewer than 3 statements");
    }

    private static List<Path> pages() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The {@code - value} lines under a page's {@code - Key:} line, read without the parser. */
    private static List<String> declared(String text, String key) {
        List<String> values = new ArrayList<>();
        boolean in = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("- ") && line.endsWith(":")) {
                in = line.equals("- " + key + ":");
            } else if (in && line.startsWith("- ")) {
                values.add(line.substring(2));
            } else if (in) {
                break;
            }
        }
        return values;
    }
}
