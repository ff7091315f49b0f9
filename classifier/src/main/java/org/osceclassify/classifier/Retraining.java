package org.osceclassify.classifier;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.osceclassify.model.Corpora;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/**
 * A retrained candidate and the model it would replace, compared on the same held-out data, and the gate that
 * decides whether the candidate may replace it.
 *
 * <p>The candidate is trained with the current model's own settings and taxonomy (read from its bundle) on the
 * corpora plus the corrections; a correction supersedes a corpus item with the same text. Two held-out sets, each
 * judged on its own, so that a few hundred corrections cannot hide harm done on the corpus:
 * <ul>
 *   <li><b>newest items</b>: the newest {@value #TIME_SHARE} of the dated corpus items (a time split). The
 *       candidate is trained on the older items plus every correction;</li>
 *   <li><b>corrections</b>: every correction, through a seeded k-fold (k = {@value #FOLDS}, or the number of
 *       corrections if smaller): the candidate of fold i is trained on the older items and the other folds'
 *       corrections.</li>
 * </ul>
 * The current model usually has seen the newest items (and, after an earlier promotion, the corrections), so it is
 * represented by what it is made of: its settings trained on the same older corpus items, without corrections.
 * The comparison therefore measures what the corrections do, on data neither side was trained on.
 *
 * <p>The gate: no headline measure (fields micro-F1, fields macro-F1, source top-1) of either set may drop by more
 * than its standard error there, computed for the current side: {@code sqrt(q (1 - q) / n)} for micro-F1 and top-1
 * (n test items of the task, the measure taken as a share of them, {@code q = (p n + 1) / (n + 2)} so that a perfect
 * score still has an error), and the standard deviation of the per-label F1s over the square root of their number
 * for macro-F1.
 */
public final class Retraining {

    /** The share of the dated corpus items, the newest, held out. */
    public static final double TIME_SHARE = 0.2;
    /** At most this many folds over the corrections. */
    public static final int FOLDS = 5;

    /**
     * One headline measure of both sides on one held-out set.
     *
     * @param standardError the standard error of the current side's figure on that set
     */
    public record Headline(String name, double current, double candidate, double standardError) {
        /** Whether the candidate is worse by more than the standard error. */
        public boolean dropped() {
            return current - candidate > standardError;
        }
    }

    /**
     * One held-out set and both sides' evaluations on it.
     *
     * @param name      "newest items" or "corrections"
     * @param current   the current side's evaluation
     * @param candidate the candidate's, on the same documents
     * @param headlines the headline measures of the tasks both have
     */
    public record Part(String name, Evaluation current, Evaluation candidate, List<Headline> headlines) {
    }

    /** A corpus item or correction that the current model and the final candidate label differently. */
    public record Changed(String id, String origin, String title, List<String> currentFields,
                          List<String> candidateFields, String currentSource, String candidateSource) {
    }

    /**
     * The outcome.
     *
     * @param parts   the held-out sets (those that have documents)
     * @param changed the documents (corpus and corrections) whose predicted labels differ between the current model
     *                and the final candidate
     * @param model   the final candidate: trained on every corpus item and correction, with the evaluation of the
     *                first part as its evaluation
     */
    public record Comparison(List<Part> parts, List<Changed> changed, OsceClassifier model) {
        /** Every headline measure, named by its part. */
        public List<Headline> headlines() {
            return parts.stream().flatMap(p -> p.headlines().stream().map(h -> new Headline(p.name() + ": "
                    + h.name(), h.current(), h.candidate(), h.standardError()))).toList();
        }

        /** The headline measures that dropped by more than their standard error; empty means promote. */
        public List<Headline> drops() {
            return headlines().stream().filter(Headline::dropped).toList();
        }
    }

    private Retraining() {
    }

