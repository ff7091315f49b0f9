package org.osceclassify.classifier;

/**
 * Maps one label's margin to a probability with a logistic curve, {@code p = 1 / (1 + exp(-(slope * margin +
 * intercept)))}: Platt scaling.
 *
 * <p>Platt scaling rather than isotonic regression, because most labels here have few positive items (a rare
 * field of work has a handful): a two-parameter curve fitted on them is stable, where isotonic regression's step
 * function would follow the noise of a few points and give many documents the same probability. Its curve is
 * also strictly increasing in the margin, so a threshold on the probability is a threshold on the margin.
 *
 * @param slope     how fast the probability rises with the margin; positive for a useful model
 * @param intercept the log-odds at margin 0
 */
public record Calibration(double slope, double intercept) {

    /** The log-odds of a margin: {@code slope * margin + intercept}. */
    public double logOdds(double margin) {
        return slope * margin + intercept;
    }

    /** The probability of a margin. */
    public double probability(double margin) {
        double z = logOdds(margin);
        // Either form is exact where it does not overflow: exp of a large positive argument is infinite.
        return z >= 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
    }

    public Calibration {
        if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("a calibration needs finite numbers, was " + slope + ", " + intercept);
        }
    }

    private static final int MAX_ITERATIONS = 100;
    private static final double MIN_STEP = 1e-10;
    private static final double SIGMA = 1e-12;
    private static final double EPSILON = 1e-5;
    /**
     * The least slope a fit may have. A label whose held-out margins say nothing about it (one with a single
     * item, say) fits a slope near zero or below; its probability must still rise with the margin, so that the
     * threshold at margin 0 keeps the model's own decisions and the ranking of documents is kept.
     */
    static final double MIN_SLOPE = 0.01;
    /** The largest log-odds an intercept is fitted to. */
    private static final double MAX_LOG_ODDS = 30;

    /**
     * Fits the curve to held-out margins and whether each item has the label, by the Newton method with
     * backtracking of Lin, Lin and Weng ("A note on Platt's probabilistic outputs for support vector machines",
     * 2007), on Platt's smoothed targets {@code (positives + 1) / (positives + 2)} and {@code 1 / (negatives + 2)},
     * which keep a label with few items away from probabilities of exactly 0 or 1. Deterministic.
     */
    public static Calibration fit(double[] margins, boolean[] positive) {
        int n = margins.length;
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        int negatives = n - positives;
        double hiTarget = (positives + 1.0) / (positives + 2.0);
        double loTarget = 1.0 / (negatives + 2.0);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = positive[i] ? hiTarget : loTarget;
        }
        // In the paper's form p = 1 / (1 + exp(A f + B)); here slope = -A, intercept = -B.
        double a = 0.0;
        double b = Math.log((negatives + 1.0) / (positives + 1.0));
        double f = objective(margins, t, a, b);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double h11 = SIGMA;
            double h22 = SIGMA;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < n; i++) {
                double fApB = margins[i] * a + b;
                double p;
                double q;
                if (fApB >= 0) {
                    p = Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
                    q = 1.0 / (1.0 + Math.exp(-fApB));
                } else {
                    p = 1.0 / (1.0 + Math.exp(fApB));
                    q = Math.exp(fApB) / (1.0 + Math.exp(fApB));
                }
                double d2 = p * q;
                h11 += margins[i] * margins[i] * d2;
                h22 += d2;
                h21 += margins[i] * d2;
                double d1 = t[i] - p;
                g1 += margins[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < EPSILON && Math.abs(g2) < EPSILON) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            while (step >= MIN_STEP) {
                double newA = a + step * dA;
                double newB = b + step * dB;
                double newF = objective(margins, t, newA, newB);
                if (newF < f + 0.0001 * step * gd) {
                    a = newA;
                    b = newB;
                    f = newF;
                    break;
                }
                step /= 2;
            }
            if (step < MIN_STEP) {
                break; // no step improves the fit: as good as it gets
            }
        }
        if (-a < MIN_SLOPE) {
            a = -MIN_SLOPE;
            b = intercept(margins, t, a);
        }
        return new Calibration(-a, -b);
    }

    /**
     * The {@code b} that fits the targets best for a fixed {@code a}, by bisection: the likelihood's derivative in
     * {@code b}, {@code sum(t - p)}, rises with {@code b}, so its root is bracketed and found without the
     * overshooting that Newton's method risks on a nearly flat curve. Bounded to log-odds of +-30.
     */
    private static double intercept(double[] margins, double[] t, double a) {
        double lo = -MAX_LOG_ODDS;
        double hi = MAX_LOG_ODDS;
        for (int it = 0; it < 200 && hi - lo > 1e-12; it++) {
            double mid = (lo + hi) / 2;
            double g = 0;
            for (int i = 0; i < margins.length; i++) {
                double fApB = margins[i] * a + mid;
                double p = fApB >= 0 ? Math.exp(-fApB) / (1.0 + Math.exp(-fApB)) : 1.0 / (1.0 + Math.exp(fApB));
                g += t[i] - p;
            }
            if (g > 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** The negative log-likelihood of the targets under {@code p = 1 / (1 + exp(a f + b))}. */
    private static double objective(double[] margins, double[] t, double a, double b) {
        double sum = 0;
        for (int i = 0; i < margins.length; i++) {
            double fApB = margins[i] * a + b;
            sum += fApB >= 0 ? t[i] * fApB + Math.log1p(Math.exp(-fApB))
                    : (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
        }
        return sum;
    }

    /**
     * The temperature {@code T} of the softmax over labels' margins, {@code exp(m / T) / sum exp(m' / T)}, that best
     * fits held-out margins of documents that each have one of the labels: the one that maximises the
     * log-likelihood of each document's own labels (the sum of their probabilities, for a document listing several).
     * Found by golden-section search on {@code log T} in [1/20, 20]; documents with none of the labels are passed
     * over. Deterministic.
     *
     * @param margins  {@code margins[label][doc]}, held out
     * @param positive {@code positive[label][doc]}
     */
    public static double softmaxTemperature(double[][] margins, boolean[][] positive) {
        double lo = Math.log(1.0 / 20);
        double hi = Math.log(20);
        double golden = (Math.sqrt(5) - 1) / 2;
        double a = hi - golden * (hi - lo);
        double b = lo + golden * (hi - lo);
        double fa = softmaxLogLikelihood(margins, positive, Math.exp(a));
        double fb = softmaxLogLikelihood(margins, positive, Math.exp(b));
        for (int it = 0; it < 60; it++) {
            if (fa >= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - golden * (hi - lo);
                fa = softmaxLogLikelihood(margins, positive, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + golden * (hi - lo);
                fb = softmaxLogLikelihood(margins, positive, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    static double softmaxLogLikelihood(double[][] margins, boolean[][] positive, double temperature) {
        int labels = margins.length;
        int docs = labels == 0 ? 0 : margins[0].length;
        double total = 0;
        double[] z = new double[labels];
        for (int d = 0; d < docs; d++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int l = 0; l < labels; l++) {
                z[l] = margins[l][d] / temperature;
                max = Math.max(max, z[l]);
            }
            double all = 0;
            double own = 0;
            for (int l = 0; l < labels; l++) {
                double e = Math.exp(z[l] - max);
                all += e;
                own += positive[l][d] ? e : 0;
            }
            if (own > 0) {
                total += Math.log(own / all);
            }
        }
        return total;
    }
}
