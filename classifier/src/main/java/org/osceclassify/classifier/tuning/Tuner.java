package org.osceclassify.classifier.tuning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import org.osceclassify.classifier.Evaluation;
import org.osceclassify.classifier.Evaluations;
import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches the {@link SearchSpace} for the settings of the highest {@linkplain Trial#objective() objective} in a
 * seeded k-fold cross-validation of one corpus, within a {@link Budget}, as fastText's {@code -autotune-duration}
 * does.
 *
 * <p>Trial 1 is the starting settings. Each later trial changes the best settings so far in one dimension (in two,
 * one time in three) to another of its candidate values, drawn from a {@link Random} seeded with the settings'
 * seed, and skips settings already tried: a local random search. Every trial is cross-validated on the same
 * seeded folds, so the trials, their scores and the best depend only on the corpus, the starting settings and the
 * number of trials. A time budget is spent as follows: trial 1 measures what a trial costs (its last fold times the
 * folds, as the first folds pay for the JIT compiler's warm-up), the number of trials that fit beside trial 1 and
 * the final model (trained on the whole corpus, taken to cost one trial) is then fixed, at least 1, and the search
 * runs that many whatever the later trials cost; a budget that trial 1 overruns fails with
 * {@link BudgetTooSmallException}.
 */
public final class Tuner {

    private static final Logger LOG = LoggerFactory.getLogger(Tuner.class);

    /** How many draws may land on settings already tried before the search ends early. */
    private static final int MAX_DRAWS = 1000;

    /** Told of the plan and of each trial, to show a long search's progress. */
    public interface Listener {
        /** Tells nothing. */
        Listener NONE = new Listener() {
        };

        /** The number of trials is fixed: {@code plan} says how. */
        default void planned(String plan) {
        }

        /** A trial is done; {@code planned} is 0 while a time budget's number of trials is not yet known. */
        default void trialDone(Trial trial, int planned, Trial best) {
        }
    }

    private final List<Dimension<?>> space;
    private final Taxonomy taxonomy;
    private final List<OsceDocument> corpus;
    private final int folds;
    private final int threads;
    private final Listener listener;

    /**
     * @param space   the dimensions to search, {@link SearchSpace#DIMENSIONS} or a part of them
     * @param folds   the folds of each trial's cross-validation
     * @param threads the threads each fold trains on; the results are the same for any number
     */
    public Tuner(List<Dimension<?>> space, Taxonomy taxonomy, List<OsceDocument> corpus, int folds, int threads,
                 Listener listener) {
        this.space = List.copyOf(space);
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        this.corpus = List.copyOf(corpus);
        this.folds = folds;
        this.threads = threads;
        this.listener = Objects.requireNonNull(listener, "listener");
        if (this.space.isEmpty()) {
            throw new IllegalArgumentException("nothing to search: no dimension");
        }
        if (folds < 2 || threads < 1) {
            throw new IllegalArgumentException("a search needs at least 2 folds and 1 thread, was " + folds
                    + " and " + threads);
        }
    }

    /**
     * Runs the search from {@code start}.
     *
     * @throws BudgetTooSmallException when a time budget is spent before trial 1 ends
     */
    public Tuning run(TrainingSettings start, Budget budget) {
        if (budget instanceof Budget.Trials trialsAsked) {
            listener.planned(trialsAsked + ", as asked");
        }
        long begin = System.nanoTime();
        List<Long> foldStarts = new ArrayList<>();
        Evaluation firstEvaluation = evaluate(start, budget, begin, foldStarts);
        Trial first = Trial.of(1, start, firstEvaluation, seconds(begin));
        Plan plan = plan(budget, first, seconds(foldStarts.get(foldStarts.size() - 1)));
        int planned = plan.trials();
        Trial best = first;
        listener.trialDone(first, budget instanceof Budget.Time ? 0 : planned, best);
        if (budget instanceof Budget.Time) {
            listener.planned(plan.text());
        }
        List<Trial> trials = new ArrayList<>(List.of(first));
        Map<Trial, Evaluation> evaluations = new HashMap<>(Map.of(first, firstEvaluation));
        Set<TrainingSettings> tried = new HashSet<>(List.of(start));
        Random random = new Random(start.seed());
        String ended = "";
        for (int number = 2; number <= planned; number++) {
            TrainingSettings next = draw(best.settings(), tried, random);
            if (next == null) {
                ended = "; the search ended after " + trials.size() + " trials, every nearby setting tried";
                break;
            }
            long trialStart = System.nanoTime();
            Trial trial;
            Evaluation evaluation = null;
            try {
                evaluation = evaluate(next, new Budget.Trials(1), trialStart, new ArrayList<>());
                trial = Trial.of(number, next, evaluation, seconds(trialStart));
            } catch (IllegalArgumentException e) {
                LOG.debug("trial {} could not be trained: {}", number, e.getMessage());
                trial = Trial.failed(number, next, seconds(trialStart));
            }
            trials.add(trial);
            if (evaluation != null) {
                evaluations.put(trial, evaluation);
            }
            if (trial.beats(best)) {
                best = trial;
            }
            listener.trialDone(trial, planned, best);
        }
        Trial chosen = chosen(trials, best, start);
        return new Tuning(space, folds, plan.text() + ended, trials, best, chosen, evaluations.get(chosen));
    }

    /**
     * Of the trials within one standard error of {@code top}'s objective, the one that changes the fewest
     * searched settings from {@code start}, the earliest of those (see {@link Tuning}).
     */
    private Trial chosen(List<Trial> trials, Trial top, TrainingSettings start) {
        double floor = top.objective() - top.standardError(folds);
        return trials.stream().filter(t -> !Double.isNaN(t.objective()) && t.objective() >= floor)
                .min(Comparator.comparingLong((Trial t) -> changes(t.settings(), start))
                        .thenComparingInt(Trial::number))
                .orElse(top);
    }

    /** How many searched settings differ between two settings. */
    long changes(TrainingSettings settings, TrainingSettings start) {
        return space.stream().filter(d -> !Objects.equals(d.valueIn(settings), d.valueIn(start))).count();
    }

    /** How many trials to run, and how that was decided, in a sentence. */
    private record Plan(int trials, String text) {
    }

    /**
     * The number of trials of {@code budget}: as asked, or for a time, as many as fit beside trial 1 and the
     * final model, a trial taken to cost trial 1's last fold (warm, {@code lastFold} seconds) times the folds.
     */
    private Plan plan(Budget budget, Trial first, double lastFold) {
        if (budget instanceof Budget.Trials trials) {
            return new Plan(trials.count(), trials + ", as asked");
        }
        Budget.Time time = (Budget.Time) budget;
        double limit = time.duration().toMillis() / 1000.0;
        if (first.seconds() > limit) {
            throw new BudgetTooSmallException(time, first.seconds(), describeTrial());
        }
        // trial 1 pays for the JIT compiler's warm-up: its last fold says better what a later trial costs
        double perTrial = Math.min(first.seconds(), lastFold * folds);
        int planned = 1 + (int) Math.floor(Math.max(0, limit - first.seconds() - perTrial) / perTrial);
        return new Plan(planned, String.format(Locale.ROOT, "trial 1 took %.1f s and its last fold %.1f s, so a "
                + "trial takes about %.1f s: the search runs %s, which with the final model fit into %s, whatever "
                + "they take", first.seconds(), lastFold, perTrial, new Budget.Trials(planned), time));
    }

    /** The best settings changed in one or two relevant dimensions, not tried yet; null when none is found. */
    private TrainingSettings draw(TrainingSettings best, Set<TrainingSettings> tried, Random random) {
        for (int attempt = 0; attempt < MAX_DRAWS; attempt++) {
            TrainingSettings candidate = best;
            int changes = random.nextInt(3) == 0 ? 2 : 1;
            for (int c = 0; c < changes; c++) {
                candidate = change(candidate, random);
            }
            if (tried.add(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** {@code settings} with one relevant dimension moved to another of its candidate values. */
    private TrainingSettings change(TrainingSettings settings, Random random) {
        List<Dimension<?>> relevant = space.stream().filter(d -> d.relevantIn(settings)).toList();
        Dimension<?> dimension = relevant.get(random.nextInt(relevant.size()));
        Object current = dimension.valueIn(settings);
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < dimension.candidates().size(); i++) {
            if (!dimension.candidates().get(i).equals(current)) {
                others.add(i);
            }
        }
        return dimension.withCandidate(settings, others.get(random.nextInt(others.size())));
    }

    /**
     * The cross-validation of {@code settings}; under a time budget, stopped at the start of a fold when the
     * budget is already spent, with the time a whole trial would take estimated from the folds done; the time
     * each fold starts is added to {@code foldStarts}.
     */
    private Evaluation evaluate(TrainingSettings settings, Budget budget, long begin, List<Long> foldStarts) {
        Evaluations.Progress progress = (fold, all, trainItems, testItems) -> {
            foldStarts.add(System.nanoTime());
            if (budget instanceof Budget.Time time && fold > 1) {
                double spent = seconds(begin);
                if (spent > time.duration().toMillis() / 1000.0) {
                    throw new BudgetTooSmallException(time, spent * all / (fold - 1), describeTrial());
                }
            }
        };
        return Evaluations.crossValidate(settings, taxonomy, corpus, folds, threads, progress);
    }

    private String describeTrial() {
        return folds + "-fold cross-validation on " + corpus.size() + " items";
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
