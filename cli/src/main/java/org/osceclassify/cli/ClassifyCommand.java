package org.osceclassify.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import org.osceclassify.classifier.Classification;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.model.AtomicFile;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.CorpusReader;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Origin;
import org.osceclassify.model.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code osce-classify classify}: predicts fields and sources for pages, corpora or text on stdin. */
@Command(name = "classify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Predict the fields of work and source bodies of documents, streaming: pages, folders of "
                + "pages, CSV corpora, or plain text on stdin.",
        footer = {"", "Examples:",
                "  osce-classify classify --model model.osce seeds/pages/",
                "  osce-classify classify --model model.osce --format csv --output out.csv corpus.csv",
                "  echo 'Police officers completed a forensic training course' | osce-classify classify -",
                "", "Without --model, a default model trained on the bundled corpus is used (built once and cached "
                + "under ~/.cache/osce-classify/)."})
final class ClassifyCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "A scraped page, a folder of pages, a CSV corpus, or - for plain text on stdin.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--model", paramLabel = "FILE", description = "The model bundle. Default: the default model.")
    Path model;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table, csv or jsonl. Default: as the --output file's name says (.csv: csv; .jsonl or "
                    + ".json: jsonl), else table.")
    ResultFormat format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the results here (atomically, when complete) instead of to stdout.")
    Path output;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3",
            description = "How many source bodies to list, best first. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--explain", description = "Show the words that weighed most for each predicted label.")
    boolean explain;

    @Option(names = "--raw-scores",
            description = "Print the models' raw margins (decision values) instead of calibrated probabilities.")
    boolean rawScores;

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    /** Documents per unit of work handed to a thread. */
    private static final int BATCH = 256;

    /** How many documents could not be classified, by reason; added to from the worker threads. */
    private final LongAdder otherLanguage = new LongAdder();
    private final LongAdder noKnownWords = new LongAdder();

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be at least 1, was " + top);
        }
        if (format == null) {
            format = ResultFormat.forOutput(output);
        }
        if (inputs.stream().filter("-"::equals).count() > 1) {
            throw new ParameterException(spec.commandLine(), "stdin (-) can be read only once");
        }
        for (String input : inputs) {
            if (!input.equals("-") && !Files.exists(Path.of(input))) {
                throw new NoSuchFileException(input);
            }
        }
        OsceClassifier classifier = model != null ? OsceClassifier.load(model) : DefaultModel.load(main.terminal);
        if (output == null) {
            PrintWriter out = new PrintWriter(new BufferedWriter(
                    new OutputStreamWriter(main.terminal.out(), StandardCharsets.UTF_8), 1 << 16));
            classifyAll(classifier, out);
            out.flush();
            return 0;
        }
        try (AtomicFile tmp = AtomicFile.beside(output)) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(tmp.path(), StandardCharsets.UTF_8))) {
                classifyAll(classifier, out);
                if (out.checkError()) {
                    throw new IOException(output + ": could not write the results");
                }
            }
            tmp.commit();
        }
        return 0;
    }

    /**
     * Classifies every input in order. Documents are read here and handed in batches to {@code --threads}
     * workers, which classify and format them; results are written in input order, with at most a few batches in
     * flight, so memory stays flat however long the input.
     *
     * <p>The CSV header is written with the first document read, so a run that finds nothing to classify (an
     * empty folder, say) writes nothing at all and fails with {@code no documents to read}, as training does.
     */
    private void classifyAll(OsceClassifier classifier, PrintWriter out) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(threads.count(), runnable -> {
            Thread t = new Thread(runnable, "classify-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<String>> inFlight = new ArrayDeque<>();
            List<OsceDocument> batch = new ArrayList<>(BATCH);
            long read = 0;
            long done = 0;
            for (String input : inputs) {
                // stdin is one document; try-with-resources skips the null reader
                try (CorpusReader reader = input.equals("-") ? null : Corpora.open(Path.of(input),
                        ReadOptions.defaults())) {
                    for (OsceDocument doc : reader != null ? reader : List.of(stdinDocument())) {
                        if (read++ == 0) {
                            out.write(format.header(explain));
                        }
                        batch.add(doc);
                        if (batch.size() == BATCH) {
                            List<OsceDocument> full = batch;
                            inFlight.add(workers.submit(() -> classify(classifier, full)));
                            batch = new ArrayList<>(BATCH);
                            while (inFlight.size() > 2 * threads.count()) {
                                out.write(next(inFlight));
                                done += BATCH;
                                main.terminal.progress("classified " + done + " documents");
                            }
                        }
                    }
                }
            }
            if (read == 0) {
                throw new UserInputException(String.join(", ", inputs) + ": no documents to read");
            }
            if (!batch.isEmpty()) {
                List<OsceDocument> last = batch;
                inFlight.add(workers.submit(() -> classify(classifier, last)));
            }
            while (!inFlight.isEmpty()) {
                out.write(next(inFlight));
            }
        } finally {
            workers.shutdownNow();
        }
        main.terminal.progressDone();
        unclassified(otherLanguage.sum(), noKnownWords.sum()).ifPresent(line -> {
            if (!main.quiet) {
                main.terminal.err().println("osce-classify: " + line);
            }
        });
    }

    /**
     * The line that says how many documents could not be classified, and why: {@code 3 documents could not be
     * classified (2 in another language, 1 with no known words)}; empty when every document was.
     */
    static Optional<String> unclassified(long otherLanguage, long noKnownWords) {
        long total = otherLanguage + noKnownWords;
        if (total == 0) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        if (otherLanguage > 0) {
            reasons.add(otherLanguage + " in another language");
        }
        if (noKnownWords > 0) {
            reasons.add(noKnownWords + " with no known words");
        }
        return Optional.of(total + (total == 1 ? " document" : " documents") + " could not be classified ("
                + String.join(", ", reasons) + ")");
    }

    /** The formatted results of one batch, in order. */
    private String classify(OsceClassifier classifier, List<OsceDocument> batch) {
        StringBuilder text = new StringBuilder(batch.size() * 160);
        for (OsceDocument doc : batch) {
            Classification c = explain ? classifier.classify(doc) : classifier.scores(doc);
            switch (c.status().kind()) {
                case UNSUPPORTED_LANGUAGE -> otherLanguage.increment();
                case NO_KNOWN_WORDS -> noKnownWords.increment();
                case OK -> { }
            }
            text.append(format.record(c, top, explain,
                    rawScores ? ResultFormat.Score.MARGIN : ResultFormat.Score.PROBABILITY));
        }
        return text.toString();
    }

    /** The oldest batch's results, once ready; a worker's failure is rethrown as it was thrown. */
    private static String next(Deque<Future<String>> inFlight) throws IOException {
        try {
            return inFlight.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while classifying", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IOException(e.getCause());
        }
    }

    private OsceDocument stdinDocument() throws IOException {
        byte[] bytes = main.terminal.in().readAllBytes();
        String text = Corpora.decodeUtf8(bytes, "<stdin>");
        if (text.isBlank()) {
            throw new UserInputException("<stdin>: empty input, nothing to classify");
        }
        return OsceDocument.ofText("stdin", text, Origin.of("<stdin>"));
    }
}
