package org.osceclassify.classifier.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.features.FeatureConfig;

/** The search space: each dimension a real setting, whose candidates it sets and reads back alone. */
class SearchSpaceTest {

    private static final TrainingSettings DEFAULTS = TrainingSettings.defaults();

    @Test
    void everyDimensionIsASettingOfTheManifestNamedOnce() {
        Set<String> names = new HashSet<>();
        for (Dimension<?> d : SearchSpace.DIMENSIONS) {
            assertTrue(names.add(d.name()), "named once: " + d.name());
            String[] parts = d.name().split("\\.");
            if (parts.length == 1) {
                assertTrue(DEFAULTS.asText().containsKey(d.name()), d.name());
            } else {
                assertTrue(DEFAULTS.asText().containsKey(parts[0]), d.name());
                assertTrue(FeatureConfig.defaults().asText().containsKey(parts[1]), d.name());
            }
        }
    }

    @Test
    void eachCandidateChangesItsDimensionAndNoOther() {
        for (Dimension<?> d : SearchSpace.DIMENSIONS) {
            for (int i = 0; i < d.candidates().size(); i++) {
                TrainingSettings changed = d.withCandidate(DEFAULTS, i);
                assertEquals(d.candidates().get(i), d.valueIn(changed), d.name());
                for (Dimension<?> other : SearchSpace.DIMENSIONS) {
                    if (other != d) {
                        assertEquals(other.textIn(DEFAULTS), other.textIn(changed), other.name() + " after " + d);
                    }
                }
                assertEquals(DEFAULTS.seed(), changed.seed(), "settings outside the space stay");
                assertEquals(changed, TrainingSettings.fromText(changed.asText()), "the manifest reads it back");
            }
        }
    }

    @Test
    void everyDimensionOffersAnotherValueThanTheDefault() {
        for (Dimension<?> d : SearchSpace.DIMENSIONS) {
            Object current = d.valueIn(DEFAULTS);
            assertTrue(d.candidates().stream().anyMatch(c -> !c.equals(current)), d.name());
            assertNotEquals(List.of(), d.candidates());
        }
    }

    @Test
    void thresholdShrinkageIsSearchedOnlyWhenThresholdsAreTuned() {
        Dimension<?> shrinkage = SearchSpace.DIMENSIONS.stream()
                .filter(d -> d.name().equals(TrainingSettings.THRESHOLD_SHRINKAGE.name())).findFirst().orElseThrow();
        assertFalse(shrinkage.relevantIn(DEFAULTS));
        assertTrue(shrinkage.relevantIn(DEFAULTS.toBuilder().tuneThresholds(true).build()));
    }
}
