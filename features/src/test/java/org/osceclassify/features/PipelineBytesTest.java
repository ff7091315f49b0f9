package org.osceclassify.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.osceclassify.features.Docs.doc;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.osceclassify.model.OsceDocument;
import org.tribuo.Feature;

/** A fitted pipeline is a value: it round-trips through bytes, and bad bytes are refused. */
class PipelineBytesTest {

    private static final List<OsceDocument> TRAINING = List.of(
            doc("Elections in Serbia", "BELGRADE, 3 December 2015 - ODIHR observers watched the elections.",
                    "", "Press release", LocalDate.of(2015, 12, 3)),
            doc("Police training", "Police officers in Bosnia and Herzegovina trained with the Mission.",
                    "Sarajevo", "News", LocalDate.of(2019, 2, 1)),
            doc("Media freedom", "The Representative on Freedom of the Media spoke about journalists.",
                    "Vienna", "", null));

    static List<FeatureConfig> configs() {
        return List.of(FeatureConfig.defaults(),
                FeatureConfig.builder().minDf(1).ngrams(2).titleNamespace(false)
                        .normalization(FeatureConfig.Normalization.PER_DOCUMENT).periodYears(1).metadataWeight(2)
                        .build(),
                FeatureConfig.builder().minDf(1).hashBuckets(1000).stemming(false).stopWords(false).build(),
                FeatureConfig.builder().minDf(1).maxVocabulary(5).idf(false).sublinearTf(false).build(),
                FeatureConfig.builder().minDf(1).placeKnowledge(true).build());
    }

    /**
     * The config's bytes in format version 3: version 2 ends a byte earlier, before the place knowledge, and
     * version 1 another 8 bytes earlier, before the metadata weight.
     */
    private static final int CONFIG_BYTES = 39;

    private static FeaturePipeline fit(FeatureConfig config) {
        return FeaturePipeline.fit(config, Docs.taxonomy(), TRAINING);
    }

    @ParameterizedTest
    @MethodSource("configs")
    void roundTripsWithIdenticalVectors(FeatureConfig config) throws IOException {
        FeaturePipeline p = fit(config);
        FeaturePipeline back = FeaturePipeline.fromBytes(p.toBytes());
        assertEquals(p, back);
        assertEquals(p.hashCode(), back.hashCode());
        assertEquals(config, back.config());
        assertEquals(p.vocabularySize(), back.vocabularySize());
        assertEquals(p.provenance(), back.provenance());
        assertArrayEquals(p.toBytes(), back.toBytes());
        OsceDocument d = doc("Serbia votes", "BELGRADE, 1 June 2020 - ODIHR and police in Bosnia and Herzegovina",
                "", "News", LocalDate.of(2020, 6, 1));
        for (OsceDocument x : List.of(d, TRAINING.get(0), TRAINING.get(1), TRAINING.get(2))) {
            assertEquals(p.features(x), back.features(x));
        }
    }

    @Test
    void differentTrainingMakesDifferentPipelines() {
        FeaturePipeline a = fit(FeatureConfig.defaults());
        FeaturePipeline b = FeaturePipeline.fit(FeatureConfig.defaults(), Docs.taxonomy(), TRAINING.subList(0, 2));
        assertNotEquals(a, b);
    }

    @Test
    void everyTruncationIsRefusedWithIOException() {
        byte[] bytes = fit(FeatureConfig.defaults()).toBytes();
        for (int len = 0; len < bytes.length; len++) {
            byte[] cut = Arrays.copyOf(bytes, len);
            assertThrows(IOException.class, () -> FeaturePipeline.fromBytes(cut), "length " + len);
        }
    }

    @Test
    void everyFlippedByteIsRefusedWithIOException() {
        byte[] bytes = fit(FeatureConfig.defaults()).toBytes();
        for (int i = 0; i < bytes.length; i++) {
            byte[] bad = bytes.clone();
            bad[i] ^= 0x5A;
            assertThrows(IOException.class, () -> FeaturePipeline.fromBytes(bad), "byte " + i);
        }
    }

