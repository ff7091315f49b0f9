package org.osceclassify.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.osceclassify.features.Docs.doc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osceclassify.model.OsceDocument;
import org.tribuo.Feature;

/**
 * {@link FeaturePipeline#extract} hands a scorer exactly the features {@link FeaturePipeline#features} names: the
 * same features, values and order, with text features by index into {@link FeaturePipeline#textFeatureName}.
 */
class ExtractTest {

    static List<FeatureConfig> configs() {
        FeatureConfig defaults = FeatureConfig.defaults();
        return List.of(defaults,
                defaults.toBuilder().titleNamespace(false).build(),
                defaults.toBuilder().ngrams(2).stemming(false).build(),
                defaults.toBuilder().hashBuckets(64).build(),
                defaults.toBuilder().metadata(java.util.EnumSet.allOf(FeatureConfig.MetadataFamily.class)).build());
    }

    @ParameterizedTest
    @MethodSource("configs")
    void extractGivesTheFeaturesOfFeaturesByIndex(FeatureConfig config) {
        List<OsceDocument> docs = List.of(
                doc("Elections observed in Serbia", "BELGRADE, 3 May 2016 - ODIHR observers monitored voting in "
                        + "Serbia and Montenegro; journalists reported on media freedom."),
                doc("Police training in Bishkek", "Officers completed a course on community policing.", "Bishkek",
                        "Press release", LocalDate.of(2019, 4, 2)),
                doc("Mission supports media", "Journalists from Kosovo and Serbia met in Vienna on media freedom."),
                doc("", "words never seen in training: zyxwv qwert"));
        FeaturePipeline pipeline = FeaturePipeline.fit(config, Docs.taxonomy(), docs);
        List<OsceDocument> unseen = new ArrayList<>(docs);
        unseen.add(doc("Observers in Vienna", "ODIHR and the Representative on Freedom of the Media met police."));
        for (OsceDocument d : unseen) {
            List<Feature> extracted = new ArrayList<>();
            pipeline.extract(d, new FeaturePipeline.FeatureSink() {
                @Override
                public void text(int index, double value) {
                    extracted.add(new Feature(pipeline.textFeatureName(index), value));
                }

                @Override
                public void meta(String name, double value) {
                    extracted.add(new Feature(name, value));
                }
            });
            assertEquals(pipeline.features(d), extracted, d.title());
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void textFeatureNamesCoverTheVocabularyInNameOrderPerNamespace(FeatureConfig config) {
        FeaturePipeline pipeline = FeaturePipeline.fit(config, Docs.taxonomy(),
                List.of(doc("Media freedom", "Journalists and media in Serbia"), doc("Police", "Policing reform")));
        int n = pipeline.vocabularySize();
        for (int i = 1; i < n; i++) {
            String previous = pipeline.textFeatureName(i - 1);
            String name = pipeline.textFeatureName(i);
            boolean sameNamespace = previous.substring(0, previous.indexOf(':'))
                    .equals(name.substring(0, name.indexOf(':')));
            if (sameNamespace) {
                assertEquals(-1, Integer.signum(previous.compareTo(name)), previous + " before " + name);
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> pipeline.textFeatureName(n));
    }
}
