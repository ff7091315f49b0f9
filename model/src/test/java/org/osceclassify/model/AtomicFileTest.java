package org.osceclassify.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCommittedFileReplacesTheOldOneWithOrdinaryPermissions() throws IOException {
        Path target = Files.writeString(dir.resolve("out.csv"), "old");
        AtomicFile.write(target, "new".getBytes(UTF_8));

        assertEquals("new", Files.readString(target));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of("out.csv"), names());
    }

    @Test
    void closingWithoutCommitLeavesTheOldFileAndNoTemporaryOne() throws IOException {
        Path target = Files.writeString(dir.resolve("out.csv"), "old");
        try (AtomicFile file = AtomicFile.beside(target)) {
            Files.writeString(file.path(), "half");
        }
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("out.csv"), names());
    }

    @Test
    void theNextWriteRemovesTheTemporaryFileOfAKilledRunButNotThoseOfOtherOutputs() throws IOException {
        Path target = dir.resolve("model.osce");
        Path stale = Files.writeString(dir.resolve(".model.osce123.tmp"), "left by kill -9");
        Path unrelated = Files.writeString(dir.resolve(".other.osce789.tmp"), "another output's");

        AtomicFile.write(target, new byte[] {1});

        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(unrelated));
        assertEquals(List.of(".other.osce789.tmp", "model.osce"), names());
    }

    @Test
    @DisplayName("a run never removes the temporary file of another run, in another process, still writing it")
    void theTemporaryFileOfAnotherProcessStillWritingIsLeftAlone() throws Exception {
        Path target = dir.resolve("model.osce");
        Path live = Files.writeString(dir.resolve(".model.osce456.tmp"), "being written");
        Process writer = holdLockInAnotherProcess(live);
        try {
            AtomicFile.write(target, new byte[] {1});

            assertTrue(Files.exists(live), "the live writer's temporary file is still there");
            assertEquals("being written", Files.readString(live));
            assertTrue(writer.isAlive());
        } finally {
            writer.getOutputStream().close(); // the writer releases its lock and ends
            assertEquals(0, writer.waitFor(), new String(writer.getErrorStream().readAllBytes(), UTF_8));
        }

        AtomicFile.write(target, new byte[] {2});
        assertFalse(Files.exists(live), "once its writer is gone, the next run removes it");
    }

    @Test
    void aSecondWriterInTheSameProcessLeavesTheFirstOnesTemporaryFileAlone() throws IOException {
        Path target = dir.resolve("model.osce");
        try (AtomicFile first = AtomicFile.beside(target)) {
            Files.writeString(first.path(), "first");
            AtomicFile.write(target, "second".getBytes(UTF_8));

            assertTrue(Files.exists(first.path()));
            first.commit();
        }
        assertEquals("first", Files.readString(target));
        assertEquals(List.of("model.osce"), names());
    }

    /** A child JVM, started from this test's class path, that holds the lock on {@code file} until its stdin closes. */
    private static Process holdLockInAnotherProcess(Path file) throws IOException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), file.toString()).start();
        String said = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8)).readLine();
        if (!"locked".equals(said)) {
            child.destroyForcibly();
            throw new AssertionError("the child did not take the lock: " + said + " "
                    + new String(child.getErrorStream().readAllBytes(), UTF_8));
        }
        return child;
    }
}
