package org.osceclassify.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.SolverType;
import org.osceclassify.features.FeaturePipeline;
import org.osceclassify.model.OsceDocument;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.VariableIDInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.baseline.IndependentMultiLabelModel;

/**
 * Scores documents against LibLinear models (read in place, see {@link ModelSerialization#liblinearModels})
 * straight from a feature pipeline's output: the fields model's one-vs-rest models, or the sources model, or a
 * threshold fold's models. Tribuo looks every feature of every document up by name in each
 * model it asks; here each text feature's model ID is looked up once, when the scorer is built, so a document
 * costs one array read per feature. The scores come from LibLinear's own {@code predictValues} /
 * {@code predictProbability} on the same feature nodes Tribuo builds, mapped to labels as Tribuo maps them, so
 * they are exactly Tribuo's. Built once per loaded model; immutable and thread-safe.
 */
final class LinearScorer {

    private final FeaturePipeline pipeline;
    /** The model's feature ID of each text feature of the pipeline, by the pipeline's index; -1 when unknown. */
    private final int[] textIds;
    /** The model's feature ID of each metadata feature it knows. */
    private final Map<String, Integer> metaIds;
    private final int biasIndex;
    private final List<de.bwaldvogel.liblinear.Model> models;
    /** For each model, the label of each of its outputs, null for an output that is not reported. */
    private final List<String[]> outputs;
    /** The number of labels scored. */
    private final int labelCount;
    /**
     * For one-vs-rest SVMs, every model's weights feature by feature: entry {@code (id - 1) * models + m} is model
     * {@code m}'s weight of LibLinear feature {@code id}. A document then reads a few adjacent weights per feature
     * instead of one from each model's separate array; null where the models are not all such SVMs.
     */
    private final double[] byFeature;
    /** The LibLinear feature count (bias included) of the models in {@link #byFeature}. */
    private final int featureCount;
    /** The model's feature names by ID, for explanations. */
    private final String[] featureNames;
    /** Each label's model and output: {@code {model, output}}. */
    private final Map<String, int[]> positions;
    /** Each model's weights, in LibLinear's layout, for explanations; null with {@link #byFeature}. */
    private final List<double[]> weights;

    private LinearScorer(FeaturePipeline pipeline, ImmutableFeatureMap features,
                         List<de.bwaldvogel.liblinear.Model> models, List<String[]> outputs) {
        this.pipeline = pipeline;
        this.textIds = new int[pipeline.vocabularySize()];
        for (int i = 0; i < textIds.length; i++) {
            textIds[i] = features.getID(pipeline.textFeatureName(i));
        }
        Map<String, Integer> meta = new HashMap<>();
        for (VariableInfo info : features) {
            if (info.getName().startsWith("meta:")) {
                meta.put(info.getName(), ((VariableIDInfo) info).getID());
            }
        }
        this.metaIds = Map.copyOf(meta);
        this.biasIndex = features.size() + 1;
        this.models = List.copyOf(models);
        this.outputs = List.copyOf(outputs);
        this.labelCount = (int) outputs.stream().flatMap(Arrays::stream).filter(n -> n != null).count();
        this.featureNames = new String[features.size()];
        for (VariableInfo info : features) {
            featureNames[((VariableIDInfo) info).getID()] = info.getName();
        }
        Map<String, int[]> at = new HashMap<>();
        for (int k = 0; k < outputs.size(); k++) {
            for (int j = 0; j < outputs.get(k).length; j++) {
                if (outputs.get(k)[j] != null) {
                    at.put(outputs.get(k)[j], new int[] {k, j});
                }
            }
        }
        this.positions = Map.copyOf(at);
        List<double[]> copies = models.stream().map(de.bwaldvogel.liblinear.Model::getFeatureWeights).toList();
        this.featureCount = binarySvmFeatureCount(models, copies);
        if (featureCount > 0 && models.size() > 1) {
            int m = models.size();
            byFeature = new double[featureCount * m];
            for (int k = 0; k < m; k++) {
                double[] w = copies.get(k);
                for (int f = 0; f < featureCount; f++) {
                    byFeature[f * m + k] = w[f];
                }
            }
            weights = null;
        } else {
            byFeature = null;
            weights = copies;
        }
    }

    /**
     * The common feature count of models that are all two-class decision-value SVMs with one weight per feature
     * ({@code weights}, in the models' order), or -1.
     */
    private static int binarySvmFeatureCount(List<de.bwaldvogel.liblinear.Model> models, List<double[]> weights) {
        int count = -1;
        for (int k = 0; k < models.size(); k++) {
            de.bwaldvogel.liblinear.Model model = models.get(k);
            if (model.getNrClass() != 2 || model.isProbabilityModel()
                    || model.getSolverType() == SolverType.MCSVM_CS) {
                return -1;
            }
            int n = model.getBias() >= 0 ? model.getNrFeature() + 1 : model.getNrFeature();
            if (count >= 0 && n != count || weights.get(k).length != n) {
                return -1;
            }
            count = n;
        }
        return count;
    }

