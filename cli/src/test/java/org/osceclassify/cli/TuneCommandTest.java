package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.classifier.tuning.Dimension;
import org.osceclassify.classifier.tuning.SearchSpace;

/**
 * {@code osce-classify tune}: a budget of trials writes the best settings' model and a report of every trial, the
 * same bytes for the same seed; a time budget too small for one trial and a budget that is not one fail clearly,
 * writing nothing.
 */
class TuneCommandTest {

    @TempDir
    static Path dir;
    private static Path corpus;

    @BeforeAll
    static void writeCorpus() throws IOException {
        corpus = TestCorpus.write(dir.resolve("corpus.csv"), 15);
    }

    private static CliRun tune(Path out, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("tune", "--corpus", corpus.toString(), "--model",
                out.resolve("tuned.osce").toString(), "--report", out.resolve("report").toString(), "--threads", "1"));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aTinyTrialBudgetWritesAModelThatClassifyUsesAndAReportWithARowPerTrial() throws IOException {
        Path out = dir.resolve("tiny");
        CliRun run = tune(out, "--budget", "3");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("osce-classify: plan: 3 trials, as asked\n"), run.err());
        assertTrue(run.err().contains("osce-classify: trial 1/3: objective "), run.err());
        assertTrue(run.err().contains("osce-classify: trial 3/3: objective "), run.err());
        assertTrue(run.out().startsWith("3 trials, 3-fold cross-validation each; 3 trials, as asked\n"), run.out());
        assertTrue(run.out().contains("model written to " + out.resolve("tuned.osce")), run.out());

        List<String> trials = Files.readAllLines(out.resolve("report/trials.csv"));
        assertEquals(4, trials.size(), "a header and a row per trial");
        assertTrue(trials.get(0).startsWith("trial,algorithm,fields_cost,"), trials.get(0));
        assertTrue(trials.get(1).startsWith("1,SVM,0.3,"), "trial 1 is the defaults: " + trials.get(1));
        assertEquals(4, Files.readAllLines(out.resolve("report/timings.csv")).size());
        String html = Files.readString(out.resolve("report/tune.html"));
        assertTrue(html.contains("<svg id=\"objective-chart\"") && html.contains("<table id=\"trials\">"));

        Matcher best = Pattern.compile("chosen, trial (\\d+):").matcher(run.out());
        assertTrue(best.find(), run.out());
        CSVRecord bestRow = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(out.resolve("report/trials.csv"))).getRecords()
                .get(Integer.parseInt(best.group(1)) - 1);
        TrainingSettings stored = OsceClassifier.load(out.resolve("tuned.osce")).trained().settings();
        for (Dimension<?> d : SearchSpace.DIMENSIONS) {
            assertEquals(bestRow.get(d.name()), d.textIn(stored), "the bundle holds the chosen trial's " + d.name());
        }

        CliRun classify = CliRun.withStdin("Police officers completed a forensic crime investigation course",
                "classify", "--model", out.resolve("tuned.osce").toString(), "--format", "csv", "-");
        assertEquals(0, classify.exitCode(), classify.err());
        assertTrue(classify.out().lines().skip(1).findFirst().orElseThrow().contains("Policing"), classify.out());
        CliRun inspect = CliRun.of("inspect", "--model", out.resolve("tuned.osce").toString());
        assertTrue(inspect.out().contains("3-fold cross-validation (seed 42)"),
                "the chosen trial's cross-validation is stored in the bundle: " + inspect.out());
    }

    @Test
    void theSameSeedAndTrialBudgetGiveTheSameTrialsAndTheSameModelBytes() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, tune(a, "--budget", "4", "--seed", "5").exitCode());
        assertEquals(0, tune(b, "--budget", "4", "--seed", "5").exitCode());
        assertArrayEquals(Files.readAllBytes(a.resolve("report/trials.csv")),
                Files.readAllBytes(b.resolve("report/trials.csv")));
        assertArrayEquals(Files.readAllBytes(a.resolve("tuned.osce")), Files.readAllBytes(b.resolve("tuned.osce")));
    }

    @Test
    void aTimeBudgetTooSmallForOneTrialFailsInOneLineAndWritesNothing() throws IOException {
        Path out = Files.createDirectories(dir.resolve("small"));
        // ten folds of the bundled corpus: no machine trains them all within a second
        CliRun run = CliRun.of("tune", "--corpus", CorpusInput.defaultCorpus().toString(), "--folds", "10",
                "--budget", "1s", "--model", out.resolve("tuned.osce").toString(), "--report",
                out.resolve("report").toString());
        assertEquals(Main.EXIT_USAGE, run.exitCode(), run.err());
        String first = run.err().lines().filter(l -> !l.startsWith("osce-classify: tuning on")).findFirst()
                .orElseThrow();
        assertTrue(first.matches("osce-classify: --budget 1s is too small for one trial: one trial \\(10-fold "
                + "cross-validation on 1039 items\\) needs about \\d+ s here; give at least \\d+s"), first);
        try (var files = Files.list(out)) {
            assertEquals(0, files.count(), "no model and no report");
        }
    }

    @Test
    void aBudgetThatIsNotOneIsAUsageError() throws IOException {
        Path out = Files.createDirectories(dir.resolve("bad"));
        for (String budget : new String[] {"10x", "0", "1.5m", "-3"}) {
            CliRun run = tune(out, "--budget", budget);
            assertEquals(Main.EXIT_USAGE, run.exitCode(), budget + ": " + run.err());
            assertTrue(run.err().startsWith("osce-classify: Invalid value for option '--budget': '" + budget
                    + "' is not a budget: give a number of trials (20) or a time above 0 in seconds, minutes or "
                    + "hours (90s, 10m, 1h)\n"), run.err());
        }
        try (var files = Files.list(out)) {
            assertFalse(files.findAny().isPresent(), "nothing written");
        }
    }
}
