package org.osceclassify.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

import org.osceclassify.classifier.Evaluation;
import org.osceclassify.classifier.Evaluations;
import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/** {@code osce-classify cross-validate}: trains and tests on splits of one corpus. */
@Command(name = "cross-validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train and test on splits of one corpus: seeded k-fold cross-validation, or a time split "
                + "that trains on older items and tests on newer ones, as new statements will be.",
        footer = {"", "Examples:",
                "  osce-classify cross-validate --folds 5",
                "  osce-classify cross-validate --split time --report reports/",
                "  osce-classify cross-validate --split time --from 2022-01-01"})
final class CrossValidateCommand implements Callable<Integer> {

    /** How a corpus is split into training and test items. */
    enum Split { random, time }

    /** With a time split and no --from, the newest share of the dated items that is tested on. */
    static final double TIME_TEST_SHARE = 0.2;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    CorpusInput corpus = new CorpusInput();

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5",
            description = "Folds of a random split. Default: ${DEFAULT-VALUE}.")
    int folds;

    @Option(names = "--split", paramLabel = "KIND", defaultValue = "random",
            description = "random (k-fold) or time. Default: ${DEFAULT-VALUE}.")
    Split split;

    @Option(names = "--from", paramLabel = "DATE", converter = IsoDate.class,
            description = "With --split time: test on the items dated on or after this day (YYYY-MM-DD). "
                    + "Default: the day that leaves the newest 20%% of the dated items for testing.")
    LocalDate from;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write report.json, report.html, fields.csv, sources.csv and confusion.csv here.")
    Path report;

    @Mixin
    TrainingOptions training = new TrainingOptions();

    @Override
    public Integer call() throws Exception {
        if (split == Split.random && folds < 2) {
            throw new ParameterException(spec.commandLine(), "--folds must be at least 2, was " + folds);
        }
        List<OsceDocument> docs = corpus.loadForTraining(main.terminal, training.settings().fieldsLevel());
        if (split == Split.random && folds > docs.size()) {
            throw new ParameterException(spec.commandLine(), "--folds " + folds + " is more than the " + docs.size()
                    + " items in " + corpus.names() + ": every fold needs at least one item to test on");
        }
        TrainingSettings settings = training.settings();
        main.terminal.progress("cross-validating on " + docs.size() + " items...");
        Evaluation evaluation = corpus.train(() -> split == Split.random
                ? Evaluations.crossValidate(settings, Taxonomy.bundled(), docs, folds)
                : Evaluations.timeSplit(settings, Taxonomy.bundled(), docs, from != null ? from : newest(docs)));
        main.terminal.progressDone();
        MetricsTable.printAndReport(evaluation, report, main.terminal.out());
        return 0;
    }

    /** Reads a {@code YYYY-MM-DD} day; another value is a usage error in those terms rather than java.time's. */
    static final class IsoDate implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date (YYYY-MM-DD)");
            }
        }
    }

    /** The first day of the newest {@link #TIME_TEST_SHARE} of the dated items. */
    static LocalDate newest(List<OsceDocument> docs) {
        List<LocalDate> dates = docs.stream().flatMap(d -> d.date().stream()).sorted().toList();
        if (dates.size() < 2) {
            throw new UserInputException("a time split needs dated items, and the corpus has " + dates.size());
        }
        return dates.get((int) Math.floor(dates.size() * (1 - TIME_TEST_SHARE)));
    }
}
