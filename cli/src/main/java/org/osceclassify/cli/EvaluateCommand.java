package org.osceclassify.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.osceclassify.classifier.Evaluation;
import org.osceclassify.classifier.Evaluations;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.model.OsceDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code osce-classify evaluate}: measures a trained model on a labelled corpus. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure a trained model on a labelled corpus: print the headline metrics and write reports.",
        footer = {"", "Examples:",
                "  osce-classify evaluate --corpus test.csv --model model.osce",
                "  osce-classify evaluate --corpus test.csv --model model.osce --report reports/"})
final class EvaluateCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    /** No default, unlike the other commands' --corpus: the bundled corpus is what models are trained on. */
    @Option(names = "--corpus", paramLabel = "PATH", arity = "1..*",
            description = "Required: labelled items the model was not trained on. A CSV corpus, a folder of scraped "
                    + "pages, or a page; several may be given.")
    List<Path> corpora = new ArrayList<>();

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "The model bundle to measure.")
    Path model;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write report.json, report.html, fields.csv, sources.csv and confusion.csv here.")
    Path report;

    @Override
    public Integer call() throws Exception {
        if (corpora.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "evaluate needs --corpus with labelled items the model "
                    + "was not trained on (on its own training items a model looks better than it is; the holdout "
                    + "evaluation made by train is shown by inspect)");
        }
        CorpusInput corpus = CorpusInput.of(corpora);
        OsceClassifier classifier = OsceClassifier.load(model);
        List<OsceDocument> docs = corpus.load(main.terminal, classifier.trained().settings().fieldsLevel());
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
