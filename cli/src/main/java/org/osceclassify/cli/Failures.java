package org.osceclassify.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import org.osceclassify.model.CorpusException;

/** Turns an exception that ended a command into the one line a user reads, and its exit code. */
final class Failures {

    private Failures() {
    }

    /**
     * The line for {@code ex}: the user's mistake in the user's terms, or else an internal error, which asks for
     * {@code --verbose}'s stack trace unless it is already being printed.
     */
    static String describe(Throwable ex, boolean verbose) {
        Throwable e = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "cannot be read");
        }
        if (e instanceof CorpusException || e instanceof IOException || e instanceof UserInputException) {
            return e.getMessage();
        }
        return "internal error: " + e + (verbose ? "" : " (run again with --verbose for the stack trace)");
    }

    static int exitCode(Throwable ex) {
        return Main.EXIT_DATA_ERROR;
    }
}
