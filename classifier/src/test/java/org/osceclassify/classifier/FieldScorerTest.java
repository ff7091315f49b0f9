package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Origin;
import org.osceclassify.model.Taxonomy;

class FieldScorerTest {

    @ParameterizedTest
    @EnumSource(value = TrainingSettings.Algorithm.class, names = {"SVM", "LOGISTIC"})
    void givesExactlyTribuosScoresForEveryFieldInTheSameOrder(TrainingSettings.Algorithm algorithm) {
        TrainingSettings settings = TrainingSettings.builder().algorithm(algorithm).thresholdFolds(0).build();
        List<OsceDocument> docs = TestCorpus.themed(60, 3);
        TrainedClassifier trained = Training.train(settings, Taxonomy.bundled(), docs);
        FieldScorer scorer = FieldScorer.of(trained.fieldsModel()).orElseThrow();

        for (OsceDocument doc : TestCorpus.themed(90, 5)) {
            TrainedClassifier.Features features = trained.features(doc);
            Map<String, Double> tribuo = TrainedClassifier.fieldScores(trained.fieldsModel(),
                    trained.fieldsPipeline(), doc.withoutLabels());
            Map<String, Double> fast = scorer.scores(features.fields()).orElseThrow();
            assertEquals(List.copyOf(tribuo.keySet()), List.copyOf(fast.keySet()));
            assertEquals(tribuo, fast, doc.id());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TrainingSettings.Algorithm.class, names = {"SVM"})
    void aDocumentWithNoKnownFeatureHasNoScores(TrainingSettings.Algorithm algorithm) {
        TrainedClassifier trained = Training.train(TrainingSettings.builder().algorithm(algorithm)
                .thresholdFolds(0).build(), Taxonomy.bundled(), TestCorpus.themed(60, 3));
        FieldScorer scorer = FieldScorer.of(trained.fieldsModel()).orElseThrow();

        Optional<Map<String, Double>> scores = scorer.scores(trained.features(
                OsceDocument.ofText("x", "zzyzx qwerty", Origin.of("x"))).fields());

        assertTrue(scores.isEmpty());
        assertFalse(trained.predict(OsceDocument.ofText("x", "zzyzx qwerty", Origin.of("x"))).fields().isEmpty(),
                "the document still gets the most frequent field");
    }

    @ParameterizedTest
    @EnumSource(value = TrainingSettings.Algorithm.class, names = {"CC_ENSEMBLE"})
    void thereIsNoFastPathForAClassifierChainEnsemble(TrainingSettings.Algorithm algorithm) {
        TrainedClassifier trained = Training.train(TrainingSettings.builder().algorithm(algorithm).ensembleSize(2)
                .thresholdFolds(0).build(), Taxonomy.bundled(), TestCorpus.themed(60, 3));
        assertTrue(FieldScorer.of(trained.fieldsModel()).isEmpty());
    }
}
