package org.osceclassify.classifier;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

import org.osceclassify.model.AtomicFile;

/**
 * The container of a model bundle: named byte entries behind a magic number and a format version, followed by
 * a checksum of everything before it.
 *
 * <p>Layout: {@code "OSCECLS1"}, int format version, int entry count, then per entry a UTF-8 name (int length,
 * bytes) and its content (int length, bytes), then the CRC-32C of all the preceding bytes (an int). Reading checks
 * the magic, the version and the checksum before it trusts a single length, and checks every length against the
 * bytes left, so a truncated, bit-flipped or foreign file is refused with a clear message. The checksum guards
 * against accidents, not tampering: what protects a reader from a hostile bundle is that every entry is plain
 * data, parsed with bounds checks.
 *
 * <p>Format 4 holds our own linear models; formats 1 to 3 held Tribuo's serialised models, whose loading ran Java
 * deserialisation, and are refused with a message to train again.
 */
final class BundleFile {

    /** The format version this code writes and reads. */
    static final int FORMAT_VERSION = 4;

    private static final byte[] MAGIC = "OSCECLS1".getBytes(StandardCharsets.US_ASCII);

    /** Writes the entries to {@code file} atomically (see {@link AtomicFile}). */
    static void write(Path file, Map<String, byte[]> entries) throws IOException {
        AtomicFile.write(file, toBytes(entries, FORMAT_VERSION));
    }

    static byte[] toBytes(Map<String, byte[]> entries, int version) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(MAGIC);
            out.writeInt(version);
            out.writeInt(entries.size());
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeInt(name.length);
                out.write(name);
                out.writeInt(entry.getValue().length);
                out.write(entry.getValue());
            }
            out.write(checksum(buffer.toByteArray(), buffer.size()));
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return buffer.toByteArray();
    }

    /** Reads and checks a bundle file; the message of a {@link BundleException} says what is wrong with it. */
    static Map<String, byte[]> read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new BundleException(file + ": is a folder, not a model bundle");
        }
        return fromBytes(Files.readAllBytes(file), file.toString());
    }

    static Map<String, byte[]> fromBytes(byte[] bytes, String name) throws BundleException {
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new BundleException(name + ": not an osce-classify model bundle");
        }
        if (bytes.length < MAGIC.length + 8) {
            throw new BundleException(name + ": the model bundle is truncated");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(MAGIC.length);
        int version = in.getInt();
        if (version >= 1 && version < FORMAT_VERSION) {
            throw new BundleException(name + ": the model bundle has the old format " + version
                    + ", which this osce-classify no longer reads; train the model again");
        }
        if (version != FORMAT_VERSION) {
            throw new BundleException(name + ": the model bundle has format version " + version
                    + ", this osce-classify reads version " + FORMAT_VERSION + "; train the model again with this "
                    + "version");
        }
        int body = bytes.length - Integer.BYTES;
        if (body < MAGIC.length + 8) {
            throw new BundleException(name + ": the model bundle is truncated");
        }
        byte[] expected = Arrays.copyOfRange(bytes, body, bytes.length);
        if (!Arrays.equals(expected, checksum(bytes, body))) {
            throw new BundleException(name + ": the model bundle is corrupted or truncated (checksum mismatch)");
        }
        try {
            ByteBuffer content = ByteBuffer.wrap(bytes, 0, body);
            content.position(MAGIC.length + 4);
            int count = content.getInt();
            if (count < 0 || count > 10_000) {
                throw new BundleException(name + ": the model bundle lists " + count + " entries");
            }
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String entryName = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(slice(content))).toString();
                entries.put(entryName, slice(content));
            }
            if (content.hasRemaining()) {
                throw new BundleException(name + ": the model bundle has trailing bytes");
            }
            return Collections.unmodifiableMap(entries);
        } catch (BufferUnderflowException | CharacterCodingException | IllegalArgumentException e) {
            throw new BundleException(name + ": the model bundle is malformed");
        }
    }

    private static byte[] slice(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    /** The CRC-32C of the first {@code length} bytes. */
    private static byte[] checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return ByteBuffer.allocate(Integer.BYTES).putInt((int) crc.getValue()).array();
    }
}
