package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/** The words+sentences ensemble, with {@link HashingTestEncoder} as the sentence encoder. */
class StackedEnsembleTest {

    private static final TrainingSettings STACKED = TrainingSettings.builder()
            .ensemble(TrainingSettings.Ensemble.WORDS_SENTENCES).build();
    private static final List<OsceDocument> CORPUS = TestCorpus.themed(60, 1);

    @TempDir
    Path dir;

    @Test
    void stacksASentenceMemberOnEachTaskAndRecordsTheEncoder() {
        TrainedClassifier c = Training.train(STACKED, Taxonomy.bundled(), CORPUS, 2);
        SentenceStack fields = c.fieldsStack().orElseThrow();
        assertEquals(HashingTestEncoder.NAME, fields.encoder());
        assertEquals(HashingTestEncoder.DIMENSION, fields.dimension());
        assertEquals(c.fieldsModel().orElseThrow().labels(), fields.sentences().labels());
        assertTrue(c.sourcesStack().isPresent());
        assertEquals(HashingTestEncoder.NAME, c.encoder().orElseThrow().name());
    }

    @Test
    void givesCalibratedProbabilitiesTheSourcesSummingToOne() {
        OsceClassifier c = OsceClassifier.train(STACKED, Taxonomy.bundled(), CORPUS);
        Classification result = c.classify("Police officers of the patrol completed a course on crime investigation");
        assertEquals(TestCorpus.POLICING, result.fields().get(0).label());
        assertEquals(TestCorpus.SERBIA, result.sources().get(0).label());
        double sum = result.sources().stream().mapToDouble(ScoredLabel::probability).sum();
        assertEquals(1.0, sum, 1e-9);
        result.fields().forEach(f -> assertTrue(f.probability() >= 0 && f.probability() <= 1));
    }

    @Test
    void isTheSameOnAnyNumberOfThreadsAndAfterASaveAndLoad() throws IOException {
        TrainedClassifier one = Training.train(STACKED, Taxonomy.bundled(), CORPUS, 1);
        TrainedClassifier three = Training.train(STACKED, Taxonomy.bundled(), CORPUS, 3);
        assertArrayEquals(bytes(one), bytes(three));
        Path file = dir.resolve("m.osce");
        OsceClassifier.of(one, Optional.empty()).save(file);
        OsceClassifier loaded = OsceClassifier.load(file);
        OsceClassifier trained = OsceClassifier.of(one, Optional.empty());
        for (OsceDocument doc : TestCorpus.themed(9, 5)) {
            assertEquals(trained.classify(doc).toString(), loaded.classify(doc).toString());
            assertEquals(trained.classify(doc).sources(), loaded.classify(doc).sources());
        }
    }

    @Test
    void aBundleWhoseEncoderIsNotOnTheClassPathRefusesToLoadSayingWhy() throws IOException {
        Path file = rewrittenManifest(m -> m.replace("\"" + HashingTestEncoder.NAME + "\"", "\"bge-small-en-v1.5-q\""));
        BundleException e = assertThrows(BundleException.class, () -> OsceClassifier.load(file));
        assertTrue(e.getMessage().startsWith(file + ": the model was trained with sentence embeddings by "
                + "bge-small-en-v1.5-q, and no such sentence encoder is on the class path"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aBundleTrainedWithAnotherModelOfTheEncoderRefusesToLoad() throws IOException {
        Path file = rewrittenManifest(m -> m.replace("ab".repeat(32), "cd".repeat(32)));
        BundleException e = assertThrows(BundleException.class, () -> OsceClassifier.load(file));
        assertTrue(e.getMessage().contains("sha256:" + "cd".repeat(32) + ", but the encoder on the class path is "
                + "sha256:" + "ab".repeat(32)), e.getMessage());
    }

    @Test
    void aBundleOfTheWordModelWrittenBeforeTheEnsembleSettingReadsAsWords() throws IOException {
        TrainedClassifier words = Training.train(TrainingSettings.defaults(), Taxonomy.bundled(), CORPUS, 2);
        Map<String, byte[]> entries = new LinkedHashMap<>(ModelBundle.entries(words, Optional.empty()));
        String manifest = new String(entries.get(ModelBundle.MANIFEST), StandardCharsets.UTF_8)
                .replaceAll(",\\s*\"ensemble\" : \"words\"", "").replaceAll(",\\s*\"sentences_cost\" : \"[0-9.]+\"", "");
        assertFalse(manifest.contains("ensemble"), manifest);
        entries.put(ModelBundle.MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
        TrainedClassifier read = ModelBundle.read(entries, "old.osce").classifier();
        assertEquals(TrainingSettings.Ensemble.WORDS, read.settings().ensemble());
        assertEquals(words.fieldsModel(), read.fieldsModel());
        assertTrue(read.fieldsStack().isEmpty());
    }

    @Test
    void theWordProfileNeedsNoEncoder() {
        TrainedClassifier c = Training.train(TrainingSettings.defaults(), Taxonomy.bundled(), CORPUS, 2);
        assertTrue(c.encoder().isEmpty());
        assertFalse(new String(ModelBundle.entries(c, Optional.empty()).get(ModelBundle.MANIFEST),
                StandardCharsets.UTF_8).contains("\"encoder\""));
    }

    private Path rewrittenManifest(java.util.function.UnaryOperator<String> edit) throws IOException {
        TrainedClassifier c = Training.train(STACKED, Taxonomy.bundled(), CORPUS, 2);
        Map<String, byte[]> entries = new LinkedHashMap<>(ModelBundle.entries(c, Optional.empty()));
        String manifest = new String(entries.get(ModelBundle.MANIFEST), StandardCharsets.UTF_8);
        String edited = edit.apply(manifest);
        assertFalse(edited.equals(manifest), "the edit changes the manifest");
        entries.put(ModelBundle.MANIFEST, edited.getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("edited.osce");
        Files.write(file, BundleFile.toBytes(entries, BundleFile.FORMAT_VERSION));
        return file;
    }

    private static byte[] bytes(TrainedClassifier c) {
        return BundleFile.toBytes(ModelBundle.entries(c, Optional.empty()), BundleFile.FORMAT_VERSION);
    }
}
