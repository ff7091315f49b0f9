package org.osceclassify.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz test of the scraped-page parser: whatever the bytes of a page, parsing it gives a document or a
 * {@link CorpusException} naming the file, never any other exception.
 *
 * <p>A plain build runs it over the seed inputs in {@code PageParserFuzzTestInputs/parsePage} (and any crash
 * files kept there); {@code JAZZER_FUZZ=1} makes it fuzz, see "Reliability: fuzzing" in the README.
 */
class PageParserFuzzTest {

    @TempDir
    static Path dir;

    /** The bytes as page text (through {@link Corpora#parsePage}) and as a page file (through {@link Corpora#open}). */
    @FuzzTest(maxDuration = "30s")
    void parsePage(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Origin origin = Origin.of("fuzz/page.txt");
        try {
            OsceDocument doc = Corpora.parsePage(text, origin);
            assertEquals("page", doc.id(), "a page's id is its file name without the extension");
            assertFalse(doc.title().isBlank() && doc.body().isBlank(), "a page with neither title nor body is an error");
            assertEquals(origin, doc.origin());
        } catch (CorpusException e) {
            assertLocated(e, "fuzz/page.txt");
        }

        Path file = Files.write(dir.resolve("page.txt"), bytes);
        List<OsceDocument> docs = new ArrayList<>();
        try (CorpusReader reader = Corpora.open(file, ReadOptions.defaults())) {
            reader.forEach(docs::add);
        } catch (CorpusException e) {
            assertLocated(e, file.toString());
            return;
        }
        for (OsceDocument doc : docs) {
            assertNotNull(doc.id());
            assertFalse(doc.title().isBlank() && doc.body().isBlank(), "an empty document is never returned");
        }
    }

    /** The error names the file, and is one line that a command line can print without a stack trace. */
    static void assertLocated(CorpusException e, String file) {
        assertTrue(e.getMessage().startsWith(file + ":"),
                () -> "message does not start with the file name: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"),
                () -> "message is not one line: " + e.getMessage());
        assertEquals(file, e.origin().source());
    }
}
