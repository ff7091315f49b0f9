package org.osceclassify.classifier;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.osceclassify.features.FeaturePipeline;
import org.osceclassify.model.OsceDocument;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableDataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableFeatureMap;
import org.tribuo.MutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.VariableIDInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.liblinear.LinearClassificationType.LinearType;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains one task's {@link LinearModel}: each label's one-vs-rest problem as a separate Tribuo LibLinear training,
 * all of them on a shared pool of threads, on the whole task and on each calibration fold; then each label's
 * calibration, fitted on the margins the folds' models give the items they were not trained on, and its threshold.
 *
 * <p>Each training has its own seed, drawn in a fixed order before any runs, and the results are assembled in
 * label and fold order, so the model does not depend on the number of threads.
 */
final class TaskTraining {

    private static final int MAX_ITERATIONS = 1000;
    /** The creation time recorded for training data and models, fixed so that bundles are reproducible. */
    private static final OffsetDateTime FIXED_TIME = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

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

    /** The weights one training found for a label, in the task's columns, with its provenance. */
    record LabelWeights(double[] row, double bias, String provenance) {
    }

    private final Task task;
    private final TrainingSettings.Algorithm solver;
    private final double cost;
    private final TrainingSettings settings;
    /** Each document's features, by name in name order, as Tribuo examples take them. */
    private final String[][] names;
    private final double[][] values;
    /** The task's column of each feature name: text features by pipeline index, then the metadata features. */
    private final Map<String, Integer> columns;
    private final List<String> metaFeatures;

    TaskTraining(Task task, TrainingSettings.Algorithm solver, double cost, TrainingSettings settings) {
        this.task = task;
        this.solver = solver;
        this.cost = cost;
        this.settings = settings;
        int n = task.docs().size();
        this.names = new String[n][];
        this.values = new double[n][];
        Map<String, Integer> cols = new HashMap<>();
        FeaturePipeline pipeline = task.pipeline();
        for (int i = 0; i < pipeline.vocabularySize(); i++) {
            cols.put(pipeline.textFeatureName(i), i);
        }
        TreeSet<String> meta = new TreeSet<>();
        for (int d = 0; d < n; d++) {
            List<Feature> features = pipeline.features(task.docs().get(d));
            names[d] = new String[features.size()];
            values[d] = new double[features.size()];
            for (int f = 0; f < features.size(); f++) {
                names[d][f] = features.get(f).getName();
                values[d][f] = features.get(f).getValue();
                if (!cols.containsKey(names[d][f])) {
                    meta.add(names[d][f]);
                }
            }
        }
        this.metaFeatures = List.copyOf(meta);
        for (String m : metaFeatures) {
            cols.put(m, cols.size());
        }
        this.columns = cols;
    }

    /**
     * Trains the task on {@code pool}: every label on all documents, and, with at least two calibration folds
     * and enough documents, every label on each fold's training part.
     */
    Started start(ExecutorService pool) {
        int n = task.docs().size();
        int labels = task.labels().size();
        int k = settings.calibrationFolds();
        List<Splits.Split> folds = k >= 2 && n >= 2 * k ? Splits.kFold(n, k, settings.seed()) : List.of();
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        List<Integer> all = java.util.stream.IntStream.range(0, n).boxed().toList();

        List<Future<LabelWeights>> whole = new ArrayList<>();
        ImmutableFeatureMap wholeFeatures = featureMap(all);
        for (int l = 0; l < labels; l++) {
            int label = l;
            long seed = seeds.nextLong();
            whole.add(pool.submit(() -> trainLabel(label, all, wholeFeatures, seed, true)));
        }
        List<List<Future<LabelWeights>>> byFold = new ArrayList<>();
        for (Splits.Split fold : folds) {
            List<Future<LabelWeights>> models = new ArrayList<>();
            ImmutableFeatureMap foldFeatures = featureMap(fold.train());
            for (int l = 0; l < labels; l++) {
                int label = l;
                long seed = seeds.nextLong();
                models.add(pool.submit(() -> trainLabel(label, fold.train(), foldFeatures, seed, false)));
            }
            byFold.add(models);
        }
        return new Started(folds, whole, byFold);
    }

