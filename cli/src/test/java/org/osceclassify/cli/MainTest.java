package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void versionIsPrintedOnStdoutWithExitCodeZero() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("osce-classify "), run.out());
        assertEquals("", run.err());
    }

    @Test
    void versionNamesTheTribuoVersionOfTheBuild() {
        CliRun run = CliRun.of("--version");
        assertTrue(run.out().contains("Tribuo " + org.tribuo.Tribuo.VERSION + ", Java "), run.out());
    }

    @Test
    void helpListsTheCommandsWithExamples() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Examples:"), run.out());
    }

    @Test
    void anUnknownOptionIsAUsageErrorInOneLinePlusAHint() {
        CliRun run = CliRun.of("--no-such-option");
        assertEquals(Main.EXIT_USAGE, run.exitCode());
        assertTrue(run.err().startsWith("osce-classify: Unknown option: '--no-such-option'"), run.err());
        assertEquals(2, run.err().lines().count(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void noCommandAtAllIsAUsageError() {
        CliRun run = CliRun.of();
        assertEquals(Main.EXIT_USAGE, run.exitCode());
        assertTrue(run.err().contains("a command is needed"), run.err());
    }
}
