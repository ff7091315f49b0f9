package org.osceclassify.model;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Another run still writing, for {@link AtomicFileTest}: run in a child JVM, it locks the file named by its
 * argument as {@link AtomicFile} locks its temporary file, says {@code locked} on stdout, and holds the lock until
 * its stdin is closed.
 */
final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() != -1) {
                // hold the lock until the test closes our stdin
            }
        }
    }
}
