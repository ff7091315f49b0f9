package org.osceclassify.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextSplitterTest {

    private final TextSplitter splitter = new TextSplitter();

    @Test
    void splitsHyphenatedWordsIntoTheirParts() {
        assertEquals(List.of("Disaster", "risk", "reduction"), splitter.tokenize("Disaster risk-reduction"));
    }

    @Test
    void dropsApostrophesStraightAndCurly() {
        assertEquals(List.of("the", "authorities", "the", "country", "s", "media"),
                splitter.tokenize("the authorities’ (the country's) media"));
    }

    @Test
    void keepsNumbersAndMixedLetterDigitRunsWhole() {
        assertEquals(List.of("3", "December", "2015", "G20", "1", "5"), splitter.tokenize("3 December 2015, G20: 1.5"));
    }

    @Test
    void keepsLettersWithDiacriticsAndOtherScriptsInsideWords() {
        assertEquals(List.of("Vollebæk", "Łódź", "Київ", "Ş"), splitter.tokenize("Vollebæk/Łódź—Київ «Ş»"));
    }

    @Test
    void treatsLettersOutsideTheBasicPlaneAsLetters() {
        // U+1D400 MATHEMATICAL BOLD CAPITAL A is a letter, written as a surrogate pair.
        assertEquals(List.of("x\uD835\uDC00y"), splitter.tokenize(" x\uD835\uDC00y "));
    }

    @Test
    void givesNoTokensForEmptyOrPunctuationOnlyText() {
        assertEquals(List.of(), splitter.tokenize(""));
        assertEquals(List.of(), splitter.tokenize(" -- ,; ’ "));
    }
}
