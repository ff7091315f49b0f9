package org.osceclassify.classifier;

import java.util.Arrays;

/**
 * One label's stacking combiner: the log-odds of the label from the margins its ensemble's members give a
 * document, {@code sum(slopes[k] * margins[k]) + intercept}, and its probability, the logistic of that. It
 * generalises {@link Calibration} (Platt scaling, one margin) to several members, and is fitted the same way: on
 * the margins that models not trained on an item give it, so that the weights it gives each member reflect how
 * each generalises, not how each fits its own training items.
 *
 * @param slopes    each member's weight, in member order
 * @param intercept the log-odds when every member's margin is 0
 */
public record Combiner(double[] slopes, double intercept) {

    /** How strongly the slopes are pulled to 0 (an L2 penalty, in items): keeps a rare label's fit stable. */
    static final double RIDGE = 1.0;
    private static final int MAX_ITERATIONS = 100;

    public Combiner {
        slopes = slopes.clone();
        for (double s : slopes) {
            if (!Double.isFinite(s)) {
                throw new IllegalArgumentException("a combiner's slopes are finite numbers, one is " + s);
            }
        }
        if (!Double.isFinite(intercept) || slopes.length == 0) {
            throw new IllegalArgumentException("a combiner needs at least one slope and a finite intercept");
        }
    }

    @Override
    public double[] slopes() {
        return slopes.clone();
    }

    /** The number of members it combines. */
    public int members() {
        return slopes.length;
    }

    /** The log-odds of the members' margins, in member order. */
    public double logOdds(double... margins) {
        double z = intercept;
        for (int k = 0; k < slopes.length; k++) {
            z += slopes[k] * margins[k];
        }
        return z;
    }

    /** The logistic of {@link #logOdds}. */
    public double probability(double... margins) {
        return sigmoid(logOdds(margins));
    }

    /** This combiner with its slopes and intercept divided by {@code temperature}. */
    Combiner cooled(double temperature) {
        double[] s = slopes.clone();
        for (int k = 0; k < s.length; k++) {
            s[k] /= temperature;
        }
        return new Combiner(s, intercept / temperature);
    }

