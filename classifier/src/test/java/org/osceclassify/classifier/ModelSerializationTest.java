package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;
import org.tribuo.Model;

/**
 * The bundle's models are saved exactly as Tribuo saves them: these fail when a Tribuo upgrade changes its format,
 * and {@link ModelSerialization} must then follow it.
 */
class ModelSerializationTest {

    private static final Taxonomy TAXONOMY = Taxonomy.bundled();
    private static final List<OsceDocument> CORPUS = TestCorpus.themed(60, 3);

    private static TrainedClassifier trained(TrainingSettings.Algorithm algorithm) {
        TrainingSettings settings = TrainingSettings.builder().thresholdFolds(0).minSourceCount(2)
                .algorithm(algorithm).ensembleSize(2)
                .sourcesAlgorithm(algorithm == TrainingSettings.Algorithm.SVM
                        ? TrainingSettings.Algorithm.SVM : TrainingSettings.Algorithm.LOGISTIC)
                .build();
        return Training.train(settings, TAXONOMY, CORPUS);
    }

    @ParameterizedTest
    @EnumSource(TrainingSettings.Algorithm.class)
    @DisplayName("the fields and sources models serialise to the very bytes of Tribuo's own serialize()")
    void sameBytesAsTribuo(TrainingSettings.Algorithm algorithm) {
        TrainedClassifier trained = trained(algorithm);
        for (Model<?> model : List.of(trained.fieldsModel(), trained.sourcesModel())) {
            assertArrayEquals(model.serialize().toByteArray(),
                    new ModelSerialization().serialize(model).toByteArray(), model.getClass().getSimpleName());
        }
    }

    @ParameterizedTest
    @EnumSource(TrainingSettings.Algorithm.class)
    @DisplayName("with the training times pinned, the saved bytes are those of Tribuo's serialize() pinned")
    void pinnedBytesAsTribuosPinned(TrainingSettings.Algorithm algorithm) {
        TrainedClassifier trained = trained(algorithm);
        for (Model<?> model : List.of(trained.fieldsModel(), trained.sourcesModel())) {
            assertArrayEquals(Reproducible.pin(model.serialize()).toByteArray(),
                    Reproducible.serialize(model).toByteArray(), model.getClass().getSimpleName());
        }
    }
}
