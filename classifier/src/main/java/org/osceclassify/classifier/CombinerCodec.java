package org.osceclassify.classifier;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The byte format of a task's {@link Combiner}s, one per label, written with {@link DataOutputStream}:
 *
 * <pre>
 * int magic 0x4F534353 ("OSCS")   int version (1)   int labels n   int members k
 * n x (k doubles: slopes, double: intercept)
 * int CRC-32 of every byte before it
 * </pre>
 *
 * Reading checks the counts against the bytes left before it allocates, and the numbers are finite, so a truncated
 * or hostile input fails with an {@link IOException}; only the canonical encoding is accepted.
 */
final class CombinerCodec {

    static final int MAGIC = 0x4F534353;
    static final int VERSION = 1;

    private CombinerCodec() {
    }

    static byte[] encode(List<Combiner> combiners) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(combiners.size());
            int k = combiners.isEmpty() ? 0 : combiners.get(0).members();
            out.writeInt(k);
            for (Combiner c : combiners) {
                if (c.members() != k) {
                    throw new IllegalArgumentException("the combiners of a task combine the same members");
                }
                for (double s : c.slopes()) {
                    out.writeDouble(s);
                }
                out.writeDouble(c.intercept());
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static List<Combiner> decode(byte[] bytes) throws IOException {
        try {
            if (bytes.length < 20) {
                throw new IOException("the combiners are truncated");
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 4);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.getInt(bytes.length - 4) != (int) crc.getValue()) {
                throw new IOException("the combiners fail their checksum");
            }
            ByteBuffer body = ByteBuffer.wrap(bytes, 0, bytes.length - 4);
            if (body.getInt() != MAGIC || body.getInt() != VERSION) {
                throw new IOException("not combiners of this version");
            }
            int n = body.getInt();
            int k = body.getInt();
            if (n < 1 || k < 1 || k > 16 || (long) n * (k + 1) * Double.BYTES != body.remaining()) {
                throw new IOException("the combiners' counts do not match their bytes: " + n + " labels, " + k
                        + " members");
            }
            List<Combiner> combiners = new ArrayList<>(n);
            for (int l = 0; l < n; l++) {
                double[] slopes = new double[k];
                for (int m = 0; m < k; m++) {
                    slopes[m] = body.getDouble();
                }
                combiners.add(new Combiner(slopes, body.getDouble()));
            }
            List<Combiner> read = List.copyOf(combiners);
            if (!Arrays.equals(encode(read), bytes)) {
                throw new IOException("the combiners are not in their canonical encoding");
            }
            return read;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IOException("the combiners are malformed: " + e.getMessage(), e);
        }
    }
}
