package org.osceclassify.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.osceclassify.classifier.Evaluation;
import org.osceclassify.classifier.Evaluations;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.classifier.TrainedClassifier;
import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code osce-classify train}: trains both tasks on a corpus and writes the model bundle; a task the corpus has no
 * labels for is left out, with a warning.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train the fields-of-work and source-body models on a corpus and write one model bundle.",
        footer = {"", "Examples:",
                "  osce-classify train --model model.osce",
                "  osce-classify train --corpus seeds/osce-items.csv more-pages/ --model model.osce --algorithm svm",
                "  osce-classify train --model topics.osce --fields-level topics --seed 7"})
final class TrainCommand implements Callable<Integer> {

    /** The share of the corpus held out to evaluate before the final model is trained on all of it. */
    static final double HOLDOUT = 0.2;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    CorpusInput corpus = new CorpusInput();

    @Option(names = "--model", paramLabel = "FILE", required = true,
            description = "Where to write the model bundle (written atomically).")
    Path model;

    @Mixin
    TrainingOptions training = new TrainingOptions();

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Option(names = "--no-evaluate", negatable = false,
            description = "Skip the holdout evaluation that is otherwise stored in the bundle and printed.")
    boolean noEvaluate;

    @Override
    public Integer call() throws Exception {
        Terminal terminal = main.terminal;
        TrainingSettings settings = training.settings();
        List<OsceDocument> docs = corpus.loadForTraining(terminal, settings);
        Taxonomy taxonomy = Taxonomy.bundled();
        long start = System.nanoTime();
        Evaluation evaluation = null;
        if (!noEvaluate) {
            terminal.progress("evaluating on a " + Math.round(HOLDOUT * 100) + "% holdout...");
            evaluation = corpus.train(() -> Evaluations.holdout(settings, taxonomy, docs, HOLDOUT));
            terminal.progressDone();
            MetricsTable.warnIfSmall(evaluation);
        }
        terminal.progress("training on " + docs.size() + " items...");
        OsceClassifier classifier = corpus.train(() -> OsceClassifier.train(settings, taxonomy, docs, threads.count()));
        if (evaluation != null) {
            classifier = classifier.withEvaluation(evaluation);
        }
        classifier.save(model);
        terminal.progressDone();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        printSummary(classifier.trained(), took, terminal);
        if (evaluation != null) {
            terminal.out().println();
            MetricsTable.print(evaluation, terminal.out());
        }
        terminal.out().println();
        terminal.out().println("model written to " + model);
        return 0;
    }

    static void printSummary(TrainedClassifier trained, Duration took, Terminal terminal) {
        TrainedClassifier.Summary s = trained.summary();
        terminal.out().println(String.format(Locale.ROOT,
                "trained on %d items (%d with fields, %d with sources) in %.1f s", s.items(), s.fieldsItems(),
                s.sourcesItems(), took.toMillis() / 1000.0));
        Set<TrainedClassifier.Task> tasks = trained.tasks();
        terminal.out().println("fields of work: " + (tasks.contains(TrainedClassifier.Task.FIELDS_OF_WORK)
                ? s.fieldCounts().size() + " labels" : "left out") + "; source bodies: "
                + (tasks.contains(TrainedClassifier.Task.SOURCE_BODIES) ? s.sourceCounts().size()
                + " classes (sources with fewer than " + trained.settings().minSourceCount() + " items count as \""
                + TrainedClassifier.OTHER_SOURCE + "\")" : "left out") + "; algorithm "
                + trained.settings().algorithm().name().toLowerCase(Locale.ROOT));
    }
}
