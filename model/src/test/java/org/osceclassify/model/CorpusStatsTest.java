package org.osceclassify.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Counts of the bundled corpus, every label normalised")
class CorpusStatsTest {

    private static CorpusStats stats;
    private static LoadReport report;

    @BeforeAll
    static void load() {
        try (CorpusReader reader = Corpora.open(TestFiles.seedCorpus())) {
            stats = CorpusStats.of(reader);
            report = reader.report();
        }
    }

    @Test
    @DisplayName("all 1039 items load, none skipped, and every field and source label is known")
    void loadsCleanly() {
        assertAll(
                () -> assertEquals(1039, stats.items()),
                () -> assertEquals(1039, report.itemsRead()),
                () -> assertEquals(0, report.itemsSkipped()),
                () -> assertEquals(0, report.invalidDates()),
                () -> assertEquals(Map.of(), report.unknownFields()),
                () -> assertEquals(Map.of(), report.unknownSources()),
                () -> assertEquals(Map.of(), report.unknownLocations()));
    }

    @Test
    @DisplayName("sub-topics are folded into their field: exactly the 23 fields of work remain")
    void fieldsFolded() {
        assertEquals(23, stats.fieldCounts().size());
        assertFalse(stats.fieldCounts().containsKey("Safety of journalists"));
        assertAll(
                () -> assertEquals(157, stats.fieldCounts().get("Media freedom and development"),
                        "92 tagged with the field itself, the rest only with its sub-topics"),
                () -> assertEquals(141, stats.fieldCounts().get("Conflict prevention and resolution")),
                () -> assertEquals(32, stats.fieldCounts().get("Combating trafficking in human beings"),
                        "31 plus one 'Combating human trafficking'"),
                () -> assertEquals(26, stats.fieldCounts().get("Environmental activities")),
                () -> assertEquals(1, stats.fieldCounts().get("Cyber/ICT Security")),
                () -> assertEquals(1039 - 388, stats.itemsWithFields()));
    }

    @Test
    @DisplayName("old and current names of a body are counted together")
    void sourcesMerged() {
        assertAll(
                () -> assertEquals(100, stats.sourceCounts().get("OSCE Chairpersonship"),
                        "91 'OSCE Chairmanship' and 9 'OSCE Chairpersonship'"),
                () -> assertFalse(stats.sourceCounts().containsKey("OSCE Chairmanship")),
                () -> assertEquals(71, stats.sourceCounts().get("OSCE Special Monitoring Mission to Ukraine")),
                () -> assertEquals(11, stats.sourceCounts().get("OSCE Mission to Croatia")),
                () -> assertEquals(143, stats.sourceCounts().get("OSCE Representative on Freedom of the Media")),
                () -> assertEquals(40, stats.sourceCounts().size()),
                () -> assertEquals(1039 - 250, stats.itemsWithSources()));
    }

    @Test
    @DisplayName("prints most frequent first, as a table a user can read")
    void format() {
        List<String> lines = stats.format().lines().toList();
        assertEquals("1039 items", lines.get(0));
        assertTrue(lines.contains("fields: 23 distinct; items with none: 388"), lines.toString());
        assertTrue(lines.contains("   157  Media freedom and development"), lines.toString());
        int media = lines.indexOf("   157  Media freedom and development");
        int conflict = lines.indexOf("   141  Conflict prevention and resolution");
        assertTrue(media < conflict);
        assertTrue(lines.contains("   100  OSCE Chairpersonship"));
    }

    @Test
    @DisplayName("counts a document once per label even if a label repeats")
    void countsDocuments() {
        OsceDocument doc = new OsceDocument("a", "t", "b", null, null, null, null,
                new Labels(List.of("Troika", "Troika"), List.of("Youth")), Origin.of("x"));
        CorpusStats one = CorpusStats.of(List.of(doc, doc.withoutLabels()));
        assertEquals(2, one.items());
        assertEquals(Map.of("Troika", 1L), one.sourceCounts());
        assertEquals(1, one.itemsWithFields());
    }
}
