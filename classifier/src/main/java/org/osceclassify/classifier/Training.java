package org.osceclassify.classifier;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Parameter;
import org.osceclassify.features.FeaturePipeline;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.MutableOutputInfo;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.liblinear.LinearClassificationType.LinearType;
import org.tribuo.common.liblinear.LibLinearTrainer;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.baseline.IndependentMultiLabelModel;
import org.tribuo.multilabel.baseline.IndependentMultiLabelTrainer;
import org.tribuo.multilabel.ensemble.CCEnsembleTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the two tasks, fields of work and source bodies, from one corpus in one call.
 *
 * <p>The feature pipelines are fitted on the training documents only, with their labels removed. Training is
 * deterministic: the same documents in the same order with the same settings give byte-identical models, on any
 * number of threads. The final models and the folds of threshold tuning are independent, so they are trained in
 * parallel on the machine's cores.
 */
public final class Training {

    private static final Logger LOG = LoggerFactory.getLogger(Training.class);

    private static final int MAX_ITERATIONS = 1000;
    /** The threads training runs its independent models on (the final models and the threshold folds). */
    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    /** The creation time recorded for the training data, fixed so that models are reproducible. */
    private static final OffsetDateTime DATA_TIME = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private Training() {
    }

    /**
     * Trains both tasks on {@code corpus}. Items with no known fields are left out of the fields task, items with
     * no known source out of the sources task.
     *
     * @throws IllegalArgumentException when either task is left with fewer than two items or a single label
     */
    public static TrainedClassifier train(TrainingSettings settings, Taxonomy taxonomy, List<OsceDocument> corpus) {
        return train(settings, taxonomy, corpus, THREADS);
    }