    /**
     * Trains the candidate and compares it with {@code current}.
     *
     * @throws IllegalArgumentException when there is nothing to hold out (no dated corpus items and no corrections),
     *                                  or a task cannot be trained ("cannot train ...")
     */
    public static Comparison compare(OsceClassifier current, List<OsceDocument> corpus,
                                     List<OsceDocument> corrections, long seed, int threads) {
        Objects.requireNonNull(current, "current");
        TrainedClassifier now = current.trained();
        TrainingSettings settings = now.settings();
        Taxonomy taxonomy = now.taxonomy();
        Set<String> corrected = new HashSet<>();
        corrections.forEach(c -> corrected.add(Corpora.correctionId(c)));
        List<OsceDocument> kept = corpus.stream().filter(d -> !corrected.contains(Corpora.correctionId(d))).toList();

        CorpusSplit time = timeSplit(kept);
        if (time.test().isEmpty() && corrections.isEmpty()) {
            throw new IllegalArgumentException("nothing to hold out: the corpus has too few dated items for a time "
                    + "split and there are no corrections");
        }
        List<OsceDocument> all = new ArrayList<>(time.train());
        all.addAll(time.test());
        all.addAll(corrections);
        int older = time.train().size();
        int newest = time.test().size();
        List<Integer> olderItems = range(0, older);
        List<Integer> correctionItems = range(older + newest, all.size());
        TrainedClassifier reference = Training.train(settings, taxonomy, time.train(), threads);
        List<Part> parts = new ArrayList<>();
        if (newest > 0) {
            List<Integer> test = range(older, older + newest);
            List<Integer> withCorrections = new ArrayList<>(olderItems);
            withCorrections.addAll(correctionItems);
            String method = "retrain: the newest " + newest + " corpus items held out";
            parts.add(part("newest items", Evaluations.evaluate(method, settings, taxonomy, all,
                    List.of(new Splits.Split(olderItems, test)), Evaluations.Progress.NONE, split -> reference),
                    Evaluations.evaluate(method, settings, taxonomy, all,
                            List.of(new Splits.Split(withCorrections, test)), Evaluations.Progress.NONE,
                            split -> Training.train(settings, taxonomy, split.train(all), threads))));
        }
        if (!corrections.isEmpty()) {
            List<Splits.Split> folds = folds(older, newest, corrections.size(), seed);
            String method = "retrain: " + corrections.size() + " corrections held out by " + folds.size()
                    + "-fold";
            parts.add(part("corrections", Evaluations.evaluate(method, settings, taxonomy, all, folds,
                    Evaluations.Progress.NONE, split -> reference), Evaluations.evaluate(method, settings, taxonomy,
                    all, folds, Evaluations.Progress.NONE,
                    split -> Training.train(settings, taxonomy, split.train(all), threads))));
        }
        List<OsceDocument> everything = new ArrayList<>(kept);
        everything.addAll(corrections);
        TrainedClassifier trained = Training.train(settings, taxonomy, everything, threads);
        return new Comparison(parts, changed(now, trained, everything),
                OsceClassifier.of(trained, Optional.of(parts.get(0).candidate())));
    }

    private static Part part(String name, Evaluation current, Evaluation candidate) {
        return new Part(name, current, candidate, headlines(current, candidate));
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    private static CorpusSplit timeSplit(List<OsceDocument> corpus) {
        try {
            return CorpusSplit.newest(corpus, TIME_SHARE);
        } catch (IllegalArgumentException e) {
            return new CorpusSplit(corpus, List.of());   // too few dated items: only the corrections are held out
        }
    }

    /**
     * The folds over the corrections of {@code older ++ newest ++ corrections}: fold i trains on the older items
     * and the other folds' corrections, and tests on its own corrections.
     */
    static List<Splits.Split> folds(int older, int newest, int corrections, long seed) {
        int first = older + newest;
        int k = Math.min(FOLDS, corrections);
        int[] fold = k == 1 ? new int[corrections] : Splits.foldOf(corrections, k, seed);
        List<Splits.Split> splits = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Integer> trainOn = new ArrayList<>(range(0, older));
            List<Integer> testOn = new ArrayList<>();
            for (int c = 0; c < corrections; c++) {
                (fold[c] == f ? testOn : trainOn).add(first + c);
            }
            splits.add(new Splits.Split(trainOn, testOn));
        }
        return splits;
    }

    private static List<Headline> headlines(Evaluation old, Evaluation candidate) {
        List<Headline> out = new ArrayList<>();
        if (old.fields().items() > 0 && candidate.fields().items() > 0) {
            out.add(new Headline("fields micro-F1", old.fields().microF1(), candidate.fields().microF1(),
                    shareError(old.fields().microF1(), old.fields().items())));
            List<Double> f1s = old.fields().perLabel().stream()
                    .filter(l -> l.support() >= FieldsEvaluation.MACRO_MIN_SUPPORT).map(LabelScores::f1).toList();
            out.add(new Headline("fields macro-F1", old.fields().macroF1(), candidate.fields().macroF1(),
                    meanError(f1s)));
        }
        if (old.sources().items() > 0 && candidate.sources().items() > 0) {
            out.add(new Headline("source top-1", old.sources().top1(), candidate.sources().top1(),
                    shareError(old.sources().top1(), old.sources().items())));
        }
        return out;
    }

    static double shareError(double share, int n) {
        if (n == 0) {
            return 0;
        }
        double q = (share * n + 1) / (n + 2);
        return Math.sqrt(q * (1 - q) / n);
    }

    static double meanError(List<Double> values) {
        if (values.size() < 2) {
            return 0;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1);
        return Math.sqrt(variance / values.size());
    }

    private static List<Changed> changed(TrainedClassifier now, TrainedClassifier next, List<OsceDocument> docs) {
        List<Changed> out = new ArrayList<>();
        for (OsceDocument doc : docs) {
            Prediction a = now.predict(doc);
            Prediction b = next.predict(doc);
            List<String> fieldsA = a.fields().stream().map(ScoredLabel::label).sorted().toList();
            List<String> fieldsB = b.fields().stream().map(ScoredLabel::label).sorted().toList();
            String sourceA = a.source().map(ScoredLabel::label).orElse("");
            String sourceB = b.source().map(ScoredLabel::label).orElse("");
            if (!fieldsA.equals(fieldsB) || !sourceA.equals(sourceB)) {
                out.add(new Changed(doc.id(), doc.origin().toString(), doc.title(), fieldsA, fieldsB, sourceA,
                        sourceB));
            }
        }
        return out;
    }
}
