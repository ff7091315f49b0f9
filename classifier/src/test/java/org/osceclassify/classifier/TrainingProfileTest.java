package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrainingProfileTest {

    @Test
    void fastIsTheDefaultSettingsAndAccurateAddsTheSentenceMember() {
        assertEquals(TrainingSettings.defaults(), TrainingProfile.FAST.settings());
        assertEquals(TrainingSettings.defaults().toBuilder().ensemble(TrainingSettings.Ensemble.WORDS_SENTENCES)
                .build(), TrainingProfile.ACCURATE.settings());
    }

    @Test
    void isNamedInLowerCaseOnTheCommandLine() {
        assertEquals(TrainingProfile.ACCURATE, TrainingProfile.parse("accurate"));
        assertEquals("fast", TrainingProfile.FAST.text());
        assertThrows(IllegalArgumentException.class, () -> TrainingProfile.parse("FAST"));
    }
}
