package org.osceclassify.classifier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the two tasks under the three ways of splitting a corpus: a seeded holdout, seeded k-fold
 * cross-validation and a split in time. Each split trains with {@link Training#train} on its training items only
 * (the feature pipeline included) and tests on the rest; the splits use the settings' seed.
 *
 * <p>Cross-validation pools the out-of-fold predictions of all folds and scores them once, so macro-F1 averages
 * over the labels with at least {@value FieldsEvaluation#MACRO_MIN_SUPPORT} items in the whole corpus; the
 * thresholds it reports are the mean over the folds.
 */
public final class Evaluations {

    private static final Logger LOG = LoggerFactory.getLogger(Evaluations.class);

    private Evaluations() {
    }

    /**
     * The {@link Evaluation#WORST_ERRORS} most confident wrong labels, most confident first; ties in document id
     * and task order, so that the list does not depend on the order of the folds.
     */
    static List<LabelError> worst(List<LabelError> errors) {
        return errors.stream()
                .sorted(Comparator.comparingDouble(LabelError::probability).reversed()
                        .thenComparing(LabelError::id).thenComparing(LabelError::task))
                .limit(Evaluation.WORST_ERRORS)
                .toList();
    }

    /** Trains on a random {@code 1 - testFraction} of the corpus and tests on the rest. */
    public static Evaluation holdout(TrainingSettings settings, Taxonomy taxonomy, List<OsceDocument> corpus,
                                     double testFraction) {
        Splits.Split split = Splits.holdout(corpus.size(), testFraction, settings.seed());
        String method = String.format(java.util.Locale.ROOT, "holdout %.0f%% (seed %d)", 100 * testFraction,
                settings.seed());
        return evaluate(method, settings, taxonomy, corpus, List.of(split));
    }

    /** Trains and tests {@code folds} times, each fold of the seeded shuffle serving once as the test items. */
    public static Evaluation crossValidate(TrainingSettings settings, Taxonomy taxonomy, List<OsceDocument> corpus,
                                           int folds) {
        return crossValidate(settings, taxonomy, corpus, folds, Progress.NONE);
    }

    /**
     * {@link #crossValidate(TrainingSettings, Taxonomy, List, int)}, telling {@code progress} as each fold starts.
     */
    public static Evaluation crossValidate(TrainingSettings settings, Taxonomy taxonomy, List<OsceDocument> corpus,
                                           int folds, Progress progress) {
        return crossValidate(settings, taxonomy, corpus, folds, Runtime.getRuntime().availableProcessors(), progress);
    }

    /**
     * {@link #crossValidate(TrainingSettings, Taxonomy, List, int, Progress)}, each fold trained on {@code threads}
     * threads; the evaluation is the same for any number.
     */
    public static Evaluation crossValidate(TrainingSettings settings, Taxonomy taxonomy, List<OsceDocument> corpus,
                                           int folds, int threads, Progress progress) {
        List<Splits.Split> splits = Splits.kFold(corpus.size(), folds, settings.seed());
        String method = folds + "-fold cross-validation (seed " + settings.seed() + ")";
        return evaluate(method, settings, taxonomy, corpus, splits, progress,
                split -> Training.train(settings, taxonomy, split.train(corpus), threads));
    }

    /** Told as each split of an evaluation starts, to show a long run's progress. */
    @FunctionalInterface
    public interface Progress {
        /** Tells nothing. */
        Progress NONE = (split, splits, trainItems, testItems) -> { };

        /**
         * @param split      the split starting, from 1
         * @param splits     the splits in all (the folds of a cross-validation)
         * @param trainItems the items it trains on
         * @param testItems  the items it tests on
         */
        void splitStarted(int split, int splits, int trainItems, int testItems);
    }

    /** Trains on the items dated before {@code from} (and the undated ones) and tests on those dated later. */
    public static Evaluation timeSplit(TrainingSettings settings, Taxonomy taxonomy, List<OsceDocument> corpus,
                                       LocalDate from) {
        Splits.Split split = Splits.byDate(corpus, from);
        if (split.test().isEmpty() || split.train().isEmpty()) {
            throw new IllegalArgumentException("a time split at " + from + " leaves " + split.train().size()
                    + " items for training and " + split.test().size() + " for testing");
        }
        return evaluate("time split at " + from, settings, taxonomy, corpus, List.of(split));
    }

    /** Tests an already trained classifier on labelled documents, which it should not have been trained on. */
    public static Evaluation test(TrainedClassifier classifier, List<OsceDocument> docs, String method) {
        Splits.Split all = new Splits.Split(List.of(), IntStream.range(0, docs.size()).boxed().toList());
        Evaluation e = evaluate(method, classifier.settings(), classifier.taxonomy(), docs, List.of(all),
                Progress.NONE, split -> classifier);
        return new Evaluation(e.method(), classifier.summary().items(), e.testItems(), e.fields(), e.sources(),
                e.fieldsCalibration(), e.sourcesCalibration(), e.spread(), e.worstErrors());
    }

    private static Evaluation evaluate(String method, TrainingSettings settings, Taxonomy taxonomy,
                                       List<OsceDocument> corpus, List<Splits.Split> splits) {
        return evaluate(method, settings, taxonomy, corpus, splits, Progress.NONE,
                split -> Training.train(settings, taxonomy, split.train(corpus)));
    }

    /**
     * Trains (with {@code train}) and tests on each split of {@code corpus}, and scores the pooled test predictions
     * once.
     */
    static Evaluation evaluate(String method, TrainingSettings settings, Taxonomy taxonomy,
                               List<OsceDocument> corpus, List<Splits.Split> splits, Progress progress,
                               Function<Splits.Split, TrainedClassifier> train) {
        List<OsceDocument> labelled = Training.labelled(corpus, taxonomy, settings);
        List<Set<String>> fieldsTruth = new ArrayList<>();
        List<Set<String>> fieldsPredicted = new ArrayList<>();
        Set<String> fieldLabels = new TreeSet<>();
        Map<String, double[]> thresholdSums = new HashMap<>(); // label -> {sum, count}
        List<List<String>> sourcesTruth = new ArrayList<>();
        List<List<String>> sourcesRanked = new ArrayList<>();
        Set<String> sourceClasses = new TreeSet<>();
        List<Double> fieldProbabilities = new ArrayList<>();
        List<Boolean> fieldsRight = new ArrayList<>();
        List<Double> topSourceProbabilities = new ArrayList<>();
        List<Boolean> topSourceRight = new ArrayList<>();
        int trainItems = 0;
        int testItems = 0;
        int round = 0;
        List<LabelError> errors = new ArrayList<>();
        List<FieldsEvaluation> foldFields = new ArrayList<>();
        List<SourcesEvaluation> foldSources = new ArrayList<>();
        for (Splits.Split split : splits) {
            LOG.debug("{}: training on {} items, testing on {} ({} of {})", method, split.train().size(),
                    split.test().size(), ++round, splits.size());
            progress.splitStarted(round, splits.size(), split.train().size(), split.test().size());
            int fieldsFrom = fieldsTruth.size();
            int sourcesFrom = sourcesTruth.size();
            TrainedClassifier classifier = train.apply(split);
            trainItems += split.train().size();
            testItems += split.test().size();
            fieldLabels.addAll(classifier.summary().fieldCounts().keySet());
            sourceClasses.addAll(classifier.summary().sourceCounts().keySet());
            classifier.thresholds().forEach((label, t) ->
                    thresholdSums.merge(label, new double[] {t, 1}, (a, b) -> new double[] {a[0] + b[0], a[1] + 1}));
            for (OsceDocument doc : split.test(labelled)) {
                Set<String> fields = new LinkedHashSet<>(doc.labels().fields());
                List<String> sources = doc.labels().sources();
                if (fields.isEmpty() && sources.isEmpty()) {
                    continue;
                }
                Prediction prediction = classifier.predict(doc);
                if (!fields.isEmpty()) {
                    fieldsTruth.add(fields);
                    Set<String> predicted = new LinkedHashSet<>();
                    for (ScoredLabel f : prediction.fields()) {
                        predicted.add(f.label());
                        fieldProbabilities.add(f.probability());
                        fieldsRight.add(fields.contains(f.label()));
                    }
                    fieldsPredicted.add(predicted);
                    prediction.fields().stream().filter(f -> !fields.contains(f.label()))
                            .max(Comparator.comparingDouble(ScoredLabel::probability))
                            .ifPresent(wrong -> errors.add(new LabelError(doc.id(), doc.origin().toString(),
                                    doc.title(), LabelError.FIELDS, wrong.label(), wrong.probability(),
                                    List.copyOf(predicted), List.copyOf(fields))));
                }
                if (!sources.isEmpty()) {
                    List<String> truth = sources.stream().map(classifier::sourceClass).distinct().toList();
                    sourcesTruth.add(truth);
                    sourcesRanked.add(prediction.sources().stream().map(ScoredLabel::label).toList());
                    prediction.source().ifPresent(top -> {
                        topSourceProbabilities.add(top.probability());
                        topSourceRight.add(truth.contains(top.label()));
                        if (!truth.contains(top.label())) {
                            errors.add(new LabelError(doc.id(), doc.origin().toString(), doc.title(),
                                    LabelError.SOURCES, top.label(), top.probability(), List.of(top.label()), truth));
                        }
                    });
                }
            }
            if (splits.size() > 1) {
                foldFields.add(Metrics.fields(fieldsTruth.subList(fieldsFrom, fieldsTruth.size()),
                        fieldsPredicted.subList(fieldsFrom, fieldsPredicted.size()), fieldLabels, Map.of()));
                foldSources.add(Metrics.sources(sourcesTruth.subList(sourcesFrom, sourcesTruth.size()),
                        sourcesRanked.subList(sourcesFrom, sourcesRanked.size()), List.copyOf(sourceClasses)));
            }
        }
        Map<String, Double> thresholds = new HashMap<>();
        thresholdSums.forEach((label, sum) -> thresholds.put(label, sum[0] / sum[1]));
        return new Evaluation(method, Math.round((float) trainItems / splits.size()), testItems,
                Metrics.fields(fieldsTruth, fieldsPredicted, fieldLabels, thresholds),
                Metrics.sources(sourcesTruth, sourcesRanked, List.copyOf(sourceClasses)),
                Reliability.of(fieldProbabilities, fieldsRight), Reliability.of(topSourceProbabilities, topSourceRight),
                FoldSpread.of(foldFields, foldSources), worst(errors));
    }
}
