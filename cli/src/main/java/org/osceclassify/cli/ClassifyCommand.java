package org.osceclassify.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.CorpusReader;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Origin;
import org.osceclassify.model.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or jsonl. Default: ${DEFAULT-VALUE}.")
    ResultFormat format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the results here (atomically, when complete) instead of to stdout.")
    Path output;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3",
            description = "How many source bodies to list, best first. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--explain", description = "Show the words that weighed most for each predicted label.")
    boolean explain;

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be at least 1, was " + top);
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
        Path dir = output.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + output.getFileName(), ".tmp");
        try {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
                classifyAll(classifier, out);
                if (out.checkError()) {
                    throw new IOException(output + ": could not write the results");
                }
            }
            Files.move(tmp, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return 0;
    }

    private void classifyAll(OsceClassifier classifier, PrintWriter out) throws IOException {
        long done = 0;
        try (ResultFormat.Writer writer = format.open(out, top, explain)) {
            for (String input : inputs) {
                if (input.equals("-")) {
                    writer.write(classifier.classify(stdinDocument()));
                    done++;
                    continue;
                }
                try (CorpusReader reader = Corpora.open(Path.of(input), ReadOptions.defaults())) {
                    for (OsceDocument doc : reader) {
                        writer.write(classifier.classify(doc));
                        if (++done % 1000 == 0) {
                            main.terminal.progress("classified " + done + " documents");
                        }
                    }
                }
            }
        }
        main.terminal.progressDone();
    }

    private OsceDocument stdinDocument() throws IOException {
        byte[] bytes = main.terminal.in().readAllBytes();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserInputException("<stdin>: not valid UTF-8 text");
        }
        if (text.isBlank()) {
            throw new UserInputException("<stdin>: empty input, nothing to classify");
        }
        return OsceDocument.ofText("stdin", text, Origin.of("<stdin>"));
    }
}
