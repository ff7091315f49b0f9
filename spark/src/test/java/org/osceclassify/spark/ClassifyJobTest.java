package org.osceclassify.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osceclassify.classifier.ClassificationCsv;
import org.osceclassify.classifier.ScoredLabel;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Origin;

/** {@link ClassifyJob} in {@code local[2]}: its output against {@code classify --format csv}, bad input, errors. */
class ClassifyJobTest {

    private static SparkSession spark;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        BundledModel.classifier();
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private int job(String... args) {
        return ClassifyJob.run(args, spark, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String bundle() {
        return BundledModel.bundle().toString();
    }

    @Test
    void theBundledCorpusGetsTheCsvOfClassify() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, job("--model", bundle(), "--input", BundledModel.CORPUS.toString(), "--output", out.toString()),
                stderr());
        assertTrue(Files.exists(out.resolve("_SUCCESS")), "Spark's _SUCCESS marker");
        Map<String, List<String>> expected = BundledModel.expectedCsv(BundledModel.CORPUS);
        assertEquals(1039, expected.size());
        assertEquals(expected, readCsv(out));
    }

    @Test
    void aFolderOfPagesIsClassifiedAsClassifyDoesAndBadPagesAreSkipped() throws IOException {
        Path pages = dir.resolve("pages");
        Files.createDirectories(pages.resolve("sub"));
        try (Stream<Path> seeds = Files.list(BundledModel.PAGES)) {
            for (Path page : seeds.toList()) {
                Files.copy(page, pages.resolve("sub").resolve(page.getFileName()));
            }
        }
        Files.writeString(pages.resolve("statement.txt"),
                "Police officers from Serbia completed a forensic crime investigation course organized by the OSCE.");
        Files.writeString(pages.resolve("empty.txt"), "");
        Files.write(pages.resolve("binary.txt"), new byte[] {'a', (byte) 0xff, (byte) 0xfe, '\n'});
        Files.writeString(pages.resolve(".hidden.txt"), "Elections were observed.");
        Files.writeString(pages.resolve("notes.md"), "Elections were observed.");
        Path out = dir.resolve("out");

        assertEquals(0, job("--model", bundle(), "--input", pages.toString(), "--output", out.toString()), stderr());

        Map<String, List<String>> expected = BundledModel.expectedCsv(pages);
        assertEquals(List.of("000_a9c4aad380b505f8", "statement"), expected.keySet().stream().sorted().toList());
        assertEquals(expected, readCsv(out));
    }

    @Test
    void badRowsAreSkippedAndTheRestClassified() throws IOException {
        Path corpus = dir.resolve("bad.csv");
        Files.writeString(corpus, String.join("\n",
                "id,title,text,date",
                "good1,Police training,\"Police officers trained in forensic\ninvestigation in Belgrade.\",2024-05-03",
                "short,only two fields",
                ",No id,Election observers deployed.,2024-01-01",
                "blank,,,",
                "good2,Elections,Election observers deployed across the country.,not-a-date",
                ""));
        Path out = dir.resolve("out");

        assertEquals(0, job("--model", bundle(), "--input", corpus.toString(), "--output", out.toString()), stderr());

        Map<String, List<String>> expected = BundledModel.expectedCsv(corpus);
        assertEquals(List.of("good1", "good2"), List.copyOf(expected.keySet()));
        assertEquals(expected, readCsv(out));
    }

    @Test
    void jsonLinesInParquetOut() throws IOException {
        Path jsonl = dir.resolve("docs.jsonl");
        Files.writeString(jsonl, String.join("\n",
                "{\"id\": 17, \"title\": \"Police training\", \"text\": \"Police officers trained in Belgrade.\"}",
                "{\"id\": \"b\", \"text\": \"Election observers deployed across the country.\", \"date\": \"2024-01-01\"}",
                "{not json",
                ""));
        Path out = dir.resolve("out");

        assertEquals(0, job("--model", bundle(), "--input", jsonl.toString(), "--output", out.toString(),
                "--format", "parquet"), stderr());

        List<Row> rows = spark.read().parquet(out.toString()).orderBy("id").collectAsList();
        assertEquals(List.of("id", "fields", "sources", "field_scores", "source_scores", "status"),
                List.of(rows.get(0).schema().fieldNames()));
        assertEquals(List.of("17", "b"), rows.stream().map(r -> r.getString(0)).toList());
        List<Map<String, String>> documents = List.of(
                Map.of("id", "17", "title", "Police training", "text", "Police officers trained in Belgrade."),
                Map.of("id", "b", "text", "Election observers deployed across the country.", "date", "2024-01-01"));
        for (int i = 0; i < documents.size(); i++) {
            OsceDocument doc = Corpora.csvRow(documents.get(i)::get, Origin.of("docs.jsonl"));
            List<String> expected = ClassificationCsv.record(BundledModel.classifier().scores(doc), 3, false,
                    ScoredLabel::probability);
            Row row = rows.get(i);
            assertEquals(expected, List.of(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                    row.getString(4), row.getString(5)));
        }
    }

