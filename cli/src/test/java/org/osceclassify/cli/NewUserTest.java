package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets first, through the command line: plain text files, spread of the figures, progress. */
class NewUserTest {

    /** A statement as a user saves it: no menu, no content type, no metadata block. */
    static final String STATEMENT = "The OSCE Mission welcomed the graduation of forty police officers.\n"
            + "BELGRADE, 3 May 2024 - The officers completed a course in forensic crime investigation and patrol "
            + "work, the police training centre said.\n";

    @TempDir
    static Path dir;
    private static Path corpus;
    private static Path model;

    @BeforeAll
    static void trainOnce() throws IOException {
        corpus = TestCorpus.write(dir.resolve("corpus.csv"), 20);
        model = TestCorpus.trainedModel(corpus, dir.resolve("model.osce"), "--no-evaluate");
    }

    /** The CSV output without its id column, which names the input. */
    private static List<String> withoutIds(String csv) {
        return csv.lines().skip(1).map(line -> line.substring(line.indexOf(','))).toList();
    }

    @Test
    void aPlainTextFileIsClassifiedAsTheSameTextOnStdin() throws IOException {
        Path file = dir.resolve("statement.txt");
        Files.writeString(file, STATEMENT, StandardCharsets.UTF_8);

        CliRun fromFile = CliRun.of("classify", "--model", model.toString(), "--format", "csv", file.toString());
        CliRun fromStdin = CliRun.withStdin(STATEMENT, "classify", "--model", model.toString(), "--format", "csv", "-");

        assertEquals(0, fromFile.exitCode(), fromFile.err());
        assertEquals(0, fromStdin.exitCode(), fromStdin.err());
        assertTrue(fromFile.out().lines().skip(1).findFirst().orElseThrow().startsWith("statement,Policing"),
                fromFile.out());
        assertEquals(withoutIds(fromStdin.out()), withoutIds(fromFile.out()));
    }

    @Test
    void aFileWithThePagesStructureIsStillReadAsAPage() throws IOException {
        Path file = dir.resolve("page.txt");
        Files.writeString(file, "Press release\nOfficers graduate from a forensic course\n- Date:\n- 3 May 2024\n"
                + "- Source:\n- OSCE Mission to Serbia\n" + STATEMENT, StandardCharsets.UTF_8);
        CliRun run = CliRun.of("classify", "--model", model.toString(), "--format", "jsonl", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"id\":\"page\""), run.out());

        CliRun evaluate = CliRun.of("evaluate", "--corpus", file.toString(), "--model", model.toString());
        assertEquals(0, evaluate.exitCode(), "the metadata block's source is read: " + evaluate.err());
        assertTrue(evaluate.out().contains("tested on 1 items"), evaluate.out());
    }

    @Test
    void crossValidatePrintsTheSpreadOverFoldsAndItsProgressOnStderr() throws IOException {
        Path report = dir.resolve("cv-report");
        CliRun run = CliRun.of("cross-validate", "--corpus", corpus.toString(), "--folds", "3", "--report",
                report.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("value  sd over 3 folds"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("fields of work  micro-F1 +\\d\\.\\d{3}  ± \\d\\.\\d{3}")),
                run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("source bodies +top-1 accuracy +\\d\\.\\d{3}  ± \\d\\.\\d{3}")),
                run.out());
        assertEquals(List.of("osce-classify: fold 1 of 3: training on 40 items, testing on 20...",
                "osce-classify: fold 2 of 3: training on 40 items, testing on 20...",
                "osce-classify: fold 3 of 3: training on 40 items, testing on 20..."), run.err().lines().toList(),
                "progress per fold on stderr, no small-test-set warning beside a spread");
        assertFalse(run.out().contains("fold 1"), "stdout carries results only");

        JsonNode spread = new ObjectMapper().readTree(dir.resolve("cv-report/report.json").toFile()).get("fold_spread");
        assertEquals(3, spread.get("folds").asInt());
        assertTrue(spread.at("/fields/micro_f1").isDouble(), spread.toString());
        assertTrue(spread.at("/sources/top1").asDouble() >= 0, spread.toString());

        CliRun quiet = CliRun.of("cross-validate", "--quiet", "--corpus", corpus.toString(), "--folds", "3");
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertEquals("", quiet.err(), "--quiet is quiet");
        assertEquals(run.out().lines().toList().subList(0, 14), quiet.out().lines().toList().subList(0, 14));
    }

    @Test
    void aHoldoutOnFewItemsWarnsThatItsFiguresMoveWithTheSeed() {
        CliRun train = CliRun.of("train", "--corpus", corpus.toString(), "--model", dir.resolve("w.osce").toString());
        assertEquals(0, train.exitCode(), train.err());
        assertEquals("osce-classify: WARN: tested on only 12 items (fewer than 300): these figures can move by "
                + "several points with the seed of the split; cross-validate shows their spread over folds",
                train.err().strip());
        assertFalse(train.out().contains("sd over"), "a single split has no spread: " + train.out());

        CliRun evaluate = CliRun.of("evaluate", "--corpus", corpus.toString(), "--model", model.toString());
        assertTrue(evaluate.err().contains("tested on only 60 items (fewer than 300)"), evaluate.err());

        CliRun quiet = CliRun.of("evaluate", "-q", "--corpus", corpus.toString(), "--model", model.toString());
        assertEquals("", quiet.err());
    }
}
