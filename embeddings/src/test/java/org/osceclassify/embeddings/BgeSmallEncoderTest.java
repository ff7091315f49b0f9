package org.osceclassify.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osceclassify.features.SentenceEncoder;

class BgeSmallEncoderTest {

    private final SentenceEncoder encoder = SentenceEncoder.named(BgeSmallEncoder.NAME).orElseThrow();

    @Test
    void isFoundThroughTheServiceLoader() {
        assertTrue(encoder instanceof BgeSmallEncoder);
        assertEquals(384, encoder.dimension());
        assertTrue(encoder.checksum().matches("sha256:[0-9a-f]{64}"), encoder.checksum());
    }

    @Test
    void encodesATextAsAUnitVectorTheSameEachTime() {
        float[] v = encoder.encode("The OSCE Mission trained police officers in forensic crime investigation.");
        assertEquals(384, v.length);
        assertEquals(1.0, norm(v), 1e-3);
        assertArrayEquals(v, encoder.encode("The OSCE Mission trained police officers in forensic crime investigation."));
    }

    @Test
    void placesTextsOfOneSubjectCloserThanTextsOfAnother() {
        float[] police = encoder.encode("Police officers completed a course on investigating cybercrime.");
        float[] policing = encoder.encode("The training helped law enforcement investigate crimes committed online.");
        float[] elections = encoder.encode("Election observers praised the orderly counting of ballots.");
        assertTrue(dot(police, policing) > dot(police, elections) + 0.05,
                dot(police, policing) + " against " + dot(police, elections));
    }

    @Test
    void givesABlankTextTheZeroVector() {
        assertArrayEquals(new float[384], encoder.encode("  \n"));
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }
}
