package org.osceclassify.classifier;

import java.util.EnumSet;
import java.util.Objects;

import org.osceclassify.features.FeatureConfig;

/**
 * How {@link Training} trains the two tasks: the algorithm and its cost, the label sets, the thresholds and the
 * features. Immutable; build one with {@link #builder()}, or take {@link #defaults()}, the configuration that
 * measured best on the shared corpus.
 */
public final class TrainingSettings {

    /** The learner of the fields-of-work task. */
    public enum Algorithm {
        /** One-vs-rest L2-regularised logistic regression (LibLinear {@code L2R_LR}): scores are probabilities. */
        LOGISTIC,
        /** One-vs-rest linear SVM (LibLinear {@code L2R_L2LOSS_SVC_DUAL}): scores are decision values. */
        SVM
    }

    /** The label set of the fields-of-work task. */
    public enum FieldsLevel {
        /** The 23 fields of work; sub-topics count as their field. */
        FIELDS,
        /** The site's finer sub-topics where an item has one, else its field. */
        TOPICS
    }

    /** How an item that lists several source bodies becomes training examples of the sources task. */
    public enum SourceExamples {
        /** One training example per listed source. */
        EACH_LISTED,
        /** One training example, labelled with the first-listed source. */
        FIRST_LISTED
    }

    private final Algorithm algorithm;
    private final Algorithm sourcesAlgorithm;
    private final double fieldsCost;
    private final double sourcesCost;
    private final double classWeighting;
    private final long seed;
    private final FieldsLevel fieldsLevel;
    private final int minFields;
    private final int calibrationFolds;
    private final boolean tuneThresholds;
    private final int minThresholdSupport;
    private final double thresholdShrinkage;
    private final int minSourceCount;
    private final SourceExamples sourceExamples;
    private final FeatureConfig fieldsFeatures;
    private final FeatureConfig sourcesFeatures;

    private TrainingSettings(Builder b) {
        this.algorithm = b.algorithm;
        this.sourcesAlgorithm = b.sourcesAlgorithm;
        this.fieldsCost = b.fieldsCost;
        this.sourcesCost = b.sourcesCost;
        this.classWeighting = b.classWeighting;
        this.seed = b.seed;
        this.fieldsLevel = b.fieldsLevel;
        this.minFields = b.minFields;
        this.calibrationFolds = b.calibrationFolds;
        this.tuneThresholds = b.tuneThresholds;
        this.minThresholdSupport = b.minThresholdSupport;
        this.thresholdShrinkage = b.thresholdShrinkage;
        this.minSourceCount = b.minSourceCount;
        this.sourceExamples = b.sourceExamples;
        this.fieldsFeatures = b.fieldsFeatures;
        this.sourcesFeatures = b.sourcesFeatures;
    }

    /**
     * The defaults: the configuration that measured best in seeded 5-fold cross-validation on the bundled corpus
     * (bench/README.md): one-vs-rest linear SVMs with C 0.3 for the fields, a multi-class linear SVM with C 0.5
     * for the sources, balanced class weights, the SVM's own decision threshold 0 for every field (thresholds
     * tuned on inner folds scored no better, at several times the training cost), at least one field, sources
     * with fewer than 5 items folded into "Other", one training example per listed source, and metadata features
     * of value 0.5 ({@link FeatureConfig#metadataWeight()}).
     */
    public static TrainingSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /**
     * The learner of the source-body task, a multi-class LibLinear model: {@link Algorithm#LOGISTIC} (scores are
     * probabilities) or {@link Algorithm#SVM} (scores are decision values).
     */
    public Algorithm sourcesAlgorithm() {
        return sourcesAlgorithm;
    }

    /** LibLinear's cost C of the fields models: higher fits the training data more closely. */
    public double fieldsCost() {
        return fieldsCost;
    }

    /** LibLinear's cost C of the sources model. */
    public double sourcesCost() {
        return sourcesCost;
    }

    /**
     * How much more a rare label's training items weigh, as an exponent of the balanced weight: each label's
     * items weigh {@code (balanced weight)^classWeighting}, the balanced weight being negatives over positives for
     * a field and {@code items / (classes * items of the class)} for a source. 0 weighs every item alike, 1 is
     * fully balanced (scikit-learn's {@code class_weight="balanced"}).
     */
    public double classWeighting() {
        return classWeighting;
    }

