package org.osceclassify.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.osceclassify.features.Docs.doc;
import static org.osceclassify.features.Docs.names;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osceclassify.features.FeatureConfig.MetadataFamily;
import org.osceclassify.model.OsceDocument;

/** Each metadata family, on hand-written documents. */
class MetadataFeaturesTest {

    private static List<String> meta(FeatureConfig.Builder config, OsceDocument d) {
        FeaturePipeline p = FeaturePipeline.fit(config.build(), Docs.taxonomy(), List.of(doc("", "training")));
        return names(p.features(d)).stream().filter(n -> n.startsWith("meta:")).toList();
    }

    private static List<String> only(MetadataFamily family, OsceDocument d) {
        return meta(FeatureConfig.builder().metadata(EnumSet.of(family)), d);
    }

    @Test
    void contentTypeIsNormalised() {
        assertEquals(List.of("meta:type=press release"),
                only(MetadataFamily.CONTENT_TYPE, doc("", "", "", "Press  Release ", null)));
    }

    @Test
    void aMissingValueAddsNoFeatureAtAll() {
        OsceDocument bare = doc("", "", "", "  ", null);
        assertEquals(List.of(), meta(FeatureConfig.builder(), bare));
    }

    @Test
    void placeComesFromTheDocumentsPlaceNormalised() {
        assertEquals(List.of("meta:place=mitrovo polje"),
                only(MetadataFamily.PLACE, doc("", "text", "Mitrovo  Polje", "", null)));
    }

    @Test
    void placeFallsBackToARunningTextDateline() {
        assertEquals(List.of("meta:place=belgrade"), only(MetadataFamily.PLACE,
                doc("", "BELGRADE, 3 December 2015 - The Mission opened a centre.", "", "", null)));
        assertEquals(List.of("meta:place=banja luka"), only(MetadataFamily.PLACE,
                doc("", "  BANJA LUKA, 12 May 2020 – Training.", "", "", null)));
    }

    @Test
    void ordinaryOpeningsAreNotTakenForDatelines() {
        assertEquals(List.of(), only(MetadataFamily.PLACE, doc("", "However, 30 people came.", "", "", null)));
        assertEquals(List.of(), only(MetadataFamily.PLACE, doc("", "In 2015, the OSCE said", "", "", null)));
        assertEquals(List.of(), only(MetadataFamily.PLACE, doc("", "VIENNA and elsewhere", "", "", null)));
        // A bag of words has no punctuation, so its place words are just words.
        assertEquals(List.of(), only(MetadataFamily.PLACE, doc("", "2015 3 BELGRADE December Mission", "", "", null)));
    }

    @Test
    void periodIsTheYearOrAFiveYearBucket() {
        OsceDocument d = doc("", "", "", "", LocalDate.of(2017, 6, 1));
        assertEquals(List.of("meta:period=2015-2019"), only(MetadataFamily.PERIOD, d));
        assertEquals(List.of("meta:year=2017"),
                meta(FeatureConfig.builder().metadata(EnumSet.of(MetadataFamily.PERIOD)).periodYears(1), d));
        assertEquals(List.of("meta:period=2010-2019"),
                meta(FeatureConfig.builder().metadata(EnumSet.of(MetadataFamily.PERIOD)).periodYears(10), d));
    }

    @Test
    void statesAreFoundByNameAndAliasIncludingMultiWordNames() {
        assertEquals(List.of("meta:state=Bosnia and Herzegovina", "meta:state=Moldova", "meta:state=Serbia"),
                only(MetadataFamily.STATES, doc("Serbia and Bosnia and Herzegovina",
                        "Talks in the Republic of Moldova and in BiH.", "", "", null)));
    }

    @Test
    void multiWordNamesInRunningTextMustBeAdjacentAndInOrder() {
        assertEquals(List.of(), only(MetadataFamily.STATES,
                doc("", "Herzegovina and Bosnia were mentioned, and Bosnia or Herzegovina.", "", "", null)));
    }

    @Test
    void multiWordNamesInABagMatchWhenAllTheirWordsArePresent() {
        // Sorted, as the corpus writes bags: word order is lost, so presence is all that can be asked.
        assertEquals(List.of("meta:state=Bosnia and Herzegovina"),
                only(MetadataFamily.STATES, doc("", "and Bosnia elections Herzegovina in", "", "", null)));
        assertEquals(List.of(),
                only(MetadataFamily.STATES, doc("", "and Bosnia elections in", "", "", null)));
    }

    @Test
    void bodiesAreFoundByNameAndAliasIgnoringTheClosedSuffix() {
        assertEquals(List.of("meta:body=OSCE Office for Democratic Institutions and Human Rights",
                        "meta:body=OSCE Special Monitoring Mission to Ukraine (closed)"),
                only(MetadataFamily.BODIES, doc("ODIHR report",
                        "The OSCE Special Monitoring Mission to Ukraine reported.", "", "", null)));
    }

