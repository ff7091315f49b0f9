package org.osceclassify.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file of labels corrected by analysts, in the CSV corpus format, to which each correction is appended as it is
 * made, so that {@code train --corpus FILE} reads it as it is.
 *
 * <p>Durability and concurrency: an append takes the file's OS lock (held against other processes) and, inside this
 * JVM, a monitor per file (the OS lock is per process); it writes the header if the file is empty, then the whole row
 * in one write of its bytes, then forces it to disk; only then is the correction acknowledged. A correction is one
 * physical line (line breaks and runs of white space in its text become one space, which the features never
 * distinguish), so that the only damage a writer killed mid-row can do is a last line without its line break. That
 * line was never acknowledged: the next append or read, under the lock, cuts it off with a warning.
 *
 * <p>The id of a correction is derived from its text (a SHA-256 of title and body), so a later correction of the
 * same statement has the same id, and {@link #read} keeps only the last row of each id.
 */
final class CorrectionLog {

    private static final Logger LOG = LoggerFactory.getLogger(CorrectionLog.class);
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();
    /** The prefix of the ids of corrections: "fb" for feedback. */
    static final String ID_PREFIX = "fb-";

    private CorrectionLog() {
    }

    /** The document as it is written: one line per cell, and the id derived from its title and body. */
    static OsceDocument asCorrection(OsceDocument doc) {
        String title = oneLine(doc.title());
        String body = oneLine(doc.body());
        return new OsceDocument(idOf(title, body), title, body, doc.date(), oneLine(doc.place()),
                oneLine(doc.contentType()), doc.locations().stream().map(CorrectionLog::oneLine).toList(),
                new Labels(doc.labels().sources().stream().map(CorrectionLog::oneLine).toList(),
                        doc.labels().fields().stream().map(CorrectionLog::oneLine).toList()),
                doc.origin());
    }

    /** {@code fb-} and the first 16 hexadecimal digits of the SHA-256 of the title, a line break and the body. */
    static String idOf(String title, String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((oneLine(title) + "\n" + oneLine(body)).getBytes(StandardCharsets.UTF_8));
            return ID_PREFIX + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Appends one correction durably (see the class comment) and returns it as written.
     *
     * @throws CorpusException when the file cannot be written
     */
    static OsceDocument append(Path file, OsceDocument doc) {
        OsceDocument row = asCorrection(doc);
        byte[] bytes = CsvCorpus.row(row).getBytes(StandardCharsets.UTF_8);
        Path key = file.toAbsolutePath().normalize();
        synchronized (MONITORS.computeIfAbsent(key, k -> new Object())) {
            try (FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                long size = cutTornTail(channel, key);
                boolean created = size == 0;
                if (created) {
                    byte[] header = CsvCorpus.headerLine().getBytes(StandardCharsets.UTF_8);
                    bytes = concat(header, bytes);
                }
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                long position = size;
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
                channel.force(true);
                if (created) {
                    forceFolder(key.getParent());
                }
                return row;
            } catch (IOException e) {
                throw new CorpusException(Origin.of(file.toString()), "cannot append a correction: "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * Reads the corrections, their labels normalised as {@link Corpora#open} does, keeping the last of each id in
     * the order of those last rows. A torn last line is cut off first, with a warning.
     *
     * @throws CorpusException when the file is missing or is not a corpus
     */
    static List<OsceDocument> read(Path file, ReadOptions options) {
        if (!Files.isRegularFile(file)) {
            throw new CorpusException(Origin.of(file.toString()), "no such corrections file");
        }
        Path key = file.toAbsolutePath().normalize();
        synchronized (MONITORS.computeIfAbsent(key, k -> new Object())) {
            try (FileChannel channel = FileChannel.open(key, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                cutTornTail(channel, key);
                Map<String, OsceDocument> last = new LinkedHashMap<>();
                try (CorpusReader reader = Corpora.open(file, options)) {
                    for (OsceDocument doc : reader) {
                        last.remove(doc.id());
                        last.put(doc.id(), doc);
                    }
                }
                return new ArrayList<>(last.values());
            } catch (IOException e) {
                throw new CorpusException(Origin.of(file.toString()), "cannot read: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Cuts off a last line without its line break (a writer stopped mid-row: never acknowledged) and returns the
     * size left. Called under the lock.
     */
    private static long cutTornTail(FileChannel channel, Path file) throws IOException {
        long size = channel.size();
        if (size == 0 || lastByte(channel, size) == '\n') {
            return size;
        }
        long keep = 0;
        long lines = 0;
        long offset = 0;
        InputStream in = Channels.newInputStream(channel.position(0));
        byte[] chunk = new byte[64 * 1024];
        for (int n; (n = in.read(chunk)) > 0; offset += n) {
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\n') {
                    keep = offset + i + 1;
                    lines++;
                }
            }
        }
        channel.truncate(keep);
        channel.force(true);
        LOG.warn("{}:{}: cut off an incomplete last correction ({} bytes): its writer stopped mid-row, before it "
                + "was acknowledged", file, lines + 1, size - keep);
        return keep;
    }

    private static int lastByte(FileChannel channel, long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, size - 1);
        return one.get(0);
    }

    private static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debug("cannot force folder {} (not every file system allows it)", folder, e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String oneLine(String text) {
        return SPACE.matcher(text).replaceAll(" ").strip();
    }
}
