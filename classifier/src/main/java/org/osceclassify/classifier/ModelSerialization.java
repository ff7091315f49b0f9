package org.osceclassify.classifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.config.protobuf.protos.RootProvenanceProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.common.liblinear.LibLinearModel;
import org.tribuo.common.liblinear.protos.LibLinearModelProto;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.multilabel.baseline.IndependentMultiLabelModel;
import org.tribuo.multilabel.protos.IndependentMultiLabelModelProto;
import org.tribuo.protos.core.FeatureDomainProto;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;

/**
 * Tribuo's own protobuf serialisation of a model ({@link Model#serialize()}), but with each distinct feature domain
 * serialised only once; and Tribuo's deserialisation ({@link Model#deserialize}), but with the domain that a
 * one-vs-rest model's inner models share read only once. A one-vs-rest fields model holds the same feature domain
 * in every label's LibLinear model, and Tribuo serialises and reads each of its thousands of features through
 * reflection, so saving and loading repeated that work two dozen times.
 *
 * <p>{@link #asTribuo()} writes Tribuo's bytes exactly. {@link #forBundle()} writes the same messages except that
 * a label's model whose feature domain equals the one-vs-rest model's own holds an empty domain instead of a
 * copy: the domain is written once instead of once per label (a model bundle of the bundled corpus shrank from
 * 10.9 to 2.6 MB); and the provenance's date-times are pinned ({@link Reproducible#pin}) as each model's metadata
 * is written, instead of by parsing the finished message again. {@link #deserialize} reads both and gives such a
 * label's model the one-vs-rest model's domain object. Tribuo's own reader would leave the label models of a
 * bundle's fields model without features, which is why bundles that use it have format version 3.
 *
 * <p>It builds the messages of Tribuo 4.3.2's {@code IndependentMultiLabelModel} and
 * {@code LibLinearClassificationModel} as their {@code serialize()} methods do; any other model is serialised by
 * Tribuo itself. A test checks the bytes against Tribuo's, so a Tribuo upgrade that changes the format fails loudly.
 * One instance serialises one bundle's models: it remembers the domains it has serialised.
 */
final class ModelSerialization {

    private static final Logger LOG = LoggerFactory.getLogger(ModelSerialization.class);

    /** Tribuo's LibLinear weights, which its public accessor only copies through LibLinear's text format. */
    private static final Field LIBLINEAR_MODELS = field(LibLinearModel.class, "models");
    /** A Tribuo model's feature domain, set once by its constructor. */
    private static final Field FEATURE_ID_MAP = field(Model.class, "featureIDMap");
    /** Stands in for the feature domain when Tribuo serialises a model's metadata; replaced by the real one. */
    private static final ImmutableFeatureMap NO_FEATURES = new ImmutableFeatureMap(List.of());
    private static final FeatureDomainProto EMPTY_DOMAIN = FeatureDomains.serialize(NO_FEATURES);

    /** Whether to leave out the label models' copies of a one-vs-rest domain and to pin provenance times. */
    private final boolean forBundle;
    private final List<ImmutableFeatureMap> domains = new ArrayList<>();
    private final List<FeatureDomainProto> domainProtos = new ArrayList<>();

    private ModelSerialization(boolean forBundle) {
        this.forBundle = forBundle;
    }

    /** Serialises models to the very bytes of Tribuo's {@link Model#serialize()}. */
    static ModelSerialization asTribuo() {
        return new ModelSerialization(false);
    }

    /**
     * Serialises models as {@link #asTribuo()} does, but without the copies of a one-vs-rest model's feature
     * domain in its labels' models, which only {@link #deserialize} reads back whole, and with the date-times of
     * the provenance pinned.
     */
    static ModelSerialization forBundle() {
        return new ModelSerialization(true);
    }

    /** The message of {@code model.serialize()}; from {@link #forBundle()}, its bundle form. */
    ModelProto serialize(Model<?> model) {
        if (model.getClass() == LibLinearClassificationModel.class) {
            return liblinear((LibLinearClassificationModel) model, domain(model.getFeatureIDMap()));
        }
        if (model.getClass() == IndependentMultiLabelModel.class) {
            IndependentMultiLabelModel independent = (IndependentMultiLabelModel) model;
            if (independent.getModels().stream().allMatch(m -> m.getClass() == LibLinearClassificationModel.class)) {
                return independent(independent);
            }
        }
        LOG.debug("serialising a {} through Tribuo", model.getClass().getSimpleName());
        return forBundle ? (ModelProto) Reproducible.pin(model.serialize()) : model.serialize();
    }

