package org.osceclassify.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.osceclassify.features.FeatureConfig.MetadataFamily;
import org.osceclassify.features.FeatureConfig.Normalization;

class FeatureConfigTest {

    @Test
    void defaultsSuitABagOfWordsCorpus() {
        FeatureConfig c = FeatureConfig.defaults();
        assertTrue(c.stemming());
        assertEquals(1, c.ngrams());
        assertTrue(c.stopWords());
        assertTrue(c.titleNamespace());
        assertEquals(2, c.minDf());
        assertEquals(0, c.maxVocabulary());
        assertEquals(0, c.hashBuckets());
        assertTrue(c.sublinearTf());
        assertTrue(c.idf());
        assertEquals(Normalization.PER_NAMESPACE, c.normalization());
        assertEquals(5, c.periodYears());
        assertEquals(EnumSet.allOf(MetadataFamily.class), c.metadata());
    }

    @Test
    void equalSettingsMakeEqualConfigs() {
        FeatureConfig a = FeatureConfig.builder().ngrams(2).metadata(MetadataFamily.LENGTH, false).build();
        FeatureConfig b = FeatureConfig.builder().metadata(MetadataFamily.LENGTH, false).ngrams(2).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, FeatureConfig.defaults());
        assertEquals(a, a.toBuilder().build());
    }

    @Test
    void toStringNamesEverySetting() {
        String s = FeatureConfig.builder().hashBuckets(1024).metadata(MetadataFamily.PLACE, false).build().toString();
        assertTrue(s.contains("hashBuckets=1024"), s);
        assertTrue(s.contains("normalization=PER_NAMESPACE"), s);
        assertFalse(s.contains("PLACE"), s);
        assertTrue(s.contains("CONTENT_TYPE"), s);
    }

    @Test
    void metadataFamiliesCanBeSwitchedOffAndOn() {
        FeatureConfig c = FeatureConfig.builder().metadata(EnumSet.of(MetadataFamily.STATES)).build();
        assertTrue(c.has(MetadataFamily.STATES));
        assertFalse(c.has(MetadataFamily.BODIES));
        assertThrows(UnsupportedOperationException.class, () -> c.metadata().add(MetadataFamily.BODIES));
    }

    @Test
    void refusesSettingsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().ngrams(0));
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().ngrams(6));
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().minDf(0));
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().maxVocabulary(-1));
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().hashBuckets(-1));
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().periodYears(0));
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> FeatureConfig.builder().maxVocabulary(10).hashBuckets(16).build());
        assertTrue(both.getMessage().contains("hashBuckets"));
    }
}
