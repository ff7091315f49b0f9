package org.osceclassify.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.osceclassify.features.Docs.doc;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.osceclassify.features.FeatureConfig.MetadataFamily;
import org.osceclassify.model.OsceDocument;
import org.tribuo.Feature;

/**
 * The corpus holds bags of words (tokens sorted, case-insensitively, joined by spaces); a model trained on them
 * must see the same unigram features when it reads the running text they came from.
 */
class BagOfWordsTest {

    private static final String TITLE = "OSCE-supported risk-reduction course ends in Vollebæk";
    private static final String BODY = "BELGRADE, 3 December 2015 – The authorities’ experts, and the OSCE "
            + "Mission's trainers, met in Vollebæk (Norway) for a 3-day course on disaster risk-reduction; "
            + "\"Risk,\" they said, \"is the authorities' business.\" Éclairs were served at 10:30.";

    /** A bag as the corpus makes it: maximal letter-or-digit runs, case kept, sorted ignoring case. */
    static String bag(String text) {
        List<String> tokens = new ArrayList<>(new TextSplitter().tokenize(text));
        tokens.sort((a, b) -> {
            int c = a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
            return c != 0 ? c : a.compareTo(b);
        });
        return String.join(" ", tokens);
    }

    @Test
    void aBagAndItsRunningTextGiveTheSameUnigramFeatures() {
        OsceDocument running = doc(TITLE, BODY);
        OsceDocument bagged = doc(bag(TITLE), bag(BODY));
        for (FeatureConfig config : List.of(
                FeatureConfig.builder().minDf(1).metadata(EnumSet.noneOf(MetadataFamily.class)).build(),
                FeatureConfig.builder().minDf(1).stemming(false).stopWords(false)
                        .metadata(EnumSet.noneOf(MetadataFamily.class)).build(),
                FeatureConfig.builder().hashBuckets(256).minDf(1).metadata(EnumSet.noneOf(MetadataFamily.class)).build())) {
            FeaturePipeline fromRunning = FeaturePipeline.fit(config, Docs.taxonomy(), List.of(running, doc("course", "x")));
            FeaturePipeline fromBags = FeaturePipeline.fit(config, Docs.taxonomy(), List.of(bagged, doc("course", "x")));
            assertEquals(fromRunning, fromBags, "fitted on bags or running text, the pipeline is the same");
            List<Feature> expected = fromRunning.features(running);
            assertEquals(expected, fromRunning.features(bagged), config.toString());
            assertEquals(expected.size(), new java.util.HashSet<>(Docs.names(expected)).size());
        }
    }

    @Test
    void theBagOfTheTestTextLooksLikeTheCorpus() {
        assertEquals("course ends in OSCE reduction reduction risk risk supported Vollebæk",
                bag("OSCE-supported risk-reduction course ends in Vollebæk, risk-reduction"));
    }

    @Test
    void bagAndRunningTextAgreeOnStatesNamedInOneWord() {
        OsceDocument running = doc("", "Elections in Serbia and Ukraine were observed.");
        OsceDocument bagged = doc("", bag(running.body()));
        FeaturePipeline p = FeaturePipeline.fit(FeatureConfig.builder()
                .metadata(EnumSet.of(MetadataFamily.STATES)).build(), Docs.taxonomy(), List.of(running));
        assertEquals(p.features(running), p.features(bagged));
    }
}
