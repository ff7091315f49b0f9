package org.osceclassify.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.osceclassify.features.Docs.doc;

import java.util.List;
import java.util.Map;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.BooleanProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.junit.jupiter.api.Test;

/** The pipeline's settings and a fingerprint of what it learned travel with a Tribuo model as run provenance. */
class ProvenanceTest {

    @Test
    void recordsEverySettingAndWhatWasLearned() {
        FeatureConfig config = FeatureConfig.builder().ngrams(2).minDf(1).stemming(false)
                .metadata(FeatureConfig.MetadataFamily.LENGTH, false).build();
        FeaturePipeline p = FeaturePipeline.fit(config, Docs.taxonomy(), List.of(doc("a b", "c d"), doc("a", "e")));
        Map<String, Provenance> prov = p.provenance();
        assertEquals(new IntProvenance("features.ngrams", 2), prov.get("features.ngrams"));
        assertEquals(new BooleanProvenance("features.stemming", false), prov.get("features.stemming"));
        assertEquals(new IntProvenance("features.minDf", 1), prov.get("features.minDf"));
        assertEquals(new StringProvenance("features.metadata", "CONTENT_TYPE,PLACE,PERIOD,STATES,BODIES"),
                prov.get("features.metadata"));
        assertEquals(new IntProvenance("features.vocabularySize", p.vocabularySize()),
                prov.get("features.vocabularySize"));
        assertEquals(new IntProvenance("features.trainingDocuments", 2), prov.get("features.trainingDocuments"));
        assertEquals(new DoubleProvenance("features.metadataWeight", 0.5), prov.get("features.metadataWeight"));
        assertEquals(64, ((StringProvenance) prov.get("features.sha256")).getValue().length());
        assertEquals(18, prov.size());
    }

    @Test
    void theFingerprintChangesWithTheTrainingData() {
        FeaturePipeline a = FeaturePipeline.fit(FeatureConfig.defaults(), Docs.taxonomy(), List.of(doc("a b", "c d"), doc("a", "c")));
        FeaturePipeline b = FeaturePipeline.fit(FeatureConfig.defaults(), Docs.taxonomy(), List.of(doc("a b", "c d"), doc("b", "d")));
        assertNotEquals(a.provenance().get("features.sha256"), b.provenance().get("features.sha256"));
    }
}
