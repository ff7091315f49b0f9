package org.osceclassify.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SettingValuesTest {

    @Test
    @DisplayName("a configuration's text form reads back to the same values, every setting included")
    void textFormReadsBack() {
        FeatureConfig config = FeatureConfig.builder().ngrams(3).stemming(false).metadata(Set.of())
                .normalization(FeatureConfig.Normalization.NONE).metadataWeight(0.25).build();
        Map<String, String> text = config.asText();
        assertEquals(FeatureConfig.SETTINGS.size(), text.size());

        SettingValues read = SettingValues.defaults(FeatureConfig.SETTINGS).withText(text, List.of());

        for (Setting<?> setting : FeatureConfig.SETTINGS) {
            assertEquals(config.get(setting), read.get(setting), setting.name());
        }
        assertEquals(text, read.asText());
    }

    @Test
    @DisplayName("a configuration reads back from its printed form, and nothing else passes for one")
    void configurationParsesFromItsPrintedForm() {
        FeatureConfig config = FeatureConfig.builder().ngrams(2).metadata(Set.of(FeatureConfig.MetadataFamily.PLACE,
                FeatureConfig.MetadataFamily.LENGTH)).hashBuckets(1024).build();
        assertEquals(config, FeatureConfig.parse(config.toString()));
        assertEquals(FeatureConfig.defaults(), FeatureConfig.parse(FeatureConfig.defaults().toString()));
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.parse("FeatureConfig{ngrams=9}"));
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.parse("stemming=true"));
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.parse(
                config.toString().replace("maxVocabulary=0", "maxVocabulary=10")));
    }

    @Test
    @DisplayName("a configuration written before placeKnowledge existed reads with it off, as it was fitted")
    void configurationWithoutALaterSettingReadsAsItsDefault() {
        FeatureConfig config = FeatureConfig.builder().ngrams(2).build();
        String older = config.toString().replace(", placeKnowledge=false", "");
        assertFalse(older.contains("placeKnowledge"), older);
        assertEquals(config, FeatureConfig.parse(older));
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.parse(older.replace(", ngrams=2", "")));
    }

    @Test
    @DisplayName("a value a setting does not take is refused with the setting's reason, in code and in text")
    void valuesAreChecked() {
        SettingValues defaults = SettingValues.defaults(FeatureConfig.SETTINGS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> defaults.with(FeatureConfig.NGRAMS, 9));
        assertEquals("ngrams must be between 1 and 5, was 9", e.getMessage());

        Map<String, String> text = new LinkedHashMap<>(defaults.asText());
        text.put("metadata", "PLACE,NOT_A_FAMILY");
        assertThrows(IllegalArgumentException.class, () -> defaults.withText(text, List.of()));
        text.remove("metadata");
        e = assertThrows(IllegalArgumentException.class, () -> defaults.withText(text, List.of()));
        assertTrue(e.getMessage().contains("metadata"), e.getMessage());
    }
}
