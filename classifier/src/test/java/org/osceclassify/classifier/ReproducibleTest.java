package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osceclassify.model.Taxonomy;
import org.tribuo.Model;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.multilabel.baseline.ClassifierChainModel;
import org.tribuo.multilabel.baseline.IndependentMultiLabelModel;
import org.tribuo.protos.core.ModelProto;

class ReproducibleTest {

    @ParameterizedTest
    @EnumSource(TrainingSettings.Algorithm.class)
    @DisplayName("a saved model, and every model inside it, reads back with the pinned training time")
    void everyTrainingTimeIsPinned(TrainingSettings.Algorithm algorithm) throws Exception {
        TrainingSettings settings = TrainingSettings.builder().thresholdFolds(0).minSourceCount(2)
                .algorithm(algorithm).ensembleSize(2).build();
        TrainedClassifier trained = Training.train(settings, Taxonomy.bundled(), TestCorpus.themed(60, 3));
        for (Model<?> model : List.of(trained.fieldsModel(), trained.sourcesModel())) {
            byte[] saved = Reproducible.serialize(model).toByteArray();
            assertPinned(Model.deserialize(ModelProto.parseFrom(saved)));
        }
    }

    private static void assertPinned(Model<?> model) {
        assertEquals(Reproducible.PINNED_TIME, model.getProvenance().getTrainingTime(),
                model.getClass().getSimpleName());
        List<? extends Model<?>> inner = model instanceof IndependentMultiLabelModel independent
                ? independent.getModels()
                : model instanceof ClassifierChainModel chain ? chain.getModels()
                : model instanceof EnsembleModel<?> ensemble ? ensemble.getModels() : List.of();
        inner.forEach(ReproducibleTest::assertPinned);
    }
}
