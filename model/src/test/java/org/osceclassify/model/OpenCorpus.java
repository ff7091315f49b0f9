package org.osceclassify.model;

import java.nio.file.Path;

/**
 * Opens the corpus named by its argument in a child JVM, for tests that need another process (one without root's
 * file access, say): prints how many documents it read, or the {@link CorpusException}'s message.
 */
final class OpenCorpus {

    private OpenCorpus() {
    }

    public static void main(String[] args) {
        try {
            System.out.println("read " + TestFiles.readAll(Path.of(args[0]), ReadOptions.defaults()).size());
        } catch (CorpusException e) {
            System.out.println(e.getMessage());
        }
    }
}
