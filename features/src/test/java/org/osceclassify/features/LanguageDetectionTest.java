package org.osceclassify.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * {@link LanguageDetection#standard()} tells the OSCE's working languages apart in running text, judges a text to be
 * in another language only on clear evidence, and says nothing about a text too short to judge.
 */
class LanguageDetectionTest {

    private static final LanguageDetection DETECTION = LanguageDetection.standard();
    private static final Set<String> ENGLISH = Set.of("en");

    static final String ENGLISH_STATEMENT = "The OSCE Mission held a two-day course for police officers on how to "
            + "collect and keep evidence at crime scenes, with trainers from three participating States.";
    static final String RUSSIAN_STATEMENT = "Миссия ОБСЕ провела двухдневный курс для сотрудников полиции о том, "
            + "как собирать и хранить доказательства на месте преступления.";
    static final String FRENCH_STATEMENT = "La Mission de l'OSCE a organisé un cours de deux jours pour les "
            + "policiers sur la manière de recueillir et de conserver les preuves sur les lieux d'un crime.";
    static final String GERMAN_STATEMENT = "Die OSZE-Mission hat einen zweitägigen Kurs für Polizeibeamte über "
            + "die Sicherung von Beweisen an Tatorten veranstaltet.";
    static final String LOREM_IPSUM = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod "
            + "tempor incididunt ut labore et dolore magna aliqua.";

    @Test
    void theDetectorIsBuiltOnceAndShared() {
        assertSame(DETECTION, LanguageDetection.standard());
        assertTrue(DETECTION.languages().containsAll(Set.of("en", "fr", "de", "it", "ru", "es")),
                DETECTION.languages().toString());
    }

    @Test
    void runningTextInTheWorkingLanguagesIsDetected() {
        assertEquals(Optional.of("en"), DETECTION.detect(ENGLISH_STATEMENT));
        assertEquals(Optional.of("ru"), DETECTION.detect(RUSSIAN_STATEMENT));
        assertEquals(Optional.of("fr"), DETECTION.detect(FRENCH_STATEMENT));
        assertEquals(Optional.of("de"), DETECTION.detect(GERMAN_STATEMENT));
    }

    @Test
    void textInAnotherLanguageThanExpectedIsNamed() {
        assertEquals(Optional.of("ru"), DETECTION.otherLanguage(RUSSIAN_STATEMENT, ENGLISH));
        assertEquals(Optional.of("fr"), DETECTION.otherLanguage(FRENCH_STATEMENT, ENGLISH));
        assertEquals(Optional.of("de"), DETECTION.otherLanguage(GERMAN_STATEMENT, ENGLISH));
        assertEquals(Optional.of("la"), DETECTION.otherLanguage(LOREM_IPSUM, ENGLISH));
    }

    @Test
    void textInAnExpectedLanguageIsNotOther() {
        assertEquals(Optional.empty(), DETECTION.otherLanguage(ENGLISH_STATEMENT, ENGLISH));
        assertEquals(Optional.empty(), DETECTION.otherLanguage(FRENCH_STATEMENT, Set.of("en", "fr")));
        assertEquals(Optional.empty(), DETECTION.otherLanguage(
                "BELGRADE, 3 May 2024 - The OSCE Mission trained police officers in forensic crime investigation.",
                ENGLISH));
        assertEquals(Optional.empty(), DETECTION.otherLanguage("Police officers completed a forensic course",
                ENGLISH));
    }

    @Test
    void textTooShortToJudgeIsNotJudged() {
        assertEquals(Optional.empty(), DETECTION.detect("xyzzy qwerty"));
        assertEquals(Optional.empty(), DETECTION.otherLanguage("xyzzy qwerty", ENGLISH));
        assertEquals(Optional.empty(), DETECTION.otherLanguage("Привет, как дела?", ENGLISH));
        assertEquals(Optional.empty(), DETECTION.detect(""));
        assertEquals(Optional.empty(), DETECTION.detect("2024-05-03 12:00 --- 42 / 17"));
    }

    @Test
    void withoutExpectedLanguagesNothingIsOther() {
        assertEquals(Optional.empty(), DETECTION.otherLanguage(RUSSIAN_STATEMENT, Set.of()));
    }
}
