package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LinearModelCodecTest {

    static final LinearModel MODEL = new LinearModel(TrainingSettings.Algorithm.SVM, true,
            List.of("Elections", "Policing", "Médias"), 2, List.of("meta:place=belgrade"),
            new double[][] {{1.5, -0.25, 0.0}, {0.0, 2.0, -1e-300}, {-3.0, 0.5, 7.0}},
            new double[] {-0.5, 0.25, 1.0},
            List.of(new Calibration(2.0, -0.1), new Calibration(1.0, 0.0), new Calibration(0.5, 0.3)),
            new double[] {0.45, 0.5, 0.0}, "trained by a test\nline two");

    @Test
    @DisplayName("a model reads back equal, and its bytes are the same each time")
    void roundTrip() throws IOException {
        byte[] bytes = LinearModelCodec.encode(MODEL);
        LinearModel read = LinearModelCodec.decode(bytes);
        assertEquals(MODEL, read);
        assertArrayEquals(bytes, LinearModelCodec.encode(read));
        assertEquals(-1e-300, read.weight(1, 2));
        assertEquals(List.of("meta:place=belgrade"), read.metaFeatures());
    }

    @Test
    @DisplayName("every truncation of a model is refused with an IOException")
    void truncationsAreRefused() {
        byte[] bytes = LinearModelCodec.encode(MODEL);
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThrows(IOException.class, () -> LinearModelCodec.decode(cut), "length " + length);
        }
    }

    @Test
    @DisplayName("a count read off the bytes is checked against what is left, before anything is allocated")
    void hugeCountsAreRefusedWithoutAllocating() {
        byte[] bytes = LinearModelCodec.encode(MODEL);
        // The label count sits after magic, version, solver and the exclusive flag.
        ByteBuffer.wrap(bytes).putInt(10, Integer.MAX_VALUE);
        IOException e = assertThrows(IOException.class, () -> LinearModelCodec.decode(withChecksum(bytes)));
        assertTrue(e.getMessage().contains("labels"), e.getMessage());

        byte[] columns = LinearModelCodec.encode(MODEL);
        int textCount = 14 + 3 * 4 + "ElectionsPolicing".length() + "Médias".getBytes(
                java.nio.charset.StandardCharsets.UTF_8).length;
        ByteBuffer.wrap(columns).putInt(textCount, Integer.MAX_VALUE - 10);
        e = assertThrows(IOException.class, () -> LinearModelCodec.decode(withChecksum(columns)));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    @DisplayName("a weight that is not a finite number is refused, checksum or not")
    void nonFiniteWeightsAreRefused() {
        byte[] bytes = LinearModelCodec.encode(MODEL);
        int firstWeight = bytes.length - 4 - (4 + "trained by a test\nline two".length()) - 3 * 8 - 3 * 16 - 3 * 8
                - 9 * 8;
        ByteBuffer.wrap(bytes).putDouble(firstWeight, Double.NaN);
        IOException e = assertThrows(IOException.class, () -> LinearModelCodec.decode(withChecksum(bytes)));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
    }

    @Test
    @DisplayName("a flipped bit is caught by the checksum")
    void bitFlipsAreCaught() {
        byte[] bytes = LinearModelCodec.encode(MODEL);
        bytes[bytes.length / 2] ^= 1;
        IOException e = assertThrows(IOException.class, () -> LinearModelCodec.decode(bytes));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    /** The bytes with their last four replaced by the CRC-32 of the rest, as a crafted file would have them. */
    static byte[] withChecksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
        return bytes;
    }
}
