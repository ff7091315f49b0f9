package org.osceclassify.features;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.BooleanProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.EnumProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;

/** The Tribuo provenance of a fitted {@link FeaturePipeline}: its settings, what it learned, and a fingerprint. */
final class PipelineProvenance {

    private PipelineProvenance() {
    }

    /** See {@link FeaturePipeline#provenance()}; {@code encoded} is the pipeline's bytes. */
    static Map<String, Provenance> of(FeaturePipeline pipeline, byte[] encoded) {
        FeatureConfig config = pipeline.config();
        Map<String, Provenance> p = new TreeMap<>();
        put(p, new StringProvenance("features.format", PipelineCodec.FORMAT_NAME + "/" + PipelineCodec.VERSION));
        Map<String, String> text = config.asText();
        for (Setting<?> setting : FeatureConfig.SETTINGS) {
            put(p, provenance("features." + setting.name(), config.get(setting), text.get(setting.name())));
        }
        put(p, new IntProvenance("features.vocabularySize", pipeline.vocabularySize()));
        put(p, new IntProvenance("features.trainingDocuments", pipeline.trainingDocuments()));
        put(p, new StringProvenance("features.sha256", sha256(encoded)));
        return Collections.unmodifiableMap(p);
    }

    /** A setting's value as typed provenance, or its text form when it is of no primitive type. */
    private static PrimitiveProvenance<?> provenance(String key, Object value, String text) {
        if (value instanceof Boolean b) {
            return new BooleanProvenance(key, b);
        }
        if (value instanceof Integer i) {
            return new IntProvenance(key, i);
        }
        if (value instanceof Double d) {
            return new DoubleProvenance(key, d);
        }
        if (value instanceof Enum<?> e) {
            return new EnumProvenance<>(key, e);
        }
        return new StringProvenance(key, text);
    }

    private static void put(Map<String, Provenance> map, PrimitiveProvenance<?> p) {
        map.put(p.getKey(), p);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
