package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

class OsceClassifierTest {

    private static List<OsceDocument> corpus;
    private static OsceClassifier classifier;

    @BeforeAll
    static void train() {
        corpus = TestCorpus.themed(60, 7);
        classifier = OsceClassifier.train(TrainingSettings.defaults(), Taxonomy.bundled(), corpus);
    }

    @Test
    void classifiesPlainTextByItsVocabulary() {
        Classification c = classifier.classify("Election observers watched the ballot count at polling stations");

        assertEquals("Elections", c.fields().get(0).label());
        assertEquals("OSCE Office for Democratic Institutions and Human Rights", c.topSource());
        assertEquals("text", c.id());
    }

    @Test
    void everyPredictedLabelComesWithTheWordsThatWeighedMostForIt() {
        Classification c = classifier.classify("Police officers attended forensic crime investigation training");

        assertEquals("Policing", c.fields().get(0).label());
        List<FeatureWeight> words = c.words().get("Policing");
        assertFalse(words.isEmpty());
        assertTrue(words.size() <= OsceClassifier.WORDS_PER_LABEL);
        assertTrue(words.stream().anyMatch(w -> w.feature().contains("polic") || w.feature().contains("forensic")),
                words.toString());
        for (int i = 1; i < words.size(); i++) {
            assertTrue(words.get(i - 1).weight() >= words.get(i).weight(), "strongest first");
        }
        assertTrue(c.words().containsKey(c.topSource()));
    }

    @Test
    void scoresGiveTheSameLabelsAndScoresWithoutWorkingOutTheWords() {
        for (OsceDocument doc : corpus) {
            Classification full = classifier.classify(doc);
            Classification scores = classifier.scores(doc);
            assertEquals(full.fields(), scores.fields());
            assertEquals(full.sources(), scores.sources());
            assertTrue(scores.words().isEmpty());
        }
    }

    @Test
    void classifiesAScrapedPageIgnoringItsOwnLabels() {
        String page = String.join("\n", "-", "Our work", "- Elections", "News",
                "Journalists protest against censorship",
                "- Date:", "- 1 June 2021", "- Place:", "- VIENNA", "- Source:", "- OSCE Mission to Serbia",
                "- Fields of work:", "- Policing",
                "VIENNA, 1 June 2021 - Media freedom: journalists and reporters face censorship of the press.");

        Classification c = classifier.classifyPage("page-1", page);

        assertEquals("page-1", c.id());
        assertEquals("Media freedom and development", c.fields().get(0).label());
        assertEquals("OSCE Representative on Freedom of the Media", c.topSource());
    }

    @Test
    void aSavedBundleLoadsBackAndClassifiesIdentically(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("model.osce");
        classifier.save(file);

        OsceClassifier loaded = OsceClassifier.load(file);

        for (OsceDocument doc : corpus) {
            assertEquals(classifier.classify(doc), loaded.classify(doc));
        }
        assertEquals(classifier.trained().thresholds(), loaded.trained().thresholds());
        assertEquals(classifier.trained().taxonomy(), loaded.trained().taxonomy());
        assertEquals(classifier.trained().settings(), loaded.trained().settings());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aBundleOfAnOlderFormatIsRefusedWithOneLineSayingToTrainAgain(int format, @TempDir Path tmp)
            throws IOException {
        Path file = tmp.resolve("old.osce");
        Files.write(file, BundleFile.toBytes(ModelBundle.entries(classifier.trained(), Optional.empty()), format));

        BundleException e = assertThrows(BundleException.class, () -> OsceClassifier.load(file));

        assertEquals(file + ": the model bundle has the old format " + format + ", which this osce-classify no "
                + "longer reads; train the model again", e.getMessage());
    }

    @Test
    void scoresAreProbabilitiesAndTheSourcesShareOne() {
        for (OsceDocument doc : corpus) {
            Classification c = classifier.classify(doc);
            for (ScoredLabel l : c.fields()) {
                assertTrue(l.probability() >= 0 && l.probability() <= 1, l.toString());
            }
            assertEquals(1.0, c.sources().stream().mapToDouble(ScoredLabel::probability).sum(), 1e-9);
            for (int i = 1; i < c.sources().size(); i++) {
                assertTrue(c.sources().get(i - 1).probability() >= c.sources().get(i).probability());
            }
        }
    }

    @Test
    void aFieldIsPredictedExactlyWhenItsMarginIsAtLeastZeroBeyondTheTopOne() {
        for (OsceDocument doc : corpus) {
            Classification c = classifier.scores(doc);
            for (ScoredLabel l : c.fields().subList(1, c.fields().size())) {
                assertTrue(l.margin() >= 0, "a field beyond the first is predicted only at margin >= 0: " + l);
            }
        }
    }

    @Test
    void theSameCorpusAndSettingsGiveTheSameBundleBytes(@TempDir Path tmp) throws IOException {
        Path first = tmp.resolve("a.osce");
        Path second = tmp.resolve("b.osce");
        classifier.save(first);
        OsceClassifier.train(TrainingSettings.defaults(), Taxonomy.bundled(), corpus).save(second);

        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void anEvaluationSavedWithTheModelLoadsBack(@TempDir Path tmp) throws IOException {
        Evaluation evaluation = new Evaluation("holdout", 48, 12,
                new FieldsEvaluation(12, 1, 1, 1, 1, 1, 0, List.of(new LabelScores("Elections", 1, 1, 1, 4, 0.4))),
                new SourcesEvaluation(12, 1, 1, 1, List.of("A"), List.of(List.of(12)), List.of()));
        Path file = tmp.resolve("model.osce");
        classifier.withEvaluation(evaluation).save(file);

        assertEquals(Optional.of(evaluation), OsceClassifier.load(file).evaluation());
    }

    @Test
    void aTruncatedBundleIsRefusedAndAFailedSaveLeavesTheOldFile(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("model.osce");
        classifier.save(file);
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = tmp.resolve("truncated.osce");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        BundleException e = assertThrows(BundleException.class, () -> OsceClassifier.load(truncated));
        assertTrue(e.getMessage().startsWith(truncated + ": "), e.getMessage());

        assertThrows(IOException.class, () -> classifier.save(tmp.resolve("model.osce/inside")),
                "a bundle cannot be saved under a file");
        assertArrayEquals(bytes, Files.readAllBytes(file), "the earlier bundle is intact");
        try (var files = Files.list(tmp)) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void manyThreadsGetExactlyTheResultsOfOne() throws Exception {
        List<OsceDocument> docs = TestCorpus.themed(180, 11);
        List<Classification> sequential = docs.stream().map(classifier::classify).toList();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Classification>> futures = new ArrayList<>();
            for (OsceDocument doc : docs) {
                futures.add(pool.submit(() -> classifier.classify(doc)));
            }
            for (int i = 0; i < docs.size(); i++) {
                assertEquals(sequential.get(i), futures.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
