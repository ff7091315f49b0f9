package org.osceclassify.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds word n-grams: every run of 2 to {@code n} adjacent terms, joined by a space, after the unigrams. Unlike a
 * {@link TokenStep} it looks across tokens, so it is meaningful on running text only: a bag of words has lost
 * its word order. Terms dropped earlier in the chain (stop words) leave no gap.
 */
final class WordNGrams {

    private final int n;

    /** @param n the longest n-gram; 1 passes the unigrams through unchanged */
    WordNGrams(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        this.n = n;
    }

    int n() {
        return n;
    }

    /** The unigrams, followed by the 2-grams, 3-grams, ... up to n-grams; the input itself when n is 1. */
    List<String> apply(List<String> terms) {
        if (n == 1 || terms.size() < 2) {
            return terms;
        }
        List<String> out = new ArrayList<>(terms.size() * n);
        out.addAll(terms);
        StringBuilder sb = new StringBuilder();
        for (int len = 2; len <= n; len++) {
            for (int i = 0; i + len <= terms.size(); i++) {
                sb.setLength(0);
                for (int j = i; j < i + len; j++) {
                    if (j > i) {
                        sb.append(' ');
                    }
                    sb.append(terms.get(j));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}
