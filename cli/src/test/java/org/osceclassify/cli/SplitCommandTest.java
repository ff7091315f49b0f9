package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.CorpusReader;
import org.osceclassify.model.OsceDocument;

/** {@code osce-classify split} writes two CSV corpora, seeded and byte-reproducible. */
class SplitCommandTest {

    @TempDir
    static Path dir;
    private static Path corpus;

    @BeforeAll
    static void writeCorpus() throws IOException {
        corpus = TestCorpus.write(dir.resolve("corpus.csv"), 20);
    }

    private static List<OsceDocument> read(Path file) {
        try (CorpusReader reader = Corpora.open(file)) {
            return reader.stream().toList();
        }
    }

    private static CliRun split(Path out, String... options) {
        String[] args = new String[options.length + 7];
        args[0] = "split";
        args[1] = "--corpus";
        args[2] = corpus.toString();
        args[3] = "--train-out";
        args[4] = out.resolve("train.csv").toString();
        args[5] = "--test-out";
        args[6] = out.resolve("test.csv").toString();
        System.arraycopy(options, 0, args, 7, options.length);
        return CliRun.of(args);
    }

    @Test
    void aRandomSplitIsSeededAndByteReproducibleAndLosesNoItem() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Path c = Files.createDirectories(dir.resolve("c"));
        CliRun run = split(a, "--test-fraction", "0.25", "--seed", "7");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("wrote 45 items to " + a.resolve("train.csv") + " and 15 to " + a.resolve("test.csv"),
                run.out().strip());
        assertEquals("", run.err());
        assertEquals(0, split(b, "--test-fraction", "0.25", "--seed", "7").exitCode());
        assertEquals(0, split(c, "--test-fraction", "0.25", "--seed", "8").exitCode());

        assertArrayEquals(Files.readAllBytes(a.resolve("train.csv")), Files.readAllBytes(b.resolve("train.csv")));
        assertArrayEquals(Files.readAllBytes(a.resolve("test.csv")), Files.readAllBytes(b.resolve("test.csv")));
        assertFalse(Files.readString(a.resolve("test.csv")).equals(Files.readString(c.resolve("test.csv"))),
                "another seed, other test items");

        List<OsceDocument> train = read(a.resolve("train.csv"));
        List<OsceDocument> test = read(a.resolve("test.csv"));
        Set<String> ids = new HashSet<>();
        train.forEach(d -> ids.add(d.id()));
        test.forEach(d -> ids.add(d.id()));
        assertEquals(60, ids.size(), "every item in exactly one file");
        OsceDocument original = read(corpus).stream().filter(d -> d.id().equals(test.get(0).id())).findFirst()
                .orElseThrow();
        assertEquals(List.of(original.title(), original.body(), original.date(), original.place(), original.labels()),
                List.of(test.get(0).title(), test.get(0).body(), test.get(0).date(), test.get(0).place(),
                        test.get(0).labels()), "items are written as read");
        try (var files = Files.list(a)) {
            assertEquals(2, files.count(), "no temporary file is left");
        }
    }

    @Test
    void aSplitByTimePutsTheNewestItemsInTheTestFile() {
        Path out = dir.resolve("time");
        CliRun run = split(out.getParent(), "--by", "time");
        assertEquals(0, run.exitCode(), run.err());
        List<OsceDocument> train = read(dir.resolve("train.csv"));
        List<OsceDocument> test = read(dir.resolve("test.csv"));
        assertEquals(48, train.size());
        assertEquals(12, test.size());
        LocalDate newestTrained = train.stream().map(d -> d.date().orElseThrow()).max(LocalDate::compareTo)
                .orElseThrow();
        LocalDate oldestTested = test.stream().map(d -> d.date().orElseThrow()).min(LocalDate::compareTo)
                .orElseThrow();
        assertFalse(oldestTested.isBefore(newestTrained), oldestTested + " before " + newestTrained);
    }

    @Test
    void aFractionOutsideZeroToOneIsAUsageError() {
        for (String fraction : new String[] {"0", "1", "1.5", "-0.2"}) {
            CliRun run = split(dir, "--test-fraction", fraction);
            assertEquals(2, run.exitCode(), fraction);
            assertTrue(run.err().startsWith("osce-classify: --test-fraction must be between 0 and 1 (exclusive), was "),
                    run.err());
        }
    }

    @Test
    void aCorpusOfOneItemIsTooSmallToSplit() throws IOException {
        Path one = dir.resolve("one.csv");
        Files.writeString(one, TestCorpus.HEADER + "x-1,2020-01-02,Press release,A title,Some text,Vienna,"
                + "OSCE Mission to Serbia,Policing,\n", StandardCharsets.UTF_8);
        Path out = Files.createDirectories(dir.resolve("one-out"));
        CliRun run = CliRun.of("split", "--corpus", one.toString(), "--train-out", out.resolve("a.csv").toString(),
                "--test-out", out.resolve("b.csv").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("osce-classify: " + one + ": 1 item, too few to split (at least 2 are needed, one for each file)",
                run.err().strip());
        try (var files = Files.list(out)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }
}