    /** The trainings of a task, submitted to a pool; {@link #finish} waits for them and calibrates. */
    final class Started {
        private final List<Splits.Split> folds;
        private final List<Future<LabelWeights>> whole;
        private final List<List<Future<LabelWeights>>> byFold;

        private Started(List<Splits.Split> folds, List<Future<LabelWeights>> whole,
                        List<List<Future<LabelWeights>>> byFold) {
            this.folds = folds;
            this.whole = whole;
            this.byFold = byFold;
        }

        LinearModel finish() {
            return TaskTraining.this.finish(folds, whole, byFold);
        }
    }

    private LinearModel finish(List<Splits.Split> folds, List<Future<LabelWeights>> whole,
                               List<List<Future<LabelWeights>>> byFold) {
        int n = task.docs().size();
        int labels = task.labels().size();
        List<Integer> all = java.util.stream.IntStream.range(0, n).boxed().toList();
        // The margins of each document from models that were not trained on it (or, without folds, from the
        // model trained on all of them, which makes the calibration overconfident: only for tiny corpora).
        double[][] heldOut = new double[labels][n];
        List<List<Integer>> tested = folds.isEmpty() ? List.of(all) : folds.stream().map(Splits.Split::test).toList();
        for (int f = 0; f < tested.size(); f++) {
            LinearScorer scorer = new LinearScorer(task.pipeline(),
                    uncalibrated(folds.isEmpty() ? whole : byFold.get(f)));
            for (int d : tested.get(f)) {
                double[] margins = scorer.margins(scorer.features(FeaturePipeline.analyze(task.docs().get(d))));
                for (int l = 0; l < labels; l++) {
                    heldOut[l][d] = margins[l];
                }
            }
        }
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
        List<LabelWeights> weights = whole.stream().map(TaskTraining::await).toList();
        StringBuilder provenance = new StringBuilder();
        for (int l = 0; l < labels; l++) {
            provenance.append("== ").append(task.labels().get(l)).append('\n').append(weights.get(l).provenance())
                    .append('\n');
        }
        return model(weights, calibrations, thresholds, provenance.toString());
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

    private LinearModel uncalibrated(List<Future<LabelWeights>> fold) {
        List<LabelWeights> weights = fold.stream().map(TaskTraining::await).toList();
        List<Calibration> identity = weights.stream().map(w -> new Calibration(1, 0)).toList();
        return model(weights, identity, new double[weights.size()], "");
    }

    private LinearModel model(List<LabelWeights> weights, List<Calibration> calibrations, double[] thresholds,
                              String provenance) {
        double[][] rows = weights.stream().map(LabelWeights::row).toArray(double[][]::new);
        double[] biases = weights.stream().mapToDouble(LabelWeights::bias).toArray();
        return new LinearModel(solver, task.exclusive(), task.labels(), task.pipeline().vocabularySize(),
                metaFeatures, rows, biases, calibrations, thresholds, provenance);
    }

    /** The metadata feature columns of the task, after its text features. */
    List<String> metaFeatures() {
        return metaFeatures;
    }

    /** The feature map of the documents {@code docs}, which every label's training on them shares. */
    private ImmutableFeatureMap featureMap(List<Integer> docs) {
        MutableFeatureMap map = new MutableFeatureMap();
        for (int d : docs) {
            for (int f = 0; f < names[d].length; f++) {
                map.add(names[d][f], values[d][f]);
            }
        }
        return new ImmutableFeatureMap(map);
    }

    /** Label {@code label}'s weights from a training on the documents {@code docs}. */
    private LabelWeights trainLabel(int label, List<Integer> docs, ImmutableFeatureMap features, long seed,
                                    boolean keepProvenance) {
        String name = task.labels().get(label);
        long positives = docs.stream().filter(d -> task.positive()[label][d]).count();
        if (positives == 0 || positives == docs.size()) {
            // One class only: LibLinear learns nothing, every document is on the one side.
            return new LabelWeights(new double[columns.size()], positives == 0 ? -1 : 1, "no training: every item "
                    + "is " + (positives == 0 ? "without" : "with") + " the label");
        }
        return weights(fit(label, docs, features, seed), name, keepProvenance);
    }

    /**
     * Tribuo's LibLinear model of label {@code label} trained on all the task's documents with {@code seed}, as
     * {@link #start} trains it: for checking that our scoring gives Tribuo's margins.
     */
    Model<Label> tribuoModel(int label, long seed) {
        List<Integer> all = java.util.stream.IntStream.range(0, task.docs().size()).boxed().toList();
        return fit(label, all, featureMap(all), seed);
    }

    /** Trains label {@code label} against the rest on the documents {@code docs} with Tribuo's LibLinear trainer. */
    private Model<Label> fit(int label, List<Integer> docs, ImmutableFeatureMap features, long seed) {
        String name = task.labels().get(label);
        Label yes = new Label(name);
        Label no = new Label("not " + name);
        LabelFactory factory = new LabelFactory();
        MutableOutputInfo<Label> outputs = factory.generateInfo();
        List<Example<Label>> examples = new ArrayList<>(docs.size());
        for (int d : docs) {
            Label output = task.positive()[label][d] ? yes : no;
            outputs.observe(output);
            examples.add(new ArrayExample<>(output, names[d], values[d]));
        }
        // The documents' features are the same for every label: their map is made once per fold and shared.
        Dataset<Label> data = new ImmutableDataset<>(examples, new SimpleDataSourceProvenance(
                task.name() + " training items, " + name + " or not", FIXED_TIME, factory), factory, features,
                outputs.generateImmutableOutputInfo(), false);
        LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
                new LinearClassificationType(solver == TrainingSettings.Algorithm.SVM
                        ? LinearType.L2R_L2LOSS_SVC_DUAL : LinearType.L2R_LR),
                cost, MAX_ITERATIONS, tolerance(solver), seed);
        trainer.setLabelWeights(Map.of(yes, task.positiveWeights()[label], no, 1f));
        return trainer.train(data, task.pipeline().provenance());
    }

