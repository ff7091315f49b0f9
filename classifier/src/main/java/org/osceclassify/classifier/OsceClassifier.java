package org.osceclassify.classifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.osceclassify.model.Corpora;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Origin;
import org.osceclassify.model.Taxonomy;

/**
 * The embedding API: a trained osce-classify model that classifies OSCE documents by field of work and source body.
 *
 * <p>Load a bundle once with {@link #load(Path)}, then call {@code classify} from as many threads as you like:
 * an instance is immutable, and the same document always gets the same result.
 *
 * <pre>{@code
 * OsceClassifier classifier = OsceClassifier.load(Path.of("model.osce"));
 * Classification c = classifier.classify("VIENNA, 3 May 2024 - The OSCE election observation mission ...");
 * c.fields();    // [Elections (0.912), ...]: probabilities
 * c.sources();   // [OSCE Office for Democratic Institutions and Human Rights (0.830), ...]
 * }</pre>
 */
public final class OsceClassifier {

    /** How many features {@link Classification#words()} gives per label. */
    public static final int WORDS_PER_LABEL = TrainedClassifier.WORDS_PER_LABEL;

    private final TrainedClassifier trained;
    /** Reads the evaluation saved with the model, on first use (see {@link ModelBundle.Contents}). */
    private final Supplier<Optional<Evaluation>> savedEvaluation;
    private volatile Optional<Evaluation> evaluation;

    private OsceClassifier(TrainedClassifier trained, Supplier<Optional<Evaluation>> evaluation) {
        this.trained = Objects.requireNonNull(trained, "trained");
        this.savedEvaluation = Objects.requireNonNull(evaluation, "evaluation");
    }

    /**
     * Loads a model bundle written by {@link #save(Path)}. Loading reads plain numbers and text, checked as it
     * goes: it never runs Java deserialisation or reflection, so a bundle from anywhere is safe to load.
     *
     * @throws BundleException when the file is not a bundle, is of another format version, or is truncated,
     *                         corrupted or inconsistent; the message names the file
     * @throws IOException     when the file cannot be read
     */
    public static OsceClassifier load(Path bundle) throws IOException {
        ModelBundle.Contents contents = ModelBundle.read(bundle);
        return new OsceClassifier(contents.classifier(), contents.evaluation());
    }

    /** Trains both tasks on a corpus, on one thread per processor; see {@link Training#train}. */
    public static OsceClassifier train(TrainingSettings settings, Taxonomy taxonomy, List<OsceDocument> corpus) {
        return new OsceClassifier(Training.train(settings, taxonomy, corpus), Optional::empty);
    }

    /** Trains both tasks on a corpus on {@code threads} threads; the model is the same for any number. */
    public static OsceClassifier train(TrainingSettings settings, Taxonomy taxonomy, List<OsceDocument> corpus,
                                       int threads) {
        return new OsceClassifier(Training.train(settings, taxonomy, corpus, threads), Optional::empty);
    }

    /** Wraps a trained classifier, with the evaluation to save beside it, if any. */
    public static OsceClassifier of(TrainedClassifier trained, Optional<Evaluation> evaluation) {
        Objects.requireNonNull(evaluation, "evaluation");
        return new OsceClassifier(trained, () -> evaluation);
    }

    /** Writes the model bundle atomically: a failed save leaves any earlier file at {@code bundle} intact. */
    public void save(Path bundle) throws IOException {
        ModelBundle.write(bundle, trained, evaluation());
    }

    /** This classifier with an evaluation to save beside it. */
    public OsceClassifier withEvaluation(Evaluation newEvaluation) {
        Optional<Evaluation> evaluation = Optional.of(newEvaluation);
        return new OsceClassifier(trained, () -> evaluation);
    }

    /** Classifies plain text, such as a statement pasted or piped in; its id is {@code "text"}. */
    public Classification classify(String text) {
        return classify(OsceDocument.ofText("text", text, Origin.of("<text>")));
    }

    /**
     * Classifies a scraped OSCE page (navigation menu, content type, title, metadata block, body); its id is
     * {@code id}. The page's own Source and Fields lines are ignored.
     *
     * @throws org.osceclassify.model.CorpusException when the text is not a page
     */
    public Classification classifyPage(String id, String pageText) {
        return classify(pageDocument(id, pageText));
    }

    /**
     * The document of a scraped OSCE page, as {@link #classifyPage} classifies it: its id is {@code id}, and the
     * page's own Source and Fields lines are left out.
     *
     * @throws org.osceclassify.model.CorpusException when the text is not a page
     */
    public static OsceDocument pageDocument(String id, String pageText) {
        OsceDocument page = Corpora.parsePage(pageText, Origin.of(id));
        return new OsceDocument(id, page.title(), page.body(), page.date(), page.place(), page.contentType(),
                page.locations(), null, page.origin());
    }

    /** Classifies a document; its labels, if any, are ignored. */
    public Classification classify(OsceDocument doc) {
        return trained.classify(doc, true);
    }

    /**
     * Classifies a document without working out {@link Classification#words()}, which is left empty: the same
     * labels and probabilities as {@link #classify(OsceDocument)}, for bulk work that needs no explanation.
     */
    public Classification scores(OsceDocument doc) {
        return trained.classify(doc, false);
    }

    /** The trained models, pipelines, thresholds, taxonomy, settings and training summary. */
    public TrainedClassifier trained() {
        return trained;
    }

    /**
     * The evaluation saved with this model, if one was; a loaded bundle's is read on the first call (two first
     * calls at once may both read it, to equal results).
     */
    public Optional<Evaluation> evaluation() {
        Optional<Evaluation> read = evaluation;
        if (read == null) {
            read = savedEvaluation.get();
            evaluation = read;
        }
        return read;
    }
}
