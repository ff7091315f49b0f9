package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osceclassify.features.FeaturePipeline;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

class LabelTrainingTest {

    private static final Taxonomy TAXONOMY = Taxonomy.bundled();

    @ParameterizedTest
    @EnumSource(TrainingSettings.Algorithm.class)
    @DisplayName("our weights give exactly the margins of the Tribuo model they were read from, for unseen documents")
    void ourMarginsAreTribuos(TrainingSettings.Algorithm algorithm) {
        TrainingSettings settings = TrainingSettings.builder().algorithm(algorithm).build();
        List<OsceDocument> train = TestCorpus.themed(60, 3).stream().filter(d -> d.labels().hasFields()).toList();
        FeaturePipeline pipeline = FeaturePipeline.fit(settings.fieldsFeatures(), TAXONOMY,
                train.stream().map(OsceDocument::withoutLabels).toList());
        Map<String, Integer> counts = new TreeMap<>();
        List<OsceDocument> labelled = Training.labelled(train, TAXONOMY, settings);
        labelled.forEach(d -> d.labels().fields().forEach(f -> counts.merge(f, 1, Integer::sum)));
        TaskTraining.Task task = Training.fieldsTask(pipeline, labelled, counts, settings);
        LabelTraining training = new LabelTraining(task, algorithm, settings.fieldsCost());

        for (int l = 0; l < task.labels().size(); l++) {
            String label = task.labels().get(l);
            Model<Label> tribuo = training.tribuoModel(l, 17L + l);
            LabelTraining.LabelWeights weights = training.weights(tribuo, label, false);
            LinearScorer ours = new LinearScorer(pipeline, new LinearModel(algorithm, false, List.of(label),
                    pipeline.vocabularySize(), training.metaFeatures(), new double[][] {weights.row()},
                    new double[] {weights.bias()}, List.of(new Calibration(1, 0)), new double[] {0.5}, ""));
            for (OsceDocument doc : TestCorpus.themed(90, 5)) {
                double margin = ours.margins(ours.features(FeaturePipeline.analyze(doc.withoutLabels())))[0];
                double expected = tribuo.predict(pipeline.example(doc.withoutLabels(), LabelFactory.UNKNOWN_LABEL))
                        .getOutputScores().get(label).getScore();
                if (algorithm == TrainingSettings.Algorithm.SVM) {
                    assertEquals(expected, margin, 0.0, "Tribuo's decision value of " + label + " for " + doc.id());
                } else {
                    assertEquals(expected, 1 / (1 + Math.exp(-margin)), 1e-12,
                            "Tribuo's probability of " + label + " for " + doc.id());
                }
            }
        }
    }

}
