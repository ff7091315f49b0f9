package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osceclassify.classifier.LinearModel;
import org.osceclassify.classifier.OsceClassifier;

/** End-to-end runs of every command through the picocli entry point, on a small corpus. */
class CommandsTest {

    @TempDir
    static Path dir;
    private static Path corpus;
    private static Path model;

    @BeforeAll
    static void trainOnce() throws IOException {
        corpus = TestCorpus.write(dir.resolve("corpus.csv"), 20);
        model = dir.resolve("model.osce");
        CliRun run = CliRun.of("train", "--corpus", corpus.toString(), "--model", model.toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void trainPrintsItemsLabelsAndTimeAndWritesTheBundle() throws IOException {
        Path other = dir.resolve("other.osce");
        CliRun run = CliRun.of("train", "--corpus", corpus.toString(), "--model", other.toString(),
                "--algorithm", "svm", "--seed", "3");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("trained on 60 items (60 with fields, 60 with sources) in "), run.out());
        assertTrue(run.out().contains("fields of work: 3 labels"), run.out());
        assertTrue(run.out().contains("top-1 accuracy"), "the holdout metrics are printed");
        assertTrue(run.out().contains("model written to " + other), run.out());
        assertTrue(Files.size(other) > 1000);
        assertTrue(run.err().strip().startsWith("osce-classify: WARN: tested on only 12 items"),
                "nothing on stderr but the small holdout's warning: " + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void trainingTwiceGivesTheSameBundleBytes() throws IOException {
        Path again = dir.resolve("again.osce");
        assertEquals(0, CliRun.of("train", "--corpus", corpus.toString(), "--model", again.toString()).exitCode());
        assertTrue(Arrays.equals(Files.readAllBytes(model), Files.readAllBytes(again)));
    }

    @Test
    void theSameCorpusReadFromAnotherFolderGivesTheSameBundleBytes() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere")).resolve("corpus.csv");
        Files.copy(corpus, elsewhere);
        Path copy = dir.resolve("from-elsewhere.osce");
        assertEquals(0, CliRun.of("train", "--corpus", elsewhere.toString(), "--model", copy.toString()).exitCode());
        assertTrue(Arrays.equals(Files.readAllBytes(model), Files.readAllBytes(copy)),
                "the bundle keeps the holdout's figures, not the documents it got wrong and where they lie");
    }

    @Test
    void theNumberOfTrainingThreadsDoesNotChangeTheBundleBytes() throws IOException {
        Path one = dir.resolve("one-thread.osce");
        Path three = dir.resolve("three-threads.osce");
        assertEquals(0, CliRun.of("train", "--corpus", corpus.toString(), "--model", one.toString(), "--threads", "1",
                "--no-evaluate").exitCode());
        assertEquals(0, CliRun.of("train", "--corpus", corpus.toString(), "--model", three.toString(), "--threads",
                "3", "--no-evaluate").exitCode());
        assertTrue(Arrays.equals(Files.readAllBytes(one), Files.readAllBytes(three)));
    }

    @Test
    void classifyPrintsProbabilitiesAndWithRawScoresTheMargins() throws IOException {
        List<CSVRecord> probabilities = csv(CliRun.of("classify", "--model", model.toString(), "--format", "csv",
                corpus.toString()).out());
        List<CSVRecord> margins = csv(CliRun.of("classify", "--model", model.toString(), "--format", "csv",
                "--raw-scores", corpus.toString()).out());

        assertEquals(probabilities.size(), margins.size());
        boolean negativeMargin = false;
        for (int i = 0; i < probabilities.size(); i++) {
            assertEquals(probabilities.get(i).get("fields"), margins.get(i).get("fields"), "the same labels");
            for (String score : (probabilities.get(i).get("field_scores") + ";"
                    + probabilities.get(i).get("source_scores")).split(";")) {
                double p = Double.parseDouble(score.substring(score.lastIndexOf('=') + 1));
                assertTrue(p >= 0 && p <= 1, "a probability: " + score);
            }
            negativeMargin |= margins.get(i).get("source_scores").contains("=-");
        }
        assertTrue(negativeMargin, "the sources ranked below the top have negative margins");
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }

    @Test
    void trainOnAMissingCorpusIsOneLineWithExitCodeOneAndNoModel() {
        Path target = dir.resolve("never.osce");
        CliRun run = CliRun.of("train", "--corpus", dir.resolve("missing.csv").toString(), "--model",
                target.toString());

        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("missing.csv"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(target));
    }

    @Test
    void evaluatePrintsTheMetricsTableAndWritesReports() {
        Path reports = dir.resolve("reports");
        CliRun run = CliRun.of("evaluate", "--corpus", corpus.toString(), "--model", model.toString(),
                "--report", reports.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("micro-F1"), run.out());
        assertTrue(run.out().contains("top-1 accuracy"), run.out());
        for (String file : List.of("report.json", "report.html", "fields.csv", "sources.csv", "confusion.csv")) {
            assertTrue(Files.isRegularFile(reports.resolve(file)), file);
        }
    }

    @Test
    void evaluateWithoutACorpusIsAUsageErrorAskingForItemsTheModelWasNotTrainedOn() {
        CliRun run = CliRun.of("evaluate", "--model", model.toString());

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("osce-classify: evaluate needs --corpus with labelled items the model was "
                + "not trained on"), run.err());
        assertEquals("", run.out(), "nothing measured");
    }

    @Test
    void crossValidateRunsKFoldsAndATimeSplit() {
        CliRun folds = CliRun.of("cross-validate", "--corpus", corpus.toString(), "--folds", "3");
        assertEquals(0, folds.exitCode(), folds.err());
        assertTrue(folds.out().startsWith("3-fold cross-validation"), folds.out());

        CliRun time = CliRun.of("cross-validate", "--corpus", corpus.toString(), "--split", "time");
        assertEquals(0, time.exitCode(), time.err());
        assertTrue(time.out().startsWith("time split at "), time.out());
    }

    @Test
    @DisplayName("cross-validate --split time --from DAY trains on the items before that day and tests on the rest")
    void aTimeSplitFromADayTestsOnTheItemsFromThatDayOn() {
        // the test corpus has 12 items a year (4 per topic), dated 2019 to 2023
        CliRun from2022 = CliRun.of("cross-validate", "--corpus", corpus.toString(), "--split", "time", "--from",
                "2022-01-01");
        assertEquals(0, from2022.exitCode(), from2022.err());
        assertTrue(from2022.out().startsWith("time split at 2022-01-01: trained on 36, tested on 24 items"),
                from2022.out());

        CliRun from2023 = CliRun.of("cross-validate", "--corpus", corpus.toString(), "--split", "time", "--from",
                "2023-01-01");
        assertEquals(0, from2023.exitCode(), from2023.err());
        assertTrue(from2023.out().startsWith("time split at 2023-01-01: trained on 48, tested on 12 items"),
                from2023.out());
    }

    @Test
    void crossValidateWithOneFoldIsAUsageError() {
        CliRun run = CliRun.of("cross-validate", "--corpus", corpus.toString(), "--folds", "1");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("osce-classify: --folds must be at least 2"), run.err());
    }

