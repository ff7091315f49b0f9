package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A classification prints as one readable line, not as nested records. */
class ClassificationToStringTest {

    private static ScoredLabel label(String name, double probability) {
        return new ScoredLabel(name, probability, 0.0);
    }

    @Test
    void printsFieldsTheTopSourcesAndHowManyLabelsAreExplained() {
        Classification c = new Classification("statement",
                List.of(label("Policing", 0.93), label("Elections", 0.41)),
                List.of(label("OSCE Mission to Serbia", 0.88), label("Other", 0.05), label("ODIHR", 0.04),
                        label("RFoM", 0.02), label("Minsk Group", 0.01)),
                Map.of("Policing", List.of(new FeatureWeight("police", 0.8))));
        assertEquals("statement: fields Policing (0.930), Elections (0.410); sources OSCE Mission to Serbia (0.880), "
                + "Other (0.050), ODIHR (0.040), ... (2 more); words for 1 label", c.toString());
    }

    @Test
    void saysNoneForEmptyLists() {
        assertEquals("text: fields none; sources none", new Classification("text", List.of(), List.of(), Map.of())
                .toString());
    }
}
