package org.osceclassify.classifier;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.osceclassify.features.FeatureConfig;
import org.osceclassify.features.Setting;
import org.osceclassify.features.SettingValues;
import org.osceclassify.model.ReadOptions.FieldsLevel;

/**
 * How {@link Training} trains the two tasks: the algorithm and its cost, the label sets, the calibration and
 * thresholds, and the features. Immutable; build one with {@link #builder()}, or take {@link #defaults()}, the
 * configuration that measured best on the shared corpus.
 *
 * <p>Each setting is declared once, as a {@link Setting}: its name, default, check and text form. Equality, the
 * text form, copies and the bundle's manifest all go through {@link #SETTINGS}; an accessor and a builder method
 * give each its Java name.
 */
public final class TrainingSettings {

    /** The learner of a task: one linear model per label, against the rest. */
    public enum Algorithm {
        /** L2-regularised logistic regression (LibLinear {@code L2R_LR}). */
        LOGISTIC,
        /** Linear SVM (LibLinear {@code L2R_L2LOSS_SVC_DUAL}). */
        SVM
    }

    /** How an item that lists several source bodies counts in the sources task. */
    public enum SourceExamples {
        /** As an item of each source it lists. */
        EACH_LISTED,
        /** As an item of its first-listed source only. */
        FIRST_LISTED
    }

    /** The members of each task's model. */
    public enum Ensemble {
        /** A linear model over the words and metadata alone: the fast profile. */
        WORDS("words"),
        /**
         * Also a linear model over each document's sentence embedding (of its title and text), stacked with the
         * word model by a combiner fitted on the calibration folds: needs a {@code SentenceEncoder} on the class
         * path (the embeddings module), and encoding costs about 10 ms a document.
         */
        WORDS_SENTENCES("words+sentences");

        private final String text;

        Ensemble(String text) {
            this.text = text;
        }

        /** The setting's text form: {@code words} or {@code words+sentences}. */
        public String text() {
            return text;
        }

        /** The ensemble of a text form. */
        public static Ensemble parse(String text) {
            for (Ensemble e : values()) {
                if (e.text.equals(text)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("not an ensemble: " + text + " (words or words+sentences)");
        }
    }

    public static final Setting<Algorithm> ALGORITHM = Setting.of("algorithm", Algorithm.SVM, v -> { },
            Algorithm::valueOf);
    public static final Setting<Algorithm> SOURCES_ALGORITHM = Setting.of("sources_algorithm", Algorithm.SVM,
            v -> { }, Algorithm::valueOf);
    public static final Setting<Double> FIELDS_COST = Setting.of("fields_cost", 0.3,
            positive("fields_cost"), Double::valueOf);
    public static final Setting<Double> SOURCES_COST = Setting.of("sources_cost", 0.5,
            positive("sources_cost"), Double::valueOf);
    public static final Setting<Double> CLASS_WEIGHTING = Setting.of("class_weighting", 1.0,
            v -> Setting.require(v >= 0 && v <= 1, "class_weighting must be between 0 and 1, was " + v), Double::valueOf);
    public static final Setting<Long> SEED = Setting.of("seed", 42L, v -> { }, Long::valueOf);
    public static final Setting<FieldsLevel> FIELDS_LEVEL = Setting.of("fields_level", FieldsLevel.FIELDS,
            v -> { }, FieldsLevel::valueOf);
    public static final Setting<Integer> MIN_FIELDS = Setting.of("min_fields", 1, atLeast("min_fields", 0),
            Integer::valueOf);
    public static final Setting<Integer> CALIBRATION_FOLDS = Setting.of("calibration_folds", 3,
            atLeast("calibration_folds", 0), Integer::valueOf);
    public static final Setting<Boolean> TUNE_THRESHOLDS = Setting.of("tune_thresholds", false, v -> { },
            TrainingSettings::parseBoolean);
    public static final Setting<Integer> MIN_THRESHOLD_SUPPORT = Setting.of("min_threshold_support", 10,
            atLeast("min_threshold_support", 1), Integer::valueOf);
    public static final Setting<Double> THRESHOLD_SHRINKAGE = Setting.of("threshold_shrinkage", 60.0,
            v -> Setting.require(v >= 0 && !v.isInfinite(), "threshold_shrinkage must be a number >= 0, was " + v),
            Double::valueOf);
    public static final Setting<Integer> MIN_SOURCE_COUNT = Setting.of("min_source_count", 5,
            atLeast("min_source_count", 1), Integer::valueOf);
    public static final Setting<SourceExamples> SOURCE_EXAMPLES = Setting.of("source_examples",
            SourceExamples.EACH_LISTED, v -> { }, SourceExamples::valueOf);
    public static final Setting<FeatureConfig> FIELDS_FEATURES = Setting.of("fields_features",
            FeatureConfig.defaults().toBuilder().titleNamespace(false)
                    .metadata(EnumSet.of(FeatureConfig.MetadataFamily.PERIOD)).build(), v -> { }, FeatureConfig::toString,
            FeatureConfig::parse);
    public static final Setting<FeatureConfig> SOURCES_FEATURES = Setting.of("sources_features",
            FeatureConfig.defaults().toBuilder().stemming(false).build(), v -> { }, FeatureConfig::toString,
            FeatureConfig::parse);
    public static final Setting<Ensemble> ENSEMBLE = Setting.of("ensemble", Ensemble.WORDS, v -> { },
            Ensemble::text, Ensemble::parse);
    public static final Setting<Double> SENTENCES_COST = Setting.of("sentences_cost", 3.0,
            positive("sentences_cost"), Double::valueOf);

    /** Every setting, in the order of the text form and the manifest. */
    public static final List<Setting<?>> SETTINGS = List.of(ALGORITHM, SOURCES_ALGORITHM, FIELDS_COST, SOURCES_COST,
            CLASS_WEIGHTING, SEED, FIELDS_LEVEL, MIN_FIELDS, CALIBRATION_FOLDS, TUNE_THRESHOLDS,
            MIN_THRESHOLD_SUPPORT, THRESHOLD_SHRINKAGE, MIN_SOURCE_COUNT, SOURCE_EXAMPLES, FIELDS_FEATURES,
            SOURCES_FEATURES, ENSEMBLE, SENTENCES_COST);

    /**
     * The settings that bundles written before them lack, with the value that reproduces how those were trained:
     * a bundle's manifest without them reads as their defaults.
     */
    private static final List<Setting<?>> ADDED_LATER = List.of(ENSEMBLE, SENTENCES_COST);

    private static final TrainingSettings DEFAULTS = builder().build();

    private final SettingValues values;

    private TrainingSettings(SettingValues values) {
        this.values = values;
    }

    /**
     * The defaults: the configuration that measured best in seeded 5-fold cross-validation on the bundled corpus
     * (bench/README.md): one-vs-rest linear SVMs with C 0.3 for the fields and C 0.5 for the sources, balanced
     * class weights, probabilities calibrated on 3 folds, each field's threshold at the model's own decision
     * boundary (thresholds tuned on held-out folds scored no better), at least one field, sources with fewer than
     * 5 items folded into "Other", an item counted for each source it lists, and metadata features of value 0.5
     * ({@link FeatureConfig#metadataWeight()}).
     */
    public static TrainingSettings defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder(SettingValues.defaults(SETTINGS));
    }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        return new Builder(values);
    }

