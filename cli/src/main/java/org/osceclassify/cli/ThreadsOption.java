package org.osceclassify.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --threads N} option of the commands that train or classify: how many threads do the work. Their
 * results do not depend on it, so it is declared once, here; a count below 1 is a usage error.
 */
final class ThreadsOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private int count = Runtime.getRuntime().availableProcessors();

    @Option(names = "--threads", paramLabel = "N",
            description = "Work on N threads; the results are the same for any N. Default: the number of "
                    + "processors.")
    void setCount(int count) {
        if (count < 1) {
            throw new ParameterException(mixee.commandLine(), "--threads must be at least 1, was " + count);
        }
        this.count = count;
    }

    /** The number of threads, at least 1. */
    int count() {
        return count;
    }
}
