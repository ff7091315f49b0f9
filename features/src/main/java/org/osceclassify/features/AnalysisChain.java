package org.osceclassify.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A {@link TextSplitter} followed by {@link TokenStep}s, in order, and {@link WordNGrams}: text in, terms out.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * AnalysisChain a = new AnalysisChain(new TextSplitter(), List.of(new NfkcFolding(), new LowerCasing()), 1);
 * a.analyze("Risk-reduction, Vollebæk");   // [risk, reduction, vollebæk]
 * }</pre>
 */
final class AnalysisChain {

    private final TextSplitter splitter;
    private final TokenStep[] steps;
    private final WordNGrams ngrams;

    AnalysisChain(TextSplitter splitter, List<? extends TokenStep> steps, int ngrams) {
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.steps = steps.toArray(new TokenStep[0]);
        this.ngrams = new WordNGrams(ngrams);
    }

    /** NFKC and lower case: the normalisation every other step starts from, and that names are matched on. */
    static AnalysisChain normalizing() {
        return new AnalysisChain(new TextSplitter(), List.of(new NfkcFolding(), new LowerCasing()), 1);
    }

    /**
     * The steps after normalisation that a configuration asks for: stop words, stemming and n-grams, to be run
     * by {@link #filter(List)} on the output of {@link #normalizing()}.
     */
    static AnalysisChain terms(FeatureConfig config, Set<String> stopWords) {
        List<TokenStep> steps = new ArrayList<>();
        if (config.stopWords()) {
            steps.add(new StopWordRemoval(stopWords));
        }
        if (config.stemming()) {
            steps.add(new Stemming());
        }
        return new AnalysisChain(new TextSplitter(), steps, config.ngrams());
    }

    /** The longest n-gram this chain makes; 1 means unigrams only. */
    int ngrams() {
        return ngrams.n();
    }

    /** One token through the steps alone, without n-grams: its term, or {@code null} if a step drops it. */
    String term(String token) {
        String t = token;
        for (int f = 0; f < steps.length && t != null; f++) {
            t = steps[f].apply(t);
        }
        return t;
    }

    /** The terms of {@code text}: split into tokens, then through the steps and n-grams. */
    List<String> analyze(CharSequence text) {
        List<String> tokens = new ArrayList<>(text.length() / 5 + 4);
        splitter.tokenize(text, tokens);
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
     * {@link #filter(List)}, remembering each token's term in {@code memo}: the steps are a pure function of the
     * token, and fitting runs them over the same few thousand words again and again. {@code memo} is the caller's,
     * not shared between threads.
     */
    List<String> filter(List<String> tokens, Map<String, Optional<String>> memo) {
        return filter(tokens, token -> memo.computeIfAbsent(token, k -> Optional.ofNullable(term(k))).orElse(null));
    }

    /**
     * Runs the steps and n-grams over tokens already split, returning a new list unless nothing can
     * change; {@code tokens} itself is not modified.
     */
    List<String> filter(List<String> tokens) {
        return filter(tokens, this::term);
    }

    /** The n-grams of the terms {@code termOf} gives the tokens (null: the token is dropped). */
    private List<String> filter(List<String> tokens, UnaryOperator<String> termOf) {
        List<String> out = tokens;
        if (steps.length > 0) {
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