    /**
     * Logistic regression of whether each item has the label on the members' held-out margins, by Newton's method
     * with backtracking, on Platt's smoothed targets ({@link Calibration#fit}) and with an L2 penalty of
     * {@value #RIDGE} on the slopes (not the intercept). Deterministic.
     *
     * @param margins  {@code margins[member][item]}, held out
     * @param positive whether each item has the label
     */
    static Combiner fit(double[][] margins, boolean[] positive) {
        int k = margins.length;
        int n = positive.length;
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1.0 / (n - positives + 2.0);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = positive[i] ? hi : lo;
        }
        // Parameters: k slopes, then the intercept.
        double[] w = new double[k + 1];
        w[k] = Math.log((positives + 1.0) / (n - positives + 1.0));
        double f = objective(margins, t, w);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] g = new double[k + 1];
            double[][] h = new double[k + 1][k + 1];
            double[] x = new double[k + 1];
            x[k] = 1;
            for (int i = 0; i < n; i++) {
                for (int m = 0; m < k; m++) {
                    x[m] = margins[m][i];
                }
                double p = sigmoid(dot(w, x));
                double d = p * (1 - p);
                for (int a = 0; a <= k; a++) {
                    g[a] += (p - t[i]) * x[a];
                    for (int b = 0; b <= k; b++) {
                        h[a][b] += d * x[a] * x[b];
                    }
                }
            }
            for (int a = 0; a < k; a++) {
                g[a] += RIDGE * w[a];
                h[a][a] += RIDGE;
            }
            h[k][k] += 1e-12;
            double norm = 0;
            for (double v : g) {
                norm = Math.max(norm, Math.abs(v));
            }
            if (norm < 1e-6) {
                break;
            }
            double[] step = solve(h, g);
            double gd = -dot(g, step);
            double size = 1;
            boolean moved = false;
            while (size >= 1e-10) {
                double[] next = w.clone();
                for (int a = 0; a <= k; a++) {
                    next[a] -= size * step[a];
                }
                double nf = objective(margins, t, next);
                if (nf <= f + 1e-4 * size * gd) {
                    w = next;
                    f = nf;
                    moved = true;
                    break;
                }
                size /= 2;
            }
            if (!moved) {
                break;
            }
        }
        return new Combiner(Arrays.copyOf(w, k), w[k]);
    }

    /**
     * One combiner for every label of an exclusive task (the sources), whose probabilities are the softmax of the
     * labels' log-odds: two members' margins mixed as {@code ((1 - a) * first + a * second) / T}, the mix {@code a}
     * in [0, 1] found by golden-section search and the temperature {@code T} by
     * {@link Calibration#softmaxTemperature}, both maximising the held-out log-likelihood of each item's own labels.
     * No label gets an intercept of its own, so the labels are ranked by their mixed margins, as the single model
     * ranks them by its margins (per-label intercepts cost top-1 there). Deterministic.
     *
     * @param first    {@code first[label][item]}: the first member's held-out margins
     * @param second   the second member's
     * @param positive {@code positive[label][item]}
     */
    static Combiner fitShared(double[][] first, double[][] second, boolean[][] positive) {
        double lo = 0;
        double hi = 1;
        double golden = (Math.sqrt(5) - 1) / 2;
        double a = hi - golden * (hi - lo);
        double b = lo + golden * (hi - lo);
        double fa = mixedLikelihood(first, second, positive, a);
        double fb = mixedLikelihood(first, second, positive, b);
        for (int it = 0; it < 30; it++) {
            if (fa >= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - golden * (hi - lo);
                fa = mixedLikelihood(first, second, positive, a);
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + golden * (hi - lo);
                fb = mixedLikelihood(first, second, positive, b);
            }
        }
        double mix = (lo + hi) / 2;
        double temperature = Calibration.softmaxTemperature(mixed(first, second, mix), positive);
        return new Combiner(new double[] {(1 - mix) / temperature, mix / temperature}, 0);
    }

    private static double mixedLikelihood(double[][] first, double[][] second, boolean[][] positive, double mix) {
        double[][] m = mixed(first, second, mix);
        return Calibration.softmaxLogLikelihood(m, positive, Calibration.softmaxTemperature(m, positive));
    }

    private static double[][] mixed(double[][] first, double[][] second, double mix) {
        double[][] m = new double[first.length][];
        for (int l = 0; l < first.length; l++) {
            m[l] = new double[first[l].length];
            for (int d = 0; d < m[l].length; d++) {
                m[l][d] = (1 - mix) * first[l][d] + mix * second[l][d];
            }
        }
        return m;
    }

    /** The penalised negative log-likelihood of the targets. */
    private static double objective(double[][] margins, double[] t, double[] w) {
        int k = margins.length;
        double sum = 0;
        for (int i = 0; i < t.length; i++) {
            double z = w[k];
            for (int m = 0; m < k; m++) {
                z += w[m] * margins[m][i];
            }
            // -[t log p + (1 - t) log (1 - p)], computed without overflow.
            sum += z >= 0 ? (1 - t[i]) * z + Math.log1p(Math.exp(-z)) : -t[i] * z + Math.log1p(Math.exp(z));
        }
        for (int m = 0; m < k; m++) {
            sum += RIDGE / 2 * w[m] * w[m];
        }
        return sum;
    }

    /** Solves {@code h x = g} by Gaussian elimination with partial pivoting; {@code h} is small and positive definite. */
    private static double[] solve(double[][] h, double[] g) {
        int n = g.length;
        double[][] a = new double[n][];
        double[] b = g.clone();
        for (int i = 0; i < n; i++) {
            a[i] = h[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] row = a[col];
            a[col] = a[pivot];
            a[pivot] = row;
            double v = b[col];
            b[col] = b[pivot];
            b[pivot] = v;
            for (int r = col + 1; r < n; r++) {
                double factor = a[r][col] / a[col][col];
                for (int c = col; c < n; c++) {
                    a[r][c] -= factor * a[col][c];
                }
                b[r] -= factor * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < n; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Combiner c && Arrays.equals(slopes, c.slopes) && intercept == c.intercept;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(slopes) + Double.hashCode(intercept);
    }

    @Override
    public String toString() {
        return "Combiner" + Arrays.toString(slopes) + " + " + intercept;
    }
}
