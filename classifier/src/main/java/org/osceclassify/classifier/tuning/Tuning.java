package org.osceclassify.classifier.tuning;

import java.util.List;
import java.util.Objects;

import org.osceclassify.classifier.Evaluation;

/**
 * The outcome of a search: every trial in order, the best one and its cross-validation.
 *
 * @param dimensions     the dimensions searched
 * @param folds          the folds of each trial's cross-validation
 * @param plan           how the budget was spent, in a sentence
 * @param trials         every trial, trial 1 (the starting settings) first
 * @param best           the trial with the highest objective, the earliest of equals
 * @param bestEvaluation the cross-validation of the best trial
 */
public record Tuning(List<Dimension<?>> dimensions, int folds, String plan, List<Trial> trials, Trial best,
                     Evaluation bestEvaluation) {

    public Tuning {
        dimensions = List.copyOf(dimensions);
        trials = List.copyOf(trials);
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(bestEvaluation, "bestEvaluation");
    }

    /** Trial 1, the starting settings. */
    public Trial start() {
        return trials.get(0);
    }
}
