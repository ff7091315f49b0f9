package org.osceclassify.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.osceclassify.features.FeaturePipeline;
import org.osceclassify.features.SentenceEncoder;
import org.osceclassify.model.OsceDocument;
import org.tribuo.ImmutableFeatureMap;

/**
 * Trains one task's {@link LinearModel}: each label's one-vs-rest problem as a separate Tribuo LibLinear training,
 * all of them on a shared pool of threads, on the whole task and on each calibration fold; then each label's
 * calibration, fitted on the margins the folds' models give the items they were not trained on, and its threshold.
 *
 * <p>Each training has its own seed, drawn in a fixed order before any runs, and the results are assembled in
 * label and fold order, so the model does not depend on the number of threads.
 */
final class TaskTraining {

    /**
     * A task's training problems: its documents' features, and for each label which documents have it and how
     * much more its positive items weigh.
     *
     * @param name            the task, in words, for provenance
     * @param pipeline        the task's fitted feature pipeline
     * @param docs            the task's training documents, labels removed
     * @param labels          the labels, in model order
     * @param positive        {@code positive[label][doc]}: whether the document has the label
     * @param positiveWeights each label's weight of its positive items (the negatives weigh 1)
     * @param exclusive       whether a document has one label of the task, see {@link LinearModel#exclusive()}
     */
    record Task(String name, FeaturePipeline pipeline, List<OsceDocument> docs, List<String> labels,
                boolean[][] positive, float[] positiveWeights, boolean exclusive) {
    }

    /**
     * A task's result: the word model, and with sentence embeddings the sentence member and the combiners, whose
     * probabilities and thresholds are then the task's (the word model keeps its own calibrations).
     */
    record Trained(LinearModel words, SentenceStack stack) {
    }

    private final Task task;
    private final TrainingSettings settings;
    private final LabelTraining trainings;
    /** The sentence member's trainings, or null without sentence embeddings. */
    private final LabelTraining sentences;
    private final SentenceEncoder encoder;
    /** Each document's sentence embedding, in the task's document order, or null without sentence embeddings. */
    private final float[][] vectors;

    TaskTraining(Task task, TrainingSettings.Algorithm solver, double cost, TrainingSettings settings) {
        this(task, solver, cost, settings, null, null);
    }

    /**
     * A task's training with a sentence member over {@code vectors} (each document's embedding by {@code encoder},
     * in the task's document order), or without one when {@code vectors} is null.
     */
    TaskTraining(Task task, TrainingSettings.Algorithm solver, double cost, TrainingSettings settings,
                 SentenceEncoder encoder, float[][] vectors) {
        this.task = task;
        this.settings = settings;
        this.trainings = new LabelTraining(task, solver, cost);
        this.encoder = encoder;
        this.sentences = vectors == null ? null
                : new LabelTraining(task, vectors, solver, settings.sentencesCost());
        this.vectors = vectors;
    }

    /**
     * Trains the task on {@code pool}: every label on all documents, and, with at least two calibration folds
     * and enough documents, every label on each fold's training part.
     */
    Started start(ExecutorService pool) {
        int n = task.docs().size();
        int k = settings.calibrationFolds();
        List<Splits.Split> folds = k >= 2 && n >= 2 * k ? Splits.kFold(n, k, settings.seed()) : List.of();
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        List<Integer> all = java.util.stream.IntStream.range(0, n).boxed().toList();

        Member words = submit(trainings, folds, all, seeds, pool);
        // The sentence member's seeds come after the word model's, which are drawn as without it.
        Member sentenceMember = sentences == null ? null : submit(sentences, folds, all, seeds, pool);
        return new Started(folds, words, sentenceMember);
    }

    /** One member's trainings: every label on all documents, and on each calibration fold's training part. */
    private record Member(LabelTraining training, List<Future<LabelTraining.LabelWeights>> whole,
                          List<List<Future<LabelTraining.LabelWeights>>> byFold) {
    }

