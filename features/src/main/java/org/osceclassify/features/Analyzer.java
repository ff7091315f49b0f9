package org.osceclassify.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A {@link Tokenizer} followed by {@link TokenFilter}s, in order, and an {@link NGramFilter}: text in, terms out.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * Analyzer a = new Analyzer(new Tokenizer(), List.of(new NfkcFilter(), new LowerCaseFilter()), 1);
 * a.analyze("Risk-reduction, Vollebæk");   // [risk, reduction, vollebæk]
 * }</pre>
 */
final class Analyzer {

    private final Tokenizer tokenizer;
    private final TokenFilter[] filters;
    private final NGramFilter ngrams;

    Analyzer(Tokenizer tokenizer, List<? extends TokenFilter> filters, int ngrams) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.filters = filters.toArray(new TokenFilter[0]);
        this.ngrams = new NGramFilter(ngrams);
    }

    /** NFKC and lower case: the normalisation every other step starts from, and that names are matched on. */
    static Analyzer normalizing() {
        return new Analyzer(new Tokenizer(), List.of(new NfkcFilter(), new LowerCaseFilter()), 1);
    }

    /**
     * The steps after normalisation that a configuration asks for: stop words, stemming and n-grams, to be run
     * by {@link #filter(List)} on the output of {@link #normalizing()}.
     */
    static Analyzer terms(FeatureConfig config, Set<String> stopWords) {
        List<TokenFilter> filters = new ArrayList<>();
        if (config.stopWords()) {
            filters.add(new StopWordFilter(stopWords));
        }
        if (config.stemming()) {
            filters.add(new StemFilter());
        }
        return new Analyzer(new Tokenizer(), filters, config.ngrams());
    }

    /** The longest n-gram this analyzer makes; 1 means unigrams only. */
    int ngrams() {
        return ngrams.n();
    }

    /** One token through the filters alone, without n-grams: its term, or {@code null} if a filter drops it. */
    String term(String token) {
        String t = token;
        for (int f = 0; f < filters.length && t != null; f++) {
            t = filters[f].apply(t);
        }
        return t;
    }

    /** The terms of {@code text}: tokenised, then filtered. */
    List<String> analyze(CharSequence text) {
        List<String> tokens = new ArrayList<>(text.length() / 5 + 4);
        tokenizer.tokenize(text, tokens);
        // The list is ours: filter it in place rather than copy it.
        int kept = 0;
        for (int i = 0, n = tokens.size(); i < n; i++) {
            String t = term(tokens.get(i));
            if (t != null) {
                tokens.set(kept++, t);
            }
        }
        if (kept < tokens.size()) {
            tokens.subList(kept, tokens.size()).clear();
        }
        return ngrams.apply(tokens);
    }

    /**
     * {@link #filter(List)}, remembering each token's term in {@code memo}: the filters are a pure function of the
     * token, and fitting runs them over the same few thousand words again and again. {@code memo} is the caller's,
     * not shared between threads.
     */
    List<String> filter(List<String> tokens, Map<String, Optional<String>> memo) {
        return filter(tokens, token -> memo.computeIfAbsent(token, k -> Optional.ofNullable(term(k))).orElse(null));
    }

    /**
     * Runs the filters and the n-gram step over tokens already split, returning a new list unless nothing can
     * change; {@code tokens} itself is not modified.
     */
    List<String> filter(List<String> tokens) {
        return filter(tokens, this::term);
    }

    /** The n-grams of the terms {@code termOf} gives the tokens (null: the token is dropped). */
    private List<String> filter(List<String> tokens, UnaryOperator<String> termOf) {
        List<String> out = tokens;
        if (filters.length > 0) {
            out = new ArrayList<>(tokens.size());
            for (String token : tokens) {
                String t = termOf.apply(token);
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return ngrams.apply(out);
    }
}
