package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        model = dir.resolve("model.osce");
        CliRun run = CliRun.of("train", "--corpus", corpus.toString(), "--model", model.toString(), "--no-evaluate");
        assertEquals(0, run.exitCode(), run.err());
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
}