    /**
     * A scorer of every field of a one-vs-rest LibLinear fields model, in the model's label order; empty when the
     * model is of another kind (a classifier chain ensemble), which Tribuo then scores itself.
     */
    static Optional<LinearScorer> ofFields(FeaturePipeline pipeline, Model<MultiLabel> model) {
        if (!(model instanceof IndependentMultiLabelModel independent)) {
            return Optional.empty();
        }
        ImmutableFeatureMap shared = model.getFeatureIDMap();
        List<de.bwaldvogel.liblinear.Model> models = new ArrayList<>();
        List<String[]> outputs = new ArrayList<>();
        List<Label> order = independent.getLabelOrder();
        for (int i = 0; i < order.size(); i++) {
            if (!(independent.getModels().get(i) instanceof LibLinearClassificationModel inner)
                    || !sameIds(shared, inner.getFeatureIDMap())) {
                return Optional.empty();
            }
            de.bwaldvogel.liblinear.Model liblinear = liblinear(inner);
            String[] named = labelOutput(liblinear, inner.getOutputIDInfo(), order.get(i).getLabel());
            if (Arrays.stream(named).allMatch(n -> n == null)) {
                return Optional.empty(); // a label with no positive example: Tribuo's own path scores it
            }
            models.add(liblinear);
            outputs.add(named);
        }
        return Optional.of(new LinearScorer(pipeline, shared, models, outputs));
    }

    /**
     * A scorer of one-vs-rest LibLinear models trained on {@code features}' IDs without a Tribuo model around them
     * (a threshold fold's); {@code outputs} names each model's outputs as {@link #labelOutput} does.
     */
    static LinearScorer ofModels(FeaturePipeline pipeline, ImmutableFeatureMap features,
                                 List<de.bwaldvogel.liblinear.Model> models, List<String[]> outputs) {
        return new LinearScorer(pipeline, features, models, outputs);
    }

    /**
     * The outputs of a one-vs-rest model for {@code label}, LibLinear's output order: {@code label} at its own
     * output and null at the other ("not this label"), which is not reported.
     */
    static String[] labelOutput(de.bwaldvogel.liblinear.Model model, ImmutableOutputInfo<Label> ids, String label) {
        String[] named = new String[model.getNrClass()];
        int[] order = model.getLabels();
        for (int j = 0; j < order.length; j++) {
            if (ids.getOutput(order[j]).getLabel().equals(label)) {
                named[j] = label;
            }
        }
        return named;
    }

    /**
     * A scorer of every class of a LibLinear sources model, in the order of Tribuo's prediction; empty when the
     * model is of another kind or has classes LibLinear never saw, which Tribuo then scores itself.
     */
    static Optional<LinearScorer> ofSources(FeaturePipeline pipeline, Model<Label> model) {
        if (!(model instanceof LibLinearClassificationModel liblinearModel)) {
            return Optional.empty();
        }
        de.bwaldvogel.liblinear.Model liblinear = liblinear(liblinearModel);
        int[] ids = liblinear.getLabels();
        if (ids.length != model.getOutputIDInfo().size()) {
            return Optional.empty();
        }
        String[] named = new String[ids.length];
        for (int j = 0; j < ids.length; j++) {
            named[j] = model.getOutputIDInfo().getOutput(ids[j]).getLabel();
        }
        return Optional.of(new LinearScorer(pipeline, model.getFeatureIDMap(), List.of(liblinear),
                List.<String[]>of(named)));
    }

    /**
     * The score of every label for {@code doc}, in the order Tribuo reports them; empty when the model knows none
     * of the document's features.
     */
    Optional<Map<String, Double>> scores(OsceDocument doc) {
        return scores(FeaturePipeline.analyze(doc));
    }

    /** {@link #scores(OsceDocument)} from the document's analysis, which several scorers can share. */
    Optional<Map<String, Double>> scores(FeaturePipeline.Analysis analysis) {
        return scores(features(analysis));
    }

    /** A document's features as this scorer's model knows them, to score and to explain. */
    Nodes features(FeaturePipeline.Analysis analysis) {
        Nodes nodes = new Nodes();
        pipeline.extract(analysis, nodes);
        return nodes;
    }

    /** The score of every label for a document's {@link #features}, empty when the model knows none of them. */
    Optional<Map<String, Double>> scores(Nodes nodes) {
        if (nodes.size == 0) {
            return Optional.empty();
        }
        Map<String, Double> scores = new LinkedHashMap<>(2 * labelCount);
        if (byFeature != null) {
            scoreByFeature(nodes, scores);
            return Optional.of(scores);
        }
        FeatureNode[] features = nodes.finish(biasIndex);
        for (int i = 0; i < models.size(); i++) {
            de.bwaldvogel.liblinear.Model model = models.get(i);
            double[] values = new double[model.getNrClass()];
            if (model.isProbabilityModel()) {
                Linear.predictProbability(model, features, values);
            } else {
                Linear.predictValues(model, features, values);
                if (model.getNrClass() == 2 && values[1] == 0.0) {
                    values[1] = -values[0];
                }
            }
            String[] named = outputs.get(i);
            for (int j = 0; j < named.length; j++) {
                if (named[j] != null) {
                    scores.put(named[j], values[j]);
                }
            }
        }
        return Optional.of(scores);
    }

