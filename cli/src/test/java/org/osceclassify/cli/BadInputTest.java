package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the command line, end to end: each case is one line on stderr naming the file, exit code 1
 * for data and 2 for usage, no stack trace, and no model or output file (not even a temporary one) left behind.
 */
class BadInputTest {

    @TempDir
    static Path shared;
    private static Path corpus;
    private static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOnce() throws IOException {
        corpus = TestCorpus.write(shared.resolve("corpus.csv"), 20);
        model = shared.resolve("model.osce");
        CliRun run = CliRun.of("train", "--corpus", corpus.toString(), "--model", model.toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    // --- empty and binary files -------------------------------------------------------------------------------

    @Test
    void anEmptyCsvCorpusCannotBeTrainedOn() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        assertTrainFails(empty, "empty.csv:1: empty file");
    }

    @Test
    void anEmptyPageCannotBeTrainedOnOrClassified() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        assertTrainFails(empty, "empty.txt:1: empty file");
        assertClassifyFails(empty, "empty.txt:1: empty file");
    }

    @Test
    void aBinaryFileCannotBeTrainedOnOrClassified() throws IOException {
        Path binary = Files.write(dir.resolve("image.png"), randomBytes(4096, 1));
        assertTrainFails(binary, "image.png");
        assertClassifyFails(binary, "image.png");
    }

    @Test
    void aBinaryFileNamedLikeACorpusIsRefused() throws IOException {
        Path binary = Files.write(dir.resolve("corpus.csv"), randomBytes(4096, 2));
        assertTrainFails(binary, "corpus.csv:");
    }

