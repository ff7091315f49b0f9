package org.osceclassify.classifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.osceclassify.features.FeaturePipeline;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Origin;
import org.osceclassify.model.Taxonomy;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.multilabel.baseline.IndependentMultiLabelModel;

/**
 * The embedding API: a trained osce-classify model that classifies OSCE documents by field of work and source body.
 *
 * <p>Load a bundle once with {@link #load(Path)}, then call {@code classify} from as many threads as you like:
 * an instance is immutable, and the same document always gets the same result.
 *
 * <pre>{@code
 * OsceClassifier classifier = OsceClassifier.load(Path.of("model.osce"));
 * Classification c = classifier.classify("VIENNA, 3 May 2024 - The OSCE election observation mission ...");
 * c.fields();    // [Elections=0.91, ...]
 * c.sources();   // [OSCE Office for Democratic Institutions and Human Rights=0.83, ...]
 * }</pre>
 */
public final class OsceClassifier {

    /** How many features {@link Classification#words()} gives per label. */
    public static final int WORDS_PER_LABEL = 5;

    private final TrainedClassifier trained;
    /** Reads the evaluation saved with the model, on first use (see {@link ModelBundle.Contents}). */
    private final Supplier<Optional<Evaluation>> savedEvaluation;
    private volatile Optional<Evaluation> evaluation;
    /** The fast paths for each model's scores, where the model allows one. */
    private final Optional<LinearScorer> fieldScorer;
    private final Optional<LinearScorer> sourceScorer;

    private OsceClassifier(TrainedClassifier trained, Supplier<Optional<Evaluation>> evaluation) {
        this(trained, evaluation, LinearScorer.ofFields(trained.fieldsPipeline(), trained.fieldsModel()),
                LinearScorer.ofSources(trained.sourcesPipeline(), trained.sourcesModel()));
    }

    private OsceClassifier(TrainedClassifier trained, Supplier<Optional<Evaluation>> evaluation,
                           Optional<LinearScorer> fieldScorer, Optional<LinearScorer> sourceScorer) {
        this.trained = Objects.requireNonNull(trained, "trained");
        this.savedEvaluation = Objects.requireNonNull(evaluation, "evaluation");
        this.fieldScorer = fieldScorer;
        this.sourceScorer = sourceScorer;
    }

    /**
     * Loads a model bundle written by {@link #save(Path)}.
     *
     * @throws BundleException when the file is not a bundle, is of another format version, or is truncated or
     *                         corrupted; the message names the file
     * @throws IOException     when the file cannot be read
     */
    public static OsceClassifier load(Path bundle) throws IOException {
        ModelBundle.Contents contents = ModelBundle.read(bundle);
        return new OsceClassifier(contents.classifier(), contents.evaluation());
    }

    /** Trains both tasks on a corpus; see {@link Training#train}. */
    public static OsceClassifier train(TrainingSettings settings, Taxonomy taxonomy, List<OsceDocument> corpus) {
        return new OsceClassifier(Training.train(settings, taxonomy, corpus), Optional::empty);
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
        return new OsceClassifier(trained, () -> evaluation, fieldScorer, sourceScorer);
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
        OsceDocument page = Corpora.parsePage(pageText, Origin.of(id));
        return classify(new OsceDocument(id, page.title(), page.body(), page.date(), page.place(),
                page.contentType(), page.locations(), null, page.origin()));
    }

    /** Classifies a document; its labels, if any, are ignored. */
    public Classification classify(OsceDocument doc) {
        return classify(doc, true);
    }

    /**
     * Classifies a document without working out {@link Classification#words()}, which is left empty: the same
     * labels and scores as {@link #classify(OsceDocument)}, faster, for bulk work that needs no explanation.
     */
    public Classification scores(OsceDocument doc) {
        return classify(doc, false);
    }

    private Classification classify(OsceDocument doc, boolean explain) {
        OsceDocument unlabelled = doc.withoutLabels();
        if (fieldScorer.isPresent() && sourceScorer.isPresent()) {
            FeaturePipeline.Analysis analysis = FeaturePipeline.analyze(unlabelled);
            LinearScorer.Nodes fields = fieldScorer.get().features(analysis);
            LinearScorer.Nodes sources = sourceScorer.get().features(analysis);
            Prediction prediction = trained.predict(fieldScorer.get().scores(fields),
                    sourceScorer.get().scores(sources));
            Map<String, List<ScoredLabel>> words = new LinkedHashMap<>();
            if (explain) {
                for (ScoredLabel field : prediction.fields()) {
                    words.put(field.label(), fieldScorer.get().strongest(fields, field.label(), WORDS_PER_LABEL));
                }
                prediction.source().ifPresent(source -> words.put(source.label(),
                        sourceScorer.get().strongest(sources, source.label(), WORDS_PER_LABEL)));
            }
            return new Classification(doc.id(), prediction.fields(), prediction.sources(), words);
        }
        TrainedClassifier.Features features = trained.features(unlabelled);
        Prediction prediction = fieldScorer.isPresent()
                ? trained.predict(features, fieldScorer.get().scores(unlabelled))
                : trained.predict(features);
        if (!explain) {
            return new Classification(doc.id(), prediction.fields(), prediction.sources(), Map.of());
        }
        Map<String, List<ScoredLabel>> words = new LinkedHashMap<>();
        if (trained.fieldsModel() instanceof IndependentMultiLabelModel fields) {
            List<Label> order = fields.getLabelOrder();
            for (ScoredLabel field : prediction.fields()) {
                int i = order.indexOf(new Label(field.label()));
                if (i >= 0) {
                    words.put(field.label(), strongest(fields.getModels().get(i), features.fields(), field.label()));
                }
            }
        }
        prediction.source().ifPresent(source -> words.put(source.label(),
                strongest(trained.sourcesModel(), features.sources(), source.label())));
        return new Classification(doc.id(), prediction.fields(), prediction.sources(), words);
    }

    private static List<ScoredLabel> strongest(Model<Label> model, Example<Label> example, String label) {
        Optional<Excuse<Label>> excuse = model.getExcuse(example);
        if (excuse.isEmpty()) {
            return List.of();
        }
        List<ScoredLabel> words = new ArrayList<>();
        for (var pair : excuse.get().excuse(label)) {
            if (pair.getB() <= 0 || words.size() == WORDS_PER_LABEL) {
                break;
            }
            words.add(new ScoredLabel(pair.getA(), pair.getB()));
        }
        return words;
    }

    /** The trained models, pipeline, thresholds, taxonomy, settings and training summary. */
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