    /** Submits a member's trainings to {@code pool}, each with the next seed of {@code seeds}. */
    private Member submit(LabelTraining member, List<Splits.Split> folds, List<Integer> all,
                          SplittableRandom seeds, ExecutorService pool) {
        List<Future<LabelTraining.LabelWeights>> whole = submit(member, all, seeds, pool, true);
        List<List<Future<LabelTraining.LabelWeights>>> byFold = new ArrayList<>();
        for (Splits.Split fold : folds) {
            byFold.add(submit(member, fold.train(), seeds, pool, false));
        }
        return new Member(member, whole, byFold);
    }

    private List<Future<LabelTraining.LabelWeights>> submit(LabelTraining member, List<Integer> items,
                                                           SplittableRandom seeds, ExecutorService pool,
                                                           boolean withProvenance) {
        ImmutableFeatureMap features = member.featureMap(items);
        List<Future<LabelTraining.LabelWeights>> models = new ArrayList<>();
        for (int l = 0; l < task.labels().size(); l++) {
            int label = l;
            long seed = seeds.nextLong();
            models.add(pool.submit(() -> member.train(label, items, features, seed, withProvenance)));
        }
        return models;
    }

    /** The trainings of a task, submitted to a pool; {@link #finish} waits for them and calibrates. */
    final class Started {
        private final List<Splits.Split> folds;
        private final Member words;
        /** The sentence member's trainings, or null without sentence embeddings. */
        private final Member sentenceMember;

        private Started(List<Splits.Split> folds, Member words, Member sentenceMember) {
            this.folds = folds;
            this.words = words;
            this.sentenceMember = sentenceMember;
        }

        /** The word model alone, calibrated as without sentence embeddings. */
        LinearModel finish() {
            return TaskTraining.this.finish(words, heldOut(folds, words));
        }

        /** The word model and, with sentence embeddings, the sentence member and the combiners. */
        Trained finishAll() {
            double[][] wordMargins = heldOut(folds, words);
            LinearModel wordModel = TaskTraining.this.finish(words, wordMargins);
            if (sentenceMember == null) {
                return new Trained(wordModel, null);
            }
            return stack(wordModel, wordMargins, sentenceMember, heldOut(folds, sentenceMember));
        }
    }

    /** The word model, calibrated on its held-out margins {@code [label][doc]}. */
    private LinearModel finish(Member words, double[][] heldOut) {
        int labels = task.labels().size();
        List<Calibration> calibrations = new ArrayList<>();
        double[] thresholds = new double[labels];
        if (task.exclusive()) {
            // A document has one of the labels: their probabilities are a softmax of the margins at a temperature
            // fitted on the held-out margins, which sums to 1 and keeps the margins' ranking. Each label's own
            // one-vs-rest probability ignores its rivals: the top source was right far more often than it said
            // when they were weak (expected calibration error 0.076 in cross-validation, 0.044 with the softmax,
            // and ranking by those probabilities lost 0.007 of top-1 against ranking by margin).
            double temperature = Calibration.softmaxTemperature(heldOut, task.positive());
            for (int l = 0; l < labels; l++) {
                calibrations.add(new Calibration(1 / temperature, 0));
            }
        } else {
            for (int l = 0; l < labels; l++) {
                Calibration c = Calibration.fit(heldOut[l], task.positive()[l]);
                calibrations.add(c);
                thresholds[l] = settings.tuneThresholds() ? tunedThreshold(c, heldOut[l], task.positive()[l])
                        : c.probability(0);
            }
        }
        List<LabelTraining.LabelWeights> weights = words.whole().stream().map(TaskTraining::await).toList();
        StringBuilder provenance = new StringBuilder();
        for (int l = 0; l < labels; l++) {
            provenance.append("== ").append(task.labels().get(l)).append('\n').append(weights.get(l).provenance())
                    .append('\n');
        }
        return model(trainings, weights, calibrations, thresholds, provenance.toString());
    }

