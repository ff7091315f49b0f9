package org.osceclassify.classifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osceclassify.features.FeaturePipeline;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.baseline.IndependentMultiLabelModel;

/**
 * Everything a trained osce-classify model consists of, and what a model bundle saves: the fitted feature
 * pipeline, the two Tribuo models (protobuf-serialisable), the tuned per-label thresholds, the taxonomy the labels
 * were normalised through, and the settings. Immutable and safe to use from several threads.
 *
 * @param pipeline     the feature pipeline, fitted on the training documents
 * @param fieldsModel  the fields-of-work model: one score per field
 * @param thresholds   the decision threshold of each field, on the fields model's scores
 * @param sourcesModel the source-body model: a probability per source class
 * @param taxonomy     the taxonomy the training labels were normalised through
 * @param settings     the settings it was trained with
 * @param summary      what it was trained on
 */
public record TrainedClassifier(FeaturePipeline pipeline, Model<MultiLabel> fieldsModel,
                                Map<String, Double> thresholds, Model<Label> sourcesModel, Taxonomy taxonomy,
                                TrainingSettings settings, Summary summary) {

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
        Objects.requireNonNull(pipeline, "pipeline");
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
        OsceDocument unlabelled = doc.withoutLabels();
        Map<String, Double> fieldScores = knowsAny(fieldsModel.getFeatureIDMap(), unlabelled)
                ? fieldScores(fieldsModel, pipeline, unlabelled)
                : priors(summary.fieldCounts(), summary.fieldsItems());
        List<ScoredLabel> fields = Thresholds.select(fieldScores, thresholds, settings.minFields());

        List<ScoredLabel> sources = new ArrayList<>();
        if (knowsAny(sourcesModel.getFeatureIDMap(), unlabelled)) {
            Example<Label> example = pipeline.example(unlabelled, LabelFactory.UNKNOWN_LABEL);
            sourcesModel.predict(example).getOutputScores()
                    .forEach((name, label) -> sources.add(new ScoredLabel(name, label.getScore())));
        } else {
            priors(summary.sourceCounts(), summary.sourcesItems())
                    .forEach((name, share) -> sources.add(new ScoredLabel(name, share)));
        }
        sources.sort(ScoredLabel.BEST_FIRST);
        return new Prediction(fields, sources);
    }

    /** The source class a source name counts as: itself if the model knows it, else {@link #OTHER_SOURCE}. */
    public String sourceClass(String source) {
        return summary.sourceCounts().containsKey(source) ? source : OTHER_SOURCE;
    }

    /** The score of every label of a fields model for one document. */
    static Map<String, Double> fieldScores(Model<MultiLabel> model, FeaturePipeline pipeline, OsceDocument doc) {
        Map<String, Double> scores = new LinkedHashMap<>();
        if (model instanceof IndependentMultiLabelModel independent) {
            Example<Label> example = pipeline.example(doc, LabelFactory.UNKNOWN_LABEL);
            List<Label> labels = independent.getLabelOrder();
            List<Model<Label>> models = independent.getModels();
            for (int i = 0; i < labels.size(); i++) {
                String name = labels.get(i).getLabel();
                Label positive = models.get(i).predict(example).getOutputScores().get(name);
                scores.put(name, positive == null ? Double.NEGATIVE_INFINITY : positive.getScore());
            }
        } else {
            Example<MultiLabel> example = pipeline.example(doc, MultiLabelFactory.UNKNOWN_MULTILABEL);
            model.predict(example).getOutputScores().forEach((name, multiLabel) -> scores.put(name,
                    multiLabel.getLabelScore(new Label(name)).orElse(multiLabel.getScore())));
        }
        return scores;
    }

    private boolean knowsAny(ImmutableFeatureMap known, OsceDocument doc) {
        for (Feature f : pipeline.features(doc)) {
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
