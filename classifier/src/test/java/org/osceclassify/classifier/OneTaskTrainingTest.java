package org.osceclassify.classifier;

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
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osceclassify.model.Labels;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/**
 * A corpus with the labels of one task only trains that task and leaves the other out: the classifier gives no
 * labels of the task left out, and its bundle declares the task absent. Reading stays strict: a bundle has a task's
 * pipeline and model exactly when its manifest lists the task.
 */
class OneTaskTrainingTest {

    private static final TrainingSettings SETTINGS = TrainingSettings.defaults();
    private static final Taxonomy TAXONOMY = Taxonomy.bundled();

    private static List<OsceDocument> withLabels(boolean fields, boolean sources) {
        return TestCorpus.themed(60, 5).stream()
                .map(d -> d.withLabels(new Labels(sources ? d.labels().sources() : List.of(),
                        fields ? d.labels().fields() : List.of())))
                .toList();
    }

    @Test
    void aCorpusWithFieldsButNoSourcesTrainsTheFieldsTaskOnly() {
        TrainedClassifier trained = Training.train(SETTINGS, TAXONOMY, withLabels(true, false), 2);

        assertEquals(Set.of(TrainedClassifier.Task.FIELDS_OF_WORK), trained.tasks());
        assertTrue(trained.fieldsModel().isPresent());
        assertEquals(Optional.empty(), trained.sourcesModel());
        assertEquals(Optional.empty(), trained.sourcesPipeline());
        assertEquals(0, trained.summary().sourcesItems());
        Classification c = OsceClassifier.of(trained, Optional.empty()).classify(TestCorpus.themed(3, 9).get(2));
        assertEquals(ClassificationStatus.OK, c.status());
        assertEquals(TestCorpus.POLICING, c.fields().get(0).label());
        assertEquals(List.of(), c.sources());
        assertEquals("", c.topSource());
    }

    @Test
    void aCorpusWithSourcesButNoFieldsTrainsTheSourcesTaskOnly() {
        TrainedClassifier trained = Training.train(SETTINGS, TAXONOMY, withLabels(false, true), 2);

        assertEquals(Set.of(TrainedClassifier.Task.SOURCE_BODIES), trained.tasks());
        assertEquals(Optional.empty(), trained.fieldsModel());
        assertEquals(Map.of(), trained.thresholds());
        Classification c = OsceClassifier.of(trained, Optional.empty()).classify(TestCorpus.themed(3, 9).get(2));
        assertEquals(List.of(), c.fields());
        assertEquals(TestCorpus.SERBIA, c.topSource());
    }

    @Test
    void aCorpusWithNeitherIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Training.train(SETTINGS, TAXONOMY, withLabels(false, false), 2));

        assertEquals("cannot train: no item of the 60 has fields of work or sources", e.getMessage());
    }

    @Test
    void aOneTaskModelIsEvaluatedOnTheTaskItHas() {
        Evaluation e = Evaluations.holdout(SETTINGS, TAXONOMY, withLabels(true, false), 0.25);

        assertTrue(e.fields().microF1() > 0.5, "fields micro-F1 " + e.fields().microF1());
    }

    @Test
    void theBundleDeclaresTheTaskLeftOutAndReadsBackTheSame(@TempDir Path tmp) throws IOException {
        OsceClassifier classifier = OsceClassifier.of(Training.train(SETTINGS, TAXONOMY, withLabels(true, false),
                2), Optional.empty());
        Map<String, byte[]> entries = ModelBundle.entries(classifier.trained(), Optional.empty());
        assertFalse(entries.containsKey(ModelBundle.SOURCES_MODEL));
        assertFalse(entries.containsKey(ModelBundle.SOURCES_PIPELINE));
        assertTrue(manifest(entries).contains("\"tasks\" : [ \"fields-of-work\" ]"), manifest(entries));

        Path file = tmp.resolve("fields.osce");
        classifier.save(file);
        OsceClassifier loaded = OsceClassifier.load(file);

        assertEquals(classifier.trained().tasks(), loaded.trained().tasks());
        assertEquals(classifier.trained().settings(), loaded.trained().settings());
        for (OsceDocument doc : TestCorpus.themed(12, 3)) {
            assertEquals(classifier.classify(doc), loaded.classify(doc));
        }
    }

    @Test
    void aBundleMissingTheModelOfATaskItListsIsRefused(@TempDir Path tmp) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(ModelBundle.entries(
                Training.train(SETTINGS, TAXONOMY, withLabels(true, true), 2), Optional.empty()));
        entries.remove(ModelBundle.SOURCES_MODEL);

        assertRefused(tmp, entries, "the model bundle has no " + ModelBundle.SOURCES_MODEL);
    }

    @Test
    void aBundleWithTheModelOfATaskItDeclaresLeftOutIsRefused(@TempDir Path tmp) throws IOException {
        Map<String, byte[]> both = ModelBundle.entries(Training.train(SETTINGS, TAXONOMY, withLabels(true, true),
                2), Optional.empty());
        Map<String, byte[]> entries = new LinkedHashMap<>(ModelBundle.entries(
                Training.train(SETTINGS, TAXONOMY, withLabels(true, false), 2), Optional.empty()));
        entries.put(ModelBundle.SOURCES_MODEL, both.get(ModelBundle.SOURCES_MODEL));

        assertRefused(tmp, entries, "the model bundle has " + ModelBundle.SOURCES_MODEL + " for a task its "
                + "manifest says was left out");
    }

    @Test
    void aBundleWhoseManifestListsNoTasksIsRefused(@TempDir Path tmp) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(ModelBundle.entries(
                Training.train(SETTINGS, TAXONOMY, withLabels(true, true), 2), Optional.empty()));
        String manifest = manifest(entries);

        entries.put(ModelBundle.MANIFEST, manifest.replaceFirst("\"tasks\" : \\[[^]]*],", "")
                .getBytes(StandardCharsets.UTF_8));
        assertRefused(tmp, entries, "the manifest has no \"tasks\"");

        entries.put(ModelBundle.MANIFEST, manifest.replaceFirst("\"tasks\" : \\[[^]]*]", "\"tasks\" : [ ]")
                .getBytes(StandardCharsets.UTF_8));
        assertRefused(tmp, entries, "the manifest lists no task");
    }

    private static String manifest(Map<String, byte[]> entries) {
        return new String(entries.get(ModelBundle.MANIFEST), StandardCharsets.UTF_8);
    }

    private static void assertRefused(Path tmp, Map<String, byte[]> entries, String reason) throws IOException {
        Path file = Files.createTempFile(tmp, "bundle", ".osce");
        Files.write(file, BundleFile.toBytes(entries, BundleFile.FORMAT_VERSION));

        BundleException e = assertThrows(BundleException.class, () -> OsceClassifier.load(file));

        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
