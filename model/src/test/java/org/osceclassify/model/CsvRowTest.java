package org.osceclassify.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Corpora#csvRow}: a row held elsewhere (a Spark dataset) read as the CSV corpus reader reads it. */
class CsvRowTest {

    @TempDir
    Path dir;

    @Test
    void aRowGivenByItsCellsIsTheDocumentTheReaderReads() {
        Path file = TestFiles.write(dir.resolve("corpus.csv"), "id,date,content_type,title,text,dateline\n"
                + " osce-1 ,2015-12-03,Press release,A title,Police training in Belgrade., MITROVO  POLJE \n");
        OsceDocument read = TestFiles.readAll(file, ReadOptions.defaults()).get(0);
        Map<String, String> cells = Map.of("id", " osce-1 ", "date", "2015-12-03", "content_type", "Press release",
                "title", "A title", "text", "Police training in Belgrade.", "dateline", " MITROVO  POLJE ");

        OsceDocument row = Corpora.csvRow(cells::get, read.origin());

        assertEquals(read, row);
        assertEquals("Mitrovo Polje", row.place());
        assertEquals(Optional.of(LocalDate.of(2015, 12, 3)), row.date());
    }

    @Test
    void missingColumnsAreEmptyAndABadDateIsLeftOut() {
        OsceDocument row = Corpora.csvRow(Map.of("id", "a", "text", "Words", "date", "3 May")::get, Origin.of("x"));
        assertEquals(new OsceDocument("a", "", "Words", Optional.empty(), "", "", List.of(), Labels.NONE,
                Origin.of("x")), row);
    }

    @Test
    void anEmptyIdIsRefused() {
        CorpusException e = assertThrows(CorpusException.class,
                () -> Corpora.csvRow(Map.of("id", " ", "text", "Words")::get, Origin.of("rows")));
        assertEquals("rows: empty id", e.getMessage());
    }
}
