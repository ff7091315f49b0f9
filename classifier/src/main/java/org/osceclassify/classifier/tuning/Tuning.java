package org.osceclassify.classifier.tuning;

import java.util.List;
import java.util.Objects;

import org.osceclassify.classifier.Evaluation;

/**
 * The outcome of a search: every trial in order, the trial chosen and its cross-validation.
 *
 * <p>The trial chosen follows the one-standard-error rule (Breiman et al., as glmnet's {@code lambda.1se}): of the
 * trials whose objective is within one standard error of the highest, the one that changes the fewest settings
 * from the start, the earliest of those. Among many trials the highest objective is partly luck of the folds; a
 * trial that scores as well within the folds' noise, with fewer changes, is the safer model.
 *
 * @param dimensions     the dimensions searched
 * @param folds          the folds of each trial's cross-validation
 * @param plan           how the budget was spent, in a sentence
 * @param trials         every trial, trial 1 (the starting settings) first
 * @param top            the trial with the highest objective, the earliest of equals
 * @param best           the trial chosen (above), which the model is trained with
 * @param bestEvaluation the cross-validation of the trial chosen
 */
public record Tuning(List<Dimension<?>> dimensions, int folds, String plan, List<Trial> trials, Trial top,
                     Trial best, Evaluation bestEvaluation) {

    public Tuning {
        dimensions = List.copyOf(dimensions);
        trials = List.copyOf(trials);
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(top, "top");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(bestEvaluation, "bestEvaluation");
    }

    /** Trial 1, the starting settings. */
    public Trial start() {
        return trials.get(0);
    }
}
