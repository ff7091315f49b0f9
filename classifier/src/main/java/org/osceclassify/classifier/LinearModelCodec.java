package org.osceclassify.classifier;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The byte format of a {@link LinearModel}, written with {@link DataOutputStream}: plain numbers and strings, never
 * Java serialisation, so reading runs no code chosen by the bytes.
 *
 * <pre>
 * int    magic 0x4F53434D ("OSCM")       int    version (1)
 * byte   solver (0 SVM, 1 logistic)       bool   exclusive
 * int n, n x str   labels                 int    text feature columns
 * int m, m x str   metadata feature columns
 * n rows of (text + m) doubles: the weights, one row per label
 * n doubles: biases      n x (double slope, double intercept): calibrations      n doubles: thresholds
 * str    provenance
 * int    CRC-32 of every byte before it
 * </pre>
 *
 * A {@code str} is an int length and that many bytes of UTF-8. Reading checks every count against the bytes left
 * before it allocates anything, so a truncated or hostile input fails with an {@link IOException}, never an
 * out-of-memory error; and it accepts only the canonical encoding (the bytes this class writes for the model read),
 * so a model has one encoding and the same training gives the same bytes.
 */
final class LinearModelCodec {

    static final int MAGIC = 0x4F53434D;
    static final int VERSION = 1;

    private static final TrainingSettings.Algorithm[] SOLVERS = {
            TrainingSettings.Algorithm.SVM, TrainingSettings.Algorithm.LOGISTIC};

    private LinearModelCodec() {
    }

    static byte[] encode(LinearModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + model.columns() * model.labels().size() * 8);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeByte(Arrays.asList(SOLVERS).indexOf(model.solver()));
            out.writeBoolean(model.exclusive());
            int n = model.labels().size();
            out.writeInt(n);
            for (String label : model.labels()) {
                writeString(out, label);
            }
            out.writeInt(model.textFeatures());
            out.writeInt(model.metaFeatures().size());
            for (String name : model.metaFeatures()) {
                writeString(out, name);
            }
            for (int l = 0; l < n; l++) {
                for (int f = 0; f < model.columns(); f++) {
                    out.writeDouble(model.weight(l, f));
                }
            }
            for (int l = 0; l < n; l++) {
                out.writeDouble(model.bias(l));
            }
            for (int l = 0; l < n; l++) {
                out.writeDouble(model.calibration(l).slope());
                out.writeDouble(model.calibration(l).intercept());
            }
            for (int l = 0; l < n; l++) {
                out.writeDouble(model.threshold(l));
            }
            writeString(out, model.provenance());
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a model.
     *
     * @throws IOException saying what is wrong, when the bytes are not a whole, canonical model of this format
     */
    static LinearModel decode(byte[] bytes) throws IOException {
        if (bytes.length < 12) {
            throw new IOException("not a linear model: " + bytes.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 4);
        if (in.getInt() != MAGIC) {
            throw new IOException("not a linear model");
        }
        int version = in.getInt();
        if (version != VERSION) {
            throw new IOException("a linear model of format version " + version + ", this build reads " + VERSION);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()) {
            throw new IOException("the linear model's checksum does not match");
        }
        LinearModel model;
        try {
            int solver = in.get();
            if (solver < 0 || solver >= SOLVERS.length) {
                throw new IOException("unknown solver " + solver);
            }
            byte exclusive = in.get();
            int n = count(in, 4, "labels");
            List<String> labels = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                labels.add(readString(in));
            }
            int text = in.getInt();
            int m = count(in, 4, "metadata features");
            List<String> meta = new ArrayList<>(m);
            for (int i = 0; i < m; i++) {
                meta.add(readString(in));
            }
            long columns = (long) text + m;
            if (text < 0 || n == 0 || (long) n * (columns + 4) * Double.BYTES > in.remaining()) {
                throw new IOException("the linear model is truncated: " + n + " labels of " + columns
                        + " columns do not fit in " + in.remaining() + " bytes");
            }
            double[][] rows = new double[n][(int) columns];
            for (double[] row : rows) {
                for (int f = 0; f < row.length; f++) {
                    row[f] = in.getDouble();
                }
            }
            double[] biases = doubles(in, n);
            List<Calibration> calibrations = new ArrayList<>(n);
            for (int l = 0; l < n; l++) {
                calibrations.add(new Calibration(in.getDouble(), in.getDouble()));
            }
            double[] thresholds = doubles(in, n);
            String provenance = readString(in);
            if (in.hasRemaining()) {
                throw new IOException("the linear model has " + in.remaining() + " bytes after its end");
            }
            model = new LinearModel(SOLVERS[solver], exclusive != 0, labels, text, meta, rows, biases,
                    calibrations, thresholds, provenance);
        } catch (BufferUnderflowException e) {
            throw new IOException("the linear model is truncated", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("the linear model is invalid: " + e.getMessage(), e);
        }
        if (!Arrays.equals(encode(model), bytes)) {
            throw new IOException("the linear model is not in canonical form");
        }
        return model;
    }

    /** A count read off the input, checked against what is left: each item takes at least {@code minBytes}. */
    private static int count(ByteBuffer in, int minBytes, String what) throws IOException {
        int n = in.getInt();
        if (n < 0 || (long) n * minBytes > in.remaining()) {
            throw new IOException("the linear model lists " + n + " " + what + " in " + in.remaining() + " bytes");
        }
        return n;
    }

    private static double[] doubles(ByteBuffer in, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = in.getDouble();
        }
        return out;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(ByteBuffer in) throws IOException {
        int length = count(in, 1, "bytes of text");
        ByteBuffer text = in.slice(in.position(), length);
        in.position(in.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(text).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("the linear model holds text that is not UTF-8", e);
        }
    }
}
