package org.osceclassify.features;

import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Reduces each token to its Snowball English (Porter2) stem, using Lucene's stemmer, so that "elections",
 * "election" and "elected" become one feature. Expects lower-cased tokens; tokens with digits are kept as they
 * are. Lucene's stemmer keeps state, so each thread gets its own.
 */
final class Stemming implements TokenStep {

    private static final ThreadLocal<EnglishStemmer> STEMMER = ThreadLocal.withInitial(EnglishStemmer::new);

    @Override
    public String apply(String token) {
        for (int i = 0, n = token.length(); i < n; i++) {
            if (Character.isDigit(token.charAt(i))) {
                return token;
            }
        }
        EnglishStemmer stemmer = STEMMER.get();
        stemmer.setCurrent(token);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
