package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz test of the bundle reader: whatever the bytes, reading them as a bundle gives a classifier or a
 * {@link BundleException} whose message is one line naming the file, never another exception and never an
 * out-of-memory error from a length read off the bytes.
 *
 * <p>The bytes are read twice: as they are, and with a valid checksum appended, so that the fuzzer reaches the
 * entries, the linear models and the pipelines behind the checksum. A plain build runs it over the seed inputs in
 * {@code BundleReaderFuzzTestInputs/readBundle} (a small real bundle among them); {@code JAZZER_FUZZ=1} makes it
 * fuzz, see "Reliability: fuzzing" in the README.
 */
class BundleReaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void readBundle(byte[] bytes) {
        read(bytes);
        read(withChecksum(bytes));
    }

    private static void read(byte[] bytes) {
        try {
            ModelBundle.read(BundleFile.fromBytes(bytes, "fuzz.osce"), "fuzz.osce");
        } catch (BundleException e) {
            assertTrue(e.getMessage().startsWith("fuzz.osce: "), e.getMessage());
            assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
        }
    }

    /** The bytes with the CRC-32C of them appended, as the bundle format checks it. */
    private static byte[] withChecksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return ByteBuffer.allocate(bytes.length + 4).put(bytes).putInt((int) crc.getValue()).array();
    }
}