    /** The value of a setting. */
    public <T> T get(Setting<T> setting) {
        return values.get(setting);
    }

    /** The learner of the fields-of-work task. */
    public Algorithm algorithm() {
        return get(ALGORITHM);
    }

    /** The learner of the source-body task. */
    public Algorithm sourcesAlgorithm() {
        return get(SOURCES_ALGORITHM);
    }

    /** LibLinear's cost C of the fields models: higher fits the training data more closely. */
    public double fieldsCost() {
        return get(FIELDS_COST);
    }

    /** LibLinear's cost C of the sources models. */
    public double sourcesCost() {
        return get(SOURCES_COST);
    }

    /**
     * How much more a rare label's training items weigh, as an exponent of the balanced weight: each label's
     * positive items weigh {@code (balanced weight)^classWeighting}, the balanced weight being negatives over
     * positives for a field and {@code items / (classes * items of the class)} for a source. 0 weighs every item
     * alike, 1 is fully balanced (scikit-learn's {@code class_weight="balanced"}).
     */
    public double classWeighting() {
        return get(CLASS_WEIGHTING);
    }

    /** The seed of every random choice: calibration folds and trainers. */
    public long seed() {
        return get(SEED);
    }

    /** The label set of the fields-of-work task: the 23 fields, or the site's finer sub-topics. */
    public FieldsLevel fieldsLevel() {
        return get(FIELDS_LEVEL);
    }

    /** A document always gets at least this many fields (those of its highest margins), whatever the thresholds. */
    public int minFields() {
        return get(MIN_FIELDS);
    }

    /**
     * Each label's calibration from margin to probability is fitted on the margins that models trained on the
     * other folds give each training item, from this many folds of the training items; below 2, or on a corpus
     * too small to split, it is fitted on the final model's own margins of its training items, which makes the
     * probabilities overconfident.
     */
    public int calibrationFolds() {
        return get(CALIBRATION_FOLDS);
    }

    /**
     * Whether each field's threshold is tuned to the best F1 on the calibration folds' held-out probabilities;
     * otherwise it is the probability at the model's own decision boundary (margin 0).
     */
    public boolean tuneThresholds() {
        return get(TUNE_THRESHOLDS);
    }

    /** A label with fewer positive training items than this keeps the model's own threshold instead of a tuned one. */
    public int minThresholdSupport() {
        return get(MIN_THRESHOLD_SUPPORT);
    }

