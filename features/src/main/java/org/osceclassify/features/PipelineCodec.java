package org.osceclassify.features;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;

import org.osceclassify.features.FeatureConfig.MetadataFamily;
import org.osceclassify.features.FeatureConfig.Normalization;

/**
 * The byte format of a fitted {@link FeaturePipeline}, written with {@link DataOutputStream}. Never Java
 * serialisation: reading runs no code chosen by the bytes.
 *
 * <pre>
 * int    magic 0x4F534346 ("OSCF")      int    version (3; 1 and 2 are read too)
 * config: bool stemming, int ngrams, bool stopWords, bool titleNamespace, int minDf, int maxVocabulary,
 *         int hashBuckets, bool sublinearTf, bool idf, byte normalization, int periodYears, int metadata bits,
 *         double metadataWeight (from version 2; version 1 pipelines weigh metadata 1),
 *         bool placeKnowledge (from version 3; off before)
 * int    training documents
 * int n, n x utf   stop words (sorted)
 * space  body (or text) features; then, with a title namespace, the title features:
 *        utf prefix, int n, n x (utf term | int bucket, double idf)
 * table  states, then bodies: int n, n x (utf entry, int k, k x utf token)
 * int n, n x (utf city, utf body)   home cities
 * int n, n x (utf city, utf kind)   the kinds of the bodies at home in each city (from version 3)
 * int    CRC-32 of every byte before it
 * </pre>
 *
 * Every count is checked against the bytes left before anything is allocated, so truncated or hostile input
 * fails with an {@link IOException}, never an out-of-memory error.
 */
final class PipelineCodec {

    static final String FORMAT_NAME = "osce-classify-features";
    static final int MAGIC = 0x4F534346;
    static final int VERSION = 3;

    private PipelineCodec() {
    }

    static byte[] encode(FeaturePipeline p) {
        return encode(p, VERSION);
    }

    /** The pipeline in a format version: the current one, or an older one to check that its bytes are canonical. */
    static byte[] encode(FeaturePipeline p, int version) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(version);
            FeatureConfig c = p.config();
            out.writeBoolean(c.stemming());
            out.writeInt(c.ngrams());
            out.writeBoolean(c.stopWords());
            out.writeBoolean(c.titleNamespace());
            out.writeInt(c.minDf());
            out.writeInt(c.maxVocabulary());
            out.writeInt(c.hashBuckets());
            out.writeBoolean(c.sublinearTf());
            out.writeBoolean(c.idf());
            out.writeByte(c.normalization().ordinal());
            out.writeInt(c.periodYears());
            int bits = 0;
            for (MetadataFamily f : c.metadata()) {
                bits |= 1 << f.ordinal();
            }
            out.writeInt(bits);
            if (version >= 2) {
                out.writeDouble(c.metadataWeight());
            }
            if (version >= 3) {
                out.writeBoolean(c.placeKnowledge());
            }
            out.writeInt(p.trainingDocuments());
            TermWeighting text = p.text();
            out.writeInt(text.stopWords().size());
            for (String w : text.stopWords()) {
                out.writeUTF(w);
            }
            writeSpace(out, text.body());
            if (text.title() != null) {
                writeSpace(out, text.title());
            }
            MetadataFeatures metadata = p.metadata();
            writeTable(out, metadata.states());
            writeTable(out, metadata.bodies());
            writePairs(out, metadata.homes());
            if (version >= 3) {
                writePairs(out, metadata.kinds());
            }
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeSpace(DataOutputStream out, TextSpace s) throws IOException {
        out.writeUTF(s.prefix);
        out.writeInt(s.size());
        for (int i = 0; i < s.size(); i++) {
            if (s.hashing()) {
                out.writeInt(s.buckets[i]);
            } else {
                out.writeUTF(s.terms[i]);
            }
            out.writeDouble(s.idf[i]);
        }
    }

