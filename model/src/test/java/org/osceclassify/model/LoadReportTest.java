package org.osceclassify.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The load report and the read options")
class LoadReportTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("counts every skipped item but keeps only the first few reasons")
    void firstReasonsOnly() {
        StringBuilder csv = new StringBuilder("id,title,text\n");
        for (int i = 0; i < 15; i++) {
            csv.append("bad-").append(i).append(",too,many,fields\n");
        }
        csv.append("good,t,x\n");
        Path file = TestFiles.write(dir.resolve("c.csv"), csv.toString());
        try (CorpusReader reader = Corpora.open(file)) {
            assertEquals(1, reader.stream().count());
            LoadReport report = reader.report();
            assertEquals(15, report.itemsSkipped());
            assertEquals(LoadReport.MAX_REASONS, report.skipReasons().size());
            assertEquals(file + ":2: expected 3 fields as in the header, found 4", report.skipReasons().get(0));
            assertEquals("1 items read, 15 skipped, 0 invalid dates, 0 unknown fields, 0 unknown sources, "
                    + "0 unknown locations", report.toString());
        }
    }

    @Test
    @DisplayName("is a snapshot: reading on does not change a report already taken")
    void snapshot() {
        Path file = TestFiles.write(dir.resolve("c.csv"), "id,title,text\na,t,x\nb,t,y\n");
        try (CorpusReader reader = Corpora.open(file)) {
            var it = reader.iterator();
            it.next();
            LoadReport early = reader.report();
            it.next();
            assertFalse(it.hasNext());
            assertEquals(1, early.itemsRead());
            assertEquals(2, reader.report().itemsRead());
        }
    }

    @Test
    @DisplayName("options default to the bundled taxonomy, field level and skipping bad items")
    void defaults() {
        ReadOptions options = ReadOptions.defaults();
        assertEquals(Taxonomy.bundled(), options.taxonomy());
        assertEquals(ReadOptions.ErrorPolicy.SKIP, options.errorPolicy());
        assertEquals(ReadOptions.FieldsLevel.FIELDS, options.fieldsLevel());
        ReadOptions strict = options.toBuilder().errorPolicy(ReadOptions.ErrorPolicy.FAIL).build();
        assertEquals(ReadOptions.ErrorPolicy.FAIL, strict.errorPolicy());
        assertEquals(ReadOptions.FieldsLevel.FIELDS, strict.fieldsLevel());
        assertThrows(NullPointerException.class, () -> ReadOptions.builder().taxonomy(null));
    }
}
