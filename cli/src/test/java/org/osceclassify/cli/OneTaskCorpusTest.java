package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus with the labels of one task only, fields of work or source bodies, trains that task: {@code train}
 * warns on stderr which task was left out, {@code inspect} says so, and {@code classify} gives what the model has,
 * with the same CSV columns. A corpus with neither stays an error, in one line.
 */
class OneTaskCorpusTest {

    @TempDir
    static Path dir;

    @Test
    void aCorpusWithFieldsButNoSourcesTrainsTheFieldsTask() throws IOException {
        Path corpus = corpus("fields-only.csv", ",,$2,\n");
        Path model = dir.resolve("fields-only.osce");

        CliRun train = train(corpus, model);

        assertEquals(0, train.exitCode(), train.err());
        assertEquals("osce-classify: WARN: " + corpus + ": no item has sources: the source bodies task is left out, "
                + "and the model will give no sources", train.err().lines().findFirst().orElse(""), train.err());
        assertTrue(train.out().contains("fields of work: 3 labels; source bodies: left out"), train.out());

        CliRun classify = CliRun.of("classify", "--model", model.toString(), "--format", "csv", corpus.toString());
        assertEquals(0, classify.exitCode(), classify.err());
        List<CSVRecord> rows = rows(classify.out());
        assertEquals(List.of("id", "fields", "sources", "field_scores", "source_scores", "status"),
                rows.get(0).getParser().getHeaderNames());
        assertEquals(30, rows.size());
        for (CSVRecord row : rows) {
            assertFalse(row.get("fields").isEmpty(), row.get("id"));
            assertEquals("", row.get("sources"));
            assertEquals("", row.get("source_scores"));
            assertEquals("ok", row.get("status"));
        }

        CliRun inspect = CliRun.of("inspect", "--model", model.toString());
        assertEquals(0, inspect.exitCode(), inspect.err());
        assertTrue(inspect.out().contains("left out:       the source bodies task (the corpus had no labels for "
                + "it); classify gives no sources"), inspect.out());
        assertTrue(inspect.out().contains("fields of work (3)"), inspect.out());
        assertFalse(inspect.out().contains("source bodies ("), inspect.out());
    }

    @Test
    void aCorpusWithSourcesButNoFieldsTrainsTheSourcesTask() throws IOException {
        Path corpus = corpus("sources-only.csv", ",$1,,\n");
        Path model = dir.resolve("sources-only.osce");

        CliRun train = train(corpus, model);

        assertEquals(0, train.exitCode(), train.err());
        assertEquals("osce-classify: WARN: " + corpus + ": no item has fields of work: the fields of work task is "
                + "left out, and the model will give no fields", train.err().lines().findFirst().orElse(""),
                train.err());

        CliRun classify = CliRun.withStdin("Police officers completed a course on crime investigation and patrol",
                "classify", "--model", model.toString(), "--format", "csv", "-");
        assertEquals(0, classify.exitCode(), classify.err());
        CSVRecord row = rows(classify.out()).get(0);
        assertEquals("", row.get("fields"));
        assertEquals("", row.get("field_scores"));
        assertEquals("OSCE Mission to Serbia", row.get("sources").split(";")[0]);
        assertEquals("ok", row.get("status"));

        CliRun inspect = CliRun.of("inspect", "--model", model.toString());
        assertEquals(0, inspect.exitCode(), inspect.err());
        assertTrue(inspect.out().contains("left out:       the fields of work task"), inspect.out());
    }

    @Test
    void aCorpusWithNeitherIsRefusedInOneLine() throws IOException {
        Path corpus = corpus("neither.csv", ",,,\n");

        CliRun train = train(corpus, dir.resolve("x.osce"));

        assertEquals(1, train.exitCode());
        assertEquals("", train.out());
        assertEquals(1, train.err().lines().count(), train.err());
        assertTrue(train.err().startsWith("osce-classify: " + corpus + ": cannot train: 0 of 30 items have fields "
                + "of work and 0 have sources"), train.err());
        assertFalse(Files.exists(dir.resolve("x.osce")));
    }

    /**
     * The test corpus of 30 items at {@code name}, each row's sources and fields ({@code $1} and {@code $2}, the
     * last columns but one) as {@code labels} puts them.
     */
    private static Path corpus(String name, String labels) throws IOException {
        return Files.writeString(dir.resolve(name),
                TestCorpus.csv(10).replaceAll(",([^,\n]*),([^,\n]*),\n", labels));
    }

    private static CliRun train(Path corpus, Path model) {
        return CliRun.of("train", "--corpus", corpus.toString(), "--model", model.toString());
    }

    private static List<CSVRecord> rows(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
                .getRecords();
    }
}
