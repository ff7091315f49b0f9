package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osceclassify.model.Labels;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Origin;
import org.osceclassify.model.Taxonomy;
import org.osceclassify.model.ReadOptions;

class TrainingTest {

    private static final Taxonomy TAXONOMY = Taxonomy.bundled();
    private static final List<OsceDocument> CORPUS = TestCorpus.themed(60, 1);
    private static final TrainingSettings SETTINGS = TrainingSettings.builder().minSourceCount(2)
            .build();

    @Test
    @DisplayName("the same corpus and settings give identical models and identical predictions")
    void trainingIsDeterministic() {
        TrainedClassifier first = Training.train(SETTINGS, TAXONOMY, CORPUS);
        TrainedClassifier second = Training.train(SETTINGS, TAXONOMY, CORPUS);
        assertEquals(first.fieldsModel().orElseThrow(), second.fieldsModel().orElseThrow());
        assertEquals(first.sourcesModel().orElseThrow(), second.sourcesModel().orElseThrow());
        assertArrayEquals(first.fieldsPipeline().orElseThrow().toBytes(), second.fieldsPipeline().orElseThrow().toBytes());
        assertArrayEquals(first.sourcesPipeline().orElseThrow().toBytes(), second.sourcesPipeline().orElseThrow().toBytes());
        for (OsceDocument doc : CORPUS.subList(0, 10)) {
            assertEquals(first.predict(doc), second.predict(doc));
        }
    }

    @Test
    @DisplayName("the provenance in the bundle lists each label's class weights in a fixed order, whatever the JVM")
    void provenanceListsClassWeightsInAFixedOrder() {
        LinearModel fields = Training.train(SETTINGS, TAXONOMY, CORPUS).fieldsModel().orElseThrow();
        for (String label : fields.labels()) {
            String weights = "labelWeights={" + label + "=";
            assertTrue(fields.provenance().contains(weights), "the label's own weight comes first: " + label);
        }
    }

    @ParameterizedTest
    @EnumSource(TrainingSettings.Algorithm.class)
    @DisplayName("the number of threads never changes the model: weights, calibrations and tuned thresholds")
    void threadsDoNotChangeTheModel(TrainingSettings.Algorithm algorithm) {
        TrainingSettings settings = SETTINGS.toBuilder().algorithm(algorithm).sourcesAlgorithm(algorithm)
                .calibrationFolds(4).tuneThresholds(true).minThresholdSupport(1).build();
        List<OsceDocument> corpus = TestCorpus.themed(90, 5);
        TrainedClassifier sequential = Training.train(settings, TAXONOMY, corpus, 1);
        TrainedClassifier parallel = Training.train(settings, TAXONOMY, corpus, 3);
        assertEquals(sequential.fieldsModel().orElseThrow(), parallel.fieldsModel().orElseThrow());
        assertEquals(sequential.sourcesModel().orElseThrow(), parallel.sourcesModel().orElseThrow());
        assertArrayEquals(LinearModelCodec.encode(sequential.fieldsModel().orElseThrow()),
                LinearModelCodec.encode(parallel.fieldsModel().orElseThrow()));
    }

    @Test
    @DisplayName("thresholds are probabilities; untuned, each is the probability at the model's own boundary")
    void thresholdsAreProbabilitiesAtTheDecisionBoundary() {
        LinearModel fields = Training.train(SETTINGS, TAXONOMY, CORPUS).fieldsModel().orElseThrow();
        for (int l = 0; l < fields.labels().size(); l++) {
            double threshold = fields.threshold(l);
            assertTrue(threshold > 0 && threshold < 1, "threshold " + threshold);
            assertEquals(fields.calibration(l).probability(0), threshold, 0.0);
            assertTrue(fields.calibration(l).slope() > 0, "probability rises with the margin");
        }
    }

