package org.osceclassify.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drops stop words: function words such as "the", "of" and "to" that occur in nearly every document and say
 * nothing about its topic. Expects lower-cased tokens. The English list ships as the resource
 * {@value #ENGLISH_RESOURCE}, one word a line, {@code #} starting a comment.
 */
final class StopWordRemoval implements TokenStep {

    /** The class-path resource holding the English stop-word list. */
    static final String ENGLISH_RESOURCE = "/org/osceclassify/features/stopwords-en.txt";

    private final Set<String> words;

    StopWordRemoval(Collection<String> words) {
        this.words = new HashSet<>(words);
    }

    /** The English stop words that ship with osce-classify, sorted. */
    static Set<String> english() {
        InputStream in = StopWordRemoval.class.getResourceAsStream(ENGLISH_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the stop-word list " + ENGLISH_RESOURCE + " is missing from the class path");
        }
        Set<String> words = new TreeSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                int hash = line.indexOf('#');
                String word = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ENGLISH_RESOURCE, e);
        }
        return words;
    }

    @Override
    public String apply(String token) {
        return words.contains(token) ? null : token;
    }
}
