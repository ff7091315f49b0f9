package org.osceclassify.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.VariableIDInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.common.liblinear.LibLinearTrainer;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.baseline.IndependentMultiLabelModel;

/**
 * Scores every field of a one-vs-rest LibLinear fields model with one feature look-up per feature, where Tribuo's
 * per-label {@code predict} looks every feature up again in each label's model. It calls LibLinear's own
 * {@code predictValues} / {@code predictProbability} on the same feature nodes, and maps the scores as Tribuo
 * does, so the scores are exactly Tribuo's. Built once per loaded model; thread-safe.
 */
final class FieldScorer {

    private final ImmutableFeatureMap features;
    private final List<String> labels;
    private final List<de.bwaldvogel.liblinear.Model> models;
    /** For each label's model, the index of that label's score among the model's outputs. */
    private final int[] positive;

    private FieldScorer(ImmutableFeatureMap features, List<String> labels, List<de.bwaldvogel.liblinear.Model> models,
                        int[] positive) {
        this.features = features;
        this.labels = labels;
        this.models = models;
        this.positive = positive;
    }

    /** A scorer for {@code model}, or empty when it is not one-vs-rest LibLinear over one shared feature map. */
    static Optional<FieldScorer> of(Model<MultiLabel> model) {
        if (!(model instanceof IndependentMultiLabelModel independent)) {
            return Optional.empty();
        }
        ImmutableFeatureMap shared = model.getFeatureIDMap();
        List<String> labels = new ArrayList<>();
        List<de.bwaldvogel.liblinear.Model> models = new ArrayList<>();
        List<Label> order = independent.getLabelOrder();
        int[] positive = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            if (!(independent.getModels().get(i) instanceof LibLinearClassificationModel inner)
                    || !sameIds(shared, inner.getFeatureIDMap()) || inner.getInnerModels().size() != 1) {
                return Optional.empty();
            }
            de.bwaldvogel.liblinear.Model liblinear = inner.getInnerModels().get(0);
            String name = order.get(i).getLabel();
            positive[i] = -1;
            int[] ids = liblinear.getLabels();
            for (int j = 0; j < ids.length; j++) {
                if (inner.getOutputIDInfo().getOutput(ids[j]).getLabel().equals(name)) {
                    positive[i] = j;
                }
            }
            labels.add(name);
            models.add(liblinear);
        }
        return Optional.of(new FieldScorer(shared, List.copyOf(labels), List.copyOf(models), positive));
    }

    private static boolean sameIds(ImmutableFeatureMap a, ImmutableFeatureMap b) {
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

    /**
     * The score of every field for a document's fields-task features, in the model's label order, or empty when
     * the model knows none of the features.
     */
    Optional<Map<String, Double>> scores(Example<Label> example) {
        FeatureNode[] nodes = LibLinearTrainer.exampleToNodes(example, features, null);
        if (nodes.length == 1) { // only the bias
            return Optional.empty();
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < models.size(); i++) {
            de.bwaldvogel.liblinear.Model model = models.get(i);
            double[] values = new double[model.getNrClass()];
            if (model.isProbabilityModel()) {
                Linear.predictProbability(model, nodes, values);
            } else {
                Linear.predictValues(model, nodes, values);
                if (model.getNrClass() == 2 && values[1] == 0.0) {
                    values[1] = -values[0];
                }
            }
            scores.put(labels.get(i), positive[i] < 0 ? Double.NEGATIVE_INFINITY : values[positive[i]]);
        }
        return Optional.of(scores);
    }
}
