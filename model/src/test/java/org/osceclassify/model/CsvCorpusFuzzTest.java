package org.osceclassify.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz test of the streaming CSV corpus reader: whatever the bytes of a {@code .csv} file, reading it to the end
 * gives documents, skips rows with a warning (policy SKIP) or fails with a {@link CorpusException} naming the
 * file and line, never any other exception.
 *
 * <p>The first byte of an input picks how it is read, so that the fuzzer spends most of its time past the
 * header: an even byte puts the full corpus header in front of the rest, and bit 1 names the file {@code .txt}
 * instead of {@code .csv}, so that the reader must recognise the CSV by its header line. Seed inputs that carry
 * their own header start with {@code 1}; seeds of rows only start with {@code 0}. A plain build runs it over the seed
 * inputs in {@code CsvCorpusFuzzTestInputs/readCsv}; {@code JAZZER_FUZZ=1} makes it fuzz, see "Reliability:
 * fuzzing" in the README.
 */
class CsvCorpusFuzzTest {

    private static final byte[] HEADER = (String.join(",", CsvCorpus.COLUMNS) + "\n").getBytes(StandardCharsets.UTF_8);
    private static final ReadOptions FAIL = ReadOptions.builder().errorPolicy(ReadOptions.ErrorPolicy.FAIL).build();
    private static final ReadOptions SKIP = ReadOptions.builder().errorPolicy(ReadOptions.ErrorPolicy.SKIP).build();

    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "30s")
    void readCsv(byte[] input) throws IOException {
        if (input.length == 0) {
            check(Files.write(dir.resolve("corpus.csv"), input));
            return;
        }
        boolean withHeader = (input[0] & 1) == 0;
        String name = (input[0] & 2) == 0 ? "corpus.csv" : "corpus.txt";
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        check(Files.write(dir.resolve(name), withHeader ? concat(HEADER, rest) : rest));
    }

    private static void check(Path file) {
        Outcome failed = read(file, FAIL);
        Outcome skipped = read(file, SKIP);
        if (failed.error == null) {
            assertEquals(failed.documents, skipped.documents, "with no bad row, both policies read the same");
            assertEquals(0, skipped.report.itemsSkipped());
        }
        assertTrue(skipped.documents.size() >= failed.documents.size(),
                "skipping bad rows never loses the good rows read before them");
        assertEquals(failed.documents, skipped.documents.subList(0, failed.documents.size()),
                "the policy FAIL reads the same documents as SKIP up to the first bad row");
        if (skipped.error == null) {
            assertEquals(skipped.documents.size(), skipped.report.itemsRead());
        }
    }

    private record Outcome(List<OsceDocument> documents, LoadReport report, CorpusException error) {
    }

    private static Outcome read(Path file, ReadOptions options) {
        List<OsceDocument> docs = new ArrayList<>();
        CorpusReader reader;
        try {
            reader = Corpora.open(file, options);
        } catch (CorpusException e) {
            PageParserFuzzTest.assertLocated(e, file.toString());
            return new Outcome(docs, null, e);
        }
        try (reader) {
            for (OsceDocument doc : reader) {
                assertFalse(doc.id().isEmpty(), "a document always has an id");
                assertFalse(doc.title().isBlank() && doc.body().isBlank(), "an empty document is never returned");
                docs.add(doc);
            }
            return new Outcome(docs, reader.report(), null);
        } catch (CorpusException e) {
            PageParserFuzzTest.assertLocated(e, file.toString());
            return new Outcome(docs, reader.report(), e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
