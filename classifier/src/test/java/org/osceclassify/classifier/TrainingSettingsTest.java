package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osceclassify.features.FeatureConfig;
import org.osceclassify.model.ReadOptions;

class TrainingSettingsTest {

    private static final TrainingSettings CHANGED = TrainingSettings.builder().algorithm(
            TrainingSettings.Algorithm.LOGISTIC).fieldsCost(0.7).seed(-3).tuneThresholds(true).calibrationFolds(5)
            .fieldsLevel(ReadOptions.FieldsLevel.TOPICS).fieldsFeatures(FeatureConfig.builder().ngrams(2)
                    .metadata(java.util.Set.of()).build()).sourceExamples(
                    TrainingSettings.SourceExamples.FIRST_LISTED).thresholdShrinkage(0).build();

    @Test
    @DisplayName("every setting survives its text form, as the bundle's manifest stores it")
    void textFormRoundTrips() {
        TrainingSettings read = TrainingSettings.fromText(CHANGED.asText());
        assertEquals(CHANGED, read);
        assertEquals(TrainingSettings.SETTINGS.size(), CHANGED.asText().size());
        assertNotEquals(TrainingSettings.defaults(), read);
        assertEquals(CHANGED, CHANGED.toBuilder().build());
    }

    @Test
    @DisplayName("text written before the ensemble settings existed reads as the word model, as it was trained")
    void textWithoutTheEnsembleSettingsReadsAsTheWordModel() {
        Map<String, String> text = new LinkedHashMap<>(CHANGED.asText());
        text.remove("ensemble");
        text.remove("sentences_cost");
        TrainingSettings read = TrainingSettings.fromText(text);
        assertEquals(TrainingSettings.Ensemble.WORDS, read.ensemble());
        assertEquals(CHANGED, read, "every other setting as written, the ensemble's at their defaults");
    }

    @Test
    @DisplayName("text that is missing a setting, or holds a value a setting does not take, is refused by name")
    void badTextIsRefusedNamingTheSetting() {
        Map<String, String> text = new LinkedHashMap<>(CHANGED.asText());
        text.remove("min_source_count");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> TrainingSettings.fromText(text));
        assertTrue(missing.getMessage().contains("min_source_count"), missing.getMessage());

        text.put("min_source_count", "0");
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> TrainingSettings.fromText(text));
        assertEquals("min_source_count must be at least 1, was 0", invalid.getMessage());

        text.put("min_source_count", "5");
        text.put("fields_cost", "NaN");
        assertThrows(IllegalArgumentException.class,
                () -> TrainingSettings.fromText(text));
    }

    @Test
    @DisplayName("the builder checks each value as it is set")
    void builderChecksValues() {
        assertThrows(IllegalArgumentException.class, () -> TrainingSettings.builder().fieldsCost(0));
        assertThrows(IllegalArgumentException.class, () -> TrainingSettings.builder().classWeighting(1.5));
        assertThrows(IllegalArgumentException.class, () -> TrainingSettings.builder().thresholdShrinkage(
                Double.POSITIVE_INFINITY));
        assertThrows(NullPointerException.class, () -> TrainingSettings.builder().algorithm(null));
    }
}
