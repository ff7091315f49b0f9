package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code classify} on text the model cannot read: in another language than the one it was trained on, or with no
 * word it knows. Such a document gets no fields and no sources, its status says why (the {@code status} column of
 * CSV, the {@code status} field of JSONL), and one line at the end on stderr counts them.
 */
class UnclassifiableInputTest {

    static final String ENGLISH = "BELGRADE, 3 May 2024 - The OSCE Mission to Serbia trained forty police officers "
            + "in forensic crime investigation, with a course on securing evidence at crime scenes.";
    static final String RUSSIAN = "Представитель ОБСЕ по вопросам свободы СМИ выразил озабоченность тем, что "
            + "журналистам не дают освещать выборы в нескольких городах.";
    static final String FRENCH = "Le Représentant de l'OSCE pour la liberté des médias s'est inquiété du fait que "
            + "des journalistes ne peuvent pas couvrir les élections dans plusieurs villes.";

    @TempDir
    static Path dir;
    private static Path model;

    /** A model trained on the bundled corpus, which is in English. */
    @BeforeAll
    static void trainOnTheBundledCorpus() {
        model = dir.resolve("model.osce");
        CliRun run = CliRun.of("train", "--corpus", Path.of("..", "seeds", "osce-items.csv").toString(), "--model",
                model.toString(), "--no-evaluate");
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void unknownWordsOnStdinGetNoLabelsAndTheStatusSaysWhy() throws IOException {
        CliRun run = CliRun.withStdin("xyzzy qwerty\n", "classify", "--model", model.toString(), "--format", "csv",
                "-");

        assertEquals(0, run.exitCode(), run.err());
        CSVRecord row = rows(run.out()).get(0);
        assertEquals("stdin", row.get("id"));
        assertEquals("", row.get("fields"));
        assertEquals("", row.get("sources"));
        assertEquals("", row.get("field_scores"));
        assertEquals("", row.get("source_scores"));
        assertEquals("no-known-words", row.get("status"));
        assertEquals("osce-classify: 1 document could not be classified (1 with no known words)\n", run.err());
    }

    @Test
    void aRussianStatementIsMarkedAsRussianAndGetsNoLabels() throws IOException {
        CliRun run = CliRun.withStdin(RUSSIAN, "classify", "--model", model.toString(), "--format", "jsonl", "-");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode line = new ObjectMapper().readTree(run.out());
        assertEquals("unsupported-language:ru", line.get("status").asText());
        assertEquals(0, line.get("fields").size());
        assertEquals(0, line.get("sources").size());
        assertEquals("osce-classify: 1 document could not be classified (1 in another language)\n", run.err());
    }

    @Test
    void theTableSaysADocumentWasNotClassified() {
        CliRun run = CliRun.withStdin(FRENCH, "classify", "--model", model.toString(), "-");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("stdin\n  not classified: unsupported-language:fr\n", run.out());
    }

    @Test
    void aCorpusOfMixedDocumentsCountsThoseThatCouldNotBeClassifiedByReason() throws IOException {
        Path corpus = dir.resolve("mixed.csv");
        Files.writeString(corpus, "id,title,text\n"
                + "en,Forensic training for police," + csvField(ENGLISH) + "\n"
                + "ru,Заявление," + csvField(RUSSIAN) + "\n"
                + "fr,Déclaration," + csvField(FRENCH) + "\n"
                + "gibberish,xyzzy,qwerty plugh\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.of("classify", "--model", model.toString(), "--format", "csv", "--explain",
                corpus.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<CSVRecord> rows = rows(run.out());
        assertEquals(List.of("id", "fields", "sources", "field_scores", "source_scores", "status", "words"),
                rows.get(0).getParser().getHeaderNames());
        assertEquals(List.of("ok", "unsupported-language:ru", "unsupported-language:fr", "no-known-words"),
                rows.stream().map(r -> r.get("status")).toList());
        assertFalse(rows.get(0).get("fields").isEmpty(), "the English statement is classified");
        assertFalse(rows.get(0).get("words").isEmpty());
        for (CSVRecord row : rows.subList(1, 4)) {
            assertEquals("", row.get("fields") + row.get("sources") + row.get("words"), row.get("id"));
        }
        assertEquals("osce-classify: 3 documents could not be classified (2 in another language, 1 with no known "
                + "words)\n", run.err());
    }

    @Test
    void whenEveryDocumentIsClassifiedNothingIsCounted() throws IOException {
        CliRun run = CliRun.withStdin(ENGLISH, "classify", "--model", model.toString(), "--format", "jsonl", "-");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode line = new ObjectMapper().readTree(run.out());
        assertEquals("ok", line.get("status").asText());
        assertTrue(line.get("fields").size() > 0);
        assertEquals("", run.err());
    }

    @Test
    void quietLeavesTheCountOut() {
        CliRun run = CliRun.withStdin("xyzzy qwerty", "classify", "--quiet", "--model", model.toString(), "-");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
    }

    private static List<CSVRecord> rows(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
                .getRecords();
    }

    private static String csvField(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
