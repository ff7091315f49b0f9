package org.osceclassify.classifier;

import java.util.ArrayList;
import java.util.List;

/**
 * How well stated probabilities match how often they come true: the decisions are put into ten bins of equal
 * width by their probability, and each bin's mean probability is set beside the share of its decisions that were
 * right. The expected calibration error is the mean gap between the two, each bin weighted by its decisions.
 *
 * @param expectedCalibrationError the weighted mean of {@code |mean probability - observed|} over the bins
 * @param bins                     the bins that hold at least one decision, lowest first
 */
public record Reliability(double expectedCalibrationError, List<Bin> bins) {

    /** No decisions to judge. */
    public static final Reliability NONE = new Reliability(0, List.of());

    /** The number of bins of equal width in [0, 1]. */
    public static final int BINS = 10;

    /**
     * One bin of decisions.
     *
     * @param lower           the lowest probability of the bin
     * @param upper           the highest (exclusive, but for the last bin)
     * @param count           decisions in it
     * @param meanProbability their mean stated probability
     * @param observed        the share of them that were right
     */
    public record Bin(double lower, double upper, int count, double meanProbability, double observed) {
    }

    public Reliability {
        bins = List.copyOf(bins);
    }

    /** The reliability of decisions stated with {@code probabilities}, of which those {@code right} were right. */
    public static Reliability of(List<Double> probabilities, List<Boolean> right) {
        int[] count = new int[BINS];
        double[] sum = new double[BINS];
        int[] hits = new int[BINS];
        for (int i = 0; i < probabilities.size(); i++) {
            double p = probabilities.get(i);
            int bin = Math.min(BINS - 1, (int) Math.floor(p * BINS));
            count[bin]++;
            sum[bin] += p;
            hits[bin] += right.get(i) ? 1 : 0;
        }
        List<Bin> bins = new ArrayList<>();
        double error = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] == 0) {
                continue;
            }
            double mean = sum[b] / count[b];
            double observed = (double) hits[b] / count[b];
            bins.add(new Bin((double) b / BINS, (double) (b + 1) / BINS, count[b], mean, observed));
            error += count[b] * Math.abs(mean - observed);
        }
        return probabilities.isEmpty() ? NONE : new Reliability(error / probabilities.size(), bins);
    }
}
