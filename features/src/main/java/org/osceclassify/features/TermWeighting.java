package org.osceclassify.features;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text features of a fitted pipeline: which terms are features in each namespace, and how a document's
 * normalised tokens become weighted, normalised feature values.
 *
 * <p>A term counted {@code tf} times in a namespace weighs {@code (1 + ln tf) * idf} (or {@code tf * idf} without
 * sublinear TF); the weights are then scaled to unit L2 length per namespace, per document or not at all, as the
 * {@link FeatureConfig#normalization()} says. Immutable and thread-safe.
 */
final class TermWeighting {

    /** The most tokens {@link #slotsOf} remembers, bounding its memory on an endless stream of new words. */
    private static final int MEMO_LIMIT = 1 << 17;

    private final FeatureConfig config;
    private final List<String> stopWords;
    /** The body (or, with one namespace, the whole text) features. */
    private final TextSpace body;
    /** The title features, or null with one namespace. */
    private final TextSpace title;
    /** The steps after normalisation: stop words, stemming and n-grams. */
    private final AnalysisChain terms;

    /** Normalised token to slots, see {@link #slotsOf}; safe to share between threads. */
    private final ConcurrentHashMap<String, int[]> memo = new ConcurrentHashMap<>();

    /**
     * @param stopWords the stop words the pipeline drops, kept sorted so that the pipeline's bytes are canonical
     * @param title     the title features, or null when title and body share one namespace
     */
    TermWeighting(FeatureConfig config, List<String> stopWords, TextSpace body, TextSpace title) {
        this.config = config;
        this.stopWords = List.copyOf(new TreeSet<>(stopWords));
        this.body = Objects.requireNonNull(body, "body");
        this.title = title;
        this.terms = AnalysisChain.terms(config, new HashSet<>(this.stopWords));
    }

    List<String> stopWords() {
        return stopWords;
    }

    TextSpace body() {
        return body;
    }

    TextSpace title() {
        return title;
    }

    /** The number of text features over all namespaces. */
    int size() {
        return body.size() + (title == null ? 0 : title.size());
    }

    /** The name of text feature {@code index}: the body (or text) features first, then the title features. */
    String featureName(int index) {
        Objects.checkIndex(index, size());
        return index < body.size() ? body.names[index] : title.names[index - body.size()];
    }

    /** The weighted slots of one namespace, in slot order. */
    static final class Weights {
        final int[] slots;
        final double[] values;
        int size;

        private Weights(int capacity) {
            this.slots = new int[capacity];
            this.values = new double[capacity];
        }

        private double sumOfSquares() {
            double s = 0;
            for (int i = 0; i < size; i++) {
                s += values[i] * values[i];
            }
            return s;
        }

        /** Scales the values to unit length for this sum of squares; nothing to scale when it is zero. */
        private void unit(double sumOfSquares) {
            if (sumOfSquares > 0) {
                double factor = 1.0 / Math.sqrt(sumOfSquares);
                for (int i = 0; i < size; i++) {
                    values[i] *= factor;
                }
            }
        }

        /** Sends each weighted slot to {@code sink} as text feature {@code offset + slot}. */
        void emit(int offset, FeaturePipeline.FeatureSink sink) {
            for (int i = 0; i < size; i++) {
                sink.text(offset + slots[i], values[i]);
            }
        }
    }

    /** The weighted, normalised text of a document: the body (or text) namespace and the title, or null. */
    record Weighted(Weights body, Weights title) {
    }

    /** Weighs and normalises the text of a document, given as normalised tokens of its title and body. */
    Weighted weigh(List<String> titleTokens, List<String> bodyTokens) {
        Weights bodyW;
        Weights titleW = null;
        if (terms.ngrams() == 1) {
            // Unigrams: each normalised token maps to its slots through the memo, skipping stop words and stems.
            if (title != null) {
                bodyW = count(body, 0, bodyTokens, List.of());
                titleW = count(title, 1, titleTokens, List.of());
            } else {
                bodyW = count(body, 0, titleTokens, bodyTokens);
            }
        } else {
            List<String> titleTerms = terms.filter(titleTokens);
            List<String> bodyTerms = terms.filter(bodyTokens);
            if (title != null) {
                bodyW = count(body, -1, bodyTerms, List.of());
                titleW = count(title, -1, titleTerms, List.of());
            } else {
                bodyW = count(body, -1, titleTerms, bodyTerms);
            }
        }
        switch (config.normalization()) {
            case PER_NAMESPACE -> {
                bodyW.unit(bodyW.sumOfSquares());
                if (titleW != null) {
                    titleW.unit(titleW.sumOfSquares());
                }
            }
            case PER_DOCUMENT -> {
                double ss = bodyW.sumOfSquares() + (titleW == null ? 0 : titleW.sumOfSquares());
                bodyW.unit(ss);
                if (titleW != null) {
                    titleW.unit(ss);
                }
            }
            case NONE -> { }
        }
        return new Weighted(bodyW, titleW);
    }

    /**
     * Counts and weighs the features of one namespace. With {@code memoIndex >= 0} the lists hold normalised
     * tokens, looked up through {@link #slotsOf}; with -1 they hold finished terms.
     */
    private Weights count(TextSpace space, int memoIndex, List<String> a, List<String> b) {
        int[] slots = new int[a.size() + b.size()];
        int k = collect(space, memoIndex, a, slots, 0);
        k = collect(space, memoIndex, b, slots, k);
        Arrays.sort(slots, 0, k);
        Weights w = new Weights(k);
        for (int i = 0; i < k; ) {
            int j = i + 1;
            while (j < k && slots[j] == slots[i]) {
                j++;
            }
            int tf = j - i;
            w.slots[w.size] = slots[i];
            w.values[w.size++] = (config.sublinearTf() ? 1.0 + Math.log(tf) : tf) * space.idf[slots[i]];
            i = j;
        }
        return w;
    }

    /**
     * Appends the slot of each token of {@code tokens} that is a feature of {@code space} to {@code slots} from
     * {@code k}; returns the new end. A token equal to the one before it (a bag of words repeats a word in a row)
     * reuses that token's slot instead of being looked up again.
     */
    private int collect(TextSpace space, int memoIndex, List<String> tokens, int[] slots, int k) {
        String previous = null;
        int previousSlot = -1;
        for (int i = 0, n = tokens.size(); i < n; i++) {
            String token = tokens.get(i);
            int s;
            if (token.equals(previous)) {
                s = previousSlot;
            } else {
                s = memoIndex >= 0 ? slotsOf(token)[memoIndex] : space.slot(token);
                previous = token;
                previousSlot = s;
            }
            if (s >= 0) {
                slots[k++] = s;
            }
        }
        return k;
    }

    /**
     * The slots of a normalised token in the body (or text) space and the title space, -1 where it is no
     * feature. Stop-word removal, stemming and the vocabulary look-up are a pure function of the token, so their
     * result is memoised, up to {@value #MEMO_LIMIT} tokens; the memo changes speed, never output.
     */
    private int[] slotsOf(String token) {
        int[] slots = memo.get(token);
        if (slots == null) {
            String term = terms.term(token);
            slots = new int[] {term == null ? -1 : body.slot(term),
                    term == null || title == null ? -1 : title.slot(term)};
            if (memo.size() < MEMO_LIMIT) {
                memo.putIfAbsent(token, slots);
            }
        }
        return slots;
    }
}
