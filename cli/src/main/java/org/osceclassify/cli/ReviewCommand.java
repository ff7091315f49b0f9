package org.osceclassify.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.classifier.ReviewQueue;
import org.osceclassify.model.AtomicFile;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.CorpusReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code osce-classify review}: the documents the model is least sure of, best to label first (see
 * {@link ReviewQueue} for how uncertainty is measured), as CSV.
 */
@Command(name = "review", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the N documents the model is least sure of, best to correct first, as CSV: by the fields' "
                + "distance to their thresholds, the entropy of the sources, or (default) both averaged.",
        footer = {"", "Examples:",
                "  osce-classify review --model model.osce --input new-pages/ --top 50",
                "  osce-classify review --model model.osce --input corpus.csv --top 20 --output queue.csv"})
final class ReviewCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", description = "The model bundle. Default: the default model.")
    Path model;

    @Option(names = "--input", paramLabel = "PATH", arity = "1..*", required = true,
            description = "CSV corpora, folders of pages or pages to pick from.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--top", paramLabel = "N", defaultValue = "50",
            description = "How many documents to list. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--by", paramLabel = "MEASURE", defaultValue = "both",
            description = "What ranks the queue: both (the mean of the fields' closeness to their thresholds and the "
                    + "sources' entropy), fields or sources. Default: ${DEFAULT-VALUE}.")
    ReviewQueue.Measure by;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the queue here (atomically) instead of to stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be at least 1, was " + top);
        }
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new NoSuchFileException(input.toString());
            }
        }
        OsceClassifier classifier = model != null ? OsceClassifier.load(model) : DefaultModel.load(main.terminal);
        main.terminal.progress("ranking documents by uncertainty...");
        List<ReviewQueue.Candidate> queue = rank(classifier);
        main.terminal.progressDone();
        if (output == null) {
            Writer out = new BufferedWriter(new OutputStreamWriter(main.terminal.out(), StandardCharsets.UTF_8));
            write(queue, out);
            out.flush();
            return 0;
        }
        try (AtomicFile tmp = AtomicFile.beside(output)) {
            try (Writer out = Files.newBufferedWriter(tmp.path(), StandardCharsets.UTF_8)) {
                write(queue, out);
            }
            tmp.commit();
        }
        return 0;
    }

    private List<ReviewQueue.Candidate> rank(OsceClassifier classifier) {
        List<ReviewQueue.Candidate> all = new ArrayList<>();
        for (Path input : inputs) {
            try (CorpusReader reader = Corpora.open(input)) {
                all.addAll(ReviewQueue.rank(classifier, reader, top, by));
            }
        }
        if (inputs.size() == 1) {
            return all;
        }
        all.sort((a, b) -> Double.compare(b.uncertainty(), a.uncertainty()));   // stable: input order kept on ties
        return all.subList(0, Math.min(top, all.size()));
    }

    private static void write(List<ReviewQueue.Candidate> queue, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(ReviewQueue.csvHeader().toArray(String[]::new)).get());
        int rank = 1;
        for (ReviewQueue.Candidate c : queue) {
            printer.printRecord(ReviewQueue.csvRecord(rank++, c));
        }
        printer.flush();
    }
}
