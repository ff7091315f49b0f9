package org.osceclassify.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A scraped OSCE page")
class PageParserTest {

    private static OsceDocument parse(Path file) {
        return Corpora.parsePage(TestFiles.read(file), Origin.of(file.toString()));
    }

    /** Every "- item" and heading line of a page's navigation menu. */
    private static Set<String> menuLines(Path file) {
        List<String> lines = TestFiles.read(file).lines().map(String::strip).toList();
        int end = 0;
        while (lines.get(end).startsWith("-") || (end > 0 && lines.get(end - 1).equals("-"))) {
            end++;
        }
        return lines.subList(0, end).stream().filter(l -> !l.equals("-"))
                .map(l -> l.startsWith("- ") ? l.substring(2) : l).collect(Collectors.toSet());
    }

    @Test
    @DisplayName("the seed page parses to its title, date, place, labels and a body without the menu")
    void seedPage() {
        OsceDocument doc = parse(TestFiles.seedPage());
        assertAll(
                () -> assertEquals("000_a9c4aad380b505f8", doc.id()),
                () -> assertEquals("Press release", doc.contentType()),
                () -> assertEquals("Joint Statement by the Heads of Delegation of the OSCE Minsk Group Co-Chair Countries",
                        doc.title()),
                () -> assertEquals(Optional.of(LocalDate.of(2015, 12, 3)), doc.date()),
                () -> assertEquals("Belgrade", doc.place()),
                () -> assertEquals(List.of("Minsk Group"), doc.labels().sources()),
                () -> assertEquals(List.of("Conflict prevention and resolution"), doc.labels().fields()),
                () -> assertTrue(doc.body().startsWith("BELGRADE, 3 December 2015"), doc.body()),
                () -> assertEquals(5, doc.body().lines().count(), "the seed has five body paragraphs"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"multi-label-news.txt", "no-metadata-statement.txt", "daily-report.txt",
            "spot-report.txt", "windows-crlf-press-release.txt", "cyrillic-news.txt", "SEED"})
    @DisplayName("no line of the navigation menu ever ends up in the title or the body")
    void menuNeverInBody(String name) {
        Path file = name.equals("SEED") ? TestFiles.seedPage() : TestFiles.page(name);
        OsceDocument doc = parse(file);
        Set<String> menu = menuLines(file);
        assertFalse(menu.isEmpty(), "the test page has a menu");
        for (String line : doc.body().lines().toList()) {
            assertFalse(menu.contains(line), "menu line in body: " + line);
        }
        assertFalse(menu.contains(doc.title()), "menu line as title: " + doc.title());
        assertFalse(doc.body().lines().anyMatch(l -> l.equals("-")), "bare menu dash in body");
    }

    @Test
    @DisplayName("several sources, fields and a location are all kept, in page order")
    void severalLabels() {
        OsceDocument doc = parse(TestFiles.page("multi-label-news.txt"));
        assertAll(
                () -> assertEquals("multi-label-news", doc.id()),
                () -> assertEquals("News", doc.contentType()),
                () -> assertEquals("Local election officials in southern Serbia train on counting and media access",
                        doc.title()),
                () -> assertEquals(List.of("OSCE Mission to Serbia", "ODIHR"), doc.labels().sources()),
                () -> assertEquals(List.of("Elections", "Media pluralism", "Human rights"), doc.labels().fields()),
                () -> assertEquals(List.of("Serbia"), doc.locations()),
                () -> assertEquals(Optional.of(LocalDate.of(2019, 3, 14)), doc.date()),
                () -> assertEquals("Mitrovo Polje", doc.place()),
                () -> assertTrue(doc.body().startsWith("MITROVO POLJE, 14 March 2019 – Forty")),
                () -> assertTrue(doc.body().contains("- Counting was practised on sample ballots."),
                        "bullets inside the body stay in the body"),
                () -> assertTrue(doc.body().endsWith("before every local vote.")));
    }

    @Test
    @DisplayName("a page without a metadata block takes date and place from its dateline")
    void noMetadata() {
        OsceDocument doc = parse(TestFiles.page("no-metadata-statement.txt"));
        assertAll(
                () -> assertEquals("Statement", doc.contentType()),
                () -> assertEquals("Chairpersonship welcomes agreement on a regional policing training centre",
                        doc.title()),
                () -> assertEquals(Optional.of(LocalDate.of(2020, 3, 5)), doc.date()),
                () -> assertEquals("Vienna", doc.place()),
                () -> assertEquals(Labels.NONE, doc.labels()),
                () -> assertTrue(doc.body().startsWith("VIENNA, March 5, 2020 — The Chairpersonship")),
                () -> assertEquals(2, doc.body().lines().count()));
    }

    @Test
    @DisplayName("a daily report without a dateline takes its date from the metadata and has no place")
    void dailyReport() {
        OsceDocument doc = parse(TestFiles.page("daily-report.txt"));
        assertAll(
                () -> assertEquals("Daily report", doc.contentType()),
                () -> assertEquals(Optional.of(LocalDate.of(2016, 6, 12)), doc.date()),
                () -> assertEquals("", doc.place()),
                () -> assertEquals(List.of("OSCE Special Monitoring Mission to Ukraine (closed)"),
                        doc.labels().sources()),
                () -> assertTrue(doc.body().startsWith("This report is for the media")));
    }

    @Test
    @DisplayName("a spot report with an empty Date key takes the date from the dateline")
    void spotReport() {
        OsceDocument doc = parse(TestFiles.page("spot-report.txt"));
        assertAll(
                () -> assertEquals("Spot report", doc.contentType()),
                () -> assertEquals("Monitors observe damage to a water pumping station", doc.title()),
                () -> assertEquals(Optional.of(LocalDate.of(2017, 2, 2)), doc.date()),
                () -> assertEquals("Kyiv", doc.place()),
                () -> assertEquals(List.of("Conflict prevention and resolution", "Water management"),
                        doc.labels().fields()));
    }

    @Test
    @DisplayName("Windows line endings parse exactly as Unix ones")
    void windowsLineEndings() {
        Path file = TestFiles.page("windows-crlf-press-release.txt");
        String crlf = TestFiles.read(file);
        assertTrue(crlf.contains("\r\n"), "the test page keeps its CRLF line endings");
        OsceDocument windows = Corpora.parsePage(crlf, Origin.of("page.txt"));
        OsceDocument unix = Corpora.parsePage(crlf.replace("\r\n", "\n"), Origin.of("page.txt"));
        assertEquals(unix, windows);
        assertAll(
                () -> assertEquals("Press release", windows.contentType()),
                () -> assertEquals("The Hague", windows.place()),
                () -> assertEquals(Optional.of(LocalDate.of(2022, 9, 21)), windows.date()),
                () -> assertFalse(windows.body().contains("\r")),
                () -> assertFalse(windows.title().contains("\r")));
    }

    @Test
    @DisplayName("Cyrillic letters and diacritics survive, and a Cyrillic dateline place is title-cased")
    void cyrillic() {
        OsceDocument doc = parse(TestFiles.page("cyrillic-news.txt"));
        assertAll(
                () -> assertEquals("Радионица за новинаре о безбедности на терену — Ženeva i Podgorica", doc.title()),
                () -> assertEquals("Подгорица", doc.place()),
                () -> assertEquals(Optional.of(LocalDate.of(2021, 5, 7)), doc.date()),
                () -> assertEquals(List.of("Safety of journalists"), doc.labels().fields()),
                () -> assertTrue(doc.body().contains("Učesnici su razgovarali o zaštiti izvora")));
    }

    @Test
    @DisplayName("a text without menu, content type or metadata is plain text: all body, no title, as on stdin")
    void plainText() {
        String text = "A first paragraph.\nA second one.\n";
        OsceDocument doc = Corpora.parsePage(text, Origin.of("notes/typed.txt"));
        assertEquals("typed", doc.id());
        assertEquals("", doc.contentType());
        assertEquals("", doc.title());
        assertEquals(text, doc.body());
        assertEquals(OsceDocument.ofText("typed", text, Origin.of("notes/typed.txt")), doc);
    }

    @Test
    @DisplayName("a title followed by a metadata block is a page: the first line is its title")
    void titleAndMetadataIsAPage() {
        OsceDocument doc = Corpora.parsePage("A short title\n- Date:\n- 3 May 2024\n- Source:\n"
                + "- OSCE Mission to Serbia\nThe body paragraph.\n", Origin.of("typed.txt"));
        assertEquals("A short title", doc.title());
        assertEquals("The body paragraph.", doc.body());
        assertEquals(Optional.of(LocalDate.of(2024, 5, 3)), doc.date());
        assertEquals(List.of("OSCE Mission to Serbia"), doc.labels().sources());
    }

    @Test
    @DisplayName("a content type line or a menu makes a page, even without metadata")
    void contentTypeOrMenuIsAPage() {
        OsceDocument typed = Corpora.parsePage("Press release\nA short title\nThe body.\n", Origin.of("a.txt"));
        assertEquals("Press release", typed.contentType());
        assertEquals("A short title", typed.title());
        OsceDocument menu = Corpora.parsePage("-\n- Home\n- About\nA short title\nThe body.\n", Origin.of("b.txt"));
        assertEquals("A short title", menu.title());
        assertEquals("The body.", menu.body());
    }

    @Test
    @DisplayName("a page with only a menu is an empty document, reported with its file")
    void onlyMenu() {
        CorpusException e = assertThrows(CorpusException.class,
                () -> Corpora.parsePage("-\nOur work\n- Elections\n- Youth\n", Origin.of("menu.txt")));
        assertTrue(e.getMessage().startsWith("menu.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("empty page"), e.getMessage());
    }

    @Test
    @DisplayName("parsing with options normalises the labels through the taxonomy")
    void normalisedParse() {
        Path file = TestFiles.page("multi-label-news.txt");
        OsceDocument doc = Corpora.parsePage(TestFiles.read(file), Origin.of(file.toString()), ReadOptions.defaults());
        assertEquals(List.of("OSCE Mission to Serbia", "OSCE Office for Democratic Institutions and Human Rights"),
                doc.labels().sources());
        assertEquals(List.of("Elections", "Media freedom and development", "Human rights"), doc.labels().fields());
    }
}
