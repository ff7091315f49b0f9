package org.osceclassify.classifier;

import java.lang.reflect.Field;
import java.util.Map;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.oracle.labs.mlrg.olcut.util.MutableLong;
import org.tribuo.CategoricalIDInfo;
import org.tribuo.CategoricalInfo;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.RealIDInfo;
import org.tribuo.RealInfo;
import org.tribuo.VariableInfo;
import org.tribuo.protos.core.CategoricalIDInfoProto;
import org.tribuo.protos.core.FeatureDomainProto;
import org.tribuo.protos.core.ImmutableFeatureMapProto;
import org.tribuo.protos.core.RealIDInfoProto;
import org.tribuo.protos.core.VariableInfoProto;

/**
 * Tribuo's serialisation of a feature domain, {@code ImmutableFeatureMap.serialize()}, to the same bytes, but
 * written directly. Tribuo writes it through its reflective {@code ProtoUtil}, which looks up the fields and the
 * protobuf setters of every feature again (Java copies every method it lists): in a cold JVM, 0.6 s for the 1,941
 * features of the fields domain, half of the time it took to save a bundle.
 *
 * <p>Categorical and real features (all that Tribuo's datasets make) are written here, reading the four fields that
 * have no accessor (a categorical feature's value counts in their map's own order, its single observed value and
 * count, a real feature's sum of squares) as {@code ProtoUtil} reads them; a domain of another class, or a feature
 * of another kind, is serialised by Tribuo. A test checks the bytes against Tribuo's on trained and random domains,
 * so a Tribuo upgrade that changes them fails loudly.
 */
final class FeatureDomains {

    private static final Field VALUE_COUNTS = ModelSerialization.field(CategoricalInfo.class, "valueCounts");
    private static final Field OBSERVED_VALUE = ModelSerialization.field(CategoricalInfo.class, "observedValue");
    private static final Field OBSERVED_COUNT = ModelSerialization.field(CategoricalInfo.class, "observedCount");
    private static final Field SUM_SQUARES = ModelSerialization.field(RealInfo.class, "sumSquares");

    private FeatureDomains() {
    }

    /** The same message as {@code domain.serialize()}. */
    static FeatureDomainProto serialize(ImmutableFeatureMap domain) {
        if (domain.getClass() != ImmutableFeatureMap.class) {
            return domain.serialize();
        }
        ImmutableFeatureMapProto.Builder features = ImmutableFeatureMapProto.newBuilder();
        for (VariableInfo info : domain) { // the order of Tribuo's own map, as ProtoUtil writes it
            features.addInfo(serialize(info));
        }
        return FeatureDomainProto.newBuilder()
                .setVersion(ImmutableFeatureMap.CURRENT_VERSION)
                .setClassName(ImmutableFeatureMap.class.getName())
                .setSerializedData(Any.pack(features.build()))
                .build();
    }

    private static VariableInfoProto serialize(VariableInfo info) {
        Message data;
        int version;
        try {
            if (info.getClass() == CategoricalIDInfo.class) {
                data = categorical((CategoricalIDInfo) info);
                version = CategoricalIDInfo.CURRENT_VERSION;
            } else if (info.getClass() == RealIDInfo.class) {
                data = real((RealIDInfo) info);
                version = RealIDInfo.CURRENT_VERSION;
            } else {
                return info.serialize();
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read a Tribuo feature's statistics", e);
        }
        return VariableInfoProto.newBuilder()
                .setVersion(version)
                .setClassName(info.getClass().getName())
                .setSerializedData(Any.pack(data))
                .build();
    }

    private static CategoricalIDInfoProto categorical(CategoricalIDInfo info) throws IllegalAccessException {
        CategoricalIDInfoProto.Builder proto = CategoricalIDInfoProto.newBuilder()
                .setName(info.getName())
                .setCount(info.getCount())
                .setId(info.getID())
                .setObservedValue(OBSERVED_VALUE.getDouble(info))
                .setObservedCount(OBSERVED_COUNT.getLong(info));
        @SuppressWarnings("unchecked")
        Map<Double, MutableLong> counts = (Map<Double, MutableLong>) VALUE_COUNTS.get(info);
        if (counts != null) {
            for (Map.Entry<Double, MutableLong> e : counts.entrySet()) {
                proto.addKey(e.getKey());
                proto.addValue(e.getValue().longValue());
            }
        }
        return proto.build();
    }

    private static RealIDInfoProto real(RealIDInfo info) throws IllegalAccessException {
        return RealIDInfoProto.newBuilder()
                .setName(info.getName())
                .setCount(info.getCount())
                .setId(info.getID())
                .setMax(info.getMax())
                .setMin(info.getMin())
                .setMean(info.getMean())
                .setSumSquares(SUM_SQUARES.getDouble(info))
                .build();
    }
}
