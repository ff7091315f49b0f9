package org.osceclassify.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

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
        AtomicFile.write(target, "new".getBytes(StandardCharsets.UTF_8));

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
    void theNextWriteRemovesTheTemporaryFileOfAKilledRunButNotOfALiveOne() throws IOException {
        Path target = dir.resolve("model.osce");
        Path stale = Files.writeString(dir.resolve(".model.osce123.tmp"), "left by kill -9");
        Path live = Files.writeString(dir.resolve(".model.osce456.tmp"), "being written");
        Path unrelated = Files.writeString(dir.resolve(".other.osce789.tmp"), "another output's");

        try (FileChannel channel = FileChannel.open(live, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            // a separate JVM would hold this lock; within one JVM tryLock fails the same way
            AtomicFile.write(target, new byte[] {1});
            assertTrue(lock.isValid());
        }

        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(live));
        assertTrue(Files.exists(unrelated));
        assertTrue(Files.exists(target));
    }
}
