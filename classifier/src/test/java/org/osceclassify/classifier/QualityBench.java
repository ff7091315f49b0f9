package org.osceclassify.classifier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.osceclassify.model.Corpora;
import org.osceclassify.model.CorpusReader;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/**
 * Prints osce-classify's rows of the tables that {@code bench/peers.py} prints for the peers (same folds, same
 * metrics): seeded k-fold cross-validation over one or more fold seeds, each figure the mean over the seeds of the
 * pooled figure with one standard error over every fold of every seed; and, with {@code --running DIR}, the model
 * trained on the whole corpus and tested on the running-text statements of {@code DIR}. Run by
 * {@code bench/quality.sh}.
 *
 * <p>Usage: {@code QualityBench <corpus.csv> [--folds 5] [--seeds 42,7] [--profile NAME] [--running DIR]}: the
 * seeds of the folds, as for {@code PeerCorpusExport}, and a named configuration of {@link #PROFILES}.
 */
public final class QualityBench {

    /**
     * The configurations measured by name: {@code defaults} and the variants of bench/README.md. A new one is one
     * line here.
     */
    static final Map<String, TrainingSettings> PROFILES = profiles();

    private QualityBench() {
    }

    private static Map<String, TrainingSettings> profiles() {
        Map<String, TrainingSettings> p = new LinkedHashMap<>();
        TrainingSettings d = TrainingSettings.defaults();
        p.put("defaults", d);
        p.put("place-knowledge", d.toBuilder()
                .sourcesFeatures(d.sourcesFeatures().toBuilder().placeKnowledge(true).build()).build());
        return p;
    }

    public static void main(String[] args) {
        Path corpus = Path.of(args[0]);
        int folds = 5;
        List<Long> seeds = List.of(42L);
        String profile = "defaults";
        Path running = null;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--folds" -> folds = Integer.parseInt(args[i + 1]);
                case "--seeds" -> seeds = Arrays.stream(args[i + 1].split(",")).map(Long::valueOf).toList();
                case "--profile" -> profile = args[i + 1];
                case "--running" -> running = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        TrainingSettings settings = PROFILES.get(profile);
        if (settings == null) {
            throw new IllegalArgumentException("no profile " + profile + "; known: " + PROFILES.keySet());
        }
        List<OsceDocument> docs = read(corpus);
        String name = "osce-classify (" + profile + ")";
        if (running == null) {
            System.out.println(crossValidated(name, settings, docs, folds, seeds));
        } else {
            System.out.println(runningText(name, settings, docs, read(running)));
        }
    }

    private static List<OsceDocument> read(Path path) {
        try (CorpusReader reader = Corpora.open(path)) {
            return reader.stream().toList();
        }
    }

    /** The cross-validation row: per figure, the mean of the pooled figures over the seeds, +- one standard error. */
    static String crossValidated(String name, TrainingSettings settings, List<OsceDocument> docs, int folds,
                                 List<Long> seeds) {
        Taxonomy taxonomy = Taxonomy.bundled();
        List<Evaluation> pooled = new ArrayList<>();
        List<Evaluation> perFold = new ArrayList<>();
        for (long seed : seeds) {
            TrainingSettings seeded = settings.toBuilder().seed(seed).build();
            long start = System.nanoTime();
            pooled.add(Evaluations.crossValidate(seeded, taxonomy, docs, folds));
            for (Splits.Split split : Splits.kFold(docs.size(), folds, seed)) {
                TrainedClassifier c = Training.train(seeded, taxonomy, split.train(docs));
                perFold.add(Evaluations.test(c, split.test(docs), "fold"));
            }
            System.err.printf(Locale.ROOT, "%s, seed %d: %.1f s%n", name, seed, (System.nanoTime() - start) / 1e9);
        }
        return "| " + name + " | " + String.join(" | ",
                cell(pooled, perFold, e -> e.fields().microF1()),
                cell(pooled, perFold, e -> e.fields().macroF1()),
                cell(pooled, perFold, e -> e.fields().jaccard()),
                cell(pooled, perFold, e -> e.sources().top1()),
                cell(pooled, perFold, e -> e.sources().top3()),
                cell(pooled, perFold, e -> e.sources().macroF1())) + " |";
    }

    /**
     * The running-text row: trained on the whole corpus, tested on the statements. No source macro-F1: no source
     * has the 3 statements a class needs to count in it.
     */
    static String runningText(String name, TrainingSettings settings, List<OsceDocument> docs,
                              List<OsceDocument> statements) {
        TrainedClassifier c = Training.train(settings, Taxonomy.bundled(), docs);
        Evaluation e = Evaluations.test(c, statements, "running text");
        return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f |", name,
                e.fields().microF1(), e.fields().macroF1(), e.fields().jaccard(), e.sources().top1(),
                e.sources().top3());
    }

    private static String cell(List<Evaluation> pooled, List<Evaluation> perFold, ToDoubleFunction<Evaluation> f) {
        double mean = pooled.stream().mapToDouble(f).average().orElse(Double.NaN);
        double[] folds = perFold.stream().mapToDouble(f).toArray();
        double se = FoldSpread.sd(folds) / Math.sqrt(folds.length);
        return String.format(Locale.ROOT, "%.3f ± %.3f", mean, se);
    }
}
