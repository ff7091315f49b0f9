package org.osceclassify.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Each step of the analysis chain, and the chain put together. */
class AnalysisChainTest {

    @Test
    void nfkcFoldsCompatibilityFormsAndComposesAccents() {
        NfkcFolding nfkc = new NfkcFolding();
        assertEquals("finance", nfkc.apply("\uFB01nance"));          // "ﬁ" ligature
        assertEquals("OSCE2015", nfkc.apply("ＯＳＣＥ２０１５"));           // full-width letters and digits
        assertEquals("café", nfkc.apply("cafe\u0301"));             // e + combining acute
    }

    @Test
    void nfkcReturnsAsciiTokensUntouched() {
        String token = "election";
        assertSame(token, new NfkcFolding().apply(token));
    }

    @Test
    void lowerCasesIndependentlyOfTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertEquals("title", new LowerCasing().apply("TITLE"));   // not the dotless ı
            assertEquals("vollebæk", new LowerCasing().apply("VOLLEBÆK"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void shipsAnEnglishStopWordListOfFunctionWords() {
        Set<String> english = StopWordRemoval.english();
        assertTrue(english.containsAll(List.of("the", "of", "and", "to", "in", "s", "t")));
        assertFalse(english.contains("osce"));
        assertFalse(english.contains("may"), "May is also a month and datelines carry it");
        assertFalse(english.contains("#"), "comments are not words");
    }

    @Test
    void stopWordRemovalDropsListedWordsOnly() {
        StopWordRemoval stop = new StopWordRemoval(Set.of("the", "of"));
        assertNull(stop.apply("the"));
        assertEquals("mission", stop.apply("mission"));
    }

    @Test
    void stemmerConflatesInflectionsButLeavesNumbersAlone() {
        Stemming stem = new Stemming();
        assertEquals(stem.apply("elections"), stem.apply("election"));
        assertEquals("journalist", stem.apply("journalists"));
        assertEquals("observ", stem.apply("observers"));
        assertEquals("2015s", stem.apply("2015s"));
    }

    @Test
    void stemmerIsSafeToShareBetweenThreads() throws InterruptedException {
        Stemming stem = new Stemming();
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            String word = t % 2 == 0 ? "monitoring" : "elections";
            String expected = stem.apply(word);
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    String got = stem.apply(word);
                    if (!got.equals(expected)) {
                        errors.add(got);
                        return;
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void wordNGramsAddsAdjacentPairsAndTriplesAfterTheUnigrams() {
        assertEquals(List.of("human", "right", "day", "human right", "right day", "human right day"),
                new WordNGrams(3).apply(List.of("human", "right", "day")));
        List<String> unigrams = List.of("a", "b");
        assertSame(unigrams, new WordNGrams(1).apply(unigrams));
    }

    @Test
    void chainRunsTheSplitterThenTheStepsInOrder() {
        AnalysisChain chain = new AnalysisChain(new TextSplitter(),
                List.of(new NfkcFolding(), new LowerCasing(), new StopWordRemoval(StopWordRemoval.english()),
                        new Stemming()), 2);
        assertEquals(List.of("mission", "welcom", "elect", "mission welcom", "welcom elect"),
                chain.analyze("The Mission welcomes the ELECTIONS"));
    }

    @Test
    void normalizingChainKeepsEveryWordInLowerCase() {
        assertEquals(List.of("the", "osce", "risk", "reduction", "vollebæk"),
                AnalysisChain.normalizing().analyze("The OSCE risk-reduction, Vollebæk"));
    }
}
