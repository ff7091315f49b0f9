package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Origin;
import org.osceclassify.model.Taxonomy;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.multilabel.baseline.IndependentMultiLabelModel;

/** The fast scorers give exactly the scores Tribuo gives, label for label and in the same order. */
class LinearScorerTest {

    private static TrainedClassifier train(TrainingSettings.Algorithm algorithm) {
        TrainingSettings settings = TrainingSettings.builder().algorithm(algorithm).sourcesAlgorithm(algorithm)
                .thresholdFolds(0).build();
        return Training.train(settings, Taxonomy.bundled(), TestCorpus.themed(60, 3));
    }

    @ParameterizedTest
    @EnumSource(value = TrainingSettings.Algorithm.class, names = {"SVM", "LOGISTIC"})
    void fieldScoresAreExactlyTribuosForEveryFieldInTheSameOrder(TrainingSettings.Algorithm algorithm) {
        TrainedClassifier trained = train(algorithm);
        LinearScorer scorer = LinearScorer.ofFields(trained.fieldsPipeline(), trained.fieldsModel()).orElseThrow();

        for (OsceDocument doc : TestCorpus.themed(90, 5)) {
            Map<String, Double> tribuo = TrainedClassifier.fieldScores(trained.fieldsModel(),
                    trained.fieldsPipeline(), doc.withoutLabels());
            Map<String, Double> fast = scorer.scores(doc.withoutLabels()).orElseThrow();
            assertEquals(List.copyOf(tribuo.keySet()), List.copyOf(fast.keySet()));
            assertEquals(tribuo, fast, doc.id());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TrainingSettings.Algorithm.class, names = {"SVM", "LOGISTIC"})
    void sourceScoresAreExactlyTribuosForEveryClassInTheSameOrder(TrainingSettings.Algorithm algorithm) {
        TrainedClassifier trained = train(algorithm);
        LinearScorer scorer = LinearScorer.ofSources(trained.sourcesPipeline(), trained.sourcesModel())
                .orElseThrow();

        for (OsceDocument doc : TestCorpus.themed(90, 5)) {
            Map<String, Double> tribuo = new LinkedHashMap<>();
            trained.sourcesModel().predict(trained.sourcesPipeline().example(doc.withoutLabels(),
                    LabelFactory.UNKNOWN_LABEL)).getOutputScores().forEach((name, l) -> tribuo.put(name, l.getScore()));
            Map<String, Double> fast = scorer.scores(doc.withoutLabels()).orElseThrow();
            assertEquals(List.copyOf(tribuo.keySet()), List.copyOf(fast.keySet()));
            assertEquals(tribuo, fast, doc.id());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TrainingSettings.Algorithm.class, names = {"SVM", "LOGISTIC"})
    void bulkScoringPredictsWhatTheTribuoPathPredicts(TrainingSettings.Algorithm algorithm) {
        TrainedClassifier trained = train(algorithm);
        OsceClassifier classifier = OsceClassifier.of(trained, java.util.Optional.empty());

        for (OsceDocument doc : TestCorpus.themed(90, 5)) {
            Prediction tribuo = trained.predict(doc);
            Classification fast = classifier.scores(doc);
            assertEquals(tribuo.fields(), fast.fields(), doc.id());
            assertEquals(tribuo.sources(), fast.sources(), doc.id());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TrainingSettings.Algorithm.class, names = {"SVM", "LOGISTIC"})
    void explanationsAreTribuosExcusesStrongestPositiveWords(TrainingSettings.Algorithm algorithm) {
        TrainedClassifier trained = train(algorithm);
        OsceClassifier classifier = OsceClassifier.of(trained, java.util.Optional.empty());
        IndependentMultiLabelModel fields = (IndependentMultiLabelModel) trained.fieldsModel();

        int explained = 0;
        for (OsceDocument doc : TestCorpus.themed(90, 5)) {
            Classification c = classifier.classify(doc);
            OsceDocument unlabelled = doc.withoutLabels();
            for (ScoredLabel field : c.fields()) {
                int i = fields.getLabelOrder().indexOf(new Label(field.label()));
                assertEquals(excuse(fields.getModels().get(i), trained.fieldsPipeline().example(unlabelled,
                        LabelFactory.UNKNOWN_LABEL), field.label()), c.words().get(field.label()), doc.id());
                explained += c.words().get(field.label()).size();
            }
            String source = c.sources().get(0).label();
            assertEquals(excuse(trained.sourcesModel(), trained.sourcesPipeline().example(unlabelled,
                    LabelFactory.UNKNOWN_LABEL), source), c.words().get(source), doc.id());
        }
        assertTrue(explained > 90, "most predicted fields are explained by some words");
    }

    /** What Tribuo's own explanation says: the features of the excuse for {@code label} that count for it. */
    private static List<ScoredLabel> excuse(org.tribuo.Model<Label> model, org.tribuo.Example<Label> example,
                                            String label) {
        List<ScoredLabel> words = new java.util.ArrayList<>();
        for (var pair : model.getExcuse(example).orElseThrow().excuse(label)) {
            if (pair.getB() <= 0 || words.size() == OsceClassifier.WORDS_PER_LABEL) {
                break;
            }
            words.add(new ScoredLabel(pair.getA(), pair.getB()));
        }
        return words;
    }

    @ParameterizedTest
    @EnumSource(value = TrainingSettings.Algorithm.class, names = {"SVM"})
    void aDocumentWithNoKnownFeatureHasNoScoresAndGetsTheMostFrequentLabels(TrainingSettings.Algorithm algorithm) {
        TrainedClassifier trained = train(algorithm);
        OsceDocument unknown = OsceDocument.ofText("x", "zzyzx qwerty", Origin.of("x"));

        assertTrue(LinearScorer.ofFields(trained.fieldsPipeline(), trained.fieldsModel()).orElseThrow()
                .scores(unknown).isEmpty());
        assertTrue(LinearScorer.ofSources(trained.sourcesPipeline(), trained.sourcesModel()).orElseThrow()
                .scores(unknown).isEmpty());
        Classification c = OsceClassifier.of(trained, java.util.Optional.empty()).scores(unknown);
        assertEquals(trained.predict(unknown).fields(), c.fields());
        assertEquals(trained.predict(unknown).sources(), c.sources());
        assertTrue(!c.fields().isEmpty() && !c.sources().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = TrainingSettings.Algorithm.class, names = {"CC_ENSEMBLE"})
    void aClassifierChainEnsembleIsLeftToTribuo(TrainingSettings.Algorithm algorithm) {
        TrainedClassifier trained = Training.train(TrainingSettings.builder().algorithm(algorithm).ensembleSize(2)
                .thresholdFolds(0).build(), Taxonomy.bundled(), TestCorpus.themed(60, 3));
        assertTrue(LinearScorer.ofFields(trained.fieldsPipeline(), trained.fieldsModel()).isEmpty());
        OsceDocument doc = TestCorpus.themed(5, 9).get(0);
        assertEquals(trained.predict(doc).fields(),
                OsceClassifier.of(trained, java.util.Optional.empty()).scores(doc).fields());
    }
}