    /**
     * How strongly tuned thresholds are pulled back to the model's own decision threshold, counted in positive
     * items: a label with as many positive items as this ends half-way. 0 keeps the tuned thresholds as tuned.
     */
    public double thresholdShrinkage() {
        return get(THRESHOLD_SHRINKAGE);
    }

    /** Sources with fewer training items than this fold into {@link TrainedClassifier#OTHER_SOURCE}. */
    public int minSourceCount() {
        return get(MIN_SOURCE_COUNT);
    }

    public SourceExamples sourceExamples() {
        return get(SOURCE_EXAMPLES);
    }

    /**
     * The features of the fields task. By default the title's words count as body words, and of the metadata
     * only the publication period is used: in cross-validation a separate title namespace and the other
     * metadata families (place, states, bodies, ...) lowered the fields scores.
     */
    public FeatureConfig fieldsFeatures() {
        return get(FIELDS_FEATURES);
    }

    /**
     * The features of the sources task: by default text without stemming and every metadata family, the
     * dateline place above all.
     */
    public FeatureConfig sourcesFeatures() {
        return get(SOURCES_FEATURES);
    }

    /** The members of each task's model: the word model alone, or stacked with a sentence-embedding model. */
    public Ensemble ensemble() {
        return get(ENSEMBLE);
    }

    /**
     * LibLinear's cost C of the sentence-embedding models of both tasks. Embeddings have length 1, spread over 384
     * dimensions, so their margins need larger weights than sparse word features do: 3 and 10 measured level in
     * cross-validation and well above 1, and 3 best on running text (bench/README.md, "Ensemble").
     */
    public double sentencesCost() {
        return get(SENTENCES_COST);
    }

    /** Each setting's name and text form, in {@link #SETTINGS} order. */
    public Map<String, String> asText() {
        return values.asText();
    }

    /**
     * Settings from their text form ({@link #asText()}); a setting that text written before it existed lacks
     * ({@link #ADDED_LATER}) reads as its default.
     *
     * @throws IllegalArgumentException when another setting is missing or a value is not one its setting takes
     */
    public static TrainingSettings fromText(Map<String, String> text) {
        return new TrainingSettings(builder().values.withText(text, ADDED_LATER));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingSettings t && values.equals(t.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "TrainingSettings" + asText();
    }

    /** Builds {@link TrainingSettings}; every setter checks its value at once. */
    public static final class Builder {
        private SettingValues values;

        private Builder(SettingValues values) {
            this.values = values;
        }

        /** Sets a setting. */
        public <T> Builder set(Setting<T> setting, T value) {
            values = values.with(setting, value);
            return this;
        }

        public Builder algorithm(Algorithm value) {
            return set(ALGORITHM, value);
        }

        public Builder sourcesAlgorithm(Algorithm value) {
            return set(SOURCES_ALGORITHM, value);
        }

        public Builder fieldsCost(double value) {
            return set(FIELDS_COST, value);
        }

        public Builder sourcesCost(double value) {
            return set(SOURCES_COST, value);
        }

        public Builder classWeighting(double value) {
            return set(CLASS_WEIGHTING, value);
        }

        public Builder seed(long value) {
            return set(SEED, value);
        }

        public Builder fieldsLevel(FieldsLevel value) {
            return set(FIELDS_LEVEL, value);
        }

        public Builder minFields(int value) {
            return set(MIN_FIELDS, value);
        }

        public Builder calibrationFolds(int value) {
            return set(CALIBRATION_FOLDS, value);
        }

        public Builder tuneThresholds(boolean value) {
            return set(TUNE_THRESHOLDS, value);
        }

        public Builder minThresholdSupport(int value) {
            return set(MIN_THRESHOLD_SUPPORT, value);
        }

        public Builder thresholdShrinkage(double value) {
            return set(THRESHOLD_SHRINKAGE, value);
        }

        public Builder minSourceCount(int value) {
            return set(MIN_SOURCE_COUNT, value);
        }

        public Builder sourceExamples(SourceExamples value) {
            return set(SOURCE_EXAMPLES, value);
        }

        public Builder fieldsFeatures(FeatureConfig value) {
            return set(FIELDS_FEATURES, value);
        }

        public Builder sourcesFeatures(FeatureConfig value) {
            return set(SOURCES_FEATURES, value);
        }

        public Builder ensemble(Ensemble value) {
            return set(ENSEMBLE, value);
        }

        public Builder sentencesCost(double value) {
            return set(SENTENCES_COST, value);
        }

        public TrainingSettings build() {
            return new TrainingSettings(values);
        }
    }

    private static Consumer<Double> positive(String name) {
        return v -> Setting.require(v > 0 && !v.isInfinite(), name + " must be a positive number, was " + v);
    }

    private static Consumer<Integer> atLeast(String name, int min) {
        return v -> Setting.require(v >= min, name + " must be at least " + min + ", was " + v);
    }

    private static boolean parseBoolean(String text) {
        Setting.require(text.equals("true") || text.equals("false"), "not true or false: " + text);
        return Boolean.parseBoolean(text);
    }
}
