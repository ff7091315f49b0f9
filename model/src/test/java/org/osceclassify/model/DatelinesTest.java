package org.osceclassify.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Dates, places and datelines")
class DatelinesTest {

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "3 December 2015|2015-12-03",
            "03 december 2015|2015-12-03",
            "3 Dec 2015|2015-12-03",
            "December 3, 2015|2015-12-03",
            "Dec 3, 2015|2015-12-03",
            "2015-12-03|2015-12-03",
            "  3   December   2015 |2015-12-03"})
    @DisplayName("the date forms the site uses all parse")
    void dateForms(String text, LocalDate expected) {
        assertEquals(Optional.of(expected), Datelines.parseDate(text));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {"31 February 2015", "yesterday", "2015-13-01", "''"})
    @DisplayName("what is not a real date is no date")
    void notDates(String text) {
        assertEquals(Optional.empty(), Datelines.parseDate(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "BELGRADE|Belgrade",
            "MITROVO POLJE|Mitrovo Polje",
            "THE HAGUE|The Hague",
            "IVANO-FRANKIVSK|Ivano-Frankivsk",
            "VIENNA/WARSAW|Vienna/Warsaw",
            "WASHINGTON D.C.|Washington D.C.",
            "Washington D.C.|Washington D.C.",
            "PRIŠTINA|Priština",
            "ПОДГОРИЦА|Подгорица",
            "Vienna|Vienna",
            "  Mitrovo   Polje |Mitrovo Polje"})
    @DisplayName("places become title case")
    void places(String raw, String expected) {
        assertEquals(expected, Datelines.normalisePlace(raw));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "BELGRADE, 3 December 2015 - We, the Heads|Belgrade|2015-12-03",
            "BELGRADE, 3 December 2015 – We|Belgrade|2015-12-03",
            "BELGRADE, 3 December 2015 — We|Belgrade|2015-12-03",
            "BELGRADE, 3 December 2015 -- We|Belgrade|2015-12-03",
            "MITROVO POLJE, December 3, 2015 – The|Mitrovo Polje|2015-12-03",
            "3 December 2015 - Text without a place|''|2015-12-03"})
    @DisplayName("a dateline gives place and date with a hyphen, an en dash or an em dash")
    void datelines(String body, String place, LocalDate date) {
        assertEquals(Optional.of(new Datelines.Dateline(place, date)), Datelines.find(body));
    }

    @Test
    @DisplayName("the place of a dateline is its place in title case, and there is none for a dateline of a date alone")
    void datelinePlace() {
        assertEquals(Optional.of("Banja Luka"), Corpora.datelinePlace("  BANJA LUKA, 12 May 2020 – Training."));
        assertEquals(Optional.empty(), Corpora.datelinePlace("3 December 2015 - Text without a place"));
        assertEquals(Optional.empty(), Corpora.datelinePlace("However, 30 people came."));
    }

    @Test
    @DisplayName("a body that does not open with a dateline has none, even if it mentions a date later")
    void noDateline() {
        assertEquals(Optional.empty(), Datelines.find("The meeting in Vienna, 3 December 2015 - was postponed."));
        assertEquals(Optional.empty(), Datelines.find("This report is for the media and the general public."));
    }

    @Test
    @DisplayName("a place's whitespace runs become one space, as the regex \\s+ would make them, whatever the mix")
    void whitespaceRunsCollapseLikeTheRegex() {
        char[] alphabet = {'a', 'B', ' ', ' ', '\t', '\n', '\r', '\f', '\u000B', '\u00A0', '-', '/', '.', '\u0411'};
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder place = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                place.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String raw = place.toString();
            String viaRegex = Datelines.normalisePlace(raw.strip().replaceAll("\\s+", " "));
            assertEquals(viaRegex, Datelines.normalisePlace(raw), () -> raw.chars()
                    .mapToObj(c -> String.format("U+%04X", c)).toList().toString());
        }
    }
}