    @Test
    void anEmptyModelFileIsNotABundle() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.osce"));
        assertClassifyWithModelFails(empty, "empty.osce: not an osce-classify model bundle");
    }

    @Test
    void aBinaryModelFileIsNotABundle() throws IOException {
        Path binary = Files.write(dir.resolve("random.osce"), randomBytes(100_000, 3));
        assertClassifyWithModelFails(binary, "random.osce: not an osce-classify model bundle");
    }

    @Test
    void aFolderGivenAsTheModelIsOneLine() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder.osce"));
        assertClassifyWithModelFails(folder, "folder.osce: is a folder, not a model bundle");
    }

    // --- a 50 MB line -----------------------------------------------------------------------------------------

    @Test
    @DisplayName("a 50 MB page on one line is classified as one document")
    void aFiftyMegabytePageOnOneLine() throws IOException {
        Path page = dir.resolve("huge.txt");
        writeWords(page, "", 50_000_000, "");
        Path out = dir.resolve("out.csv");

        CliRun run = CliRun.of("classify", "--model", model.toString(), "--format", "csv", "--output",
                out.toString(), page.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size(), "a header and one document");
        assertTrue(lines.get(1).startsWith("huge,"), lines.get(1));
        assertTrue(lines.get(1).contains("Policing"), "its words are police words: " + lines.get(1));
        assertOnlyFiles(dir, "huge.txt", "out.csv");
    }

    @Test
    @DisplayName("a 50 MB CSV row (a long extra column) is read and classified")
    void aFiftyMegabyteCsvRow() throws IOException {
        Path csv = dir.resolve("huge.csv");
        writeWords(csv, "id,title,text,notes\nbig,Police training,Officers on patrol,\"", 50_000_000, "\"\n");
        Path out = dir.resolve("out.csv");

        CliRun run = CliRun.of("classify", "--model", model.toString(), "--format", "csv", "--output",
                out.toString(), csv.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("big,"), lines.get(1));
    }

    @Test
    @DisplayName("a 50 MB CSV that is one line (a header without a newline) is refused in one short line")
    void aFiftyMegabyteCsvHeaderLine() throws IOException {
        Path csv = dir.resolve("oneline.csv");
        writeWords(csv, "", 50_000_000, "");

        CliRun run = CliRun.of("train", "--corpus", csv.toString(), "--model", dir.resolve("m.osce").toString());

        assertFailsInOneLine(run, 1, "oneline.csv:1: missing column 'id'");
        assertTrue(run.err().length() < 1000, "the message does not repeat the 50 MB header: "
                + run.err().length() + " characters");
        assertOnlyFiles(dir, "oneline.csv");
    }

    // --- invalid UTF-8 ----------------------------------------------------------------------------------------

    @Test
    void invalidUtf8InAPageNamesTheLine() throws IOException {
        Path page = dir.resolve("latin1.txt");
        Files.write(page, "Press release\nPolice training\nBELGRADE, 3 May 2021 - Caf\u00e9 talks\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertClassifyFails(page, "latin1.txt:3: invalid UTF-8 (byte 0xE9)");
    }

    @Test
    void invalidUtf8InACsvCorpusNamesTheLineAndWritesNoModel() throws IOException {
        byte[] good = TestCorpus.csv(3).getBytes(StandardCharsets.UTF_8);
        byte[] bad = "x-1,2021-01-01,News,Caf\u00e9,text,,,,\n".getBytes(StandardCharsets.ISO_8859_1);
        Path csv = dir.resolve("latin1.csv");
        Files.write(csv, concat(good, bad));
        assertTrainFails(csv, "latin1.csv:11: invalid UTF-8 (byte 0xE9)");
    }

    @Test
    void invalidUtf8OnStdinNamesTheLineOfTheFirstBadByte() {
        CliRun run = CliRun.withStdinBytes(concat("ok\nbad ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF,
                '\n'}), "classify", "--model", model.toString(), "-");
        assertFailsInOneLine(run, 1, "<stdin>:2: invalid UTF-8 (byte 0xFF)");
    }

    // --- broken rows ------------------------------------------------------------------------------------------

    @Test
    @DisplayName("a CSV with 10% broken rows: the rest trains and classifies, the skipped count is on stderr")
    void brokenRowsAreSkippedAndCounted() throws IOException {
        List<String> lines = TestCorpus.csv(20).lines().toList();
        StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            csv.append(i % 10 == 0 ? line.substring(0, line.indexOf(",Press release,")) : line).append('\n');
        }
        Path file = Files.writeString(dir.resolve("broken.csv"), csv);
        Path trained = dir.resolve("broken.osce");

        CliRun train = CliRun.of("train", "--corpus", file.toString(), "--model", trained.toString(),
                "--no-evaluate");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().startsWith("trained on 54 items"), train.out());
        assertTrue(train.err().contains("broken.csv: 6 items skipped"), train.err());
        assertTrue(train.err().contains("broken.csv:11: expected 9 fields as in the header, found 2 (skipped)"),
                train.err());

        CliRun classify = CliRun.of("classify", "--model", model.toString(), "--format", "csv", file.toString());
        assertEquals(0, classify.exitCode(), classify.err());
        assertEquals(55, classify.out().lines().count(), "a header and 54 documents");
        assertTrue(classify.err().contains("broken.csv: 6 items skipped"), classify.err());
    }

    // --- damaged model bundles --------------------------------------------------------------------------------

    @Test
    void aTruncatedBundleIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        Path truncated = Files.write(dir.resolve("truncated.osce"), Arrays.copyOf(bytes, bytes.length / 2));
        assertClassifyWithModelFails(truncated, "truncated.osce: the model bundle is corrupted or truncated");
    }

    @Test
    void aBundleCutInsideItsHeaderIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        Path truncated = Files.write(dir.resolve("cut.osce"), Arrays.copyOf(bytes, 14));
        assertClassifyWithModelFails(truncated, "cut.osce: the model bundle is truncated");
    }

    @Test
    void aBitFlippedBundleIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 3] ^= 0x10;
        Path flipped = Files.write(dir.resolve("flipped.osce"), bytes);
        assertClassifyWithModelFails(flipped, "flipped.osce: the model bundle is corrupted or truncated "
                + "(checksum mismatch)");
    }

    @Test
    @DisplayName("a bundle of an unknown format version is refused by the version check, before its checksum")
    void anOlderFormatVersionIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        ByteBuffer.wrap(bytes).putInt(8, 0);
        Path old = Files.write(dir.resolve("old.osce"), bytes);

        assertClassifyWithModelFails(old, "old.osce: the model bundle has format version 0, this osce-classify "
                + "reads version 4; train the model again with this version");
        CliRun inspect = CliRun.of("inspect", "--model", old.toString());
        assertFailsInOneLine(inspect, 1, "format version 0");
    }

    @Test
    void aBundleOfTheOldTribuoFormatsIsRefusedSayingToTrainAgain() throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        ByteBuffer.wrap(bytes).putInt(8, 3);
        Path old = Files.write(dir.resolve("format-3.osce"), bytes);

        assertClassifyWithModelFails(old, "format-3.osce: the model bundle has the old format 3, which this "
                + "osce-classify no longer reads; train the model again");
    }

    // --- folders with bad items -------------------------------------------------------------------------------

    @Test
    @DisplayName("an unreadable page in a folder is skipped with a warning (as root too: root's file access dropped)")
    void anUnreadablePageInAFolderIsSkippedWithAWarning() throws IOException {
        Path pages = pagesFolder();
        Path locked = Files.writeString(pages.resolve("locked.txt"), page("Police patrol"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

        assertFolderClassifiedWithOneSkipped(pages, "locked.txt: cannot read: permission denied (skipped)",
                CliRun::boundByFilePermissions);
    }

    @Test
    void aDanglingLinkInAFolderIsSkippedWithAWarning() throws IOException {
        Path pages = pagesFolder();
        Files.createSymbolicLink(pages.resolve("gone.txt"), dir.resolve("deleted.txt"));

        assertFolderClassifiedWithOneSkipped(pages, "gone.txt: not a regular file (a broken link, a named pipe or a device) (skipped)");
    }

    @Test
    void aNamedPipeInAFolderIsSkippedWithoutBlocking() throws IOException, InterruptedException {
        Path pages = pagesFolder();
        Path fifo = pages.resolve("pipe.txt");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());

        assertFolderClassifiedWithOneSkipped(pages, "pipe.txt: not a regular file (a broken link, a named pipe or a device) (skipped)");
    }

    @Test
    void aFolderOfOnlyBadPagesIsOneLineAndNoModel() throws IOException {
        Path pages = Files.createDirectory(dir.resolve("bad-pages"));
        Files.write(pages.resolve("a.txt"), randomBytes(100, 4));
        Files.createFile(pages.resolve("b.txt"));
        Path target = dir.resolve("m.osce");

        CliRun run = CliRun.of("train", "--corpus", pages.toString(), "--model", target.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("a.txt:1: binary file (NUL byte), not UTF-8 text (skipped)"), run.err());
        assertTrue(run.err().contains("b.txt:1: empty file (skipped)"), run.err());
        assertTrue(run.err().strip().endsWith("osce-classify: " + pages + ": no documents to read"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(target));
    }

    @Test
    @DisplayName("a folder without pages is an error: no output file, and not even a CSV header on stdout")
    void aFolderWithoutPagesCannotBeClassified() throws IOException {
        Path noPages = Files.createDirectory(dir.resolve("no-pages"));
        Files.writeString(noPages.resolve("notes.md"), "not a page: only .txt files are");

        assertClassifyFails(noPages, noPages + ": no documents to read");
        CliRun toStdout = CliRun.of("classify", "--model", model.toString(), "--format", "csv", noPages.toString());
        assertFailsInOneLine(toStdout, 1, noPages + ": no documents to read");
    }

    // --- corpora without labels -------------------------------------------------------------------------------

    @Test
    void aCorpusWithoutLabelsCannotBeEvaluated() throws IOException {
        Path unlabelled = unlabelledCorpus();
        CliRun run = CliRun.of("evaluate", "--corpus", unlabelled.toString(), "--model", model.toString());
        assertFailsInOneLine(run, 1, unlabelled + ": no item has fields of work or sources");
    }

    @Test
    void aCorpusWithoutLabelsCannotBeTrainedOn() throws IOException {
        Path unlabelled = unlabelledCorpus();
        assertTrainFails(unlabelled, unlabelled + ": cannot train: 0 of 6 items have fields of work and 0 have "
                + "sources");
        CliRun crossValidate = CliRun.of("cross-validate", "--corpus", unlabelled.toString());
        assertFailsInOneLine(crossValidate, 1, unlabelled + ": cannot train: 0 of 6 items");
    }

    @Test
    @DisplayName("a corpus the classifier refuses (every item of one field) is a data error naming it, not an "
            + "internal error")
    void aCorpusOfASingleFieldCannotBeTrainedOn() throws IOException {
        String oneField = TestCorpus.csv(5).replaceAll(",(Elections|Media freedom and development),\n",
                ",Policing,\n");
        Path corpusFile = Files.writeString(dir.resolve("one-field.csv"), oneField);

        assertTrainFails(corpusFile, corpusFile + ": cannot train the fields of work task");
    }

    // --- usage ------------------------------------------------------------------------------------------------

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun run = CliRun.of("classify", "--model", model.toString(), "--colour", "x.txt");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("osce-classify: Unknown option: '--colour'"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
    }

    @Test
    void aStackTraceOnlyWithVerbose() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.osce"));
        CliRun run = CliRun.withStdin("text", "--verbose", "classify", "--model", empty.toString(), "-");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("\tat "), run.err());
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private void assertTrainFails(Path corpusFile, String message) throws IOException {
        Path target = dir.resolve("trained.osce");
        CliRun run = CliRun.of("train", "--corpus", corpusFile.toString(), "--model", target.toString());
        assertFailsInOneLine(run, 1, message);
        assertFalse(Files.exists(target), "no model");
        assertNoTemporaryFiles(dir);
    }

    private void assertClassifyFails(Path input, String message) throws IOException {
        Path out = dir.resolve("results.csv");
        CliRun run = CliRun.of("classify", "--model", model.toString(), "--output", out.toString(),
                input.toString());
        assertFailsInOneLine(run, 1, message);
        assertFalse(Files.exists(out), "no output");
        assertNoTemporaryFiles(dir);
    }

    private void assertClassifyWithModelFails(Path bundle, String message) throws IOException {
        Path out = dir.resolve("results.csv");
        CliRun run = CliRun.withStdin("Police officers completed a forensic course", "classify", "--model",
                bundle.toString(), "--output", out.toString(), "-");
        assertFailsInOneLine(run, 1, message);
        assertFalse(Files.exists(out), "no output");
        assertNoTemporaryFiles(dir);
    }

    private static void assertFailsInOneLine(CliRun run, int exitCode, String message) {
        assertEquals(exitCode, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err().length() < 2000 ? run.err()
                : run.err().substring(0, 2000));
        assertTrue(run.err().startsWith("osce-classify: "), run.err());
        assertTrue(run.err().contains(message), run.err().length() < 2000 ? run.err()
                : run.err().substring(0, 2000));
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertEquals("", run.out(), "nothing on stdout");
    }

    private void assertFolderClassifiedWithOneSkipped(Path pages, String warning) throws IOException {
        assertFolderClassifiedWithOneSkipped(pages, warning, CliRun::of);
    }

    private void assertFolderClassifiedWithOneSkipped(Path pages, String warning, Function<String[], CliRun> cli)
            throws IOException {
        Path out = dir.resolve("results.csv");
        CliRun run = cli.apply(new String[] {"classify", "--model", model.toString(), "--format", "csv", "--output",
                out.toString(), pages.toString()});
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains(warning), run.err());
        assertTrue(run.err().contains(pages + ": 1 items skipped"), run.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(List.of("good"), lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList());
    }

    /** A CSV corpus of police items without the fields and sources columns. */
    private Path unlabelledCorpus() throws IOException {
        StringBuilder csv = new StringBuilder("id,title,text\n");
        for (int i = 0; i < 6; i++) {
            csv.append("item-").append(i).append(",Police training,Officers completed a forensic course\n");
        }
        return Files.writeString(dir.resolve("unlabelled.csv"), csv);
    }

    private Path pagesFolder() throws IOException {
        Path pages = Files.createDirectory(dir.resolve("pages"));
        Files.writeString(pages.resolve("good.txt"), page("Police officers trained in forensic investigation"));
        return pages;
    }

    private static String page(String title) {
        return "Press release\n" + title + "\n- Date:\n- 4 May 2021\n"
                + "BELGRADE, 4 May 2021 - Police officers completed a course on crime investigation and patrol.\n";
    }

    /** Writes {@code prefix}, then police words separated by spaces up to {@code size} bytes, then {@code suffix}. */
    private static void writeWords(Path file, String prefix, long size, String suffix) throws IOException {
        String[] words = {"police", "officers", "training", "crime", "investigation", "forensic", "patrol"};
        Random random = new Random(5);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(prefix);
            long written = 0;
            while (written < size) {
                String word = words[random.nextInt(words.length)];
                out.write(word);
                out.write(' ');
                written += word.length() + 1;
            }
            out.write(suffix);
        }
    }

    private static void assertNoTemporaryFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> tmp = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            assertEquals(List.of(), tmp, "temporary files left behind");
        }
    }

    private static void assertOnlyFiles(Path folder, String... names) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(names).stream().sorted().toList(),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        bytes[10] = 0;
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
