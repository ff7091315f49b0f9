package org.osceclassify.classifier;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.oracle.labs.mlrg.olcut.config.protobuf.protos.SimpleProvenanceProto;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance;
import org.tribuo.Model;
import org.tribuo.common.liblinear.protos.TribuoLiblinear;
import org.tribuo.multilabel.protos.TribuoMultilabelCore;
import org.tribuo.protos.core.FeatureDomainProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.protos.core.OutputDomainProto;
import org.tribuo.protos.core.OutputProto;
import org.tribuo.protos.core.TribuoCore;
import org.tribuo.protos.core.TribuoCoreImpl;

/**
 * Makes saved Tribuo models byte-for-byte reproducible. Tribuo records the wall-clock time of training in every
 * model's provenance; this pins each such time to {@link #PINNED_TIME} in the serialised form, so the same corpus
 * and settings always save to the same bytes. Everything else in the provenance (trainer, seed, data, feature
 * pipeline) is kept. It works on the protobuf the bundle writes anyway, so training pays nothing for it:
 * {@link ModelSerialization#forBundle()} pins each model's provenance message as it writes the model's metadata,
 * and only a model that Tribuo serialises by itself has its whole message pinned afterwards.
 */
final class Reproducible {

    /** The time every date-time in a model's provenance is pinned to. */
    static final OffsetDateTime PINNED_TIME = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private static final String DATE_TIME = DateTimeProvenance.class.getName();
    private static final Descriptor SIMPLE_PROVENANCE = SimpleProvenanceProto.getDescriptor();
    /** The model messages that may sit inside an {@code Any}, by full name. */
    private static final Map<String, Descriptor> MODEL_TYPES = new HashMap<>();
    /**
     * The messages that hold no provenance, only a model's features and outputs, by full name: {@link #pin} does
     * not descend into them, which spares parsing the thousands of features of every feature domain.
     */
    private static final Set<String> NO_PROVENANCE = Set.of(FeatureDomainProto.getDescriptor().getFullName(),
            OutputDomainProto.getDescriptor().getFullName(), OutputProto.getDescriptor().getFullName());

    static {
        for (FileDescriptor file : List.of(TribuoCore.getDescriptor(), TribuoCoreImpl.getDescriptor(),
                TribuoMultilabelCore.getDescriptor(), TribuoLiblinear.getDescriptor())) {
            for (Descriptor type : file.getMessageTypes()) {
                MODEL_TYPES.put(type.getFullName(), type);
            }
        }
    }

    private Reproducible() {
    }

    /**
     * The model's protobuf serialisation for a bundle ({@link ModelSerialization#forBundle()}), with every
     * date-time of its provenance pinned.
     */
    static ModelProto serialize(Model<?> model) {
        return ModelSerialization.forBundle().serialize(model);
    }

    /** The message with every date-time of the provenance in it pinned to {@link #PINNED_TIME}. */
    static Message pin(Message message) {
        Message.Builder builder = message.toBuilder();
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE
                    || NO_PROVENANCE.contains(field.getMessageType().getFullName())) {
                continue;
            }
            if (field.isRepeated()) {
                List<Object> values = new ArrayList<>();
                for (Object value : (List<?>) entry.getValue()) {
                    values.add(pinValue((Message) value));
                }
                builder.setField(field, values);
            } else {
                builder.setField(field, pinValue((Message) entry.getValue()));
            }
        }
        Descriptor type = message.getDescriptorForType();
        if (type.getFullName().equals(SIMPLE_PROVENANCE.getFullName())
                && DATE_TIME.equals(message.getField(type.findFieldByName("provenance_class_name")))) {
            builder.setField(type.findFieldByName("value"), PINNED_TIME.toString());
        }
        return builder.build();
    }

    private static Message pinValue(Message value) {
        Descriptor type = value.getDescriptorForType();
        if (!type.getFullName().equals(Any.getDescriptor().getFullName())) {
            return pin(value);
        }
        FieldDescriptor typeUrlField = type.findFieldByName("type_url");
        FieldDescriptor valueField = type.findFieldByName("value");
        String typeUrl = (String) value.getField(typeUrlField);
        Descriptor packed = MODEL_TYPES.get(typeUrl.substring(typeUrl.lastIndexOf('/') + 1));
        if (packed == null) {
            return value;
        }
        try {
            Message inner = pin(DynamicMessage.parseFrom(packed, (ByteString) value.getField(valueField)));
            return value.toBuilder().setField(valueField, inner.toByteString()).build();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Tribuo wrote a model that it cannot read back: " + e.getMessage(), e);
        }
    }
}
