package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableFeatureMap;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.liblinear.protos.LibLinearModelProto;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.baseline.IndependentMultiLabelModel;
import org.tribuo.multilabel.protos.IndependentMultiLabelModelProto;
import org.tribuo.protos.core.ModelProto;

/**
 * The bundle's models are saved as Tribuo saves them (one-vs-rest label models without their copies of the shared
 * feature domain), and read back as Tribuo reads them: these fail when a Tribuo upgrade changes its format, and
 * {@link ModelSerialization} must then follow it.
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
                    ModelSerialization.asTribuo().serialize(model).toByteArray(), model.getClass().getSimpleName());
        }
    }

    @ParameterizedTest
    @EnumSource(TrainingSettings.Algorithm.class)
    @DisplayName("for a bundle: Tribuo's bytes with the times pinned and without the label models' domain copies")
    void bundleBytesLeaveOutTheLabelModelsCopiesOfTheDomain(TrainingSettings.Algorithm algorithm)
            throws InvalidProtocolBufferException {
        TrainedClassifier trained = trained(algorithm);
        for (Model<?> model : List.of(trained.fieldsModel(), trained.sourcesModel())) {
            ModelProto expected = (ModelProto) Reproducible.pin(model.serialize());
            if (model instanceof IndependentMultiLabelModel) {
                expected = withoutInnerDomains(expected);
            }
            assertArrayEquals(expected.toByteArray(), ModelSerialization.forBundle().serialize(model).toByteArray(),
                    model.getClass().getSimpleName());
        }
    }

    @ParameterizedTest
    @EnumSource(TrainingSettings.Algorithm.class)
    @DisplayName("a model saved for a bundle, training times pinned, reads back as Tribuo reads its pinned bytes")
    void bundleBytesReadBackAsTribuosPinnedBytes(TrainingSettings.Algorithm algorithm)
            throws InvalidProtocolBufferException {
        TrainedClassifier trained = trained(algorithm);
        for (Model<?> model : List.of(trained.fieldsModel(), trained.sourcesModel())) {
            Model<?> tribuo = Model.deserialize((ModelProto) Reproducible.pin(model.serialize()));
            Model<?> ours = ModelSerialization.deserialize(Reproducible.serialize(model));
            assertSameStructure(tribuo, ours);
            assertSamePredictions(tribuo, ours, trained);
        }
    }

    @ParameterizedTest
    @EnumSource(TrainingSettings.Algorithm.class)
    @DisplayName("a saved model reads back as Tribuo reads it: domains, provenance and predictions")
    void readsBackAsTribuoReadsIt(TrainingSettings.Algorithm algorithm) throws InvalidProtocolBufferException {
        TrainedClassifier trained = trained(algorithm);
        for (Model<?> model : List.of(trained.fieldsModel(), trained.sourcesModel())) {
            ModelProto proto = ModelSerialization.asTribuo().serialize(model);
            Model<?> ours = ModelSerialization.deserialize(proto);
            assertSameStructure(Model.deserialize(proto), ours);
            assertSamePredictions(Model.deserialize(proto), ours, trained);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    @DisplayName("the labels of a one-vs-rest model share one feature domain object, read once")
    void oneVsRestModelsShareTheirDomain(boolean forBundle) throws InvalidProtocolBufferException {
        TrainedClassifier trained = trained(TrainingSettings.Algorithm.SVM);
        ModelSerialization serialization = forBundle ? ModelSerialization.forBundle() : ModelSerialization.asTribuo();
        IndependentMultiLabelModel model = (IndependentMultiLabelModel) ModelSerialization.deserialize(
                serialization.serialize(trained.fieldsModel()));
        for (Model<Label> inner : model.getModels()) {
            assertSame(model.getFeatureIDMap(), inner.getFeatureIDMap());
        }
    }

    @Test
    @DisplayName("an inner model with a domain of its own keeps it")
    void anInnerModelWithItsOwnDomainKeepsIt() throws InvalidProtocolBufferException {
        TrainedClassifier trained = trained(TrainingSettings.Algorithm.SVM);
        ModelProto proto = ModelSerialization.asTribuo().serialize(trained.fieldsModel());
        IndependentMultiLabelModelProto outer = proto.getSerializedData().unpack(IndependentMultiLabelModelProto.class);
        MutableFeatureMap one = new MutableFeatureMap();
        one.add("body:elect", 1.0);
        ImmutableFeatureMap own = new ImmutableFeatureMap(one);
        LibLinearModelProto first = outer.getModels(0).getSerializedData().unpack(LibLinearModelProto.class);
        LibLinearModelProto changed = first.toBuilder().setMetadata(first.getMetadata().toBuilder()
                .setFeatureDomain(own.serialize())).build();
        ModelProto mixed = proto.toBuilder().setSerializedData(Any.pack(outer.toBuilder().setModels(0,
                outer.getModels(0).toBuilder().setSerializedData(Any.pack(changed))).build())).build();

        IndependentMultiLabelModel read = (IndependentMultiLabelModel) ModelSerialization.deserialize(mixed);
        assertEquals(own, read.getModels().get(0).getFeatureIDMap());
        assertNotEquals(read.getFeatureIDMap(), read.getModels().get(0).getFeatureIDMap());
        assertSame(read.getFeatureIDMap(), read.getModels().get(1).getFeatureIDMap());
        assertSameStructure(Model.deserialize(mixed), read);
    }

    /** Tribuo's message of a one-vs-rest model, each label model's copy of the shared domain emptied. */
    private static ModelProto withoutInnerDomains(ModelProto proto) throws InvalidProtocolBufferException {
        IndependentMultiLabelModelProto outer = proto.getSerializedData().unpack(IndependentMultiLabelModelProto.class);
        IndependentMultiLabelModelProto.Builder emptied = outer.toBuilder();
        for (int i = 0; i < outer.getModelsCount(); i++) {
            LibLinearModelProto inner = outer.getModels(i).getSerializedData().unpack(LibLinearModelProto.class);
            assertEquals(outer.getMetadata().getFeatureDomain(), inner.getMetadata().getFeatureDomain());
            LibLinearModelProto without = inner.toBuilder().setMetadata(inner.getMetadata().toBuilder()
                    .setFeatureDomain(new ImmutableFeatureMap(List.of()).serialize())).build();
            emptied.setModels(i, outer.getModels(i).toBuilder().setSerializedData(Any.pack(without)));
        }
        return proto.toBuilder().setSerializedData(Any.pack(emptied.build())).build();
    }

    private static void assertSameStructure(Model<?> tribuo, Model<?> ours) {
        assertEquals(tribuo.getClass(), ours.getClass());
        assertEquals(tribuo.getProvenance(), ours.getProvenance());
        assertEquals(tribuo.getFeatureIDMap(), ours.getFeatureIDMap());
        assertEquals(tribuo.getOutputIDInfo().getDomain(), ours.getOutputIDInfo().getDomain());
        if (tribuo instanceof IndependentMultiLabelModel t) {
            List<Model<Label>> oursInner = ((IndependentMultiLabelModel) ours).getModels();
            for (int i = 0; i < t.getModels().size(); i++) {
                assertEquals(t.getModels().get(i).getFeatureIDMap(), oursInner.get(i).getFeatureIDMap());
                assertEquals(t.getModels().get(i).getProvenance(), oursInner.get(i).getProvenance());
            }
        }
    }

    private static void assertSamePredictions(Model<?> tribuo, Model<?> ours, TrainedClassifier trained) {
        for (OsceDocument doc : CORPUS.subList(0, 10)) {
            if (tribuo.validate(MultiLabel.class)) {
                Prediction<MultiLabel> a = tribuo.castModel(MultiLabel.class).predict(
                        trained.fieldsPipeline().example(doc.withoutLabels(), MultiLabelFactory.UNKNOWN_MULTILABEL));
                Prediction<MultiLabel> b = ours.castModel(MultiLabel.class).predict(
                        trained.fieldsPipeline().example(doc.withoutLabels(), MultiLabelFactory.UNKNOWN_MULTILABEL));
                assertEquals(a.getOutputScores(), b.getOutputScores());
            } else {
                Prediction<Label> a = tribuo.castModel(Label.class).predict(
                        trained.sourcesPipeline().example(doc.withoutLabels(), LabelFactory.UNKNOWN_LABEL));
                Prediction<Label> b = ours.castModel(Label.class).predict(
                        trained.sourcesPipeline().example(doc.withoutLabels(), LabelFactory.UNKNOWN_LABEL));
                assertEquals(a.getOutputScores(), b.getOutputScores());
            }
        }
    }
}
