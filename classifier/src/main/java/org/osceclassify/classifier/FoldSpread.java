package org.osceclassify.classifier;

/**
 * How much the headline metrics vary from fold to fold of a cross-validation: the sample standard deviation over
 * the folds of each fold's own figure. The pooled figures of the {@link Evaluation} are the ones to quote; these
 * say how far a single split (a holdout with another seed, say) may land from them.
 *
 * @param folds          the folds measured; 0 for an evaluation of a single split, which has no spread
 * @param fieldsMicroF1  of the fields-of-work micro-F1
 * @param fieldsMacroF1  of the fields-of-work macro-F1
 * @param fieldsJaccard  of the fields-of-work example-based Jaccard
 * @param sourcesTop1    of the source-body top-1 accuracy
 * @param sourcesTop3    of the source-body top-3 accuracy
 * @param sourcesMacroF1 of the source-body macro-F1
 */
public record FoldSpread(int folds, double fieldsMicroF1, double fieldsMacroF1, double fieldsJaccard,
                         double sourcesTop1, double sourcesTop3, double sourcesMacroF1) {

    /** No spread: the evaluation of a single split. */
    public static final FoldSpread NONE = new FoldSpread(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN);

    /** True when there were at least two folds to compare. */
    public boolean present() {
        return folds >= 2;
    }

    /** The spread of the metrics of each fold's evaluation. */
    static FoldSpread of(java.util.List<FieldsEvaluation> fields, java.util.List<SourcesEvaluation> sources) {
        if (fields.size() < 2 || fields.size() != sources.size()) {
            return NONE;
        }
        return new FoldSpread(fields.size(),
                sd(fields.stream().mapToDouble(FieldsEvaluation::microF1).toArray()),
                sd(fields.stream().mapToDouble(FieldsEvaluation::macroF1).toArray()),
                sd(fields.stream().mapToDouble(FieldsEvaluation::jaccard).toArray()),
                sd(sources.stream().mapToDouble(SourcesEvaluation::top1).toArray()),
                sd(sources.stream().mapToDouble(SourcesEvaluation::top3).toArray()),
                sd(sources.stream().mapToDouble(SourcesEvaluation::macroF1).toArray()));
    }

    /** The sample standard deviation (divided by n - 1). */
    static double sd(double[] values) {
        double mean = java.util.Arrays.stream(values).average().orElse(0);
        double squares = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return values.length < 2 ? Double.NaN : Math.sqrt(squares / (values.length - 1));
    }
}
