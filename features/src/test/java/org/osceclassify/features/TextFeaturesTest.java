package org.osceclassify.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.osceclassify.features.Docs.asMap;
import static org.osceclassify.features.Docs.doc;
import static org.osceclassify.features.Docs.names;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osceclassify.features.FeatureConfig.MetadataFamily;
import org.osceclassify.features.FeatureConfig.Normalization;
import org.osceclassify.model.OsceDocument;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

/** The text part of the vector: vocabulary, weights, namespaces and normalisation. */
class TextFeaturesTest {

    private static final double EPS = 1e-12;

    /** Text features only, with nothing pruned, stemmed or scaled unless a test asks. */
    private static FeatureConfig.Builder plain() {
        return FeatureConfig.builder().metadata(EnumSet.noneOf(MetadataFamily.class)).minDf(1).stemming(false)
                .normalization(Normalization.NONE);
    }

    private static FeaturePipeline fit(FeatureConfig config, OsceDocument... training) {
        return FeaturePipeline.fit(config, Docs.taxonomy(), List.of(training));
    }

    @Test
    void weighsTermsBySublinearTfTimesSmoothIdf() {
        FeaturePipeline p = fit(plain().build(),
                doc("", "vote vote count"), doc("", "vote ballot"), doc("", "ballot"));
        Map<String, Double> f = asMap(p.features(doc("", "vote vote vote count")));
        assertEquals((1 + Math.log(3)) * (Math.log(4.0 / 3.0) + 1), f.get("body:vote"), EPS);
        assertEquals(Math.log(4.0 / 2.0) + 1, f.get("body:count"), EPS);
        assertEquals(List.of("body:count", "body:vote"), List.copyOf(f.keySet()));
    }

    @Test
    void rawCountsWithoutSublinearTfOrIdf() {
        FeaturePipeline p = fit(plain().sublinearTf(false).idf(false).build(), doc("", "vote count"));
        Map<String, Double> f = asMap(p.features(doc("", "vote vote vote count")));
        assertEquals(3.0, f.get("body:vote"), EPS);
        assertEquals(1.0, f.get("body:count"), EPS);
    }

    @Test
    void titleAndBodyTermsAreSeparateFeatures() {
        FeaturePipeline p = fit(plain().build(), doc("Elections", "elections observed"));
        assertEquals(List.of("body:elections", "body:observed", "title:elections"),
                names(p.features(doc("Elections", "observed elections"))));
    }

    @Test
    void oneTextNamespaceWhenTitleNamespaceIsOff() {
        FeaturePipeline p = fit(plain().titleNamespace(false).idf(false).build(), doc("Elections", "elections"));
        Map<String, Double> f = asMap(p.features(doc("Elections", "elections observed")));
        assertEquals(Map.of("text:elections", 1 + Math.log(2)), f);
    }

    @Test
    void termsUnseenInTrainingAreNotFeatures() {
        FeaturePipeline p = fit(plain().build(), doc("", "mission"));
        assertEquals(List.of("body:mission"), names(p.features(doc("", "mission zebra"))));
        assertEquals(1, p.vocabularySize());
    }

    @Test
    void stopWordsAndStemmingShapeTheVocabulary() {
        FeaturePipeline p = fit(plain().stemming(true).build(), doc("", "The elections of the Mission"));
        assertEquals(List.of("body:elect", "body:mission"), names(p.features(doc("", "an election in the mission"))));
        FeaturePipeline keep = fit(plain().stopWords(false).build(), doc("", "The elections of the Mission"));
        assertTrue(names(keep.features(doc("", "the elections"))).contains("body:the"));
    }

    @Test
    void minDfDropsRareTerms() {
        FeaturePipeline p = fit(plain().minDf(2).build(),
                doc("", "police reform"), doc("", "police training"), doc("", "police reform"));
        assertEquals(List.of("body:police", "body:reform"),
                names(p.features(doc("", "police reform training"))));
    }

    @Test
    void vocabularyCapKeepsTheMostFrequentTermsTiesByName() {
        FeaturePipeline p = fit(plain().maxVocabulary(2).build(),
                doc("", "police reform zebra"), doc("", "police training"), doc("", "police alpha"));
        // police (df 3) first; then alpha, reform, training and zebra tie at df 1: alpha wins by name.
        assertEquals(2, p.vocabularySize());
        assertEquals(List.of("body:alpha", "body:police"),
                names(p.features(doc("", "police reform training alpha zebra"))));
    }

    @Test
    void hashingMapsTermsIntoAFixedNumberOfNamedBuckets() {
        FeaturePipeline p = fit(plain().hashBuckets(64).build(), doc("Vote", "police reform"));
        List<Feature> f = p.features(doc("Vote", "police reform"));
        assertFalse(f.isEmpty());
        for (Feature x : f) {
            assertTrue(x.getName().matches("(body|title):#\\d\\d"), x.getName());
        }
        assertTrue(p.vocabularySize() <= 2 * 64);
        assertEquals(names(f), names(p.features(doc("Vote", "reform police zebraxq"))).stream()
                .filter(names(f)::contains).toList(), "the same terms always land in the same buckets");
    }

