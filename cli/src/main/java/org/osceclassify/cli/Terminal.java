package org.osceclassify.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams a command reads and writes: stdin, stdout for results, stderr for everything else.
 *
 * @param in  standard input, read by {@code classify -}
 * @param out standard output: results only
 * @param err standard error: errors, warnings and progress
 */
record Terminal(InputStream in, PrintStream out, PrintStream err) {

    /** True when stderr is the process's own and a person is watching it, so that a progress line helps. */
    boolean interactive() {
        return err == System.err && System.console() != null;
    }

    /** Writes a progress line that the next one overwrites, when a person is watching. */
    void progress(String line) {
        if (interactive()) {
            err.print("\r" + line + "\u001b[K");
            err.flush();
        }
    }

    /** Ends a run of progress lines. */
    void progressDone() {
        if (interactive()) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
