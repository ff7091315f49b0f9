package org.osceclassify.classifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.osceclassify.features.FeaturePipeline;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.baseline.IndependentMultiLabelModel;

/**
 * Everything a trained osce-classify model consists of, and what a model bundle saves: the fitted feature
 * pipeline of each task, the two Tribuo models (protobuf-serialisable), the tuned per-label thresholds, the taxonomy the labels
 * were normalised through, and the settings. Immutable and safe to use from several threads.
 *
 * @param fieldsPipeline  the feature pipeline of the fields task, fitted on the training documents
 * @param fieldsModel     the fields-of-work model: one score per field
 * @param thresholds      the decision threshold of each field, on the fields model's scores
 * @param sourcesPipeline the feature pipeline of the sources task (the same object when the settings are equal)
 * @param sourcesModel the source-body model: a probability per source class
 * @param taxonomy     the taxonomy the training labels were normalised through
 * @param settings     the settings it was trained with
 * @param summary      what it was trained on
 */
public record TrainedClassifier(FeaturePipeline fieldsPipeline, Model<MultiLabel> fieldsModel,
                                Map<String, Double> thresholds, FeaturePipeline sourcesPipeline,
                                Model<Label> sourcesModel, Taxonomy taxonomy, TrainingSettings settings,
                                Summary summary) {

    /** The class that sources too rare to learn fold into. */
    public static final String OTHER_SOURCE = "Other";

    /**
     * What a classifier was trained on.
     *
     * @param items        documents in the training corpus
     * @param fieldsItems  of which with known fields
     * @param sourcesItems of which with known sources
     * @param fieldCounts  training items per field, the labels of the fields task
     * @param sourceCounts training items per source class (rare sources counted under {@link #OTHER_SOURCE})
     * @param duration     how long training took
     */
    public record Summary(int items, int fieldsItems, int sourcesItems, Map<String, Integer> fieldCounts,
                          Map<String, Integer> sourceCounts, Duration duration) {
        public Summary {
            fieldCounts = Map.copyOf(fieldCounts);
            sourceCounts = Map.copyOf(sourceCounts);
            Objects.requireNonNull(duration, "duration");
        }
    }

    public TrainedClassifier {
        Objects.requireNonNull(fieldsPipeline, "fieldsPipeline");
        Objects.requireNonNull(sourcesPipeline, "sourcesPipeline");
        Objects.requireNonNull(fieldsModel, "fieldsModel");
        thresholds = Map.copyOf(thresholds);
        Objects.requireNonNull(sourcesModel, "sourcesModel");
        Objects.requireNonNull(taxonomy, "taxonomy");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(summary, "summary");
    }

    /**
     * Classifies one document; its labels, if any, are ignored. A document with no feature the models know gets
     * the most frequent training labels, scored by their share of the training items.
     */
    public Prediction predict(OsceDocument doc) {
        return predict(features(doc));
    }

    /** A document's features for each task, extracted once per pipeline. */
    record Features(Example<Label> fields, Example<Label> sources) {
    }

    /** The features of a document, its labels left out; one extraction when both tasks share a pipeline. */
    Features features(OsceDocument doc) {
        OsceDocument unlabelled = doc.withoutLabels();
        Example<Label> fields = fieldsPipeline.example(unlabelled, LabelFactory.UNKNOWN_LABEL);
        return new Features(fields, sourcesPipeline == fieldsPipeline ? fields
                : sourcesPipeline.example(unlabelled, LabelFactory.UNKNOWN_LABEL));
    }

    /** {@link #predict(OsceDocument)} for a document's features as {@link #features} made them. */
    Prediction predict(Features features) {
        return predict(features, knowsAny(fieldsModel.getFeatureIDMap(), features.fields())
                ? Optional.of(fieldScores(fieldsModel, features.fields())) : Optional.empty());
    }

    /**
     * {@link #predict(Features)} with the fields model's scores already worked out, empty when the model knows
     * none of the document's features (the document then gets the most frequent training fields).
     */
    Prediction predict(Features features, Optional<Map<String, Double>> knownFieldScores) {
        Optional<Map<String, Double>> sourceScores = Optional.empty();
        if (knowsAny(sourcesModel.getFeatureIDMap(), features.sources())) {
            Map<String, Double> scores = new LinkedHashMap<>();
            sourcesModel.predict(features.sources()).getOutputScores()
                    .forEach((name, label) -> scores.put(name, label.getScore()));
            sourceScores = Optional.of(scores);
        }
        return predict(knownFieldScores, sourceScores);
    }

    /**
     * The prediction from both models' scores, each empty when that model knows none of the document's features
     * (the document then gets that task's most frequent training labels, scored by their share).
     */
    Prediction predict(Optional<Map<String, Double>> knownFieldScores,
                       Optional<Map<String, Double>> knownSourceScores) {
        Map<String, Double> fieldScores = knownFieldScores
                .orElseGet(() -> priors(summary.fieldCounts(), summary.fieldsItems()));
        List<ScoredLabel> fields = Thresholds.select(fieldScores, thresholds, settings.minFields());

        List<ScoredLabel> sources = new ArrayList<>();
        knownSourceScores.orElseGet(() -> priors(summary.sourceCounts(), summary.sourcesItems()))
                .forEach((name, score) -> sources.add(new ScoredLabel(name, score)));
        sources.sort(ScoredLabel.BEST_FIRST);
        return new Prediction(fields, sources);
    }

    /** The source class a source name counts as: itself if the model knows it, else {@link #OTHER_SOURCE}. */
    public String sourceClass(String source) {
        return summary.sourceCounts().containsKey(source) ? source : OTHER_SOURCE;
    }

    /** The score of every label of a fields model for one document. */
    static Map<String, Double> fieldScores(Model<MultiLabel> model, FeaturePipeline pipeline, OsceDocument doc) {
        return fieldScores(model, pipeline.example(doc, LabelFactory.UNKNOWN_LABEL));
    }

    private static Map<String, Double> fieldScores(Model<MultiLabel> model, Example<Label> example) {
        Map<String, Double> scores = new LinkedHashMap<>();
        if (model instanceof IndependentMultiLabelModel independent) {
            List<Label> labels = independent.getLabelOrder();
            List<Model<Label>> models = independent.getModels();
            for (int i = 0; i < labels.size(); i++) {
                String name = labels.get(i).getLabel();
                Label positive = models.get(i).predict(example).getOutputScores().get(name);
                scores.put(name, positive == null ? Double.NEGATIVE_INFINITY : positive.getScore());
            }
        } else {
            String[] names = new String[example.size()];
            double[] values = new double[example.size()];
            int i = 0;
            for (Feature f : example) {
                names[i] = f.getName();
                values[i++] = f.getValue();
            }
            Example<MultiLabel> multi = new ArrayExample<>(MultiLabelFactory.UNKNOWN_MULTILABEL, names, values);
            model.predict(multi).getOutputScores().forEach((name, multiLabel) -> scores.put(name,
                    multiLabel.getLabelScore(new Label(name)).orElse(multiLabel.getScore())));
        }
        return scores;
    }

    private static boolean knowsAny(ImmutableFeatureMap known, Example<Label> example) {
        for (Feature f : example) {
            if (known.get(f.getName()) != null) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Double> priors(Map<String, Integer> counts, int items) {
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.forEach((label, n) -> shares.put(label, items == 0 ? 0 : (double) n / items));
        return shares;
    }
}
