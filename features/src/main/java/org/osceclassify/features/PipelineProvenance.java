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
        put(p, new BooleanProvenance("features.stemming", config.stemming()));
        put(p, new IntProvenance("features.ngrams", config.ngrams()));
        put(p, new BooleanProvenance("features.stopWords", config.stopWords()));
        put(p, new BooleanProvenance("features.titleNamespace", config.titleNamespace()));
        put(p, new IntProvenance("features.minDf", config.minDf()));
        put(p, new IntProvenance("features.maxVocabulary", config.maxVocabulary()));
        put(p, new IntProvenance("features.hashBuckets", config.hashBuckets()));
        put(p, new BooleanProvenance("features.sublinearTf", config.sublinearTf()));
        put(p, new BooleanProvenance("features.idf", config.idf()));
        put(p, new EnumProvenance<>("features.normalization", config.normalization()));
        put(p, new IntProvenance("features.periodYears", config.periodYears()));
        put(p, new StringProvenance("features.metadata",
                String.join(",", config.metadata().stream().map(Enum::name).toList())));
        put(p, new DoubleProvenance("features.metadataWeight", config.metadataWeight()));
        put(p, new IntProvenance("features.vocabularySize", pipeline.vocabularySize()));
        put(p, new IntProvenance("features.trainingDocuments", pipeline.trainingDocuments()));
        put(p, new StringProvenance("features.sha256", sha256(encoded)));
        return Collections.unmodifiableMap(p);
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
