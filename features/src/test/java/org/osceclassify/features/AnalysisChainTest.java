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

/** Each filter of the analysis chain, and the chain put together. */
class AnalysisChainTest {

    @Test
    void nfkcFoldsCompatibilityFormsAndComposesAccents() {
        NfkcFilter nfkc = new NfkcFilter();
        assertEquals("finance", nfkc.apply("\uFB01nance"));          // "ﬁ" ligature
        assertEquals("OSCE2015", nfkc.apply("ＯＳＣＥ２０１５"));           // full-width letters and digits
        assertEquals("café", nfkc.apply("cafe\u0301"));             // e + combining acute
    }

    @Test
    void nfkcReturnsAsciiTokensUntouched() {
        String token = "election";
        assertSame(token, new NfkcFilter().apply(token));
    }

    @Test
    void lowerCasesIndependentlyOfTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertEquals("title", new LowerCaseFilter().apply("TITLE"));   // not the dotless ı
            assertEquals("vollebæk", new LowerCaseFilter().apply("VOLLEBÆK"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void shipsAnEnglishStopWordListOfFunctionWords() {
        Set<String> english = StopWordFilter.english();
        assertTrue(english.containsAll(List.of("the", "of", "and", "to", "in", "s", "t")));
        assertFalse(english.contains("osce"));
        assertFalse(english.contains("may"), "May is also a month and datelines carry it");
        assertFalse(english.contains("#"), "comments are not words");
    }

    @Test
    void stopWordFilterDropsListedWordsOnly() {
        StopWordFilter stop = new StopWordFilter(Set.of("the", "of"));
        assertNull(stop.apply("the"));
        assertEquals("mission", stop.apply("mission"));
    }

    @Test
    void stemmerConflatesInflectionsButLeavesNumbersAlone() {
        StemFilter stem = new StemFilter();
        assertEquals(stem.apply("elections"), stem.apply("election"));
        assertEquals("journalist", stem.apply("journalists"));
        assertEquals("observ", stem.apply("observers"));
        assertEquals("2015s", stem.apply("2015s"));
    }

    @Test
    void stemmerIsSafeToShareBetweenThreads() throws InterruptedException {
        StemFilter stem = new StemFilter();
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
    void ngramFilterAddsAdjacentPairsAndTriplesAfterTheUnigrams() {
        assertEquals(List.of("human", "right", "day", "human right", "right day", "human right day"),
                new NGramFilter(3).apply(List.of("human", "right", "day")));
        List<String> unigrams = List.of("a", "b");
        assertSame(unigrams, new NGramFilter(1).apply(unigrams));
    }

    @Test
    void analyzerRunsTokenizerThenFiltersInOrder() {
        Analyzer analyzer = new Analyzer(new Tokenizer(),
                List.of(new NfkcFilter(), new LowerCaseFilter(), new StopWordFilter(StopWordFilter.english()),
                        new StemFilter()), 2);
        assertEquals(List.of("mission", "welcom", "elect", "mission welcom", "welcom elect"),
                analyzer.analyze("The Mission welcomes the ELECTIONS"));
    }

    @Test
    void normalizingAnalyzerKeepsEveryWordInLowerCase() {
        assertEquals(List.of("the", "osce", "risk", "reduction", "vollebæk"),
                Analyzer.normalizing().analyze("The OSCE risk-reduction, Vollebæk"));
    }
}
