package org.osceclassify.classifier;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.osceclassify.features.FeaturePipeline;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableDataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableFeatureMap;
import org.tribuo.MutableOutputInfo;
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
 * One label of a task against the rest, trained by Tribuo's LibLinear trainer on some of the task's documents, and
 * the weights read off the trained model into the task's feature columns: the text features by the pipeline's
 * index, then the metadata features the task's documents have, by name. Each document's features are extracted
 * once, when this is made; the trainings share them, and may run on several threads at once.
 */
final class LabelTraining {

    private static final int MAX_ITERATIONS = 1000;
    /** The creation time recorded for training data and models, fixed so that bundles are reproducible. */
    private static final OffsetDateTime FIXED_TIME = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /** The weights one training found for a label, in the task's columns, with its provenance. */
    record LabelWeights(double[] row, double bias, String provenance) {
    }

    private final TaskTraining.Task task;
    private final TrainingSettings.Algorithm solver;
    private final double cost;
    /** Each document's features, by name in name order, as Tribuo examples take them. */
    private final String[][] names;
    private final double[][] values;
    /** The task's column of each feature name: text features by pipeline index, then the metadata features. */
    private final Map<String, Integer> columns;
    private final List<String> metaFeatures;
    private final int textColumns;


    LabelTraining(TaskTraining.Task task, TrainingSettings.Algorithm solver, double cost) {
        this.task = task;
        this.solver = solver;
        this.cost = cost;
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
        this.textColumns = pipeline.vocabularySize();
    }

    /**
     * The trainings of the task's labels over a dense vector of each document, its sentence embedding
     * ({@code vectors[doc]}), instead of its words: the columns are the vector's dimensions, named as
     * {@link SentenceStack#dimensionNames} names them, and there are no text columns.
     */
    LabelTraining(TaskTraining.Task task, float[][] vectors, TrainingSettings.Algorithm solver, double cost) {
        this.task = task;
        this.solver = solver;
        this.cost = cost;
        int n = task.docs().size();
        int dimension = vectors.length == 0 ? 0 : vectors[0].length;
        List<String> dims = SentenceStack.dimensionNames(dimension);
        String[] dimNames = dims.toArray(String[]::new);
        this.names = new String[n][];
        this.values = new double[n][];
        for (int d = 0; d < n; d++) {
            names[d] = dimNames;
            values[d] = new double[dimension];
            for (int f = 0; f < dimension; f++) {
                values[d][f] = vectors[d][f];
            }
        }
        this.metaFeatures = dims;
        Map<String, Integer> cols = new HashMap<>();
        for (int f = 0; f < dimension; f++) {
            cols.put(dimNames[f], f);
        }
        this.columns = cols;
        this.textColumns = 0;
    }

    /** The number of text columns: the pipeline's vocabulary, or none over dense vectors. */
    int textColumns() {
        return textColumns;
    }

    TrainingSettings.Algorithm solver() {
        return solver;
    }

    /** The metadata feature columns of the task, after its text features. */
    List<String> metaFeatures() {
        return metaFeatures;
    }

    /** The feature map of the documents {@code docs}, which every label's training on them shares. */
    ImmutableFeatureMap featureMap(List<Integer> docs) {
        MutableFeatureMap map = new MutableFeatureMap();
        for (int d : docs) {
            for (int f = 0; f < names[d].length; f++) {
                map.add(names[d][f], values[d][f]);
            }
        }
        return new ImmutableFeatureMap(map);
    }

    /** Label {@code label}'s weights from a training on the documents {@code docs}. */
    LabelWeights train(int label, List<Integer> docs, ImmutableFeatureMap features, long seed,
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
        // In a fixed order: the trainer's provenance, stored in the bundle, lists the weights in the map's order,
        // which for Map.of varies from one JVM to another.
        Map<Label, Float> weights = new LinkedHashMap<>();
        weights.put(yes, task.positiveWeights()[label]);
        weights.put(no, 1f);
        trainer.setLabelWeights(weights);
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
}
