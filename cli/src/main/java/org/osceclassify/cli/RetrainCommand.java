package org.osceclassify.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.classifier.RetrainReport;
import org.osceclassify.classifier.Retraining;
import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.model.AtomicFile;
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

/**
 * {@code osce-classify retrain}: trains a candidate on the corpora plus the analysts' corrections with the model's
 * own settings, compares it with the model on the same held-out data (see {@link Retraining}), prints the two side
 * by side, writes an HTML report, and with {@code --promote} replaces the model only if it is no worse.
 */
@Command(name = "retrain", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a candidate on the corpora plus corrections with the model's own settings, compare it "
                + "with the model on the same held-out data, and with --promote replace the model if no headline "
                + "measure drops by more than its standard error.",
        footer = {"", "Exit codes: 0 done (promoted, or compared only), 3 not promoted: the candidate is worse; the "
                + "model file is unchanged.", "", "Examples:",
                "  osce-classify retrain --model model.osce --corpus seeds/osce-items.csv --feedback corrections.csv",
                "  osce-classify retrain --model model.osce --corpus seeds/osce-items.csv --feedback corrections.csv "
                        + "--promote   (then POST /v1/admin/reload to a running server)"})
final class RetrainCommand implements Callable<Integer> {

    /** Exit code when --promote keeps the current model because the candidate is worse. */
    static final int EXIT_NOT_PROMOTED = 3;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", required = true,
            description = "The current model bundle; its settings train the candidate, and --promote replaces it.")
    Path model;

    @Mixin
    CorpusInput corpus = new CorpusInput();

    @Option(names = "--feedback", paramLabel = "FILE", required = true,
            description = "The corrections file of serve --feedback (the last correction of a statement counts).")
    Path feedback;

    @Option(names = "--promote", description = "Replace the model file (atomically) if the candidate is no worse.")
    boolean promote;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Where to write the HTML report. Default: beside the model, MODEL.retrain.html.")
    Path report;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "The seed of the folds over the corrections. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Override
    public Integer call() throws Exception {
        Terminal terminal = main.terminal;
        OsceClassifier current = OsceClassifier.load(model);
        TrainingSettings settings = current.trained().settings();
        List<OsceDocument> docs = corpus.loadForTraining(terminal, settings);
        List<OsceDocument> corrections = Corpora.readCorrections(feedback, ReadOptions.builder()
                .taxonomy(current.trained().taxonomy()).fieldsLevel(settings.fieldsLevel()).build());
        terminal.progress("training and comparing a candidate on " + docs.size() + " items and "
                + corrections.size() + " corrections...");
        Retraining.Comparison comparison = corpus.train(() -> {
            try {
                return Retraining.compare(current, docs, corrections, seed, threads.count());
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("nothing to hold out")) {
                    throw new UserInputException(corpus.names() + ", " + feedback + ": " + e.getMessage(), e);
                }
                throw e;
            }
        });
        terminal.progressDone();
        terminal.out().print(RetrainReport.table(comparison));
        Path page = report != null ? report : model.resolveSibling(model.getFileName() + ".retrain.html");
        try (AtomicFile tmp = AtomicFile.beside(page)) {
            Files.writeString(tmp.path(), RetrainReport.html(comparison), StandardCharsets.UTF_8);
            tmp.commit();
        }
        terminal.out().println("report written to " + page);
        if (!comparison.drops().isEmpty()) {
            String why = "not promoted: " + RetrainReport.verdict(comparison) + "; " + model + " is unchanged";
            if (promote) {
                terminal.err().println("osce-classify: " + why);
                return EXIT_NOT_PROMOTED;
            }
            terminal.out().println("would not promote: " + RetrainReport.verdict(comparison));
            return 0;
        }
        if (!promote) {
            terminal.out().println("would promote (--promote replaces " + model + "): "
                    + RetrainReport.verdict(comparison));
            return 0;
        }
        save(comparison.model());
        terminal.out().println("promoted: " + model + " replaced; a running server takes it with POST "
                + "/v1/admin/reload");
        return 0;
    }

    private void save(OsceClassifier candidate) throws IOException {
        candidate.save(model);
    }
}