    /**
     * The document's features that weigh most for {@code label}, strongest first, at most {@code limit} and only
     * those that count for it: each feature's weight for the label times its value, as Tribuo's LibLinear
     * {@code getExcuse} works it out, ties in feature name order.
     */
    List<ScoredLabel> strongest(Nodes nodes, String label, int limit) {
        int[] at = positions.get(label);
        if (at == null) {
            return List.of();
        }
        nodes.sortIfNeeded();
        int k = at[0];
        int output = at[1];
        de.bwaldvogel.liblinear.Model model = models.get(k);
        int classes = model.getNrClass();
        List<ScoredLabel> words = new ArrayList<>(nodes.size);
        for (int i = 0; i < nodes.size; i++) {
            int id = nodes.ids[i];
            double weight;
            if (classes == 2) {
                double w = byFeature != null ? byFeature[id * models.size() + k] : weights.get(k)[id];
                weight = output == 0 ? w : -w;
            } else {
                weight = weights.get(k)[id * classes + output];
            }
            words.add(new ScoredLabel(featureNames[id], weight * nodes.values[i]));
        }
        words.sort((a, b) -> Double.compare(b.score(), a.score()));
        List<ScoredLabel> strongest = new ArrayList<>(limit);
        for (ScoredLabel w : words) {
            if (w.score() <= 0 || strongest.size() == limit) {
                break;
            }
            strongest.add(w);
        }
        return List.copyOf(strongest);
    }

    /**
     * LibLinear's {@code predictValues} for every model at once, through {@link #byFeature}: each model's decision
     * value sums the same products in the same order (features ascending, the bias last), so it is the same
     * number; a two-class model's second output is minus its first, as Tribuo reports it.
     */
    private void scoreByFeature(Nodes nodes, Map<String, Double> scores) {
        int m = models.size();
        double[] decision = new double[m];
        nodes.sortIfNeeded();
        for (int i = 0; i <= nodes.size; i++) {
            int id = i < nodes.size ? nodes.ids[i] + 1 : biasIndex;
            double value = i < nodes.size ? nodes.values[i] : 1.0;
            if (id <= featureCount) {
                int base = (id - 1) * m;
                for (int k = 0; k < m; k++) {
                    decision[k] += byFeature[base + k] * value;
                }
            }
        }
        for (int k = 0; k < m; k++) {
            String[] named = outputs.get(k);
            for (int j = 0; j < named.length; j++) {
                if (named[j] != null) {
                    scores.put(named[j], j == 0 ? decision[k] : -decision[k]);
                }
            }
        }
    }

    /** Collects a document's known features as LibLinear nodes (1-based IDs), in ascending ID order. */
    final class Nodes implements FeaturePipeline.FeatureSink {
        int[] ids = new int[64];
        double[] values = new double[64];
        int size;
        boolean sorted = true;

        @Override
        public void text(int index, double value) {
            add(textIds[index], value);
        }

        @Override
        public void meta(String name, double value) {
            Integer id = metaIds.get(name);
            if (id != null) {
                add(id, value);
            }
        }

        private void add(int id, double value) {
            if (id < 0) {
                return;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            sorted &= size == 0 || ids[size - 1] < id;
            ids[size] = id;
            values[size++] = value;
        }

        /**
         * Puts the features in ascending ID order, if they were not added so (pipelines emit features in name
         * order, and Tribuo numbers them in name order, so they normally are).
         */
        void sortIfNeeded() {
            if (sorted) {
                return;
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(ids[a], ids[b]));
            int[] sortedIds = new int[size];
            double[] sortedValues = new double[size];
            for (int i = 0; i < size; i++) {
                sortedIds[i] = ids[order[i]];
                sortedValues[i] = values[order[i]];
            }
            ids = sortedIds;
            values = sortedValues;
            sorted = true;
        }

        /** The nodes with LibLinear's bias node last, as Tribuo's {@code LibLinearTrainer.exampleToNodes} makes them. */
        FeatureNode[] finish(int biasIndex) {
            sortIfNeeded();
            FeatureNode[] nodes = new FeatureNode[size + 1];
            for (int i = 0; i < size; i++) {
                nodes[i] = new FeatureNode(ids[i] + 1, values[i]);
            }
            nodes[size] = new FeatureNode(biasIndex, 1.0);
            return nodes;
        }
    }

    private static boolean sameIds(ImmutableFeatureMap a, ImmutableFeatureMap b) {
        if (a == b) {
            return true;
        }
        if (a.size() != b.size()) {
            return false;
        }
        for (VariableInfo info : a) {
            if (b.getID(info.getName()) != ((VariableIDInfo) info).getID()) {
                return false;
            }
        }
        return true;
    }

    private static de.bwaldvogel.liblinear.Model liblinear(LibLinearClassificationModel model) {
        return ModelSerialization.liblinearModels(model).get(0);
    }
}
