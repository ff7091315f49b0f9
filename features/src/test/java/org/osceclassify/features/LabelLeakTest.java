package org.osceclassify.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osceclassify.model.Labels;
import org.osceclassify.model.Origin;
import org.osceclassify.model.OsceDocument;
import org.tribuo.Feature;

/** Labels never become features: neither the label columns nor the site's location tags. */
class LabelLeakTest {

    private static OsceDocument doc(Labels labels, List<String> locations) {
        return new OsceDocument("osce-0000000001", "Training for police officers",
                "SKOPJE, 4 June 2019 - Police officers completed a course on community policing.",
                Optional.of(LocalDate.of(2019, 6, 4)), "Skopje", "Press release", locations, labels,
                Origin.of("test"));
    }

    private static final Labels LABELS = new Labels(
            List.of("OSCE Mission to Serbia", "OSCE Office for Democratic Institutions and Human Rights"),
            List.of("Elections", "Media freedom and development"));

    @Test
    void documentsDifferingOnlyInLabelsAndLocationsGetIdenticalFeatures() {
        OsceDocument labelled = doc(LABELS, List.of("Serbia", "Moldova"));
        OsceDocument bare = doc(Labels.NONE, List.of());
        FeaturePipeline p = FeaturePipeline.fit(FeatureConfig.builder().minDf(1).build(), Docs.taxonomy(),
                List.of(labelled, doc(new Labels(List.of("OSCE Secretariat"), List.of("Policing")), List.of())));
        assertEquals(p.features(bare), p.features(labelled));
    }

    @Test
    void noFeatureNameCarriesALabelOrLocationThatIsNotInTheText() {
        OsceDocument labelled = doc(LABELS, List.of("Serbia", "Moldova"));
        FeaturePipeline p = FeaturePipeline.fit(FeatureConfig.builder().minDf(1).stemming(false).build(),
                Docs.taxonomy(), List.of(labelled));
        List<String> leaks = List.of("serbia", "moldova", "democratic", "elections", "media", "mission",
                "odihr", "freedom");
        for (Feature f : p.features(labelled)) {
            String name = f.getName().toLowerCase(Locale.ROOT);
            for (String leak : leaks) {
                assertFalse(name.contains(leak), f.getName() + " carries the label word '" + leak + "'");
            }
        }
    }

    @Test
    void fittingDoesNotLearnVocabularyFromLabels() {
        FeaturePipeline p = FeaturePipeline.fit(FeatureConfig.builder().minDf(1).stemming(false).build(),
                Docs.taxonomy(), List.of(doc(LABELS, List.of("Serbia"))));
        OsceDocument mentions = Docs.doc("Elections", "Elections in Serbia");
        assertEquals(List.of(), p.features(mentions).stream().map(Feature::getName)
                .filter(n -> n.equals("title:elections") || n.equals("body:elections")).toList(),
                "a term only in the labels of the training data must not be in the vocabulary");
    }
}