    @Test
    void bodiesWhoseHomeCityIsTheDatelinePlaceAreNamed() {
        assertEquals(List.of("meta:home_of=OSCE Mission to Serbia"),
                only(MetadataFamily.BODIES, doc("", "", "Belgrade", "", null)));
        assertEquals(List.of("meta:home_of=OSCE Representative on Freedom of the Media",
                        "meta:home_of=OSCE Secretariat"),
                only(MetadataFamily.BODIES, doc("", "VIENNA, 1 March 2019 - A statement.", "", "", null)));
        assertEquals(List.of(), only(MetadataFamily.BODIES, doc("", "", "Paris", "", null)));
    }

    private static List<String> bodiesKnowingPlaces(OsceDocument d) {
        return meta(FeatureConfig.builder().metadata(EnumSet.of(MetadataFamily.BODIES)).placeKnowledge(true), d);
    }

    @Test
    void withPlaceKnowledgeADatelineInAMissionsHomeCityAlsoYieldsTheKindOfBodyAtHomeThere() {
        assertEquals(List.of("meta:home_kind=field operation", "meta:home_of=OSCE Mission to Serbia"),
                bodiesKnowingPlaces(doc("", "BELGRADE, 3 May 2024 - The Mission trained police.", "", "", null)));
        assertEquals(List.of("meta:home_kind=institution", "meta:home_kind=secretariat",
                        "meta:home_of=OSCE Representative on Freedom of the Media", "meta:home_of=OSCE Secretariat"),
                bodiesKnowingPlaces(doc("", "", "Vienna", "", null)));
    }

    @Test
    void withPlaceKnowledgeACityThatIsNoBodysHomeYieldsNothing() {
        assertEquals(List.of(), bodiesKnowingPlaces(doc("", "PARIS, 3 May 2024 - A conference.", "", "", null)));
        assertEquals(List.of(), bodiesKnowingPlaces(doc("", "", "Osh", "", null)));
    }

    @Test
    void withPlaceKnowledgeAPlaceOfSeveralCitiesIsReadAsEachOfThem() {
        assertEquals(List.of("meta:home_kind=field operation", "meta:home_kind=institution",
                        "meta:home_of=OSCE Mission to Serbia",
                        "meta:home_of=OSCE Office for Democratic Institutions and Human Rights"),
                bodiesKnowingPlaces(doc("", "", "Warsaw / Belgrade", "", null)));
        assertEquals(List.of(), only(MetadataFamily.BODIES, doc("", "", "Warsaw / Belgrade", "", null)));
    }

    @Test
    void placeKnowledgeIsOffByDefault() {
        assertFalse(FeatureConfig.defaults().placeKnowledge());
        assertEquals(List.of("meta:home_of=OSCE Mission to Serbia"),
                only(MetadataFamily.BODIES, doc("", "", "Belgrade", "", null)));
    }

    @Test
    void lengthIsADoublingBucketOfTheWordCount() {
        assertEquals(List.of("meta:length=1-15"), only(MetadataFamily.LENGTH, doc("Three word title", "")));
        assertEquals(List.of("meta:length=32-63"), only(MetadataFamily.LENGTH, doc("", "w ".repeat(40))));
        assertEquals(List.of("meta:length=512+"), only(MetadataFamily.LENGTH, doc("", "w ".repeat(2000))));
        assertEquals(List.of(), only(MetadataFamily.LENGTH, doc("", " - ")));
        assertEquals("256-511", MetadataFeatures.lengthBucket(511));
        assertEquals("16-31", MetadataFeatures.lengthBucket(16));
    }

    @Test
    void switchedOffFamiliesAddNothing() {
        OsceDocument d = doc("Serbia", "BELGRADE, 3 December 2015 - ODIHR in Serbia", "", "News",
                LocalDate.of(2015, 12, 3));
        List<String> all = meta(FeatureConfig.builder(), d);
        assertTrue(all.containsAll(List.of("meta:type=news", "meta:place=belgrade", "meta:period=2015-2019",
                "meta:state=Serbia", "meta:home_of=OSCE Mission to Serbia", "meta:length=1-15",
                "meta:body=OSCE Office for Democratic Institutions and Human Rights")), all.toString());
        for (MetadataFamily off : MetadataFamily.values()) {
            List<String> without = meta(FeatureConfig.builder().metadata(off, false), d);
            assertTrue(without.size() < all.size(), off + " still gives " + without);
        }
        assertEquals(List.of(), meta(FeatureConfig.builder().metadata(EnumSet.noneOf(MetadataFamily.class)), d));
    }

    @Test
    void noMetadataFeatureHasAnEmptyValue() {
        OsceDocument d = doc(" ", " ", " ", " ", null);
        for (String name : meta(FeatureConfig.builder(), d)) {
            assertFalse(name.endsWith("="), name);
        }
    }
}