    @Test
    void randomGarbageAndJavaSerialisationAreRefused() throws IOException {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] garbage = new byte[random.nextInt(300)];
            random.nextBytes(garbage);
            assertThrows(IOException.class, () -> FeaturePipeline.fromBytes(garbage));
        }
        ByteArrayOutputStream serialised = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(serialised)) {
            out.writeObject(new java.util.ArrayList<>(List.of("x")));
        }
        IOException e = assertThrows(IOException.class, () -> FeaturePipeline.fromBytes(serialised.toByteArray()));
        assertTrue(e.getMessage().contains("not a feature pipeline"), e.getMessage());
        assertThrows(IOException.class, () -> FeaturePipeline.fromBytes(null));
    }

    @Test
    void aHugeCountWithAValidChecksumIsRefusedWithoutAllocatingIt() throws IOException {
        byte[] bytes = fit(FeatureConfig.defaults()).toBytes();
        // The stop-word count follows the header (8), the config (39) and the document count (4).
        int at = 8 + CONFIG_BYTES + 4;
        assertEquals(StopWordRemoval.english().size(), ByteBuffer.wrap(bytes).getInt(at));
        ByteBuffer.wrap(bytes).putInt(at, Integer.MAX_VALUE);
        IOException e = assertThrows(IOException.class, () -> FeaturePipeline.fromBytes(withFreshChecksum(bytes)));
        assertTrue(e.getMessage().contains("count " + Integer.MAX_VALUE), e.getMessage());
    }

    @Test
    void aVersionOnePipelineStillLoadsAndWeighsItsMetadataOne() throws IOException {
        FeaturePipeline p = fit(FeatureConfig.defaults());
        byte[] v1 = PipelineCodec.encode(p, 1);
        assertEquals(p.toBytes().length - 9 - 4 - kindBytes(p), v1.length);
        FeaturePipeline old = FeaturePipeline.fromBytes(v1);
        assertEquals(1.0, old.config().metadataWeight());
        assertEquals(p.config().toBuilder().metadataWeight(1).build(), old.config());
        OsceDocument d = TRAINING.get(0);
        List<Feature> now = p.features(d);
        List<Feature> then = old.features(d);
        assertEquals(now.size(), then.size());
        for (int i = 0; i < now.size(); i++) {
            Feature f = now.get(i);
            boolean meta = f.getName().startsWith("meta:");
            assertEquals(f.getName(), then.get(i).getName());
            assertEquals(meta ? 1.0 : f.getValue(), then.get(i).getValue(), 1e-12, f.getName());
        }
        assertTrue(now.stream().anyMatch(f -> f.getName().startsWith("meta:") && f.getValue() == 0.5));
    }

    @Test
    void aVersionTwoPipelineStillLoadsWithoutPlaceKnowledge() throws IOException {
        FeaturePipeline p = fit(FeatureConfig.defaults());
        byte[] v2 = PipelineCodec.encode(p, 2);
        assertEquals(p.toBytes().length - 1 - 4 - kindBytes(p), v2.length);
        FeaturePipeline old = FeaturePipeline.fromBytes(v2);
        assertEquals(p.config(), old.config());
        assertArrayEquals(v2, PipelineCodec.encode(old, 2));
        for (OsceDocument d : TRAINING) {
            assertEquals(p.features(d), old.features(d));
        }
    }

    /** The bytes of a pipeline's table of the kinds of bodies by home city, without its count. */
    private static int kindBytes(FeaturePipeline p) {
        int bytes = 0;
        for (var e : p.metadata().kinds().entrySet()) {
            for (String kind : e.getValue()) {
                bytes += 2 + e.getKey().length() + 2 + kind.length();
            }
        }
        return bytes;
    }

    @Test
    void anotherFormatVersionIsRefusedByName() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            out.writeInt(PipelineCodec.MAGIC);
            out.writeInt(99);
            out.writeInt(0);
        }
        IOException e = assertThrows(IOException.class, () -> FeaturePipeline.fromBytes(b.toByteArray()));
        assertTrue(e.getMessage().contains("version 99"), e.getMessage());
    }

    private static byte[] withFreshChecksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
        return bytes;
    }
}