    @Test
    void aMissingModelOrInputIsOneLineAndExitCode1() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(1, job("--model", dir.resolve("nope.osce").toString(), "--input",
                BundledModel.CORPUS.toString(), "--output", out.toString()));
        assertEquals("osce-classify: " + dir.resolve("nope.osce") + ": no such file or folder\n", stderr());
        err.reset();
        assertEquals(1, job("--model", bundle(), "--input", dir.resolve("missing.csv").toString(), "--output",
                out.toString()));
        assertEquals("osce-classify: " + dir.resolve("missing.csv") + ": no such file or folder\n", stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void aCorruptModelIsOneLineAndExitCode1() throws IOException {
        Path model = dir.resolve("bad.osce");
        Files.write(model, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertEquals(1, job("--model", model.toString(), "--input", BundledModel.CORPUS.toString(), "--output",
                dir.resolve("out").toString()));
        assertTrue(stderr().startsWith("osce-classify: " + model), stderr());
        assertEquals(1, stderr().lines().count(), stderr());
    }

    @Test
    void aCorpusWithoutTextIsOneLineNamingTheColumn() throws IOException {
        Path corpus = dir.resolve("notext.csv");
        Files.writeString(corpus, "id,title\na,Police training\n");
        assertEquals(1, job("--model", bundle(), "--input", corpus.toString(), "--output",
                dir.resolve("out").toString()));
        assertTrue(stderr().contains("no column 'text'"), stderr());
        assertEquals(1, stderr().lines().count(), stderr());
    }

    @Test
    void anExistingOutputIsRefusedUnlessOverwrite() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("old.txt"), "old");
        Path corpus = dir.resolve("one.csv");
        Files.writeString(corpus, "id,title,text\na,Police training,Police officers trained in Belgrade.\n");

        assertEquals(1, job("--model", bundle(), "--input", corpus.toString(), "--output", out.toString()));
        assertEquals("osce-classify: " + out + ": already exists; use --overwrite to replace it\n", stderr());
        assertTrue(Files.exists(out.resolve("old.txt")));

        assertEquals(0, job("--model", bundle(), "--input", corpus.toString(), "--output", out.toString(),
                "--overwrite", "--format", "jsonl"));
        assertFalse(Files.exists(out.resolve("old.txt")));
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
    }

    @Test
    void aFolderWithNoDocumentsIsAnErrorAndLeavesNoOutput() throws IOException {
        Path pages = Files.createDirectories(dir.resolve("pages"));
        Files.writeString(pages.resolve("empty.txt"), "");
        Path out = dir.resolve("out");
        assertEquals(1, job("--model", bundle(), "--input", pages.toString(), "--output", out.toString()));
        assertEquals("osce-classify: " + pages + ": no documents to read\n", stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void usageErrorsAreExitCode2() {
        assertEquals(2, job("--input", "x", "--output", "y"));
        assertTrue(stderr().contains("--model"), stderr());
        err.reset();
        assertEquals(2, job("--model", bundle(), "--input", "x", "--output", "y", "--format", "xml"));
        assertTrue(stderr().startsWith("osce-classify: unknown --format 'xml'"), stderr());
    }

    /** The rows of the part files of a CSV output folder, by id. */
    private static Map<String, List<String>> readCsv(Path folder) throws IOException {
        Map<String, List<String>> byId = new LinkedHashMap<>();
        List<Path> parts;
        try (Stream<Path> files = Files.list(folder)) {
            parts = files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        for (Path part : parts) {
            try (Reader reader = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                for (CSVRecord record : format.parse(reader)) {
                    assertEquals(List.of("id", "fields", "sources", "field_scores", "source_scores", "status"),
                            record.getParser().getHeaderNames());
                    byId.put(record.get(0), new ArrayList<>(record.toList()));
                }
            }
        }
        return byId;
    }
}
