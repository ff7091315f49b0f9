package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class BundleFileTest {

    private static Map<String, byte[]> entries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("pipeline", new byte[] {1, 2, 3, 4, 5});
        entries.put("taxonomy/fields.csv", "field,topics,aliases\nElections,,\n".getBytes(StandardCharsets.UTF_8));
        entries.put("empty", new byte[0]);
        return entries;
    }

    @Test
    void entriesRoundTripInOrder(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("model.osce");
        BundleFile.write(file, entries());

        Map<String, byte[]> read = BundleFile.read(file);

        assertEquals(List.of("pipeline", "taxonomy/fields.csv", "empty"), List.copyOf(read.keySet()));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, read.get("pipeline"));
        assertArrayEquals(entries().get("taxonomy/fields.csv"), read.get("taxonomy/fields.csv"));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void theEntriesRoundTripInTheCurrentFormat() throws BundleException {
        Map<String, byte[]> read = BundleFile.fromBytes(BundleFile.toBytes(entries(), BundleFile.FORMAT_VERSION),
                "m.osce");

        assertEquals(List.of("pipeline", "taxonomy/fields.csv", "empty"), List.copyOf(read.keySet()));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, read.get("pipeline"));
    }

    @Test
    void everyTruncationIsRefusedWithAMessageNamingTheFile() {
        byte[] bytes = BundleFile.toBytes(entries(), BundleFile.FORMAT_VERSION);
        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            BundleException e = assertThrows(BundleException.class,
                    () -> BundleFile.fromBytes(truncated, "m.osce"), "truncated at " + length);
            assertTrue(e.getMessage().startsWith("m.osce: "), e.getMessage());
        }
    }

    @Test
    void everySingleBitFlipIsRefused() {
        byte[] bytes = BundleFile.toBytes(entries(), BundleFile.FORMAT_VERSION);
        for (int i = 0; i < bytes.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = bytes.clone();
                flipped[i] ^= (byte) (1 << bit);
                assertThrows(BundleException.class, () -> BundleFile.fromBytes(flipped, "m.osce"),
                        "bit " + bit + " of byte " + i);
            }
        }
    }

    @Test
    void aFileThatIsNotABundleIsNamedAsSuch() {
        BundleException e = assertThrows(BundleException.class,
                () -> BundleFile.fromBytes("id,title\n1,x\n".getBytes(StandardCharsets.UTF_8), "corpus.csv"));
        assertEquals("corpus.csv: not an osce-classify model bundle", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, BundleFile.FORMAT_VERSION + 1})
    void anotherFormatVersionIsRefusedWithAdviceToRetrainBeforeTheChecksumIsRead(int version) {
        byte[] other = BundleFile.toBytes(entries(), version);
        other[other.length - 1] ^= 1; // a bundle of Tribuo's older formats: the checksum is not even looked at
        BundleException e = assertThrows(BundleException.class, () -> BundleFile.fromBytes(other, "old.osce"));
        assertTrue(e.getMessage().startsWith("old.osce: the model bundle has "), e.getMessage());
        assertTrue(e.getMessage().contains("format " + version) || e.getMessage().contains("version " + version),
                e.getMessage());
        assertTrue(e.getMessage().contains("train the model again"), e.getMessage());
    }

    @Test
    void theSameEntriesGiveTheSameBytes() {
        assertArrayEquals(BundleFile.toBytes(entries(), BundleFile.FORMAT_VERSION),
                BundleFile.toBytes(entries(), BundleFile.FORMAT_VERSION));
    }
}
