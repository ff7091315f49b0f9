package org.osceclassify.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.CorpusReader;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.ReadOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * The {@code --corpus} option shared by the commands that train or evaluate: one or more CSV corpora, folders of
 * scraped pages or single pages, defaulting to the corpus bundled in {@code seeds/}. Skipped items and unknown
 * labels are reported on stderr by the corpus reader's log.
 */
final class CorpusInput {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusInput.class);

    /** The bundled default corpus, relative to the osce-classify home folder. */
    static final String DEFAULT_CORPUS = "seeds/osce-items.csv";

    @Option(names = "--corpus", paramLabel = "PATH", arity = "1..*",
            description = "A CSV corpus, a folder of scraped pages, or a page; several may be given. "
                    + "Default: the bundled corpus, " + DEFAULT_CORPUS + ".")
    List<Path> corpora = new ArrayList<>();

    /** The corpus at {@code paths}, for a command that does not take it as the {@code --corpus} option. */
    static CorpusInput of(List<Path> paths) {
        CorpusInput input = new CorpusInput();
        input.corpora.addAll(paths);
        return input;
    }

    /** The paths to read: those given, or the bundled corpus. */
    List<Path> paths() {
        return corpora.isEmpty() ? List.of(defaultCorpus()) : corpora;
    }

    /** The paths read, as a message names them: {@code a.csv, pages}. */
    String names() {
        return String.join(", ", paths().stream().map(Path::toString).toList());
    }

    /**
     * Reads every document of every path into memory, its fields of work at {@code level} (sub-topics folded into
     * their fields, or kept), reporting skipped items and unknown labels on stderr.
     */
    List<OsceDocument> load(Terminal terminal, ReadOptions.FieldsLevel level) {
        ReadOptions options = ReadOptions.builder().fieldsLevel(level).build();
        List<OsceDocument> docs = new ArrayList<>();
        for (Path path : paths()) {
            try (CorpusReader reader = Corpora.open(path, options)) {
                for (OsceDocument doc : reader) {
                    docs.add(doc);
                    if (docs.size() % 10_000 == 0) {
                        terminal.progress("reading " + path + ": " + docs.size() + " items");
                    }
                }
                terminal.progressDone();
            }
        }
        if (docs.isEmpty()) {
            throw new UserInputException(names() + ": no documents to read");
        }
        LOG.debug("read {} documents", docs.size());
        return docs;
    }

    /**
     * Reads the corpus as {@link #load} does, for training: a task, fields of work or source bodies, is trained if
     * any item has its labels, and then needs at least two, and at least one task is needed; a corpus that does not
     * meet this is refused here, in terms of the corpus, before any training starts. A task no item has labels for
     * is left out with a warning.
     */
    List<OsceDocument> loadForTraining(Terminal terminal, TrainingSettings settings) {
        List<OsceDocument> docs = load(terminal, settings.fieldsLevel());
        long withFields = docs.stream().filter(d -> d.labels().hasFields()).count();
        long withSources = docs.stream().filter(d -> d.labels().hasSources()).count();
        if (withFields + withSources == 0 || withFields == 1 || withSources == 1) {
            throw new UserInputException(names() + ": cannot train: " + withFields + " of " + docs.size()
                    + " items have fields of work and " + withSources + " have sources, and a task needs at least 2 "
                    + "(the fields and sources columns of a CSV, the Fields of work and Source lines of a page)");
        }
        if (withFields == 0) {
            LOG.warn("{}: no item has fields of work: the fields of work task is left out, and the model will "
                    + "give no fields", names());
        }
        if (withSources == 0) {
            LOG.warn("{}: no item has sources: the source bodies task is left out, and the model will give no "
                    + "sources", names());
        }
        return docs;
    }

    /**
     * Runs {@code training} (training or evaluating on this corpus) and reports the classifier's refusal of the
     * corpus as the user's data error naming it. The classifier refuses with an {@link IllegalArgumentException}
     * "cannot train the ... task: ..." when a task is left with fewer than two items or labels (every item of the
     * same field, say), which the counts of {@link #loadForTraining} cannot foresee.
     */
    <T> T train(Supplier<T> training) {
        try {
            return training.get();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("cannot train")) {
                throw e; // not about the corpus: a bug, reported as an internal error
            }
            throw new UserInputException(names() + ": " + e.getMessage(), e);
        }
    }

    /** {@value #DEFAULT_CORPUS} under the osce-classify home folder. */
    static Path defaultCorpus() {
        return home().resolve(DEFAULT_CORPUS);
    }

    /**
     * The osce-classify folder: {@code $OSCE_CLASSIFY_HOME} (the launcher script sets it), else the nearest of the
     * current folder and its parents that holds the bundled corpus, else the current folder.
     */
    static Path home() {
        String home = System.getenv("OSCE_CLASSIFY_HOME");
        if (home != null && Files.isDirectory(Path.of(home))) {
            return Path.of(home);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(DEFAULT_CORPUS))) {
                return dir;
            }
        }
        return Path.of("");
    }
}
