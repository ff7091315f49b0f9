package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The line a user reads for an internal error (a bug, not the user's mistake). Through the command line no input
 * should cause one, so it is specified here, on the exception alone.
 */
class FailuresTest {

    private static final IllegalStateException BUG = new IllegalStateException("a bug");

    @Test
    void anInternalErrorAsksForTheStackTrace() {
        assertEquals("internal error: java.lang.IllegalStateException: a bug (run again with --verbose for the stack "
                + "trace)", Failures.describe(BUG, false));
    }

    @Test
    void anInternalErrorUnderVerboseDoesNotAskForWhatIsAlreadyPrinted() {
        assertEquals("internal error: java.lang.IllegalStateException: a bug", Failures.describe(BUG, true));
    }
}