    /**
     * The margins {@code [label][doc]} of each document from the member's models that were not trained on it (or,
     * without folds, from the model trained on all of them, which makes the calibration overconfident: only for
     * tiny corpora).
     */
    private double[][] heldOut(List<Splits.Split> folds, Member member) {
        int n = task.docs().size();
        double[][] heldOut = new double[task.labels().size()][n];
        List<Integer> all = java.util.stream.IntStream.range(0, n).boxed().toList();
        List<List<Integer>> tested = folds.isEmpty() ? List.of(all) : folds.stream().map(Splits.Split::test).toList();
        boolean dense = member.training() == sentences;
        for (int f = 0; f < tested.size(); f++) {
            LinearModel model = uncalibrated(member.training(),
                    folds.isEmpty() ? member.whole() : member.byFold().get(f));
            LinearScorer scorer = dense ? LinearScorer.dense(model) : new LinearScorer(task.pipeline(), model);
            for (int d : tested.get(f)) {
                double[] margins = dense ? scorer.margins(vectors[d])
                        : scorer.margins(scorer.features(FeaturePipeline.analyze(task.docs().get(d))));
                for (int l = 0; l < margins.length; l++) {
                    heldOut[l][d] = margins[l];
                }
            }
        }
        return heldOut;
    }

    /**
     * The sentence member and the combiners, fitted on both members' held-out margins ({@link StackFitting}); the
     * word model takes the stack's thresholds.
     */
    private Trained stack(LinearModel words, double[][] wordMargins, Member sentenceMember,
                          double[][] sentenceMargins) {
        StackFitting.Fitted fitted = StackFitting.fit(task.exclusive(), wordMargins, sentenceMargins,
                task.positive(), settings);
        List<LabelTraining.LabelWeights> weights = sentenceMember.whole().stream().map(TaskTraining::await).toList();
        String provenance = "sentence embeddings by " + encoder.name() + " (" + encoder.checksum() + ")";
        LinearModel sentenceModel = model(sentences, weights, fitted.sentenceCalibrations(),
                fitted.sentenceThresholds(), provenance);
        return new Trained(words.withThresholds(fitted.thresholds()),
                new SentenceStack(encoder.name(), encoder.checksum(), sentenceModel, fitted.combiners()));
    }

    /**
     * The probability threshold that maximises the label's F1 on its held-out probabilities, shrunk towards the
     * model's own decision threshold (the probability of margin 0) as {@link Thresholds#tune} does.
     */
    private double tunedThreshold(Calibration c, double[] margins, boolean[] positive) {
        double[] p = new double[margins.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = c.probability(margins[i]);
        }
        return Thresholds.tune(p, positive, c.probability(0), settings.minThresholdSupport(),
                settings.thresholdShrinkage());
    }

    private LinearModel uncalibrated(LabelTraining member, List<Future<LabelTraining.LabelWeights>> fold) {
        List<LabelTraining.LabelWeights> weights = fold.stream().map(TaskTraining::await).toList();
        List<Calibration> identity = weights.stream().map(w -> new Calibration(1, 0)).toList();
        return model(member, weights, identity, new double[weights.size()], "");
    }

    private LinearModel model(LabelTraining member, List<LabelTraining.LabelWeights> weights,
                              List<Calibration> calibrations, double[] thresholds, String provenance) {
        double[][] rows = weights.stream().map(LabelTraining.LabelWeights::row).toArray(double[][]::new);
        double[] biases = weights.stream().mapToDouble(LabelTraining.LabelWeights::bias).toArray();
        return new LinearModel(member.solver(), task.exclusive(), task.labels(), member.textColumns(),
                member.metaFeatures(), rows, biases, calibrations, thresholds, provenance);
    }

    /** A task's result; its failure rethrown as it was thrown. */
    static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training was interrupted", e);
        }
    }
}
