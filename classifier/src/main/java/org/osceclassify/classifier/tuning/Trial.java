package org.osceclassify.classifier.tuning;

import java.util.List;
import java.util.Objects;
import java.util.stream.DoubleStream;

import org.osceclassify.classifier.Evaluation;
import org.osceclassify.classifier.TrainingSettings;

/**
 * One trial of a search: settings, and what the inner cross-validation measured of them.
 *
 * @param number        from 1; trial 1 is the starting settings
 * @param settings      the settings tried
 * @param fieldsMicroF1 the fields-of-work micro-F1 of the pooled out-of-fold predictions; NaN without fields
 * @param fieldsMacroF1 the fields-of-work macro-F1, likewise
 * @param sourceTop1    the source-body top-1 accuracy; NaN without sources
 * @param sd            the standard deviation over the folds of the three, in that order
 * @param seconds       the trial's wall-clock time, the one figure that differs between two runs
 */
public record Trial(int number, TrainingSettings settings, double fieldsMicroF1, double fieldsMacroF1,
                    double sourceTop1, List<Double> sd, double seconds) {

    public Trial {
        Objects.requireNonNull(settings, "settings");
        sd = List.copyOf(sd);
    }

    /** The trial of {@code settings} that {@code evaluation} measured. */
    static Trial of(int number, TrainingSettings settings, Evaluation evaluation, double seconds) {
        boolean fields = evaluation.fields().items() > 0;
        boolean sources = evaluation.sources().items() > 0;
        return new Trial(number, settings,
                fields ? evaluation.fields().microF1() : Double.NaN,
                fields ? evaluation.fields().macroF1() : Double.NaN,
                sources ? evaluation.sources().top1() : Double.NaN,
                List.of(fields ? evaluation.spread().fieldsMicroF1() : Double.NaN,
                        fields ? evaluation.spread().fieldsMacroF1() : Double.NaN,
                        sources ? evaluation.spread().sourcesTop1() : Double.NaN),
                seconds);
    }

    /** A trial whose settings could not be trained on a fold (too few terms left, say): never the best. */
    static Trial failed(int number, TrainingSettings settings, double seconds) {
        return new Trial(number, settings, Double.NaN, Double.NaN, Double.NaN,
                List.of(Double.NaN, Double.NaN, Double.NaN), seconds);
    }

    /**
     * The one number the search maximises: the mean of fields micro-F1, fields macro-F1 and source top-1, of
     * those the corpus has labels for; NaN for a failed trial.
     */
    public double objective() {
        return DoubleStream.of(fieldsMicroF1, fieldsMacroF1, sourceTop1).filter(v -> !Double.isNaN(v)).average()
                .orElse(Double.NaN);
    }

    /**
     * The standard error of the objective over {@code folds} folds: the mean of the measures' standard deviations
     * (which bounds the deviation of their mean) over the square root of the folds; NaN for a failed trial.
     */
    public double standardError(int folds) {
        return sd.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).average()
                .orElse(Double.NaN) / Math.sqrt(folds);
    }

    /** Whether this trial beats {@code other}: a higher objective; on a tie the earlier trial stays ahead. */
    boolean beats(Trial other) {
        return !Double.isNaN(objective()) && (Double.isNaN(other.objective()) || objective() > other.objective());
    }
}
