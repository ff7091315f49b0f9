package org.osceclassify.classifier;

import java.util.List;
import java.util.Objects;

/**
 * The result of evaluating the two tasks under one way of splitting the corpus.
 *
 * @param method     how the corpus was split, in words: "holdout 20% (seed 42)", "5-fold cross-validation
 *                   (seed 42)", "time split at 2022-01-01"
 * @param trainItems items trained on (per fold, for cross-validation)
 * @param testItems  items tested on (all folds together, for cross-validation)
 * @param fields     the fields-of-work metrics
 * @param sources    the source-body metrics
 * @param fieldsCalibration  how well the probabilities of the predicted fields match how often they are right
 * @param sourcesCalibration how well the probability of the top source matches how often it is right
 * @param spread     how much the headline metrics vary from fold to fold ({@link FoldSpread#NONE} for a single
 *                   split)
 * @param worstErrors the test documents that got a wrong label, the most confident wrong label first, at most
 *                    {@link #WORST_ERRORS} of them
 */
public record Evaluation(String method, int trainItems, int testItems, FieldsEvaluation fields,
                         SourcesEvaluation sources, Reliability fieldsCalibration, Reliability sourcesCalibration,
                         FoldSpread spread, List<LabelError> worstErrors) {

    /** How many of the wrong labels an evaluation keeps, the most confident first. */
    public static final int WORST_ERRORS = 50;

    /** Below this many test items, figures move by several points with the seed of the split. */
    public static final int SMALL_TEST_SET = 300;

    public Evaluation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(fieldsCalibration, "fieldsCalibration");
        Objects.requireNonNull(sourcesCalibration, "sourcesCalibration");
        Objects.requireNonNull(spread, "spread");
        worstErrors = List.copyOf(worstErrors);
    }

    /** An evaluation of a single split, without a spread over folds and without the documents it got wrong. */
    public Evaluation(String method, int trainItems, int testItems, FieldsEvaluation fields,
                      SourcesEvaluation sources, Reliability fieldsCalibration, Reliability sourcesCalibration) {
        this(method, trainItems, testItems, fields, sources, fieldsCalibration, sourcesCalibration, FoldSpread.NONE,
                List.of());
    }

    /**
     * This evaluation without its worst errors: the figures alone, as a model bundle keeps them. The errors name
     * documents and where they were read from, which would make the bundle depend on where the corpus lies.
     */
    public Evaluation withoutWorstErrors() {
        return new Evaluation(method, trainItems, testItems, fields, sources, fieldsCalibration, sourcesCalibration,
                spread, List.of());
    }

    /** True when the test items are too few for figures that hold to a point or two; see {@link #SMALL_TEST_SET}. */
    public boolean smallTestSet() {
        return testItems < SMALL_TEST_SET;
    }

    /** An evaluation without calibration figures. */
    public Evaluation(String method, int trainItems, int testItems, FieldsEvaluation fields,
                      SourcesEvaluation sources) {
        this(method, trainItems, testItems, fields, sources, Reliability.NONE, Reliability.NONE);
    }
}