    /** The seed of every random choice: inner folds, trainers, ensembles. */
    public long seed() {
        return seed;
    }

    public FieldsLevel fieldsLevel() {
        return fieldsLevel;
    }

    /** A document always gets at least this many fields (its best-scored ones), whatever the thresholds say. */
    public int minFields() {
        return minFields;
    }

    /**
     * Each label's calibration from margin to probability is fitted on the margins that models trained on the
     * other folds give each training item, from this many folds of the training items; below 2, or on a corpus
     * too small to split, it is fitted on the final model's own margins of its training items, which makes the
     * probabilities overconfident.
     */
    public int calibrationFolds() {
        return calibrationFolds;
    }

    /**
     * Whether each field's threshold is tuned to the best F1 on the calibration folds' held-out probabilities;
     * otherwise it is the probability at the model's own decision boundary (margin 0).
     */
    public boolean tuneThresholds() {
        return tuneThresholds;
    }

    /** A label with fewer positive training items than this keeps the model's own threshold instead of a tuned one. */
    public int minThresholdSupport() {
        return minThresholdSupport;
    }

    /**
     * How strongly tuned thresholds are pulled back to the model's own decision threshold, counted in positive
     * items: a label with as many positive items as this ends half-way. 0 keeps the tuned thresholds as tuned.
     */
    public double thresholdShrinkage() {
        return thresholdShrinkage;
    }

    /** Sources with fewer training items than this fold into {@link TrainedClassifier#OTHER_SOURCE}. */
    public int minSourceCount() {
        return minSourceCount;
    }

    public SourceExamples sourceExamples() {
        return sourceExamples;
    }

    /**
     * The features of the fields task. By default the title's words count as body words, and of the metadata
     * only the publication period is used: in cross-validation a separate title namespace and the other
     * metadata families (place, states, bodies, ...) lowered the fields scores.
     */
    public FeatureConfig fieldsFeatures() {
        return fieldsFeatures;
    }

    /**
     * The features of the sources task: by default text without stemming and every metadata family, the
     * dateline place above all.
     */
    public FeatureConfig sourcesFeatures() {
        return sourcesFeatures;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingSettings t && algorithm == t.algorithm && sourcesAlgorithm == t.sourcesAlgorithm
                && Double.compare(fieldsCost, t.fieldsCost) == 0 && Double.compare(sourcesCost, t.sourcesCost) == 0
                && Double.compare(classWeighting, t.classWeighting) == 0 && seed == t.seed && fieldsLevel == t.fieldsLevel
                && minFields == t.minFields && calibrationFolds == t.calibrationFolds
                && tuneThresholds == t.tuneThresholds
                && minThresholdSupport == t.minThresholdSupport
                && Double.compare(thresholdShrinkage, t.thresholdShrinkage) == 0
                && minSourceCount == t.minSourceCount && sourceExamples == t.sourceExamples
                && fieldsFeatures.equals(t.fieldsFeatures) && sourcesFeatures.equals(t.sourcesFeatures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, sourcesAlgorithm, fieldsCost, sourcesCost, classWeighting, seed, fieldsLevel, minFields,
                calibrationFolds, tuneThresholds, minThresholdSupport, thresholdShrinkage, minSourceCount, sourceExamples, fieldsFeatures,
                sourcesFeatures);
    }

    @Override
    public String toString() {
        return "TrainingSettings{algorithm=" + algorithm + ", sourcesAlgorithm=" + sourcesAlgorithm + ", fieldsCost=" + fieldsCost + ", sourcesCost="
                + sourcesCost + ", classWeighting=" + classWeighting + ", seed=" + seed + ", fieldsLevel="
                + fieldsLevel + ", minFields=" + minFields + ", calibrationFolds=" + calibrationFolds
                + ", tuneThresholds=" + tuneThresholds
                + ", minThresholdSupport=" + minThresholdSupport + ", thresholdShrinkage=" + thresholdShrinkage
                + ", minSourceCount=" + minSourceCount + ", sourceExamples=" + sourceExamples + ", fieldsFeatures="
                + fieldsFeatures + ", sourcesFeatures=" + sourcesFeatures + "}";
    }