    @Test
    @DisplayName("the corpus fingerprint names the documents and labels trained on, not where they were read from")
    void corpusFingerprint() {
        String fingerprint = Training.train(SETTINGS, TAXONOMY, CORPUS).summary().corpus();
        assertTrue(fingerprint.matches("sha256:[0-9a-f]{64}"), fingerprint);
        List<OsceDocument> elsewhere = CORPUS.stream().map(d -> new OsceDocument(d.id(), d.title(), d.body(),
                d.date(), d.place(), d.contentType(), d.locations(), d.labels(), Origin.of("elsewhere.csv"))).toList();
        assertEquals(fingerprint, Training.fingerprint(elsewhere));
        List<OsceDocument> relabelled = new ArrayList<>(CORPUS);
        relabelled.set(0, CORPUS.get(0).withLabels(new Labels(List.of(TestCorpus.RFOM), List.of(TestCorpus.MEDIA))));
        assertFalse(fingerprint.equals(Training.fingerprint(relabelled)), "a changed label changes it");
    }

    @Test
    @DisplayName("the themes are learned: a new document gets its theme's field and source first")
    void learnsTheThemes() {
        TrainedClassifier classifier = Training.train(SETTINGS, TAXONOMY, CORPUS);
        OsceDocument unseen = OsceDocument.ofText("new", "observers watched the polling and the ballot count",
                Origin.of("typed"));
        Prediction p = classifier.predict(unseen);
        assertEquals(TestCorpus.ELECTIONS, p.fields().get(0).label());
        assertEquals(TestCorpus.ODIHR, p.sources().get(0).label());
    }

    @Test
    @DisplayName("sources ranked best first, each class once; at least minFields fields")
    void predictionShape() {
        TrainedClassifier classifier = Training.train(SETTINGS.toBuilder().minFields(2).build(), TAXONOMY, CORPUS);
        Prediction p = classifier.predict(CORPUS.get(0));
        assertTrue(p.fields().size() >= 2, "fields: " + p.fields());
        assertEquals(classifier.summary().sourceCounts().keySet(),
                Set.copyOf(p.sources().stream().map(ScoredLabel::label).toList()));
        for (int i = 1; i < p.sources().size(); i++) {
            assertTrue(p.sources().get(i - 1).probability() >= p.sources().get(i).probability());
        }
    }

