package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osceclassify.classifier.TrainingSettings;

/** A cached default model is reused only while the corpus, the version and the default settings are unchanged. */
class DefaultModelTest {

    private static final byte[] CORPUS = "id,title\na,Elections\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSameInputsGiveTheSameKey() {
        assertEquals(DefaultModel.key(CORPUS, "0.1.0", TrainingSettings.defaults()),
                DefaultModel.key(CORPUS.clone(), "0.1.0", TrainingSettings.defaults()));
    }

    @Test
    void anotherCorpusVersionOrSettingGivesAnotherKey() {
        String key = DefaultModel.key(CORPUS, "0.1.0", TrainingSettings.defaults());
        Set<String> others = Set.of(
                DefaultModel.key("id,title\nb,Elections\n".getBytes(StandardCharsets.UTF_8), "0.1.0",
                        TrainingSettings.defaults()),
                DefaultModel.key(CORPUS, "0.2.0", TrainingSettings.defaults()),
                DefaultModel.key(CORPUS, "0.1.0", TrainingSettings.builder().fieldsCost(0.4).build()));
        assertEquals(3, others.size());
        others.forEach(other -> assertNotEquals(key, other));
    }
}
