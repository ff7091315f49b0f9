package org.osceclassify.model;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an output file so that it is always either the old file or the complete new one: the content goes to a
 * hidden temporary file {@code .NAME<digits>.tmp} beside {@code NAME}, which {@link #commit()} then moves into
 * place atomically. Every osce-classify output (corpora, model bundles, reports, classifications) is written so.
 *
 * <p>While it is written the file is locked (an OS file lock, released by the kernel when the process dies, even
 * by {@code kill -9}). A run killed mid-write leaves its temporary file behind; the next run writing the same
 * output removes every such file whose lock it can take, that is, whose writer is dead, and leaves alone those of
 * runs still writing.
 */
public final class AtomicFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFile.class);

    /**
     * For tests only: with this system property {@code true}, {@link #commit()} says so on stderr and then waits
     * until the process is killed, before it moves the complete temporary file into place, so that a test can
     * kill a run while it writes its output (cli's {@code CrashSafetyTest}).
     */
    public static final String PAUSE_BEFORE_COMMIT = "osceclassify.test.pauseBeforeCommit";

    private final Path target;
    private final Path path;
    private final FileChannel channel;

    private AtomicFile(Path target, Path path, FileChannel channel) {
        this.target = target;
        this.path = path;
        this.channel = channel;
    }

    /**
     * Starts writing {@code target}: removes stale temporary files of it, then creates and locks a new one in the
     * same folder (creating the folder if needed). Write to {@link #path()}, then {@link #commit()}; closing
     * without committing deletes the temporary file and leaves {@code target} as it was.
     */
    public static AtomicFile beside(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        removeStale(target);
        Path path = Files.createTempFile(dir, prefix(target), ".tmp");
        FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE);
        try {
            channel.lock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(path);
            throw e;
        }
        return new AtomicFile(target, path, channel);
    }

    /**
     * Removes the temporary files that runs killed while writing {@code target} left behind; a file still locked
     * by a live writer is left alone.
     */
    public static void removeStale(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        Pattern name = Pattern.compile(Pattern.quote(prefix(target)) + "\\d+\\.tmp");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                p -> name.matcher(p.getFileName().toString()).matches())) {
            for (Path stale : files) {
                if (!Files.isRegularFile(stale)) {
                    continue;
                }
                try (FileChannel channel = FileChannel.open(stale, StandardOpenOption.WRITE);
                     FileLock lock = channel.tryLock()) {
                    if (lock != null) {
                        Files.delete(stale);
                        LOG.debug("{}: removed, left by an earlier run that was killed", stale);
                    }
                } catch (OverlappingFileLockException e) {
                    // being written by this process
                }
            }
        }
    }

    private static String prefix(Path target) {
        return "." + target.getFileName();
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        try (AtomicFile file = beside(target)) {
            Files.write(file.path(), bytes);
            file.commit();
        }
    }

    /** The temporary file to write the content to. */
    public Path path() {
        return path;
    }

    /**
     * Moves the complete file into place, atomically replacing any earlier target. It gets the permissions of an
     * ordinary new file ({@code rw-r--r--}), not the owner-only ones of a temporary file.
     */
    public void commit() throws IOException {
        if (Boolean.getBoolean(PAUSE_BEFORE_COMMIT)) {
            pauseUntilKilled();
        }
        if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.move(path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void pauseUntilKilled() throws IOException {
        System.err.println("osce-classify: " + PAUSE_BEFORE_COMMIT + ": paused before moving " + path
                + " into place");
        System.err.flush();
        try {
            while (true) {
                Thread.sleep(60_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(path + ": interrupted while paused for a test", e);
        }
    }

    /** Releases the lock and deletes the file if it was not moved into place. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