    @Test
    @DisplayName("predict is safe from several threads: concurrent predictions equal sequential ones")
    void predictIsThreadSafe() throws Exception {
        TrainedClassifier classifier = Training.train(SETTINGS, TAXONOMY, CORPUS);
        List<Prediction> sequential = CORPUS.stream().map(classifier::predict).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Prediction>> futures = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (OsceDocument doc : CORPUS) {
                    futures.add(pool.submit(() -> classifier.predict(doc)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(sequential.get(i % CORPUS.size()), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("sources with fewer than minSourceCount items fold into Other")
    void rareSourcesFoldIntoOther() {
        TrainedClassifier classifier = Training.train(SETTINGS, TAXONOMY, CORPUS);
        Set<String> classes = classifier.summary().sourceCounts().keySet();
        assertEquals(Set.of(TestCorpus.ODIHR, TestCorpus.RFOM, TestCorpus.SERBIA, TrainedClassifier.OTHER_SOURCE),
                classes);
        assertEquals(1, classifier.summary().sourceCounts().get(TrainedClassifier.OTHER_SOURCE));
        assertEquals(TrainedClassifier.OTHER_SOURCE, classifier.sourceClass(TestCorpus.MINSK_GROUP));
        assertEquals(TestCorpus.RFOM, classifier.sourceClass(TestCorpus.RFOM));
    }

    @Test
    @DisplayName("items with unknown fields or sources are left out of that task only")
    void unknownLabelsAreLeftOut() {
        TrainedClassifier classifier = Training.train(SETTINGS, TAXONOMY, CORPUS);
        long withFields = CORPUS.stream().filter(d -> d.labels().hasFields()).count();
        long withSources = CORPUS.stream().filter(d -> d.labels().hasSources()).count();
        assertTrue(withFields < CORPUS.size() && withSources < CORPUS.size());
        assertEquals(withFields, classifier.summary().fieldsItems());
        assertEquals(withSources, classifier.summary().sourcesItems());
        assertEquals(withFields, classifier.summary().fieldCounts().values().stream().mapToInt(i -> i).sum());
        assertEquals(CORPUS.size(), classifier.summary().items());
    }

    @Test
    @DisplayName("labels are never features: shuffling the labels leaves the fitted feature pipelines unchanged")
    void labelsAreNeverFeatures() {
        List<Labels> labels = new ArrayList<>(CORPUS.stream().map(OsceDocument::labels).toList());
        Collections.shuffle(labels, new Random(3));
        List<OsceDocument> shuffled = new ArrayList<>();
        for (int i = 0; i < CORPUS.size(); i++) {
            shuffled.add(CORPUS.get(i).withLabels(labels.get(i)));
        }
        TrainedClassifier original = Training.train(SETTINGS, TAXONOMY, CORPUS);
        TrainedClassifier relabelled = Training.train(SETTINGS, TAXONOMY, shuffled);
        assertArrayEquals(original.fieldsPipeline().orElseThrow().toBytes(), relabelled.fieldsPipeline().orElseThrow().toBytes());
        assertArrayEquals(original.sourcesPipeline().orElseThrow().toBytes(), relabelled.sourcesPipeline().orElseThrow().toBytes());
        OsceDocument doc = CORPUS.get(0);
        assertEquals(original.sourcesPipeline().orElseThrow().features(doc),
                relabelled.sourcesPipeline().orElseThrow().features(doc.withoutLabels()));
    }

    @Test
    @DisplayName("sub-topics count as their field, or stay sub-topics at the TOPICS level")
    void fieldsLevel() {
        List<OsceDocument> corpus = new ArrayList<>(CORPUS);
        for (int i = 0; i < corpus.size(); i++) {
            OsceDocument d = corpus.get(i);
            if (d.labels().fields().contains(TestCorpus.MEDIA) && i % 2 == 0) {
                corpus.set(i, d.withLabels(new Labels(d.labels().sources(), List.of("Safety of journalists"))));
            }
        }
        Set<String> fields = Training.train(SETTINGS, TAXONOMY, corpus).summary().fieldCounts().keySet();
        assertEquals(Set.of(TestCorpus.ELECTIONS, TestCorpus.MEDIA, TestCorpus.POLICING), fields);
        Set<String> topics = Training.train(SETTINGS.toBuilder().fieldsLevel(ReadOptions.FieldsLevel.TOPICS)
                .build(), TAXONOMY, corpus).summary().fieldCounts().keySet();
        assertTrue(topics.contains("Safety of journalists"), topics.toString());
    }

    @Test
    @DisplayName("every algorithm trains and scores: logistic regression and SVM, for either task")
    void everyAlgorithmTrains() {
        OsceDocument unseen = OsceDocument.ofText("new", "the police officers and cadets on patrol",
                Origin.of("typed"));
        for (TrainingSettings.Algorithm algorithm : TrainingSettings.Algorithm.values()) {
            TrainingSettings settings = SETTINGS.toBuilder().algorithm(algorithm).sourcesAlgorithm(algorithm).build();
            Prediction p = Training.train(settings, TAXONOMY, CORPUS).predict(unseen);
            assertEquals(TestCorpus.POLICING, p.fields().get(0).label(), algorithm.name());
            assertEquals(TestCorpus.SERBIA, p.sources().get(0).label(), algorithm.name());
        }
    }

    @Test
    @DisplayName("a corpus without two known labels for a task is refused with a clear message")
    void refusesCorpusWithoutLabels() {
        List<OsceDocument> unlabelled = CORPUS.stream().map(OsceDocument::withoutLabels).toList();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Training.train(SETTINGS, TAXONOMY, unlabelled));
        assertTrue(e.getMessage().contains("fields of work"), e.getMessage());
    }

    @Test
    @DisplayName("settings reject values that cannot work")
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> TrainingSettings.builder().fieldsCost(0));
        assertThrows(IllegalArgumentException.class, () -> TrainingSettings.builder().minSourceCount(0));
        assertThrows(IllegalArgumentException.class, () -> TrainingSettings.builder().calibrationFolds(-1));
        assertFalse(TrainingSettings.defaults().equals(TrainingSettings.defaults().toBuilder().seed(7).build()));
        assertEquals(TrainingSettings.defaults(), TrainingSettings.defaults().toBuilder().build());
    }
}
