package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.Labels;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Origin;
import org.osceclassify.server.OsceServer;
import org.osceclassify.server.ServerSettings;

/** The feedback loop from the command line: {@code review} ranks, {@code retrain} compares and promotes or refuses. */
@Timeout(300)
class FeedbackLoopTest {

    private static final String[][] TOPICS = {
            {"Elections", "OSCE Office for Democratic Institutions and Human Rights"},
            {"Policing", "OSCE Mission to Serbia"},
            {"Media freedom and development", "OSCE Representative on Freedom of the Media"}};

    @TempDir
    static Path dir;
    private static Path corpus;
    private static Path model;

    @BeforeAll
    static void trainAModel() throws IOException {
        corpus = TestCorpus.write(dir.resolve("corpus.csv"), 30);
        model = TestCorpus.trainedModel(corpus, dir.resolve("model.osce"), "--no-evaluate", "--threads", "2");
    }

    @Test
    void reviewListsTheLeastCertainDocumentsFirstAsCsv() throws IOException {
        CliRun run = CliRun.of("review", "--model", model.toString(), "--input", corpus.toString(), "--top", "5");
        assertEquals(0, run.exitCode(), run.err());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(run.out())).getRecords();
        assertEquals(5, rows.size());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(Double.parseDouble(rows.get(i - 1).get("uncertainty"))
                    >= Double.parseDouble(rows.get(i).get("uncertainty")), "least certain first");
        }
        assertEquals("1", rows.get(0).get("rank"));
        assertTrue(rows.get(0).get("id").startsWith("test-"));
        CliRun again = CliRun.of("review", "--model", model.toString(), "--input", corpus.toString(), "--top", "5");
        assertEquals(run.out(), again.out(), "the same queue for the same input");
        assertEquals(2, CliRun.of("review", "--model", model.toString(), "--input", corpus.toString(), "--top",
                "0").exitCode());
        CliRun byFields = CliRun.of("review", "--model", model.toString(), "--input", corpus.toString(), "--top",
                "3", "--by", "fields");
        assertEquals(0, byFields.exitCode(), byFields.err());
        List<CSVRecord> fieldRows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(byFields.out())).getRecords();
        for (CSVRecord row : fieldRows) {
            assertEquals(row.get("field_uncertainty"), row.get("uncertainty"), "ranked by the fields alone");
        }
    }

    @Test
    void aCorrectionChangesTheDocumentsPredictionAfterRetrainAndPromote() throws IOException {
        Path current = Files.copy(model, dir.resolve("promote.osce"));
        String text = "OSCE zebra harmonica quilt xylophone lantern";
        String before = fieldsOf(current, text);
        String[] wanted = java.util.Arrays.stream(TOPICS).filter(t -> !before.contains(t[0])).findFirst()
                .orElseThrow();
        Path corrections = dir.resolve("one-correction.csv");
        Corpora.appendCorrection(corrections, OsceDocument.ofText("x", text, Origin.of("test"))
                .withLabels(new Labels(List.of(wanted[1]), List.of(wanted[0]))));

        CliRun run = CliRun.of("retrain", "--model", current.toString(), "--corpus", corpus.toString(),
                "--feedback", corrections.toString(), "--promote", "--threads", "2");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("fields micro-F1"), run.out());
        assertTrue(run.out().contains("promoted"), run.out());
        assertTrue(Files.readString(dir.resolve("promote.osce.retrain.html")).contains("Documents whose labels change"));
        assertEquals(wanted[0], fieldsOf(current, text), "was " + before);
    }

    @Test
    void aRunningServerTakesUpThePromotedModelOnReload() throws Exception {
        Path current = Files.copy(model, dir.resolve("served.osce"));
        Path corrections = dir.resolve("served-corrections.csv");
        Corpora.appendCorrection(corrections, OsceDocument.ofText("x", "OSCE lantern harmonica observers ballot",
                Origin.of("test")).withLabels(new Labels(List.of(TOPICS[0][1]), List.of(TOPICS[0][0]))));
        try (OsceServer server = OsceServer.start(ServerSettings.defaults(current).withPort(0)
                .withAdminToken(java.util.Optional.of("admin")))) {
            String before = server.modelId();
            CliRun run = CliRun.of("retrain", "--model", current.toString(), "--corpus", corpus.toString(),
                    "--feedback", corrections.toString(), "--promote", "--threads", "2");
            assertEquals(0, run.exitCode(), run.out() + run.err());
            HttpResponse<String> reload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    server.url().resolve("/v1/admin/reload")).header("Authorization", "Bearer admin")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reload.statusCode(), reload.body());
            assertNotEquals(before, server.modelId(), "the promoted model is served");
        }
    }

    @Test
    void promotionIsRefusedForACandidateMadeWorseOnPurpose() throws IOException {
        Path current = Files.copy(model, dir.resolve("refuse.osce"));
        byte[] bundle = Files.readAllBytes(current);
        Path corrections = dir.resolve("shuffled.csv");
        // the items after the first 90 are new statements (the first 90 are the corpus's): 90 of them, 30 a topic
        List<OsceDocument> docs = Corpora.open(TestCorpus.write(dir.resolve("more.csv"), 60)).stream().skip(90)
                .toList();
        List<Labels> labels = new ArrayList<>(docs.stream().map(OsceDocument::labels).toList());
        Collections.shuffle(labels, new Random(5));
        for (int i = 0; i < docs.size(); i++) {
            Corpora.appendCorrection(corrections, docs.get(i).withLabels(labels.get(i)));
        }

        CliRun run = CliRun.of("retrain", "--model", current.toString(), "--corpus", corpus.toString(),
                "--feedback", corrections.toString(), "--promote", "--threads", "2");
        assertEquals(3, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("osce-classify: not promoted: "), run.err());
        assertTrue(run.err().contains("more than its standard error"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertArrayEquals(bundle, Files.readAllBytes(current), "the model file is unchanged");
        assertTrue(run.out().contains("DROP"), run.out());
    }

    @Test
    void retrainNeedsItsFilesAndSaysWhichIsMissing() {
        CliRun run = CliRun.of("retrain", "--model", model.toString(), "--corpus", corpus.toString(), "--feedback",
                dir.resolve("none.csv").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("none.csv: no such corrections file"), run.err());
    }

    @Test
    void serveRefusesFeedbackWithoutAToken() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(ServeCommand.TOKEN_VARIABLE) == null
                && System.getenv(ServeCommand.FEEDBACK_TOKEN_VARIABLE) == null, "no token in this environment");
        CliRun run = CliRun.of("serve", "--model", model.toString(), "--port", "0", "--feedback",
                dir.resolve("c.csv").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--feedback needs a token"), run.err());
    }

    private static String fieldsOf(Path bundle, String text) throws IOException {
        return OsceClassifier.load(bundle).classify(text).fields().stream().map(f -> f.label())
                .reduce((a, b) -> a + ";" + b).orElse("");
    }

}