    /**
     * The weights of a trained one-vs-rest LibLinear model of {@code label}, in the task's columns: LibLinear's
     * margin of the label, {@code w . x + b}, read through Tribuo's public copy of the LibLinear model.
     */
    LabelWeights weights(Model<Label> model, String label, boolean keepProvenance) {
        de.bwaldvogel.liblinear.Model inner = ((LibLinearClassificationModel) model).getInnerModels().get(0);
        double[] w = inner.getFeatureWeights();
        // A two-class LibLinear model holds one weight vector, for its first label; the other's margin is minus it.
        double sign = model.getOutputIDInfo().getOutput(inner.getLabels()[0]).getLabel().equals(label) ? 1 : -1;
        double[] row = new double[columns.size()];
        for (VariableInfo feature : model.getFeatureIDMap()) {
            row[columns.get(feature.getName())] = sign * w[((VariableIDInfo) feature).getID()];
        }
        double bias = sign * w[inner.getNrFeature()];
        return new LabelWeights(row, bias, keepProvenance ? provenance(model) : "");
    }

    /** The model's provenance as text, without the time and machine of training, so that bundles reproduce. */
    private String provenance(Model<Label> model) {
        ModelProvenance p = model.getProvenance();
        return new ModelProvenance(p.getClassName(), FIXED_TIME, p.getDatasetProvenance(), p.getTrainerProvenance(),
                task.pipeline().provenance(), false).toString();
    }

    /**
     * LibLinear's own default stopping tolerance for a solver: 0.1 for the dual SVM (the largest violation of the
     * optimality conditions), 0.01 for logistic regression (the relative gradient norm).
     */
    private static double tolerance(TrainingSettings.Algorithm solver) {
        return solver == TrainingSettings.Algorithm.SVM ? 0.1 : 0.01;
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
