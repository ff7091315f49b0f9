package org.osceclassify.classifier;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.osceclassify.model.Corpora;
import org.osceclassify.model.CorpusReader;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/**
 * Prints osce-classify's seeded k-fold cross-validation scores with the default settings as a row of the table
 * that {@code bench/peers.py} prints for the peers (same folds, same metrics). Run by {@code bench/quality.sh}.
 *
 * <p>Usage: {@code QualityBench <corpus.csv> [folds [seed]]}: the seed of the folds, as for {@code PeerCorpusExport}.
 */
public final class QualityBench {

    private QualityBench() {
    }

    public static void main(String[] args) {
        Path corpus = Path.of(args[0]);
        int folds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<OsceDocument> docs;
        try (CorpusReader reader = Corpora.open(corpus)) {
            docs = reader.stream().toList();
        }
        TrainingSettings settings = args.length > 2
                ? TrainingSettings.defaults().toBuilder().seed(Long.parseLong(args[2])).build()
                : TrainingSettings.defaults();
        long start = System.nanoTime();
        Evaluation e = Evaluations.crossValidate(settings, Taxonomy.bundled(), docs, folds);
        double seconds = (System.nanoTime() - start) / 1e9;
        FieldsEvaluation f = e.fields();
        SourcesEvaluation s = e.sources();
        System.out.printf(Locale.ROOT, "| osce-classify (defaults) | %.3f | %.3f | %.3f | %.4f | %.3f | %.3f | %.3f |%n",
                f.microF1(), f.macroF1(), f.jaccard(), f.hammingLoss(), s.top1(), s.top3(), s.macroF1());
        System.err.printf(Locale.ROOT, "%s, %.1f s, settings %s%n", e.method(), seconds, settings);
    }
}
