package org.osceclassify.features;

import org.osceclassify.model.Taxonomy;

/** Where a document names its place when it has no place field: the dateline that opens its body. */
final class Names {

    private Names() {
    }

    /**
     * The place named by a running-text dateline at the start of {@code body}, as a key: "BELGRADE, 3 December
     * 2015 - ..." gives {@code belgrade}. A dateline is a run of upper-case words (letters, spaces, hyphens,
     * apostrophes and full stops, at most 40 characters) followed by a comma and a day number. Returns empty
     * when there is none, as always for a bag of words, which has no commas.
     */
    static String dateline(String body) {
        int n = body.length();
        int i = 0;
        while (i < n && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        int start = i;
        int letters = 0;
        while (i < n && body.charAt(i) != ',') {
            char c = body.charAt(i);
            if (i - start >= 40) {
                return "";
            }
            if (Character.isLetter(c)) {
                if (Character.isLowerCase(c)) {
                    return "";
                }
                letters++;
            } else if (c != ' ' && c != '-' && c != '\'' && c != '\u2019' && c != '.') {
                return "";
            }
            i++;
        }
        if (i >= n || letters < 2) {
            return "";
        }
        int j = i + 1;
        while (j < n && body.charAt(j) == ' ') {
            j++;
        }
        if (j >= n || !Character.isDigit(body.charAt(j))) {
            return "";
        }
        return Taxonomy.key(body.substring(start, i));
    }
}
