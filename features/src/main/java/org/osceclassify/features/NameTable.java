package org.osceclassify.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The names of taxonomy entries (participating States, OSCE bodies) as phrases of normalised tokens, and the
 * search for them in a document's token sequence.
 *
 * <p>In running text a name matches where its tokens occur in order and adjacent: "Bosnia and Herzegovina" needs
 * all three words in a row. A bag of words has lost its word order, so there a name matches when all its words
 * occur in the bag; a bag is recognised by its tokens being in sorted order, which running text of more than a
 * few words never is. A part in parentheses, such as "(closed)", is not part of a name's phrase: the site
 * appends it to the names of closed field operations, and texts do not say it.
 */
final class NameTable {

    /** One name of an entry: its normalised tokens and the entry's canonical name, which becomes the feature. */
    record Phrase(String entry, List<String> tokens) {
        Phrase {
            Objects.requireNonNull(entry, "entry");
            tokens = List.copyOf(tokens);
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("a phrase needs at least one token");
            }
        }
    }

    private static final Comparator<Phrase> ORDER = Comparator.comparing(Phrase::entry)
            .thenComparing(p -> String.join(" ", p.tokens()));

    static final NameTable EMPTY = new NameTable(List.of());
    private static final int LAST_HASH_BITS = 1 << 16;

    private final List<Phrase> phrases;
    /** Phrases by their last token, which tells names apart better than the first ("OSCE ..."). */
    private final Map<String, String[][]> tokensByLast = new HashMap<>();
    private final Map<String, String[]> entriesByLast = new HashMap<>();
    /**
     * A bit per hash of every last token (a Bloom filter with one hash), so that {@link #find} passes over the
     * many tokens that end no name without a map look-up; tokens' hashes are cached by then.
     */
    private final long[] lastHashes = new long[LAST_HASH_BITS / 64];

    /** A table of these phrases; duplicates are dropped and the order made canonical. */
    NameTable(Collection<Phrase> phrases) {
        List<Phrase> sorted = new ArrayList<>(phrases.stream().distinct().toList());
        sorted.sort(ORDER);
        this.phrases = Collections.unmodifiableList(sorted);
        Map<String, List<Phrase>> grouped = new HashMap<>();
        for (Phrase p : this.phrases) {
            grouped.computeIfAbsent(p.tokens().get(p.tokens().size() - 1), k -> new ArrayList<>()).add(p);
        }
        grouped.forEach((last, list) -> {
            int bit = last.hashCode() & (LAST_HASH_BITS - 1);
            lastHashes[bit >>> 6] |= 1L << bit;
            tokensByLast.put(last, list.stream().map(p -> p.tokens().toArray(new String[0])).toArray(String[][]::new));
            entriesByLast.put(last, list.stream().map(Phrase::entry).toArray(String[]::new));
        });
    }

    /** The phrases of {@code entry} under each of {@code names}, tokenised by {@code normalizer}. */
    static List<Phrase> phrases(String entry, List<String> names, AnalysisChain normalizer) {
        List<Phrase> out = new ArrayList<>();
        for (String name : names) {
            List<String> tokens = normalizer.analyze(withoutParentheses(name));
            if (!tokens.isEmpty()) {
                out.add(new Phrase(entry, tokens));
            }
        }
        return out;
    }

    private static String withoutParentheses(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        int depth = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    List<Phrase> phrases() {
        return phrases;
    }

    /** Whether normalised tokens are in sorted order, as a bag of words writes them. */
    static boolean isBag(List<String> tokens) {
        if (tokens.size() < 2) {
            return false;
        }
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i - 1).compareTo(tokens.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds {@code prefix + entry} to {@code out} for every entry named in {@code tokens} (normalised tokens of
     * one text), possibly more than once.
     *
     * @param bag whether {@code tokens} is a bag of words ({@link #isBag}), so word order cannot be asked for
     */
    void find(List<String> tokens, boolean bag, String prefix, List<String> out) {
        if (tokensByLast.isEmpty() || tokens.isEmpty()) {
            return;
        }
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            String last = tokens.get(i);
            if (bag && i > 0 && last.equals(tokens.get(i - 1))) {
                continue;
            }
            int bit = last.hashCode() & (LAST_HASH_BITS - 1);
            if ((lastHashes[bit >>> 6] & (1L << bit)) == 0) {
                continue;
            }
            String[][] candidates = tokensByLast.get(last);
            if (candidates == null) {
                continue;
            }
            for (int c = 0; c < candidates.length; c++) {
                if (bag ? allIn(candidates[c], tokens) : endsAt(candidates[c], tokens, i)) {
                    out.add(prefix + entriesByLast.get(last)[c]);
                }
            }
        }
    }

    private static boolean endsAt(String[] phrase, List<String> tokens, int at) {
        int start = at - phrase.length + 1;
        if (start < 0) {
            return false;
        }
        for (int k = 0; k < phrase.length - 1; k++) {
            if (!phrase[k].equals(tokens.get(start + k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allIn(String[] phrase, List<String> sortedTokens) {
        for (int k = 0; k < phrase.length - 1; k++) {
            if (Collections.binarySearch(sortedTokens, phrase[k]) < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameTable t && phrases.equals(t.phrases);
    }

    @Override
    public int hashCode() {
        return phrases.hashCode();
    }

    @Override
    public String toString() {
        return "NameTable" + Arrays.toString(phrases.toArray());
    }
}
