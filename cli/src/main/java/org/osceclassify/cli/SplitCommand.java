package org.osceclassify.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.osceclassify.classifier.CorpusSplit;
import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code osce-classify split}: writes a corpus as two CSV corpora, one to train on and one to test on. */
@Command(name = "split", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Split a corpus into a training and a test CSV corpus: a seeded random share, or the newest "
                + "items for testing. The same corpus and options always write the same bytes.",
        footer = {"", "Examples:",
                "  osce-classify split --train-out train.csv --test-out test.csv",
                "  osce-classify split --corpus pages/ --test-fraction 0.1 --seed 7 --train-out a.csv --test-out b.csv",
                "  osce-classify split --by time --train-out older.csv --test-out newer.csv",
                "  osce-classify train --corpus train.csv --model m.osce && "
                        + "osce-classify evaluate --corpus test.csv --model m.osce"})
final class SplitCommand implements Callable<Integer> {

    /** How the test items are chosen. */
    enum By { random, time }

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    CorpusInput corpus = new CorpusInput();

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "The share of the items for the test file, between 0 and 1. Default: ${DEFAULT-VALUE}.")
    double testFraction;

    @Option(names = "--by", paramLabel = "HOW", defaultValue = "random",
            description = "random (a seeded shuffle: the items train's holdout tests on with the same seed) or time "
                    + "(the newest items for testing; undated items are trained on). Default: ${DEFAULT-VALUE}.")
    By by;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the random split. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--train-out", paramLabel = "FILE", required = true,
            description = "Where to write the training items (a CSV corpus, written atomically).")
    Path trainOut;

    @Option(names = "--test-out", paramLabel = "FILE", required = true,
            description = "Where to write the test items (a CSV corpus, written atomically).")
    Path testOut;

    @Override
    public Integer call() {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new ParameterException(spec.commandLine(),
                    "--test-fraction must be between 0 and 1 (exclusive), was " + testFraction);
        }
        if (trainOut.toAbsolutePath().normalize().equals(testOut.toAbsolutePath().normalize())) {
            throw new ParameterException(spec.commandLine(), "--train-out and --test-out are the same file: " + trainOut);
        }
        // sub-topics are kept as they are, so that the files lose nothing a --fields-level topics model needs
        List<OsceDocument> docs = corpus.load(main.terminal, ReadOptions.FieldsLevel.TOPICS);
        if (docs.size() < 2) {
            throw new UserInputException(corpus.names() + ": " + docs.size()
                    + " item, too few to split (at least 2 are needed, one for each file)");
        }
        CorpusSplit split;
        try {
            split = by == By.random ? CorpusSplit.random(docs, testFraction, seed)
                    : CorpusSplit.newest(docs, testFraction);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(corpus.names() + ": " + e.getMessage(), e);
        }
        Corpora.writeCsv(trainOut, split.train());
        Corpora.writeCsv(testOut, split.test());
        main.terminal.out().println("wrote " + split.train().size() + " items to " + trainOut + " and "
                + split.test().size() + " to " + testOut);
        return 0;
    }
}
