package org.osceclassify.classifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.osceclassify.features.FeaturePipeline;
import org.osceclassify.features.LanguageDetection;
import org.osceclassify.features.SentenceEncoder;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/**
 * Everything a trained osce-classify model consists of, and what a model bundle saves: the fitted feature
 * pipeline and the {@link LinearModel} of each task (of one of them, when the corpus had no labels for the other), the taxonomy the labels were normalised through, the settings
 * and what it was trained on. It scores documents through {@link LinearScorer}, the one scoring path. Immutable and
 * safe to use from several threads.
 */
public final class TrainedClassifier {

    /** The class that sources too rare to learn fold into. */
    public static final String OTHER_SOURCE = "Other";

    /** How many features {@link Classification#words()} gives per label. */
    static final int WORDS_PER_LABEL = 5;

    /**
     * What a classifier was trained on.
     *
     * @param items        documents in the training corpus
     * @param fieldsItems  of which with known fields
     * @param sourcesItems of which with known sources
     * @param fieldCounts  training items per field, the labels of the fields task
     * @param sourceCounts training items per source class (rare sources counted under {@link #OTHER_SOURCE})
     * @param languages    the languages of the training corpus, ISO 639-1 codes in order (see
     *                     {@link Training#languages}); a document clearly in none of them is not classified. Empty
     *                     when no item was long enough to judge, and then no document is refused for its language
     * @param corpus       a fingerprint of the training corpus: the SHA-256 of its documents' contents and labels in
     *                     order (see {@link Training#fingerprint}), the same wherever the corpus was read from
     * @param duration     how long training took
     */
    public record Summary(int items, int fieldsItems, int sourcesItems, Map<String, Integer> fieldCounts,
                          Map<String, Integer> sourceCounts, List<String> languages, String corpus,
                          Duration duration) {
        public Summary {
            Objects.requireNonNull(corpus, "corpus");
            fieldCounts = Map.copyOf(fieldCounts);
            sourceCounts = Map.copyOf(sourceCounts);
            languages = List.copyOf(new java.util.TreeSet<>(languages));
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** The two tasks a classifier may be trained for; a corpus may have the labels of one only. */
    public enum Task {
        FIELDS_OF_WORK("fields of work", "fields-of-work"),
        SOURCE_BODIES("source bodies", "source-bodies");

        private final String description;
        private final String id;

        Task(String description, String id) {
            this.description = description;
            this.id = id;
        }

        /** How messages name the task: "fields of work", "source bodies". */
        public String description() {
            return description;
        }

        /** How the bundle's manifest names the task: "fields-of-work", "source-bodies". */
        public String id() {
            return id;
        }
    }

    private final FeaturePipeline fieldsPipeline;
    private final LinearModel fieldsModel;
    private final FeaturePipeline sourcesPipeline;
    private final LinearModel sourcesModel;
    private final Taxonomy taxonomy;
    private final TrainingSettings settings;
    private final Summary summary;
    private final LinearScorer fieldScorer;
    private final LinearScorer sourceScorer;
    private final double[] thresholds;
    private final Set<String> languages;
    private final SentenceStack fieldsStack;
    private final SentenceStack sourcesStack;
    private final SentenceEncoder encoder;
    private final LinearScorer fieldSentenceScorer;
    private final LinearScorer sourceSentenceScorer;

    /**
     * A classifier of one or both tasks: a task trained has its pipeline and model, a task left out (its corpus had
     * no labels for it) has neither, given as {@code null}.
     *
     * @param fieldsPipeline  the feature pipeline of the fields task, fitted on the training documents
     * @param fieldsModel     the fields-of-work model, over the fields pipeline's features
     * @param sourcesPipeline the feature pipeline of the sources task (the same object when the settings are equal)
     * @param sourcesModel    the source-body model, over the sources pipeline's features
     * @param taxonomy        the taxonomy the training labels were normalised through
     * @param settings        the settings it was trained with
     * @param summary         what it was trained on
     * @throws IllegalArgumentException when a model does not fit its pipeline, a task has a pipeline without a
     *                                  model or a model without a pipeline, or neither task is there
     */
    public TrainedClassifier(FeaturePipeline fieldsPipeline, LinearModel fieldsModel, FeaturePipeline sourcesPipeline,
                             LinearModel sourcesModel, Taxonomy taxonomy, TrainingSettings settings, Summary summary) {
        this(fieldsPipeline, fieldsModel, sourcesPipeline, sourcesModel, taxonomy, settings, summary, null, null, null);
    }

    /**
     * A classifier whose tasks may each be a stacked ensemble of the word model and a sentence-embedding model
     * ({@code fieldsStack}, {@code sourcesStack}; null for a task of the word model alone), whose documents'
     * embeddings {@code encoder} makes.
     *
     * @throws IllegalArgumentException also when a stack's labels are not its word model's, or it was trained
     *                                  with another encoder (by name and checksum) than {@code encoder}
     */
    public TrainedClassifier(FeaturePipeline fieldsPipeline, LinearModel fieldsModel, FeaturePipeline sourcesPipeline,
                             LinearModel sourcesModel, Taxonomy taxonomy, TrainingSettings settings, Summary summary,
                             SentenceStack fieldsStack, SentenceStack sourcesStack, SentenceEncoder encoder) {
        if ((fieldsPipeline == null) != (fieldsModel == null) || (sourcesPipeline == null) != (sourcesModel == null)) {
            throw new IllegalArgumentException("a task has both its pipeline and its model, or neither");
        }
        if (fieldsModel == null && sourcesModel == null) {
            throw new IllegalArgumentException("a classifier has at least one task");
        }
        this.fieldsPipeline = fieldsPipeline;
        this.fieldsModel = fieldsModel;
        this.sourcesPipeline = sourcesPipeline;
        this.sourcesModel = sourcesModel;
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.fieldScorer = fieldsModel == null ? null : new LinearScorer(fieldsPipeline, fieldsModel);
        this.sourceScorer = sourcesModel == null ? null : new LinearScorer(sourcesPipeline, sourcesModel);
        this.thresholds = new double[fieldsModel == null ? 0 : fieldsModel.labels().size()];
        for (int l = 0; l < thresholds.length; l++) {
            thresholds[l] = fieldsModel.threshold(l);
        }
        this.languages = Set.copyOf(summary.languages());
        this.fieldsStack = checkStack(fieldsStack, fieldsModel, encoder);
        this.sourcesStack = checkStack(sourcesStack, sourcesModel, encoder);
        this.encoder = fieldsStack == null && sourcesStack == null ? null : encoder;
        this.fieldSentenceScorer = fieldsStack == null ? null : LinearScorer.dense(fieldsStack.sentences());
        this.sourceSentenceScorer = sourcesStack == null ? null : LinearScorer.dense(sourcesStack.sentences());
    }

    private static SentenceStack checkStack(SentenceStack stack, LinearModel words, SentenceEncoder encoder) {
        if (stack == null) {
            return null;
        }
        if (words == null || !stack.sentences().labels().equals(words.labels())) {
            throw new IllegalArgumentException("a sentence stack has its task's labels");
        }
        if (encoder == null || !encoder.name().equals(stack.encoder()) || encoder.dimension() != stack.dimension()
                || !encoder.checksum().equals(stack.checksum())) {
            throw new IllegalArgumentException("the sentence stack was trained with the encoder " + stack.encoder()
                    + " (" + stack.checksum() + "), not " + (encoder == null ? "none" : encoder.name() + " ("
                    + encoder.checksum() + ")"));
        }
        return stack;
    }

    /** The sentence-embedding member and combiners of the fields task; empty for the word model alone. */
    public Optional<SentenceStack> fieldsStack() {
        return Optional.ofNullable(fieldsStack);
    }

    /** The sentence-embedding member and combiners of the sources task; empty for the word model alone. */
    public Optional<SentenceStack> sourcesStack() {
        return Optional.ofNullable(sourcesStack);
    }

    /** The encoder of the documents' sentence embeddings; empty for a classifier of word models alone. */
    public Optional<SentenceEncoder> encoder() {
        return Optional.ofNullable(encoder);
    }

    /** The tasks this classifier was trained for: both, or the one its corpus had labels for. */
    public Set<Task> tasks() {
        Set<Task> tasks = EnumSet.noneOf(Task.class);
        if (fieldsModel != null) {
            tasks.add(Task.FIELDS_OF_WORK);
        }
        if (sourcesModel != null) {
            tasks.add(Task.SOURCE_BODIES);
        }
        return Collections.unmodifiableSet(tasks);
    }

    /** The fields task's feature pipeline; empty when the task was left out. */
    public Optional<FeaturePipeline> fieldsPipeline() {
        return Optional.ofNullable(fieldsPipeline);
    }

    /** The fields-of-work model; empty when the task was left out. */
    public Optional<LinearModel> fieldsModel() {
        return Optional.ofNullable(fieldsModel);
    }

    /** The sources task's feature pipeline; empty when the task was left out. */
    public Optional<FeaturePipeline> sourcesPipeline() {
        return Optional.ofNullable(sourcesPipeline);
    }

    /** The source-body model; empty when the task was left out. */
    public Optional<LinearModel> sourcesModel() {
        return Optional.ofNullable(sourcesModel);
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public TrainingSettings settings() {
        return settings;
    }

    public Summary summary() {
        return summary;
    }

    /** Each field's decision threshold, a probability; none when the fields task was left out. */
    public Map<String, Double> thresholds() {
        return fieldsModel == null ? Map.of() : fieldsModel.thresholds();
    }

    /** Classifies one document; its labels, if any, are ignored. */
    public Prediction predict(OsceDocument doc) {
        Classification c = classify(doc, false);
        return new Prediction(c.fields(), c.sources());
    }

    /**
     * Classifies one document, its labels ignored: every field at or above its threshold (and at least the
     * settings' {@code minFields} most probable), every source ranked, and with {@code explain} the features that
     * weighed most for each predicted field and for the top source. A document clearly in a language the model was
     * not trained on, or none of whose words the model knows, gets no labels and a status saying why.
     */
    Classification classify(OsceDocument doc, boolean explain) {
        Scoring scoring = score(doc);
        if (scoring.status() != null) {
            return Classification.unclassified(doc.id(), scoring.status());
        }
        List<ScoredLabel> fields = fieldScorer == null ? List.of()
                : Thresholds.select(scoring.fields(), thresholds, fieldsModel.labels(), settings.minFields());
        List<ScoredLabel> sources = new ArrayList<>(scoring.sources());
        sources.sort(ScoredLabel.BEST_FIRST);
        Map<String, List<FeatureWeight>> words = new LinkedHashMap<>();
        if (explain) {
            for (ScoredLabel field : fields) {
                words.put(field.label(), fieldScorer.strongest(scoring.fieldFeatures(),
                        fieldsModel.labels().indexOf(field.label()), WORDS_PER_LABEL));
            }
            if (!sources.isEmpty()) {
                String top = sources.get(0).label();
                words.put(top, sourceScorer.strongest(scoring.sourceFeatures(), sourcesModel.labels().indexOf(top),
                        WORDS_PER_LABEL));
            }
        }
        return new Classification(doc.id(), fields, sources, words);
    }

    /**
     * Every field's and every source's score of a document, none thresholded away (fields in the model's label
     * order, sources ranked), or empty when the document cannot be classified. For the review queue, which needs
     * how close each field came to its threshold.
     */
    Optional<ReviewQueue.Scores> allScores(OsceDocument doc) {
        Scoring scoring = score(doc);
        if (scoring.status() != null) {
            return Optional.empty();
        }
        List<ScoredLabel> sources = new ArrayList<>(scoring.sources());
        sources.sort(ScoredLabel.BEST_FIRST);
        List<ScoredLabel> predicted = fieldScorer == null ? List.of()
                : Thresholds.select(scoring.fields(), thresholds, fieldsModel.labels(), settings.minFields());
        return Optional.of(new ReviewQueue.Scores(scoring.fields(), sources, predicted));
    }

    /**
     * A document's features and every label's score, in the models' label order; or, for a document that cannot be
     * classified (another language, no known word), only the status saying why.
     */
    private record Scoring(ClassificationStatus status, LinearScorer.Nodes fieldFeatures,
                           LinearScorer.Nodes sourceFeatures, List<ScoredLabel> fields, List<ScoredLabel> sources) {

        static Scoring unclassified(ClassificationStatus status) {
            return new Scoring(status, null, null, List.of(), List.of());
        }
    }

    private Scoring score(OsceDocument doc) {
        FeaturePipeline.Analysis analysis = FeaturePipeline.analyze(doc.withoutLabels());
        LinearScorer.Nodes fieldFeatures = fieldScorer == null ? null : fieldScorer.features(analysis);
        LinearScorer.Nodes sourceFeatures = sourceScorer == null ? null : sourceScorer.features(analysis);
        if (knownWords(fieldFeatures, sourceFeatures) < READ_SHARE * analysis.distinctWords()) {
            Optional<String> language = LanguageDetection.standard().otherLanguage(doc.title() + "\n" + doc.body(),
                    languages);
            if (language.isPresent()) {
                return Scoring.unclassified(ClassificationStatus.unsupportedLanguage(language.get()));
            }
        }
        if (!hasWords(fieldFeatures) && !hasWords(sourceFeatures)) {
            return Scoring.unclassified(ClassificationStatus.NO_KNOWN_WORDS);
        }
        float[] vector = encoder == null ? null : SentenceVectors.encode(encoder, doc);
        List<ScoredLabel> fields = fieldScorer == null ? List.of()
                : scored(fieldScorer, fieldFeatures, fieldSentenceScorer, fieldsStack, vector);
        List<ScoredLabel> sources = sourceScorer == null ? List.of()
                : scored(sourceScorer, sourceFeatures, sourceSentenceScorer, sourcesStack, vector);
        return new Scoring(null, fieldFeatures, sourceFeatures, fields, sources);
    }

    /**
     * A document of which the model knows at least this share of the different words (stop words counted among
     * them, known or not) is read as in the training language without asking the language detector, which costs
     * far more than classifying. English statements in running text score about 0.6 and above, the bundled corpus's
     * items 0.45 and above (0.54 at the first percentile); French and Spanish, which share many words with English,
     * about 0.35, and German and Russian under 0.1.
     */
    static final double READ_SHARE = 0.5;

    /** How many different words of a document the model knows, by the task that knows more of them. */
    private static int knownWords(LinearScorer.Nodes fields, LinearScorer.Nodes sources) {
        return Math.max(fields == null ? 0 : fields.words(), sources == null ? 0 : sources.words());
    }

    /** Whether a task's features of a document include a word; a task left out has none. */
    private static boolean hasWords(LinearScorer.Nodes features) {
        return features != null && features.hasWords();
    }

    /**
     * Each label's probability and margin: of the word model alone, its calibrated probability of its margin; of a
     * stacked ensemble, the combiner's log-odds of both members' margins as the margin, and its logistic (the
     * fields) or the softmax over the labels (the sources) as the probability.
     */
    private static List<ScoredLabel> scored(LinearScorer scorer, LinearScorer.Nodes features,
                                            LinearScorer sentenceScorer, SentenceStack stack, float[] vector) {
        double[] margins = scorer.margins(features);
        double[] probabilities;
        if (stack == null) {
            probabilities = scorer.probabilities(margins);
        } else {
            double[] sentenceMargins = sentenceScorer.margins(vector);
            for (int l = 0; l < margins.length; l++) {
                margins[l] = stack.combiners().get(l).logOdds(margins[l], sentenceMargins[l]);
            }
            probabilities = scorer.model().exclusive() ? LinearScorer.softmax(margins) : LinearScorer.logistic(margins);
        }
        List<String> labels = scorer.model().labels();
        List<ScoredLabel> out = new ArrayList<>(labels.size());
        for (int l = 0; l < labels.size(); l++) {
            out.add(new ScoredLabel(labels.get(l), probabilities[l], margins[l]));
        }
        return out;
    }

    /** The source class a source name counts as: itself if the model knows it, else {@link #OTHER_SOURCE}. */
    public String sourceClass(String source) {
        return summary.sourceCounts().containsKey(source) ? source : OTHER_SOURCE;
    }
}
