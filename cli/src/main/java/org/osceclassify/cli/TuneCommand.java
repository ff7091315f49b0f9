package org.osceclassify.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.classifier.tuning.Budget;
import org.osceclassify.classifier.tuning.BudgetTooSmallException;
import org.osceclassify.classifier.tuning.Dimension;
import org.osceclassify.classifier.tuning.SearchSpace;
import org.osceclassify.classifier.tuning.Trial;
import org.osceclassify.classifier.tuning.Tuner;
import org.osceclassify.classifier.tuning.Tuning;
import org.osceclassify.classifier.tuning.TuningReport;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code osce-classify tune}: searches the training settings by seeded inner cross-validation within a budget
 * ({@link Tuner}), then trains the best settings on the whole corpus and writes that model and a report of every
 * trial. Nothing is written unless the search ends.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Search the training settings (costs, class weights, features, thresholds, algorithms) by "
                + "seeded cross-validation within a budget, and write the model of the best ones.",
        footer = {"", "The objective is the mean of fields micro-F1, fields macro-F1 and source top-1 over the "
                + "folds' pooled predictions. A time budget is spent so: trial 1 (the starting settings) measures "
                + "what a trial costs, and the number of trials that fit is then fixed, so that the result depends "
                + "only on the seed and that number, which stderr shows.",
                "", "Examples:",
                "  osce-classify tune --budget 10m --model tuned.osce --report tune-report/",
                "  osce-classify tune --corpus a.csv --budget 20 --seed 7 --model tuned.osce"})
final class TuneCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    CorpusInput corpus = new CorpusInput();

    @Option(names = "--budget", paramLabel = "BUDGET", defaultValue = "10m", converter = BudgetConverter.class,
            description = "A number of trials (20), or a time (90s, 10m, 1h) that trial 1 turns into a number of "
                    + "trials. Default: ${DEFAULT-VALUE}.")
    Budget budget;

    @Option(names = "--model", paramLabel = "FILE", required = true,
            description = "Where to write the model of the best settings, trained on the whole corpus (atomically).")
    Path model;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write trials.csv, timings.csv and tune.html here.")
    Path report;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "3",
            description = "Folds of each trial's cross-validation. Default: ${DEFAULT-VALUE}.")
    int folds;

    @Mixin
    TrainingOptions training = new TrainingOptions();

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Override
    public Integer call() throws Exception {
        if (folds < 2) {
            throw new ParameterException(spec.commandLine(), "--folds must be at least 2, was " + folds);
        }
        Terminal terminal = main.terminal;
        TrainingSettings start = training.settings();
        List<OsceDocument> docs = corpus.loadForTraining(terminal, start);
        if (folds > docs.size()) {
            throw new ParameterException(spec.commandLine(), "--folds " + folds + " is more than the " + docs.size()
                    + " items in " + corpus.names() + ": every fold needs at least one item to test on");
        }
        Taxonomy taxonomy = Taxonomy.bundled();
        Tuner tuner = new Tuner(SearchSpace.DIMENSIONS, taxonomy, docs, folds, threads.count(), listener());
        Tuning tuning;
        try {
            say("tuning on " + docs.size() + " items, budget " + budget + ", " + folds + "-fold cross-validation "
                    + "per trial (seed " + start.seed() + ")");
            tuning = corpus.train(() -> tuner.run(start, budget));
        } catch (BudgetTooSmallException e) {
            throw new ParameterException(spec.commandLine(), "--budget " + e.getMessage());
        }
        Trial best = tuning.best();
        say("training trial " + best.number() + "'s settings on all " + docs.size() + " items...");
        OsceClassifier classifier = corpus.train(() -> OsceClassifier.train(best.settings(), taxonomy, docs,
                threads.count()))
                .withEvaluation(tuning.bestEvaluation());
        classifier.save(model);
        if (report != null) {
            TuningReport.write(tuning, report);
        }
        printSummary(tuning);
        terminal.out().println("model written to " + model);
        if (report != null) {
            terminal.out().println("report written to " + report.resolve(TuningReport.HTML));
        }
        return 0;
    }

    private Tuner.Listener listener() {
        return new Tuner.Listener() {
            @Override
            public void planned(String plan) {
                say("plan: " + plan);
            }

            @Override
            public void trialDone(Trial trial, int planned, Trial best) {
                say(String.format(Locale.ROOT, "trial %d/%s: objective %s (%s), %.1f s; best %s (trial %d)",
                        trial.number(), planned == 0 ? "?" : String.valueOf(planned), score(trial.objective()),
                        measures(trial), trial.seconds(), score(best.objective()), best.number()));
            }
        };
    }

    /** A progress line on stderr, unless --quiet. */
    private void say(String line) {
        if (!main.quiet) {
            main.terminal.err().println("osce-classify: " + line);
        }
    }

    private void printSummary(Tuning tuning) {
        var out = main.terminal.out();
        Trial best = tuning.best();
        Trial start = tuning.start();
        out.println(tuning.trials().size() + " trials, " + tuning.folds() + "-fold cross-validation each; "
                + tuning.plan());
        out.println("trial 1 (starting settings): objective " + score(start.objective()) + " (" + measures(start)
                + ")");
        Trial top = tuning.top();
        if (top != best) {
            out.println("highest, trial " + top.number() + ": objective " + score(top.objective()) + " ("
                    + measures(top) + "), standard error " + score(top.standardError(tuning.folds())));
        }
        out.println("chosen, trial " + best.number() + ": objective " + score(best.objective()) + " ("
                + measures(best) + ")" + (top == best ? "" : ": within one standard error of the highest, with "
                + "the fewest changes from the starting settings"));
        for (Dimension<?> d : tuning.dimensions()) {
            String from = d.textIn(start.settings());
            String to = d.textIn(best.settings());
            if (!from.equals(to)) {
                out.println("  " + d.name() + ": " + from + " -> " + to);
            }
        }
    }

    private static String measures(Trial t) {
        return "fields micro-F1 " + score(t.fieldsMicroF1()) + ", macro-F1 " + score(t.fieldsMacroF1())
                + ", source top-1 " + score(t.sourceTop1());
    }

    private static String score(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** Reads {@code --budget}; a value of another form is a usage error naming the forms it may take. */
    static final class BudgetConverter implements ITypeConverter<Budget> {
        @Override
        public Budget convert(String value) {
            try {
                return Budget.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