    @Test
    void perNamespaceNormalisationGivesTitleAndBodyEachUnitLength() {
        FeaturePipeline p = fit(plain().normalization(Normalization.PER_NAMESPACE).build(),
                doc("vote count", "vote police reform"), doc("vote", "reform"));
        List<Feature> f = p.features(doc("vote count count", "police reform reform vote"));
        assertEquals(1.0, sumOfSquares(f, "title:"), EPS);
        assertEquals(1.0, sumOfSquares(f, "body:"), EPS);
    }

    @Test
    void perDocumentNormalisationGivesAllTextFeaturesTogetherUnitLength() {
        FeaturePipeline p = fit(plain().normalization(Normalization.PER_DOCUMENT)
                        .metadata(EnumSet.of(MetadataFamily.LENGTH)).build(),
                doc("vote count", "vote police reform"), doc("vote", "reform"));
        List<Feature> f = p.features(doc("vote count count", "police reform reform vote"));
        assertEquals(1.0, sumOfSquares(f, "title:") + sumOfSquares(f, "body:"), EPS);
        assertTrue(sumOfSquares(f, "title:") < 1.0);
        assertEquals(0.5, asMap(f).get("meta:length=1-15"), EPS, "metadata keeps its weight, unnormalised");
    }

    @Test
    void everyMetadataFeatureHasTheConfiguredWeight() {
        OsceDocument training = doc("Elections in Serbia", "BELGRADE, 3 December 2015 - observers in Serbia",
                "", "Press release", LocalDate.of(2015, 12, 3));
        for (double weight : new double[] {0.5, 1.0, 2.0}) {
            FeaturePipeline p = fit(plain().metadata(EnumSet.allOf(MetadataFamily.class)).metadataWeight(weight)
                    .build(), training);
            List<Feature> meta = p.features(training).stream().filter(x -> x.getName().startsWith("meta:"))
                    .toList();
            assertTrue(meta.size() >= 4, meta.toString());
            meta.forEach(x -> assertEquals(weight, x.getValue(), EPS, x.getName()));
        }
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().metadataWeight(0));
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().metadataWeight(Double.NaN));
    }

    @Test
    void ngramsAreAddedWhenAsked() {
        FeaturePipeline p = fit(plain().ngrams(2).build(), doc("", "human rights defenders"));
        assertTrue(names(p.features(doc("", "human rights defenders"))).contains("body:human rights"));
        FeaturePipeline uni = fit(plain().build(), doc("", "human rights defenders"));
        assertFalse(names(uni.features(doc("", "human rights defenders"))).contains("body:human rights"));
    }

    @Test
    void featuresAreSortedByNameWithUniqueNames() {
        FeaturePipeline p = fit(FeatureConfig.builder().minDf(1).build(),
                doc("Mission to Serbia welcomes vote", "BELGRADE, 3 December 2015 - The OSCE Mission to Serbia ..."));
        List<String> names = names(p.features(doc("Vote in Serbia", "BELGRADE, 4 May 2016 - Serbia votes, ODIHR says")));
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names);
        assertEquals(names.size(), names.stream().distinct().count());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("meta:")) && names.contains("title:vote"), names.toString());
    }

    @Test
    void theSameDocumentAlwaysGivesTheSameFeatures() {
        List<OsceDocument> training = List.of(doc("a b c", "d e f g"), doc("b c", "e f h"), doc("c", "f g h i"));
        FeaturePipeline p1 = FeaturePipeline.fit(FeatureConfig.defaults(), Docs.taxonomy(), training);
        FeaturePipeline p2 = FeaturePipeline.fit(FeatureConfig.defaults(), Docs.taxonomy(), List.copyOf(training));
        assertEquals(p1, p2);
        OsceDocument d = doc("b c h", "e f g h");
        assertEquals(p1.features(d), p2.features(d));
        assertEquals(p1.features(d), p1.features(d));
    }

    @Test
    void exampleCarriesTheFeaturesAndTheOutput() {
        FeaturePipeline p = fit(plain().build(), doc("Vote", "police reform"));
        OsceDocument d = doc("Vote", "police reform");
        Example<Label> e = p.example(d, new Label("Elections"));
        assertEquals("Elections", e.getOutput().getLabel());
        List<Feature> fromExample = new ArrayList<>();
        e.forEach(fromExample::add);
        assertEquals(p.features(d), fromExample);
    }

    @Test
    void anEmptyDocumentHasNoTextFeatures() {
        FeaturePipeline p = fit(plain().build(), doc("Vote", "police reform"));
        assertEquals(List.of(), p.features(doc("", "")));
    }

    @Test
    void fittingOnNoDocumentsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> FeaturePipeline.fit(FeatureConfig.defaults(), Docs.taxonomy(), List.of()));
    }

    private static double sumOfSquares(List<Feature> features, String prefix) {
        double s = 0;
        for (Feature f : features) {
            if (f.getName().startsWith(prefix)) {
                s += f.getValue() * f.getValue();
            }
        }
        return s;
    }
}
