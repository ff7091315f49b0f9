package org.osceclassify.classifier;

import java.util.Locale;

import org.osceclassify.features.SentenceEncoder;

/**
 * A sentence encoder for the classifier's tests, registered through the service loader in the test resources:
 * each word adds 1 to the dimension its hash picks, then the vector is normalised. Words, not meaning, but it has
 * the encoder's contract (fixed dimension, unit length, the same vector for the same text), which is what the
 * stacking, the bundle and its checks need.
 */
public final class HashingTestEncoder implements SentenceEncoder {

    static final String NAME = "hashing-test-encoder";
    static final int DIMENSION = 32;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String checksum() {
        return "sha256:" + "ab".repeat(32);
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] encode(String text) {
        float[] v = new float[DIMENSION];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                v[Math.floorMod(word.hashCode(), DIMENSION)] += 1;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; norm > 0 && i < DIMENSION; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