    /** Builds {@link TrainingSettings}; every setter checks its value at once. */
    public static final class Builder {
        private Algorithm algorithm = Algorithm.SVM;
        private Algorithm sourcesAlgorithm = Algorithm.SVM;
        private double fieldsCost = 0.3;
        private double sourcesCost = 0.5;
        private double classWeighting = 1.0;
        private long seed = 42L;
        private FieldsLevel fieldsLevel = FieldsLevel.FIELDS;
        private int minFields = 1;
        private int calibrationFolds = 3;
        private boolean tuneThresholds = false;
        private int minThresholdSupport = 10;
        private double thresholdShrinkage = 60;
        private int minSourceCount = 5;
        private SourceExamples sourceExamples = SourceExamples.EACH_LISTED;
        private FeatureConfig fieldsFeatures = FeatureConfig.defaults().toBuilder().titleNamespace(false)
                .metadata(EnumSet.of(FeatureConfig.MetadataFamily.PERIOD)).build();
        private FeatureConfig sourcesFeatures = FeatureConfig.defaults().toBuilder().stemming(false).build();

        private Builder() {
        }

        private Builder(TrainingSettings s) {
            algorithm = s.algorithm;
            sourcesAlgorithm = s.sourcesAlgorithm;
            fieldsCost = s.fieldsCost;
            sourcesCost = s.sourcesCost;
            classWeighting = s.classWeighting;
            seed = s.seed;
            fieldsLevel = s.fieldsLevel;
            minFields = s.minFields;
            calibrationFolds = s.calibrationFolds;
            tuneThresholds = s.tuneThresholds;
            minThresholdSupport = s.minThresholdSupport;
            thresholdShrinkage = s.thresholdShrinkage;
            minSourceCount = s.minSourceCount;
            sourceExamples = s.sourceExamples;
            fieldsFeatures = s.fieldsFeatures;
            sourcesFeatures = s.sourcesFeatures;
        }

        public Builder algorithm(Algorithm value) {
            algorithm = Objects.requireNonNull(value, "algorithm");
            return this;
        }

        public Builder sourcesAlgorithm(Algorithm value) {
            sourcesAlgorithm = Objects.requireNonNull(value, "sourcesAlgorithm");
            return this;
        }

        public Builder fieldsCost(double value) {
            fieldsCost = positive("fieldsCost", value);
            return this;
        }

        public Builder sourcesCost(double value) {
            sourcesCost = positive("sourcesCost", value);
            return this;
        }

        public Builder classWeighting(double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("classWeighting must be between 0 and 1, was " + value);
            }
            classWeighting = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder fieldsLevel(FieldsLevel value) {
            fieldsLevel = Objects.requireNonNull(value, "fieldsLevel");
            return this;
        }

        public Builder minFields(int value) {
            minFields = atLeast("minFields", value, 0);
            return this;
        }

        public Builder calibrationFolds(int value) {
            calibrationFolds = atLeast("calibrationFolds", value, 0);
            return this;
        }

        public Builder tuneThresholds(boolean value) {
            tuneThresholds = value;
            return this;
        }

        public Builder minThresholdSupport(int value) {
            minThresholdSupport = atLeast("minThresholdSupport", value, 1);
            return this;
        }

        public Builder thresholdShrinkage(double value) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("thresholdShrinkage must be a number >= 0, was " + value);
            }
            thresholdShrinkage = value;
            return this;
        }

        public Builder minSourceCount(int value) {
            minSourceCount = atLeast("minSourceCount", value, 1);
            return this;
        }

        public Builder sourceExamples(SourceExamples value) {
            sourceExamples = Objects.requireNonNull(value, "sourceExamples");
            return this;
        }

        public Builder fieldsFeatures(FeatureConfig value) {
            fieldsFeatures = Objects.requireNonNull(value, "fieldsFeatures");
            return this;
        }

        public Builder sourcesFeatures(FeatureConfig value) {
            sourcesFeatures = Objects.requireNonNull(value, "sourcesFeatures");
            return this;
        }

        public TrainingSettings build() {
            return new TrainingSettings(this);
        }

        private static double positive(String name, double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(name + " must be a positive number, was " + value);
            }
            return value;
        }

        private static int atLeast(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
            }
            return value;
        }
    }
}
