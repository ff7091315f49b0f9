package org.osceclassify.embeddings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osceclassify.classifier.Evaluation;
import org.osceclassify.classifier.Evaluations;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.CorpusReader;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/**
 * Measures configurations of the ensemble against each other for bench/README.md's "Ensemble" table: for each,
 * seeded k-fold cross-validation with each fold seed (fields micro/macro-F1 and source top-1, their mean over the
 * seeds and the standard error over all folds), then one training on the whole corpus (its time and bundle size)
 * and {@code scores()} over the corpus on one thread, after one pass to warm up (documents per second).
 *
 * <p>Usage: {@code EnsembleBench <corpus.csv> <folds> <seed,seed,...> <name=setting:value;setting:value> ...}; a
 * configuration's settings are {@link TrainingSettings} text forms over the defaults, {@code fast} alone is the
 * defaults.
 */
public final class EnsembleBench {

    private EnsembleBench() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int folds = Integer.parseInt(args[1]);
        List<Long> seeds = new ArrayList<>();
        for (String s : args[2].split(",")) {
            seeds.add(Long.parseLong(s));
        }
        List<OsceDocument> docs;
        try (CorpusReader reader = Corpora.open(corpus)) {
            docs = reader.stream().toList();
        }
        System.out.println("| configuration | fields micro-F1 | fields macro-F1 | source top-1 | CV time | "
                + "training | bundle | scores() docs/s, 1 thread |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int a = 3; a < args.length; a++) {
            String[] nameAndSettings = args[a].split("=", 2);
            Map<String, String> text = new LinkedHashMap<>(TrainingSettings.defaults().asText());
            if (nameAndSettings.length > 1 && !nameAndSettings[1].isEmpty()) {
                for (String kv : nameAndSettings[1].split(";")) {
                    String[] p = kv.split(":", 2);
                    text.put(p[0], p[1]);
                }
            }
            TrainingSettings base = TrainingSettings.fromText(text);
            double[] micro = new double[seeds.size()];
            double[] macro = new double[seeds.size()];
            double[] top1 = new double[seeds.size()];
            double[] spreads = new double[3];
            long cvStart = System.nanoTime();
            for (int i = 0; i < seeds.size(); i++) {
                Evaluation e = Evaluations.crossValidate(base.toBuilder().seed(seeds.get(i)).build(),
                        Taxonomy.bundled(), docs, folds);
                micro[i] = e.fields().microF1();
                macro[i] = e.fields().macroF1();
                top1[i] = e.sources().top1();
                spreads[0] += sq(e.spread().fieldsMicroF1());
                spreads[1] += sq(e.spread().fieldsMacroF1());
                spreads[2] += sq(e.spread().sourcesTop1());
                System.err.printf(Locale.ROOT, "%s seed %d: %.3f / %.3f / %.3f%n", nameAndSettings[0], seeds.get(i),
                        micro[i], macro[i], top1[i]);
            }
            double cvSeconds = (System.nanoTime() - cvStart) / 1e9;
            int n = folds * seeds.size();
            long trainStart = System.nanoTime();
            OsceClassifier model = OsceClassifier.train(base, Taxonomy.bundled(), docs);
            double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
            Path bundle = Files.createTempFile("ensemble-bench", ".osce");
            model.save(bundle);
            long size = Files.size(bundle);
            Files.delete(bundle);
            docs.forEach(model::scores);
            long scoreStart = System.nanoTime();
            docs.forEach(model::scores);
            double docsPerSecond = docs.size() / ((System.nanoTime() - scoreStart) / 1e9);
            System.out.printf(Locale.ROOT, "| %s | %.3f ± %.3f | %.3f ± %.3f | %.3f ± %.3f | %.0f s | %.1f s | %.1f MB "
                            + "| %.0f |%n", nameAndSettings[0], mean(micro), Math.sqrt(spreads[0] / seeds.size() / n),
                    mean(macro), Math.sqrt(spreads[1] / seeds.size() / n), mean(top1),
                    Math.sqrt(spreads[2] / seeds.size() / n), cvSeconds, trainSeconds, size / 1e6, docsPerSecond);
            System.out.flush();
        }
    }

    private static double sq(double x) {
        return x * x;
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }
}