    /** {@link #train(TrainingSettings, Taxonomy, List)} on {@code threads} threads; the result is the same. */
    static TrainedClassifier train(TrainingSettings settings, Taxonomy taxonomy, List<OsceDocument> corpus,
                                   int threads) {
        long start = System.nanoTime();
        Labelling labelling = new Labelling(taxonomy, settings.fieldsLevel());
        List<OsceDocument> fieldsDocs = corpus.stream().filter(d -> !labelling.fields(d).isEmpty()).toList();
        List<OsceDocument> sourcesDocs = corpus.stream().filter(d -> !labelling.sources(d).isEmpty()).toList();
        Map<String, Integer> fieldCounts = new TreeMap<>();
        fieldsDocs.forEach(d -> labelling.fields(d).forEach(f -> fieldCounts.merge(f, 1, Integer::sum)));
        Set<String> fieldLabels = fieldCounts.keySet();
        Set<String> sourceClasses = sourceClasses(sourcesDocs, labelling, settings.minSourceCount());
        Map<String, Integer> sourceCounts = new TreeMap<>();
        sourcesDocs.forEach(d -> folded(labelling.sources(d), sourceClasses)
                .forEach(s -> sourceCounts.merge(s, 1, Integer::sum)));
        require(fieldsDocs.size() >= 2 && fieldLabels.size() >= 2, "fields of work", fieldsDocs.size(),
                fieldLabels.size());
        require(sourcesDocs.size() >= 2 && sourceClasses.size() >= 2, "source bodies", sourcesDocs.size(),
                sourceClasses.size());

        LOG.debug("fitting the feature pipelines on {} documents", corpus.size());
        List<OsceDocument> unlabelled = corpus.stream().map(OsceDocument::withoutLabels).toList();
        FeaturePipeline fieldsPipeline = FeaturePipeline.fit(settings.fieldsFeatures(), taxonomy, unlabelled);
        FeaturePipeline sourcesPipeline = settings.sourcesFeatures().equals(settings.fieldsFeatures())
                ? fieldsPipeline : FeaturePipeline.fit(settings.sourcesFeatures(), taxonomy, unlabelled);

        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "osce-classify-training");
            thread.setDaemon(true);
            return thread;
        });
        try {
            LOG.debug("training on {} threads: the fields model, the sources model on {} items, {} classes, and the "
                    + "thresholds of {} fields", threads, sourcesDocs.size(), sourceClasses.size(),
                    fieldLabels.size());
            Future<Model<MultiLabel>> fieldsModel = pool.submit(() ->
                    trainFields(settings, fieldsPipeline, labelling, fieldsDocs));
            Future<Model<Label>> sourcesModel = pool.submit(() ->
                    trainSources(settings, sourcesPipeline, labelling, sourcesDocs, sourceClasses));
            Map<String, Double> thresholds = tuneThresholds(settings, fieldsPipeline, labelling, fieldsDocs,
                    fieldLabels, pool);

            Model<MultiLabel> fields = await(fieldsModel);
            Model<Label> sources = await(sourcesModel);

            TrainedClassifier.Summary summary = new TrainedClassifier.Summary(corpus.size(), fieldsDocs.size(),
                    sourcesDocs.size(), fieldCounts, sourceCounts, Duration.ofNanos(System.nanoTime() - start));
            LOG.debug("trained in {} ms", summary.duration().toMillis());
            return new TrainedClassifier(fieldsPipeline, fields, thresholds, sourcesPipeline, sources, taxonomy,
                    settings, summary);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The task's result; its failure rethrown as it was thrown. */
    private static <T> T await(Future<T> task) {
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

    private static void require(boolean ok, String task, int items, int labels) {
        if (!ok) {
            throw new IllegalArgumentException("cannot train the " + task + " task: it needs at least 2 items and 2 "
                    + "labels, the corpus has " + items + " items with " + labels + " labels");
        }
    }

    /** The sources with at least {@code minCount} items, plus {@link TrainedClassifier#OTHER_SOURCE} for the rest. */
    static Set<String> sourceClasses(List<OsceDocument> docs, Labelling labelling, int minCount) {
        Map<String, Integer> counts = new TreeMap<>();
        docs.forEach(d -> labelling.sources(d).forEach(s -> counts.merge(s, 1, Integer::sum)));
        Set<String> classes = new TreeSet<>();
        counts.forEach((source, count) -> classes.add(count >= minCount ? source : TrainedClassifier.OTHER_SOURCE));
        return classes;
    }

    /** Sources with their rare ones folded into {@link TrainedClassifier#OTHER_SOURCE}, without repeats. */
    static List<String> folded(List<String> sources, Set<String> classes) {
        return sources.stream().map(s -> classes.contains(s) ? s : TrainedClassifier.OTHER_SOURCE).distinct()
                .toList();
    }

    /**
     * Each field's threshold, tuned on the scores the documents get from fields models trained without them
     * (k-fold). The folds are trained as tasks on {@code pool}, and their scores are gathered in fold order, so
     * the thresholds do not depend on the number of threads.
     */
    private static Map<String, Double> tuneThresholds(TrainingSettings settings, FeaturePipeline pipeline,
                                                      Labelling labelling, List<OsceDocument> docs,
                                                      Set<String> labels, ExecutorService pool) {
        double fallback = defaultThreshold(settings.algorithm());
        int folds = settings.thresholdFolds();
        if (folds < 2 || docs.size() < 2 * folds) {
            Map<String, Double> fixed = new LinkedHashMap<>();
            labels.forEach(l -> fixed.put(l, fallback));
            return fixed;
        }
        List<Future<List<Map<String, Double>>>> foldScores = new ArrayList<>();
        List<Set<String>> truth = new ArrayList<>(docs.size());
        for (Splits.Split split : Splits.kFold(docs.size(), folds, settings.seed())) {
            foldScores.add(pool.submit(() -> heldOutScores(settings, pipeline, labelling, split.train(docs),
                    split.test(docs), labels, fallback)));
            split.test(docs).forEach(doc -> truth.add(labelling.fields(doc)));
        }
        List<Map<String, Double>> scores = new ArrayList<>(docs.size());
        foldScores.forEach(fold -> scores.addAll(await(fold)));
        return Thresholds.tune(scores, truth, labels, settings.minThresholdSupport(), fallback,
                settings.thresholdShrinkage());
    }

    /** The scores of every label for each held-out document, from a fields model trained on {@code train}. */
    private static List<Map<String, Double>> heldOutScores(TrainingSettings settings, FeaturePipeline pipeline,
                                                           Labelling labelling, List<OsceDocument> train,
                                                           List<OsceDocument> heldOut, Set<String> labels,
                                                           double fallback) {
        Function<OsceDocument, Map<String, Double>> scoring;
        if (settings.algorithm() == TrainingSettings.Algorithm.CC_ENSEMBLE) {
            Model<MultiLabel> model = trainFields(settings, pipeline, labelling, train);
            scoring = doc -> TrainedClassifier.fieldScores(model, pipeline, doc);
        } else {
            LinearScorer fold = trainFold(settings, pipeline, labelling, train);
            scoring = doc -> fold.scores(doc.withoutLabels()).orElse(Map.of());
        }
        List<Map<String, Double>> scores = new ArrayList<>(heldOut.size());
        for (OsceDocument doc : heldOut) {
            Map<String, Double> s = new HashMap<>();
            labels.forEach(l -> s.put(l, fallback));
            s.putAll(scoring.apply(doc));
            scores.add(s);
        }
        return scores;
    }

    /**
     * The one-vs-rest LibLinear models of a threshold fold, as a scorer: trained exactly as {@link #trainFields}
     * trains them through Tribuo's {@code IndependentMultiLabelTrainer} (same nodes, label IDs, class weights and
     * per-label random seeds, hence the same weights), but with the feature map and the LibLinear nodes built once
     * for all fields rather than again for each. Only the held-out scores are needed from a fold, not a Tribuo
     * model.
     */
    static LinearScorer trainFold(TrainingSettings settings, FeaturePipeline pipeline, Labelling labelling,
                                  List<OsceDocument> docs) {
        Map<String, Integer> counts = new TreeMap<>();
        MutableDataset<MultiLabel> data = fieldsData(pipeline, labelling, docs, counts);
        LabelTrainer trainer = new LabelTrainer(settings.algorithm(), settings.fieldsCost(), settings.seed());
        if (settings.classWeighting() > 0) {
            trainer.setLabelWeights(fieldWeights(settings, counts, docs.size()));
        }
        ImmutableFeatureMap features = data.getFeatureIDMap();
        FeatureNode[][] nodes = new FeatureNode[data.size()][];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = LibLinearTrainer.exampleToNodes(data.getExample(i), features, null);
        }
        List<de.bwaldvogel.liblinear.Model> models = new ArrayList<>();
        List<String[]> outputs = new ArrayList<>();
        for (MultiLabel field : data.getOutputIDInfo().getDomain()) {
            // As IndependentMultiLabelTrainer: each item is the field or "not this field", numbered by Tribuo.
            Label label = new Label(field.getLabelString());
            Label[] binary = new Label[data.size()];
            MutableOutputInfo<Label> observed = new LabelFactory().generateInfo();
            for (int i = 0; i < binary.length; i++) {
                binary[i] = data.getExample(i).getOutput().createLabel(label);
                observed.observe(binary[i]);
            }
            ImmutableOutputInfo<Label> ids = observed.generateImmutableOutputInfo();
            double[] y = new double[binary.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = ids.getID(binary[i]);
            }
            de.bwaldvogel.liblinear.Model model = trainer.train(ids, nodes, y, features.size() + 1);
            models.add(model);
            outputs.add(LinearScorer.labelOutput(model, ids, label.getLabel()));
        }
        return LinearScorer.ofModels(pipeline, features, models, outputs);
    }

    /**
     * Tribuo's LibLinear classification trainer, trained on LibLinear nodes made beforehand: the parameters,
     * class weights and the random seed of each call are the trainer's own ({@code setupParameters}, a split of a
     * generator seeded like the trainer's per call), as in {@code LibLinearTrainer.train}.
     */
    private static final class LabelTrainer extends LibLinearClassificationTrainer {
        private final SplittableRandom rng;

        LabelTrainer(TrainingSettings.Algorithm algorithm, double cost, long seed) {
            super(linearType(algorithm), cost, MAX_ITERATIONS, tolerance(algorithm), seed);
            this.rng = new SplittableRandom(seed);
        }

        de.bwaldvogel.liblinear.Model train(ImmutableOutputInfo<Label> ids, FeatureNode[][] x, double[] y,
                                            int numFeatures) {
            Parameter parameters = setupParameters(ids);
            parameters.setRandom(new Random(rng.split().nextLong()));
            return trainModels(parameters, numFeatures, x, new double[][] {y}).get(0);
        }
    }

    private static double defaultThreshold(TrainingSettings.Algorithm algorithm) {
        return algorithm == TrainingSettings.Algorithm.SVM ? 0.0 : 0.5;
    }

    static Model<MultiLabel> trainFields(TrainingSettings settings, FeaturePipeline pipeline, Labelling labelling,
                                         List<OsceDocument> docs) {
        Map<String, Integer> counts = new TreeMap<>();
        MutableDataset<MultiLabel> data = fieldsData(pipeline, labelling, docs, counts);
        Trainer<MultiLabel> trainer = switch (settings.algorithm()) {
            case LOGISTIC, SVM -> {
                LibLinearClassificationTrainer inner = liblinear(settings.algorithm(), settings.fieldsCost(),
                        settings.seed());
                if (settings.classWeighting() > 0) {
                    inner.setLabelWeights(fieldWeights(settings, counts, docs.size()));
                }
                yield new IndependentMultiLabelTrainer(inner);
            }
            case CC_ENSEMBLE -> new CCEnsembleTrainer(
                    liblinear(TrainingSettings.Algorithm.LOGISTIC, settings.fieldsCost(), settings.seed()),
                    settings.ensembleSize(), settings.seed());
        };
        Model<MultiLabel> model = trainer.train(data, pipeline.provenance());
        if (model instanceof IndependentMultiLabelModel independent) {
            ModelSerialization.shareDomain(independent);
        }
        return model;
    }

    /** The fields task's training examples; {@code counts} gets the items per field. */
    private static MutableDataset<MultiLabel> fieldsData(FeaturePipeline pipeline, Labelling labelling,
                                                         List<OsceDocument> docs, Map<String, Integer> counts) {
        MultiLabelFactory factory = new MultiLabelFactory();
        MutableDataset<MultiLabel> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("fields-of-work training items", DATA_TIME, factory), factory);
        for (OsceDocument doc : docs) {
            Set<String> fields = labelling.fields(doc);
            fields.forEach(f -> counts.merge(f, 1, Integer::sum));
            Set<Label> labels = fields.stream().map(Label::new).collect(Collectors.toCollection(LinkedHashSet::new));
            data.add(pipeline.example(doc.withoutLabels(), new MultiLabel(labels)));
        }
        return data;
    }

    /** Each field's class weight: (negatives / positives) to the power of the class weighting. */
    private static Map<Label, Float> fieldWeights(TrainingSettings settings, Map<String, Integer> counts, int items) {
        Map<Label, Float> weights = new HashMap<>();
        counts.forEach((label, n) -> weights.put(new Label(label),
                (float) Math.pow((items - n) / (double) n, settings.classWeighting())));
        return weights;
    }

    private static Model<Label> trainSources(TrainingSettings settings, FeaturePipeline pipeline,
                                             Labelling labelling, List<OsceDocument> docs, Set<String> classes) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("source-body training items", DATA_TIME, factory), factory);
        Map<String, Integer> counts = new TreeMap<>();
        for (OsceDocument doc : docs) {
            List<String> sources = folded(labelling.sources(doc), classes);
            List<String> used = settings.sourceExamples() == TrainingSettings.SourceExamples.EACH_LISTED
                    ? sources : sources.subList(0, 1);
            OsceDocument unlabelled = doc.withoutLabels();
            for (String source : used) {
                counts.merge(source, 1, Integer::sum);
                data.add(pipeline.example(unlabelled, new Label(source)));
            }
        }
        LibLinearClassificationTrainer trainer = liblinear(settings.sourcesAlgorithm(), settings.sourcesCost(),
                settings.seed());
        if (settings.classWeighting() > 0) {
            Map<Label, Float> weights = new HashMap<>();
            int total = data.size();
            counts.forEach((label, n) -> weights.put(new Label(label),
                    (float) Math.pow(total / ((double) counts.size() * n), settings.classWeighting())));
            trainer.setLabelWeights(weights);
        }
        return trainer.train(data, pipeline.provenance());
    }

    private static LibLinearClassificationTrainer liblinear(TrainingSettings.Algorithm algorithm, double cost,
                                                            long seed) {
        return new LibLinearClassificationTrainer(linearType(algorithm), cost, MAX_ITERATIONS, tolerance(algorithm),
                seed);
    }

    /**
     * LibLinear's own default stopping tolerance for a solver: 0.1 for the dual SVM (the largest violation of the
     * optimality conditions), 0.01 for logistic regression (the relative gradient norm). The SVM once used 0.01,
     * which took longer to train to the same scores in cross-validation (bench/README.md).
     */
    private static double tolerance(TrainingSettings.Algorithm algorithm) {
        return algorithm == TrainingSettings.Algorithm.SVM ? 0.1 : 0.01;
    }

    /** LibLinear's solver for an algorithm: the dual L2-loss SVM, or L2-regularised logistic regression. */
    private static LinearClassificationType linearType(TrainingSettings.Algorithm algorithm) {
        return new LinearClassificationType(algorithm == TrainingSettings.Algorithm.SVM
                ? LinearType.L2R_L2LOSS_SVC_DUAL : LinearType.L2R_LR);
    }
}