    /** A map of lists as its count of (key, value) pairs, then the pairs in order. */
    private static void writePairs(DataOutputStream out, SortedMap<String, List<String>> map) throws IOException {
        int pairs = 0;
        for (List<String> values : map.values()) {
            pairs += values.size();
        }
        out.writeInt(pairs);
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            for (String value : e.getValue()) {
                out.writeUTF(e.getKey());
                out.writeUTF(value);
            }
        }
    }

    private static SortedMap<String, List<String>> readPairs(DataInputStream in, ByteArrayInputStream stream)
            throws IOException {
        int count = count(in, stream, 4);
        SortedMap<String, List<String>> map = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String key = in.readUTF();
            map.computeIfAbsent(key, k -> new ArrayList<>()).add(in.readUTF());
        }
        return map;
    }

    private static void writeTable(DataOutputStream out, NameTable t) throws IOException {
        out.writeInt(t.phrases().size());
        for (NameTable.Phrase p : t.phrases()) {
            out.writeUTF(p.entry());
            out.writeInt(p.tokens().size());
            for (String token : p.tokens()) {
                out.writeUTF(token);
            }
        }
    }

    static FeaturePipeline decode(byte[] bytes) throws IOException {
        if (bytes == null || bytes.length < 12) {
            throw new IOException("not a feature pipeline: " + (bytes == null ? "no bytes" : bytes.length + " bytes"));
        }
        ByteArrayInputStream stream = new ByteArrayInputStream(bytes, 0, bytes.length - 4);
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != MAGIC) {
            throw new IOException("not a feature pipeline: wrong magic number");
        }
        int version = in.readInt();
        if (version < 1 || version > VERSION) {
            throw new IOException("feature pipeline format version " + version + " is not supported (expected 1 to "
                    + VERSION + ")");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ((bytes[bytes.length - 4] & 0xFF) << 24) | ((bytes[bytes.length - 3] & 0xFF) << 16)
                | ((bytes[bytes.length - 2] & 0xFF) << 8) | (bytes[bytes.length - 1] & 0xFF);
        if ((int) crc.getValue() != stored) {
            throw new IOException("feature pipeline is corrupted or truncated: checksum mismatch");
        }
        try {
            FeatureConfig.Builder b = FeatureConfig.builder();
            b.stemming(in.readBoolean());
            b.ngrams(in.readInt());
            b.stopWords(in.readBoolean());
            boolean split = in.readBoolean();
            b.titleNamespace(split);
            b.minDf(in.readInt());
            b.maxVocabulary(in.readInt());
            b.hashBuckets(in.readInt());
            b.sublinearTf(in.readBoolean());
            b.idf(in.readBoolean());
            int norm = in.readUnsignedByte();
            if (norm >= Normalization.values().length) {
                throw new IOException("unknown normalisation " + norm);
            }
            b.normalization(Normalization.values()[norm]);
            b.periodYears(in.readInt());
            int bits = in.readInt();
            EnumSet<MetadataFamily> families = EnumSet.noneOf(MetadataFamily.class);
            for (MetadataFamily f : MetadataFamily.values()) {
                if ((bits & (1 << f.ordinal())) != 0) {
                    families.add(f);
                }
            }
            if (bits >>> MetadataFamily.values().length != 0) {
                throw new IOException("unknown metadata families in bits " + Integer.toBinaryString(bits));
            }
            b.metadata(families);
            b.metadataWeight(version == 1 ? 1.0 : in.readDouble());
            b.placeKnowledge(version >= 3 && in.readBoolean());
            FeatureConfig config = b.build();
            int documents = in.readInt();
            if (documents < 1) {
                throw new IOException("training document count " + documents + " is not positive");
            }
            int stopCount = count(in, stream, 2);
            List<String> stop = new ArrayList<>(stopCount);
            for (int i = 0; i < stopCount; i++) {
                stop.add(in.readUTF());
            }
            TextSpace body = readSpace(in, stream, config, split ? TextSpace.BODY : TextSpace.TEXT);
            TextSpace title = split ? readSpace(in, stream, config, TextSpace.TITLE) : null;
            NameTable states = readTable(in, stream);
            NameTable bodies = readTable(in, stream);
            SortedMap<String, List<String>> homes = readPairs(in, stream);
            SortedMap<String, List<String>> kinds = version >= 3 ? readPairs(in, stream) : new TreeMap<>();
            if (stream.available() != 0) {
                throw new IOException(stream.available() + " unexpected bytes after the feature pipeline");
            }
            FeaturePipeline p = new FeaturePipeline(config, documents, new TermWeighting(config, stop, body, title),
                    new MetadataFeatures(config, states, bodies, homes, kinds));
            if (!Arrays.equals(encode(p, version), bytes)) {
                throw new IOException("feature pipeline is not in canonical form");
            }
            return p;
        } catch (EOFException e) {
            throw new IOException("feature pipeline is truncated", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("feature pipeline is invalid: " + e.getMessage(), e);
        }
    }

    /** Reads a count and checks that the bytes left could hold that many entries of at least {@code minBytes}. */
    private static int count(DataInputStream in, ByteArrayInputStream stream, int minBytes) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * minBytes > stream.available()) {
            throw new IOException("feature pipeline is corrupted: count " + n + " exceeds the " + stream.available()
                    + " bytes left");
        }
        return n;
    }

    private static TextSpace readSpace(DataInputStream in, ByteArrayInputStream stream, FeatureConfig config,
                                       String expectedPrefix) throws IOException {
        String prefix = in.readUTF();
        if (!prefix.equals(expectedPrefix)) {
            throw new IOException("expected namespace '" + expectedPrefix + "', found '" + prefix + "'");
        }
        boolean hashing = config.hashBuckets() > 0;
        int n = count(in, stream, hashing ? 12 : 10);
        double[] idf = new double[n];
        if (hashing) {
            int[] buckets = new int[n];
            for (int i = 0; i < n; i++) {
                buckets[i] = in.readInt();
                idf[i] = in.readDouble();
            }
            return TextSpace.ofBuckets(prefix, config.hashBuckets(), buckets, idf);
        }
        String[] terms = new String[n];
        for (int i = 0; i < n; i++) {
            terms[i] = in.readUTF();
            idf[i] = in.readDouble();
        }
        return TextSpace.ofTerms(prefix, terms, idf);
    }

    private static NameTable readTable(DataInputStream in, ByteArrayInputStream stream) throws IOException {
        int n = count(in, stream, 6);
        List<NameTable.Phrase> phrases = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String entry = in.readUTF();
            int k = count(in, stream, 2);
            List<String> tokens = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                tokens.add(in.readUTF());
            }
            phrases.add(new NameTable.Phrase(entry, tokens));
        }
        return new NameTable(phrases);
    }
}