    @Test
    void crossValidateWithMoreFoldsThanItemsIsAUsageErrorNamingTheItems() {
        CliRun run = CliRun.of("cross-validate", "--corpus", corpus.toString(), "--folds", "5000");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("osce-classify: --folds 5000 is more than the 60 items in " + corpus),
                run.err());
    }

    @Test
    void aDateThatIsNotADayIsAUsageErrorInTheUsersTerms() {
        CliRun run = CliRun.of("cross-validate", "--corpus", corpus.toString(), "--split", "time", "--from",
                "2022-13-45");
        assertEquals(2, run.exitCode(), run.err());
        String message = run.err().lines().findFirst().orElseThrow();
        assertTrue(message.startsWith("osce-classify: Invalid value for option '--from'"), message);
        assertTrue(message.endsWith(": '2022-13-45' is not a date (YYYY-MM-DD)"), message);
        assertFalse(run.err().contains("java.time"), "no Java class names: " + run.err());
        assertFalse(run.err().contains("Exception"), "no Java class names: " + run.err());
    }

    @Test
    void classifyWritesTheDocumentedCsvColumnsBestFirst() throws IOException {
        CliRun run = CliRun.of("classify", "--model", model.toString(), "--format", "csv", "--top", "2",
                corpus.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(run.out())).getRecords();
        assertEquals(List.of("id", "fields", "sources", "field_scores", "source_scores", "status"),
                rows.get(0).getParser().getHeaderNames());
        assertEquals(60, rows.size());
        CSVRecord first = rows.get(0);
        assertEquals("test-0000", first.get("id"));
        assertEquals("Elections", first.get("fields").split(";")[0]);
        assertEquals("ok", first.get("status"));
        assertEquals(2, first.get("sources").split(";").length);
        assertTrue(first.get("source_scores").matches("[^=;]+=\\d\\.\\d{3};[^=;]+=-?\\d\\.\\d{3}"),
                first.get("source_scores"));
    }

    @Test
    void withoutFormatTheOutputFilesExtensionChoosesIt() throws IOException {
        List<String> csv = classifyTo("out.csv");
        assertEquals("id,fields,sources,field_scores,source_scores,status", csv.get(0));
        assertEquals(61, csv.size(), "a header and 60 documents");

        for (String jsonl : List.of("out.jsonl", "out.json")) {
            assertEquals("test-0000", new ObjectMapper().readTree(classifyTo(jsonl).get(0)).get("id").asText());
        }

        List<String> table = classifyTo("out.txt");
        assertEquals("test-0000", table.get(0), "any other name gets the table");
        assertTrue(table.get(1).startsWith("  fields:  "), table.get(1));
    }

    @Test
    void anExplicitFormatWinsOverTheOutputFilesExtension() throws IOException {
        String first = classifyTo("explicit.csv", "--format", "jsonl").get(0);
        assertEquals("test-0000", new ObjectMapper().readTree(first).get("id").asText(), first);
    }

    /** The lines {@code classify --output NAME} writes for the corpus, with {@code options}. */
    private static List<String> classifyTo(String name, String... options) throws IOException {
        Path out = dir.resolve("formats").resolve(name);
        List<String> args = new ArrayList<>(List.of("classify", "--model", model.toString(), "--output",
                out.toString(), corpus.toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return Files.readAllLines(out);
    }

    @Test
    void classifyOnSeveralThreadsWritesWhatOneThreadWritesInInputOrder() throws IOException {
        Path many = TestCorpus.write(dir.resolve("many.csv"), 300);
        for (String format : List.of("csv", "jsonl", "table")) {
            CliRun one = CliRun.of("classify", "--model", model.toString(), "--format", format, "--threads", "1",
                    many.toString());
            CliRun three = CliRun.of("classify", "--model", model.toString(), "--format", format, "--threads", "3",
                    many.toString(), corpus.toString());

            assertEquals(0, one.exitCode(), one.err());
            assertEquals(0, three.exitCode(), three.err());
            CliRun rest = CliRun.of("classify", "--model", model.toString(), "--format", format, "--threads", "1",
                    corpus.toString());
            String restRecords = format.equals("csv") ? rest.out().substring(rest.out().indexOf('\n') + 1)
                    : rest.out();
            assertEquals(one.out() + restRecords, three.out(), format);
        }
    }

    @Test
    @DisplayName("classify to a stdout that fails half-way (a full disk, a closed pipe) is an error, not a success")
    void classifyToAStdoutThatFailsHalfWayIsAnError() throws IOException {
        OutputStream stdout = mock(OutputStream.class);
        doNothing().doThrow(new IOException("No space left on device"))
                .when(stdout).write(any(byte[].class), anyInt(), anyInt());

        CliRun run = CliRun.withStdout(stdout, "classify", "--model", model.toString(), "--format", "csv",
                corpus.toString());

        verify(stdout, atLeast(2)).write(any(byte[].class), anyInt(), anyInt()); // the first part went out
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("osce-classify: cannot write the results to stdout (a full disk or a closed pipe?)",
                run.err().strip());
    }

    @ParameterizedTest(name = "{0} --threads 0")
    @ValueSource(strings = {"classify", "train", "tune", "retrain"})
    @DisplayName("no threads is a usage error of every command that takes --threads")
    void noThreadsIsAUsageError(String command) {
        CliRun run = CliRun.of(command, "--model", model.toString(), "--threads", "0", corpus.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("osce-classify: --threads must be at least 1, was 0"), run.err());
    }

    @Test
    @DisplayName("classify --explain in CSV adds a words column: the strongest features of each predicted label")
    void classifyExplainsInCsvWithAWordsColumn() throws IOException {
        CliRun run = CliRun.of("classify", "--model", model.toString(), "--format", "csv", "--explain",
                corpus.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<CSVRecord> rows = csv(run.out());
        assertEquals(List.of("id", "fields", "sources", "field_scores", "source_scores", "status", "words"),
                rows.get(0).getParser().getHeaderNames());
        assertEquals(60, rows.size());
        for (CSVRecord row : rows) {
            List<String> explained = new ArrayList<>();
            for (String part : row.get("words").split(" \\| ")) {
                String[] labelAndWords = part.split(": ", 2);
                explained.add(labelAndWords[0]);
                assertFalse(labelAndWords[1].isBlank(), row.get("id") + " " + part);
            }
            List<String> predicted = new ArrayList<>(Arrays.asList(row.get("fields").split(";")));
            predicted.add(row.get("sources").split(";")[0]);
            assertEquals(predicted, explained, row.get("id") + ": each predicted field and the top source, in order");
        }
        assertTrue(rows.get(0).get("words").startsWith("Elections: "), rows.get(0).get("words"));
        assertTrue(rows.get(0).get("words").contains("text:voter"), "an election item for its voters: "
                + rows.get(0).get("words"));
    }

    @Test
    void classifyReadsPlainTextFromStdinAndExplainsInJsonLines() throws IOException {
        CliRun run = CliRun.withStdin("Journalists and reporters protest censorship of the press",
                "classify", "--model", model.toString(), "--format", "jsonl", "--explain", "-");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode line = new ObjectMapper().readTree(run.out().lines().findFirst().orElseThrow());
        assertEquals("stdin", line.get("id").asText());
        assertEquals("Media freedom and development", line.at("/fields/0/label").asText());
        assertTrue(line.at("/words/Media freedom and development").size() > 0, run.out());
    }

    @Test
    void classifyOnEmptyStdinIsOneLineWithExitCodeOne() {
        CliRun run = CliRun.withStdin("  \n", "classify", "--model", model.toString(), "-");
        assertEquals(1, run.exitCode());
        assertEquals("osce-classify: <stdin>: empty input, nothing to classify", run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void aCorruptedModelIsOneLineWithExitCodeOne() throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 0x10;
        Path corrupted = Files.write(dir.resolve("corrupted.osce"), bytes);

        CliRun run = CliRun.withStdin("text", "classify", "--model", corrupted.toString(), "-");

        assertEquals(1, run.exitCode());
        assertEquals("osce-classify: " + corrupted + ": the model bundle is corrupted or truncated (checksum "
                + "mismatch)", run.err().strip());
    }

    @Test
    void brokenCsvRowsAreSkippedWithAWarningAndTheRestClassified() throws IOException {
        String csv = TestCorpus.csv(2);
        String broken = csv.replaceFirst("\ntest-0001,", "\nbroken,row\ntest-0001,");
        Path file = Files.writeString(dir.resolve("broken.csv"), broken, StandardCharsets.UTF_8);

        CliRun run = CliRun.of("classify", "--model", model.toString(), "--format", "csv", file.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1 + 6, run.out().lines().count(), run.out());
        assertTrue(run.err().contains("broken.csv:3"), run.err());
        assertTrue(run.err().contains("skipped"), run.err());
    }

    @Test
    void classifyToAFileIsAtomicAndAFailureLeavesNoFile() throws IOException {
        Path out = dir.resolve("out/results.csv");
        CliRun ok = CliRun.of("classify", "--model", model.toString(), "--format", "csv", "--output",
                out.toString(), corpus.toString());
        assertEquals(0, ok.exitCode(), ok.err());
        assertEquals("", ok.out());
        assertEquals(61, Files.readAllLines(out).size());

        Path unclosed = Files.writeString(dir.resolve("unclosed.csv"),
                TestCorpus.HEADER + "a,2020-01-01,News,\"never closed,text,,,,\n", StandardCharsets.UTF_8);
        Path failed = dir.resolve("out/failed.csv");
        CliRun bad = CliRun.of("classify", "--model", model.toString(), "--output", failed.toString(),
                corpus.toString(), unclosed.toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("unclosed.csv"), bad.err());
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of("results.csv"), files.map(p -> p.getFileName().toString()).toList(),
                    "neither the failed output nor a temporary file is left");
        }
    }

    @Test
    void classifyAMissingInputIsOneLineWithExitCodeOne() {
        CliRun run = CliRun.of("classify", "--model", model.toString(), dir.resolve("nope.txt").toString());
        assertEquals(1, run.exitCode());
        assertEquals("osce-classify: " + dir.resolve("nope.txt") + ": no such file", run.err().strip());
    }

    @Test
    void inspectShowsLabelsThresholdsSummaryEvaluationAndProvenance() {
        CliRun run = CliRun.of("inspect", "--model", model.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("items:          60"), run.out());
        assertTrue(run.out().contains("fields of work (3)"), run.out());
        assertTrue(run.out().contains("Policing"), run.out());
        assertTrue(run.out().contains("source bodies (3)"), run.out());
        assertTrue(run.out().contains("evaluation"), run.out());
        assertTrue(run.out().contains("each trained by Tribuo's LibLinear trainer and calibrated"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("  Policing +\\d+  0\\.\\d{3}")),
                "a field's threshold is a probability: " + run.out());

        CliRun full = CliRun.of("inspect", "--model", model.toString(), "--provenance");
        assertTrue(full.out().contains("tribuo-version=4.3.2"), full.out());
        assertTrue(full.out().contains("trainer=Trainer(class-name=org.tribuo.classification.liblinear."
                + "LibLinearClassificationTrainer"), full.out());
    }

    @Test
    @DisplayName("inspect shows each field's threshold, the model's own, and its --features strongest features")
    void inspectShowsThresholdsAndTheStrongestFeaturesOfEachLabel() throws IOException {
        CliRun run = CliRun.of("inspect", "--model", model.toString(), "--features", "3");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();

        LinearModel fields = OsceClassifier.load(model).trained().fieldsModel().orElseThrow();
        for (int l = 0; l < fields.labels().size(); l++) {
            String label = fields.labels().get(l);
            int at = lines.indexOf(String.format(Locale.ROOT, "  %-50s %5d  %.3f", label, 20, fields.threshold(l)));
            assertTrue(at >= 0, label + " with 20 items and its threshold " + fields.threshold(l) + ":\n" + run.out());
            String[] strongest = lines.get(at + 1).strip().split(", ");
            assertEquals(3, strongest.length, lines.get(at + 1));
            double previous = Double.MAX_VALUE;
            for (String feature : strongest) {
                assertTrue(feature.matches("\\S+ [+-]\\d\\.\\d\\d"), feature);
                double weight = Double.parseDouble(feature.substring(feature.lastIndexOf(' ') + 1));
                assertTrue(weight > 0 && weight <= previous, "strongest first: " + lines.get(at + 1));
                previous = weight;
            }
        }
        String policing = lines.get(lines.indexOf(String.format(Locale.ROOT, "  %-50s %5d  %.3f", "Policing", 20,
                fields.threshold(fields.labels().indexOf("Policing")))) + 1);
        assertTrue(policing.matches(".*text:(polic|offic|crime|forens|investig|patrol|train).*"),
                "police words weigh most for Policing: " + policing);
    }

    @Test
    @DisplayName("inspect without --model shows the default model of classify, trained and cached on first use")
    void inspectWithoutAModelShowsTheDefaultModel() {
        CliRun run = CliRun.of("inspect");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("model bundle " + DefaultModel.cacheDir().resolve("default-")), run.out());
        assertTrue(run.out().lines().findFirst().orElseThrow().endsWith(".osce (the default model)"), run.out());
        assertTrue(run.out().contains("fields of work (23)"), "the fields of the bundled corpus: " + run.out());
    }

    @Test
    @DisplayName("a cached default model in an older format is rebuilt without a word from the user, not refused")
    void aCachedDefaultModelOfAnOlderFormatIsRebuilt() throws IOException {
        CliRun first = CliRun.of("inspect");
        assertEquals(0, first.exitCode(), first.err());
        Path cached = Path.of(first.out().lines().findFirst().orElseThrow().replaceFirst("^model bundle ", "")
                .replaceFirst(" \\(the default model\\)$", ""));
        byte[] bytes = Files.readAllBytes(cached);
        java.nio.ByteBuffer.wrap(bytes).putInt(8, 3); // the format version of the bundles that held Tribuo's models
        Files.write(cached, bytes);

        CliRun run = CliRun.withStdin("Police officers completed a forensic course", "classify", "--format", "csv",
                "-");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("training the default model"), run.err());
        assertTrue(run.out().contains("Policing"), run.out());
        assertEquals(0, CliRun.of("inspect").exitCode(), "the rebuilt model is cached and reads");
    }

    @Test
    @DisplayName("--fields-level topics trains and predicts the site's sub-topics instead of the fields of work")
    void trainingAtTheTopicsLevelPredictsSubTopics() throws IOException {
        Path topics = Files.writeString(dir.resolve("topics.csv"), TestCorpus.csv(20)
                .replace(",Elections,", ",Election observation,").replace(",Policing,", ",Police reform,")
                .replace(",Media freedom and development,", ",Safety of journalists,"), StandardCharsets.UTF_8);
        Path byTopic = dir.resolve("topics.osce");
        Path byField = dir.resolve("fields.osce");
        assertEquals(0, CliRun.of("train", "--corpus", topics.toString(), "--model", byTopic.toString(),
                "--fields-level", "topics", "--no-evaluate").exitCode());
        assertEquals(0, CliRun.of("train", "--corpus", topics.toString(), "--model", byField.toString(),
                "--no-evaluate").exitCode());

        String text = "Police officers completed a course in forensic crime investigation and patrol";
        CliRun topic = CliRun.withStdin(text, "classify", "--model", byTopic.toString(), "--format", "csv", "-");
        CliRun field = CliRun.withStdin(text, "classify", "--model", byField.toString(), "--format", "csv", "-");
        assertEquals("Police reform", csv(topic.out()).get(0).get("fields"), topic.err());
        assertEquals("Policing", csv(field.out()).get(0).get("fields"), "by default sub-topics count as their field");
        assertTrue(CliRun.of("inspect", "--model", byTopic.toString()).out().contains("fields level:   topics"));
    }

    @Test
    @DisplayName("--quiet prints nothing on stderr on success, not even the warnings of skipped rows")
    void quietPrintsNothingButErrors() throws IOException {
        Path broken = Files.writeString(dir.resolve("quiet.csv"),
                TestCorpus.csv(2).replaceFirst("\ntest-0001,", "\nbroken,row\ntest-0001,"), StandardCharsets.UTF_8);
        CliRun loud = CliRun.of("classify", "--model", model.toString(), "--format", "csv", broken.toString());
        assertTrue(loud.err().contains("1 items skipped"), "without --quiet the skipped row is reported: " + loud.err());

        CliRun quiet = CliRun.of("--quiet", "classify", "--model", model.toString(), "--format", "csv",
                broken.toString());
        assertEquals(0, quiet.exitCode());
        assertEquals("", quiet.err());
        assertEquals(loud.out(), quiet.out(), "the same results");

        CliRun train = CliRun.of("train", "-q", "--corpus", corpus.toString(), "--model",
                dir.resolve("quiet.osce").toString());
        assertEquals(0, train.exitCode());
        assertEquals("", train.err());
        CliRun failed = CliRun.of("-q", "classify", "--model", model.toString(), dir.resolve("nope.csv").toString());
        assertEquals(1, failed.exitCode());
        assertTrue(failed.err().startsWith("osce-classify: "), "errors are still printed: " + failed.err());
    }

    @Test
    @DisplayName("demo trains on the bundled corpus, prints the holdout metrics and the seed page's own labels")
    void demoPrintsMetricsAndClassifiesTheSeedPage() {
        CliRun run = CliRun.of("demo");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("holdout 20% \\(seed 42\\): trained on \\d+, tested on \\d+ items"),
                lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches("fields of work  micro-F1 +0\\.\\d{3}")), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("source bodies +top-1 accuracy +0\\.\\d{3}")), run.out());
        // the seed page says "- Source: Minsk Group" and "- Fields of work: Conflict prevention and resolution"
        assertTrue(run.out().contains("the seed page "), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  fields of work: Conflict prevention and resolution (")),
                run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  source bodies:  Minsk Group (")), run.out());
    }

    @Test
    void inspectTrainsAgainADefaultModelCachedByAnotherBuildAsClassifyDoes() throws IOException {
        CliRun first = CliRun.of("inspect");
        assertEquals(0, first.exitCode(), first.err());
        String line = first.out().lines().findFirst().orElseThrow();
        Path cached = Path.of(line.substring("model bundle ".length(), line.length() - " (the default model)".length()));
        Files.writeString(cached, "OSCECLS1 written by another build");

        CliRun run = CliRun.of("inspect");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("osce-classify: training the default model on "), run.err());
        assertTrue(run.out().contains("fields of work (23)"), run.out());
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String command : List.of("demo", "train", "evaluate", "cross-validate", "classify", "inspect")) {
            CliRun run = CliRun.of(command, "--help");
            assertEquals(0, run.exitCode(), command);
            assertTrue(run.out().contains("Example"), command + ": " + run.out());
        }
    }
}
