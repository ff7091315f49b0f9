package org.osceclassify.features;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How metadata values and taxonomy names are compared: NFKC, lower case ({@link Locale#ROOT}), runs of white
 * space as one space, no space at either end. "Press  Release " and "press release" are the same key.
 */
final class Names {

    private Names() {
    }

    /** The comparison key of a value; empty for a blank value. Written without regular expressions: it is hot. */
    static String key(String value) {
        String s = value;
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                s = Normalizer.normalize(s, Normalizer.Form.NFKC);
                break;
            }
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = sb.length() > 0;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
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
        return key(body.substring(start, i));
    }
}
