package org.osceclassify.classifier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.osceclassify.model.Corpora;
import org.osceclassify.model.CorpusReader;
import org.osceclassify.model.Labels;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/**
 * The feedback loop simulated on a corpus, for {@code bench/feedback-sim.sh}: does the review queue pick the
 * corrections that teach the model most?
 *
 * <p>A seeded 20% of the corpus is the fixed test set. Of the rest, the fields of work of as many items as 30% of
 * the corpus (drawn among those that have fields) are hidden; the model is trained on what is left. Then, five
 * times: 50 hidden items are picked, their true fields are taken as corrections, and the model is trained again;
 * each round is scored on the test set. Picking is by {@link ReviewQueue} (least certain first, as
 * {@code osce-classify review} ranks: by both tasks, its default, and by the fields alone, {@code --by fields},
 * since only fields are hidden) or at random (seeded; several seeds). Prints CSV on stdout:
 * {@code strategy,round,corrections,micro_f1,macro_f1}.
 *
 * <p>Usage: {@code FeedbackSimulation <corpus.csv> [random seeds, default 3] [threads, default 2]}.
 */
public final class FeedbackSimulation {

    static final double TEST_SHARE = 0.2;
    static final double HIDDEN_SHARE = 0.3;
    static final int BATCH = 50;
    static final int ROUNDS = 5;
    static final long SEED = 42;

    private FeedbackSimulation() {
    }

    public static void main(String[] args) {
        List<OsceDocument> corpus;
        try (CorpusReader reader = Corpora.open(Path.of(args[0]))) {
            corpus = reader.stream().toList();
        }
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        CorpusSplit split = CorpusSplit.random(corpus, TEST_SHARE, SEED);
        List<Integer> withFields = new ArrayList<>();
        for (int i = 0; i < split.train().size(); i++) {
            if (split.train().get(i).labels().hasFields()) {
                withFields.add(i);
            }
        }
        Collections.shuffle(withFields, new Random(SEED));
        int hiddenCount = Math.min(withFields.size(), (int) Math.round(HIDDEN_SHARE * corpus.size()));
        Set<Integer> hidden = new HashSet<>(withFields.subList(0, hiddenCount));
        System.err.printf(Locale.ROOT, "%d items: %d to test on, %d to train on, the fields of %d hidden%n",
                corpus.size(), split.test().size(), split.train().size(), hiddenCount);
        System.out.println("strategy,round,corrections,micro_f1,macro_f1");
        run("queue", split, hidden, threads, null, ReviewQueue.Measure.BOTH);
        run("queue-fields", split, hidden, threads, null, ReviewQueue.Measure.FIELDS);
        for (int s = 1; s <= seeds; s++) {
            run("random-" + s, split, hidden, threads, new Random(SEED + s), null);
        }
    }

    /** One strategy's five rounds; {@code random} null picks by the review queue, ranked by {@code measure}. */
    private static void run(String strategy, CorpusSplit split, Set<Integer> hidden, int threads, Random random,
                            ReviewQueue.Measure measure) {
        List<OsceDocument> pool = split.train();
        Set<Integer> revealed = new HashSet<>();
        for (int round = 0; round <= ROUNDS; round++) {
            List<OsceDocument> training = new ArrayList<>();
            for (int i = 0; i < pool.size(); i++) {
                OsceDocument doc = pool.get(i);
                training.add(hidden.contains(i) && !revealed.contains(i)
                        ? doc.withLabels(new Labels(doc.labels().sources(), List.of())) : doc);
            }
            TrainedClassifier model = Training.train(TrainingSettings.defaults(), Taxonomy.bundled(), training,
                    threads);
            Evaluation e = Evaluations.test(model, split.test(), "feedback simulation");
            System.out.printf(Locale.ROOT, "%s,%d,%d,%.4f,%.4f%n", strategy, round, revealed.size(),
                    e.fields().microF1(), e.fields().macroF1());
            System.out.flush();
            if (round < ROUNDS) {
                revealed.addAll(pick(model, pool, hidden, revealed, random, measure));
            }
        }
    }

    private static List<Integer> pick(TrainedClassifier model, List<OsceDocument> pool, Set<Integer> hidden,
                                      Set<Integer> revealed, Random random, ReviewQueue.Measure measure) {
        List<Integer> candidates = hidden.stream().filter(i -> !revealed.contains(i)).sorted().toList();
        if (random != null) {
            List<Integer> shuffled = new ArrayList<>(candidates);
            Collections.shuffle(shuffled, random);
            return shuffled.subList(0, Math.min(BATCH, shuffled.size()));
        }
        // The queue sees the documents as an analyst's tool would: without their labels, ids = positions.
        List<OsceDocument> unlabelled = candidates.stream().map(i -> {
            OsceDocument d = pool.get(i).withoutLabels();
            return new OsceDocument(Integer.toString(i), d.title(), d.body(), d.date(), d.place(), d.contentType(),
                    d.locations(), d.labels(), d.origin());
        }).toList();
        return ReviewQueue.rank(OsceClassifier.of(model, Optional.empty()), unlabelled, BATCH, measure).stream()
                .map(c -> Integer.parseInt(c.document().id())).toList();
    }
}
