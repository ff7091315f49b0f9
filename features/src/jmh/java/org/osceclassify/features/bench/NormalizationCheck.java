package org.osceclassify.features.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osceclassify.features.FeatureConfig;
import org.osceclassify.features.FeatureConfig.Normalization;
import org.osceclassify.features.FeaturePipeline;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A quick check of which text normalisation (and a few other settings) classifies better: 5-fold cross-validation (seeded shuffle) on the
 * shared corpus, a LibLinear linear SVM predicting the first source and, separately, the first field of each
 * item that has one (test items whose label no training item has are left out). The pipeline is fitted on each training fold only. Prints accuracy and macro F1.
 *
 * <p>{@code java -cp features/target/benchmarks.jar org.osceclassify.features.bench.NormalizationCheck [CSV]}
 */
public final class NormalizationCheck {

    private static final int FOLDS = 5;

    public static void main(String[] args) throws IOException {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        List<OsceDocument> all = SharedCorpus.read(Path.of(args.length > 0 ? args[0] : SharedCorpus.DEFAULT_PATH));
        Taxonomy taxonomy = SharedCorpus.taxonomy(all);
        List<String> lines = new ArrayList<>();
        java.util.Map<String, FeatureConfig> variants = new java.util.LinkedHashMap<>();
        for (Normalization norm : Normalization.values()) {
            variants.put("norm " + norm, FeatureConfig.builder().normalization(norm).build());
        }
        variants.put("no metadata", FeatureConfig.builder()
                .metadata(java.util.EnumSet.noneOf(FeatureConfig.MetadataFamily.class)).build());
        variants.put("no stemming", FeatureConfig.builder().stemming(false).build());
        variants.put("minDf 1", FeatureConfig.builder().minDf(1).build());
        variants.put("one namespace", FeatureConfig.builder().titleNamespace(false).build());
        for (java.util.Map.Entry<String, FeatureConfig> v : variants.entrySet()) {
            double[] sources = crossValidate(v.getValue(), taxonomy, all, d -> d.labels().sources());
            double[] fields = crossValidate(v.getValue(), taxonomy, all, d -> d.labels().fields());
            lines.add(String.format(Locale.ROOT, "%-19s sources acc %.3f macroF1 %.3f | fields acc %.3f macroF1 %.3f",
                    v.getKey(), sources[0], sources[1], fields[0], fields[1]));
        }
        lines.forEach(System.out::println);
    }

    private static double[] crossValidate(FeatureConfig config, Taxonomy taxonomy, List<OsceDocument> all,
                                          Function<OsceDocument, List<String>> labels) {
        List<OsceDocument> docs = new ArrayList<>(all.stream().filter(d -> !labels.apply(d).isEmpty()).toList());
        Collections.shuffle(docs, new Random(17));
        double acc = 0;
        double f1 = 0;
        for (int fold = 0; fold < FOLDS; fold++) {
            List<OsceDocument> train = new ArrayList<>();
            List<OsceDocument> test = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                (i % FOLDS == fold ? test : train).add(docs.get(i));
            }
            FeaturePipeline pipeline = FeaturePipeline.fit(config, taxonomy, train);
            LabelFactory factory = new LabelFactory();
            MutableDataset<Label> trainSet = new MutableDataset<>(new SimpleDataSourceProvenance("train", factory), factory);
            train.forEach(d -> trainSet.add(pipeline.example(d.withoutLabels(), new Label(labels.apply(d).get(0)))));
            MutableDataset<Label> testSet = new MutableDataset<>(new SimpleDataSourceProvenance("test", factory), factory);
            java.util.Set<String> known = new java.util.HashSet<>();
            train.forEach(d -> known.add(labels.apply(d).get(0)));
            test.removeIf(d -> !known.contains(labels.apply(d).get(0)));  // labels no training item has
            test.forEach(d -> testSet.add(pipeline.example(d.withoutLabels(), new Label(labels.apply(d).get(0)))));
            Model<Label> model = new LibLinearClassificationTrainer().train(trainSet, pipeline.provenance());
            LabelEvaluation e = new LabelEvaluator().evaluate(model, testSet);
            acc += e.accuracy();
            f1 += e.macroAveragedF1();
        }
        return new double[] {acc / FOLDS, f1 / FOLDS};
    }
}
