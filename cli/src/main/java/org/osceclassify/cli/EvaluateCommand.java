package org.osceclassify.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.osceclassify.classifier.Evaluation;
import org.osceclassify.classifier.Evaluations;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.model.OsceDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code osce-classify evaluate}: measures a trained model on a labelled corpus. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure a trained model on a labelled corpus: print the headline metrics and write reports.",
        footer = {"", "Examples:",
                "  osce-classify evaluate --corpus test.csv --model model.osce",
                "  osce-classify evaluate --corpus test.csv --model model.osce --report reports/"})
final class EvaluateCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    CorpusInput corpus = new CorpusInput();

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "The model bundle to measure.")
    Path model;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write report.json, report.html, fields.csv, sources.csv and confusion.csv here.")
    Path report;

    @Override
    public Integer call() throws Exception {
        OsceClassifier classifier = OsceClassifier.load(model);
        List<OsceDocument> docs = corpus.load(main.terminal);
        if (docs.stream().noneMatch(d -> d.labels().hasFields() || d.labels().hasSources())) {
            // every metric would be 0.000, measured on nothing
            throw new UserInputException(corpus.names() + ": no item has fields of work or sources, so there is "
                    + "nothing to measure the model against");
        }
        Evaluation evaluation = Evaluations.test(classifier.trained(), docs, "tested on " + corpus.names());
        MetricsTable.printAndReport(evaluation, report, main.terminal.out());
        return 0;
    }
}
