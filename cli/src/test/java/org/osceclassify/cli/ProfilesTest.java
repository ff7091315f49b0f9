package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.classifier.TrainingSettings;

/** {@code --profile}: a named preset of the training settings, which explicit options override. */
class ProfilesTest {

    @TempDir
    Path dir;

    @Test
    void theAccurateProfileTrainsTheStackedEnsembleWithTheRealEncoder() throws IOException {
        Path corpus = TestCorpus.write(dir.resolve("corpus.csv"), 6);
        Path model = dir.resolve("accurate.osce");
        CliRun run = CliRun.of("train", "--corpus", corpus.toString(), "--model", model.toString(),
                "--profile", "accurate", "--seed", "7");
        assertEquals(0, run.exitCode(), run.err());
        OsceClassifier loaded = OsceClassifier.load(model);
        assertEquals(TrainingSettings.Ensemble.WORDS_SENTENCES, loaded.trained().settings().ensemble());
        assertEquals(7L, loaded.trained().settings().seed(), "an explicit option overrides the profile");
        CliRun classify = CliRun.withStdin("Police officers completed a course on forensic investigation",
                "classify", "--model", model.toString(), "-");
        assertEquals(0, classify.exitCode(), classify.err());
        assertEquals("", classify.err(), "no warnings from the encoder's libraries");
        CliRun inspect = CliRun.of("inspect", "--model", model.toString());
        assertTrue(inspect.out().contains("ensemble:       words+sentences, sentence embeddings by "
                + "bge-small-en-v1.5-q (sha256:"), inspect.out());
    }

    @Test
    void theFastProfileIsTheWordModel() throws IOException {
        Path corpus = TestCorpus.write(dir.resolve("corpus.csv"), 6);
        Path model = dir.resolve("fast.osce");
        assertEquals(0, CliRun.of("train", "--corpus", corpus.toString(), "--model", model.toString(),
                "--profile", "fast").exitCode());
        assertEquals(TrainingSettings.defaults(), OsceClassifier.load(model).trained().settings());
    }

    @Test
    void anUnknownProfileIsAUsageError() {
        CliRun run = CliRun.of("train", "--model", dir.resolve("m.osce").toString(), "--profile", "best");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no profile \"best\": fast or accurate"), run.err());
    }
}
