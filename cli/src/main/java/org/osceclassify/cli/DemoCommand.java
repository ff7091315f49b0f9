package org.osceclassify.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.osceclassify.classifier.Classification;
import org.osceclassify.classifier.ClassificationCsv;
import org.osceclassify.classifier.Evaluation;
import org.osceclassify.classifier.Evaluations;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.classifier.ScoredLabel;
import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code osce-classify demo}: the whole flow on the bundled corpus, in under a minute. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train on the bundled corpus, evaluate on a holdout, print the metrics and classify the "
                + "bundled seed page.",
        footer = {"", "Example:", "  osce-classify demo"})
final class DemoCommand implements Callable<Integer> {

    static final String SEED_PAGE = "seeds/pages/000_a9c4aad380b505f8.txt";

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws Exception {
        Terminal terminal = main.terminal;
        CorpusInput corpus = new CorpusInput();
        TrainingSettings settings = TrainingSettings.defaults();
        List<OsceDocument> docs = corpus.load(terminal, settings.fieldsLevel());
        Taxonomy taxonomy = Taxonomy.bundled();

        terminal.progress("evaluating on a 20% holdout of " + docs.size() + " items...");
        Evaluation evaluation = Evaluations.holdout(settings, taxonomy, docs, TrainCommand.HOLDOUT);
        terminal.progressDone();
        MetricsTable.warnIfSmall(evaluation);
        MetricsTable.print(evaluation, terminal.out());

        terminal.progress("training on all " + docs.size() + " items...");
        OsceClassifier classifier = OsceClassifier.train(settings, taxonomy, docs);
        terminal.progressDone();

        Path page = CorpusInput.home().resolve(SEED_PAGE);
        String id = page.getFileName().toString().replaceFirst("\\.txt$", "");
        Classification c = classifier.classifyPage(id, Files.readString(page, StandardCharsets.UTF_8));
        terminal.out().println();
        terminal.out().println("the seed page " + page + ":");
        terminal.out().println("  fields of work: " + describe(c.fields()));
        terminal.out().println("  source bodies:  " + describe(c.sources().subList(0, Math.min(3, c.sources().size()))));
        return 0;
    }

    private static String describe(List<ScoredLabel> labels) {
        return String.join(", ", labels.stream().map(l -> l.label() + " (" + ClassificationCsv.decimal(l.probability()) + ")")
                .toList());
    }
}