    /**
     * As {@code IndependentMultiLabelModel.serialize()}, whose label models are all LibLinear models; with
     * {@link #forBundle}, a label model's domain equal to the outer one is left empty.
     */
    private ModelProto independent(IndependentMultiLabelModel model) {
        ImmutableFeatureMap shared = model.getFeatureIDMap();
        IndependentMultiLabelModelProto.Builder proto = IndependentMultiLabelModelProto.newBuilder()
                .setMetadata(metadata(model, domain(shared)));
        for (Model<Label> inner : model.getModels()) {
            LibLinearClassificationModel liblinear = (LibLinearClassificationModel) inner;
            proto.addModels(liblinear(liblinear, forBundle && sameDomain(inner.getFeatureIDMap(), shared)
                    ? EMPTY_DOMAIN : domain(inner.getFeatureIDMap())));
        }
        for (Label label : model.getLabelOrder()) {
            proto.addLabels(label.serialize());
        }
        return ModelProto.newBuilder()
                .setSerializedData(Any.pack(proto.build()))
                .setClassName(IndependentMultiLabelModel.class.getName())
                .setVersion(IndependentMultiLabelModel.CURRENT_VERSION)
                .build();
    }

    /**
     * As {@code LibLinearModel.serialize()}, with the given feature domain: the weights in Java serialisation, as
     * Tribuo writes them.
     */
    private ModelProto liblinear(LibLinearClassificationModel model, FeatureDomainProto domain) {
        LibLinearModelProto.Builder proto = LibLinearModelProto.newBuilder().setMetadata(metadata(model, domain));
        for (de.bwaldvogel.liblinear.Model weights : liblinearModels(model)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(weights);
            } catch (IOException e) {
                throw new IllegalStateException("cannot serialise a LibLinear model: " + e.getMessage(), e);
            }
            proto.addModels(ByteString.copyFrom(bytes.toByteArray()));
        }
        return ModelProto.newBuilder()
                .setSerializedData(Any.pack(proto.build()))
                .setClassName(model.getClass().getName())
                .setVersion(LibLinearModel.CURRENT_VERSION)
                .build();
    }

    /**
     * As Tribuo's model metadata ({@code ModelDataCarrier.serialize()}), serialised by Tribuo without the feature
     * domain, which is then set to {@code domain}, serialised once. Protobuf writes fields in field-number order
     * whatever order they are set in, so the bytes are the same. For a bundle, the provenance's date-times are
     * pinned here: the metadata is the only part of the message that holds provenance.
     */
    private <T extends Output<T>> ModelDataProto metadata(Model<T> model, FeatureDomainProto domain) {
        ModelDataCarrier<T> carrier = new ModelDataCarrier<>(model.getName(), model.getProvenance(), NO_FEATURES,
                model.getOutputIDInfo(), model.generatesProbabilities(), model.getProvenance().getTribuoVersion());
        ModelDataProto.Builder metadata = carrier.serialize().toBuilder().setFeatureDomain(domain);
        if (forBundle) {
            metadata.setProvenance((RootProvenanceProto) Reproducible.pin(metadata.getProvenance()));
        }
        return metadata.build();
    }

    private static boolean sameDomain(ImmutableFeatureMap a, ImmutableFeatureMap b) {
        return a == b || a.equals(b);
    }

    /** The domain's serialisation, reused for every equal domain. */
    private FeatureDomainProto domain(ImmutableFeatureMap domain) {
        for (int i = 0; i < domains.size(); i++) {
            if (sameDomain(domains.get(i), domain)) {
                return domainProtos.get(i);
            }
        }
        FeatureDomainProto proto = FeatureDomains.serialize(domain);
        domains.add(domain);
        domainProtos.add(proto);
        LOG.debug("serialised a feature domain of {} features", domain.size());
        return proto;
    }

    /**
     * The model that {@code Model.deserialize(proto)} gives, for messages of {@link #asTribuo()} and of
     * {@link #forBundle()} alike. A one-vs-rest model's LibLinear models each hold the same feature domain as the
     * model itself, or, from {@link #forBundle()}, an empty one; Tribuo would read a full copy (thousands of
     * features, through reflection) once per label, which took most of the time to load a bundle. Here each inner
     * model whose domain is empty or equals the outer one is read with an empty domain and then given the outer
     * model's domain object, read once.
     */
    static Model<?> deserialize(ModelProto proto) throws InvalidProtocolBufferException {
        if (!proto.getClassName().equals(IndependentMultiLabelModel.class.getName())) {
            return Model.deserialize(proto);
        }
        IndependentMultiLabelModelProto outer =
                proto.getSerializedData().unpack(IndependentMultiLabelModelProto.class);
        FeatureDomainProto shared = outer.getMetadata().getFeatureDomain();
        IndependentMultiLabelModelProto.Builder lighter = null;
        boolean[] sharing = new boolean[outer.getModelsCount()];
        for (int i = 0; i < sharing.length; i++) {
            ModelProto inner = outer.getModels(i);
            if (!inner.getClassName().equals(LibLinearClassificationModel.class.getName())) {
                continue;
            }
            LibLinearModelProto liblinear = inner.getSerializedData().unpack(LibLinearModelProto.class);
            FeatureDomainProto domain = liblinear.getMetadata().getFeatureDomain();
            if (domain.equals(EMPTY_DOMAIN)) {
                sharing[i] = true;
            } else if (domain.equals(shared)) {
                sharing[i] = true;
                LibLinearModelProto withoutDomain = liblinear.toBuilder().setMetadata(liblinear.getMetadata()
                        .toBuilder().setFeatureDomain(EMPTY_DOMAIN)).build();
                lighter = lighter == null ? outer.toBuilder() : lighter;
                lighter.setModels(i, inner.toBuilder().setSerializedData(Any.pack(withoutDomain)));
            }
        }
        ModelProto read = lighter == null ? proto
                : proto.toBuilder().setSerializedData(Any.pack(lighter.build())).build();
        IndependentMultiLabelModel model = (IndependentMultiLabelModel) Model.deserialize(read);
        List<Model<Label>> inner = model.getModels();
        for (int i = 0; i < sharing.length; i++) {
            if (sharing[i]) {
                setDomain(inner.get(i), model.getFeatureIDMap());
            }
        }
        return model;
    }

    /**
     * Gives each label model of a freshly trained one-vs-rest model whose feature domain equals the model's own
     * that very domain object, as {@link #deserialize} does for a loaded one. Tribuo builds an equal copy for every
     * label; sharing one lets the copies go, and makes the comparisons that saving a bundle and scoring need
     * ({@link #forBundle()}, {@code LinearScorer}) a matter of identity. Called on the training thread, where
     * it overlaps with the other model's training.
     */
    static void shareDomain(IndependentMultiLabelModel model) {
        ImmutableFeatureMap shared = model.getFeatureIDMap();
        for (Model<Label> inner : model.getModels()) {
            if (inner.getFeatureIDMap() != shared && inner.getFeatureIDMap().equals(shared)) {
                setDomain(inner, shared);
            }
        }
    }

    private static void setDomain(Model<?> model, ImmutableFeatureMap domain) {
        try {
            FEATURE_ID_MAP.set(model, domain);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set the feature domain of a Tribuo model", e);
        }
    }

    /**
     * The LibLinear models inside a Tribuo model, read in place from the protected field: Tribuo's
     * {@code getInnerModels()} copies them through LibLinear's text format, which is slow and need not round-trip
     * every weight exactly. Callers only read them.
     */
    @SuppressWarnings("unchecked")
    static List<de.bwaldvogel.liblinear.Model> liblinearModels(LibLinearClassificationModel model) {
        try {
            return (List<de.bwaldvogel.liblinear.Model>) LIBLINEAR_MODELS.get(model);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the LibLinear models of a Tribuo model", e);
        }
    }

    /** A private field of a Tribuo class, made readable; fails loudly when a Tribuo upgrade has renamed it. */
    static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("this Tribuo's " + type.getSimpleName() + " has no " + name + " field", e);
        }
    }
}
