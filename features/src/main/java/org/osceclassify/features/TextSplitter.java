package org.osceclassify.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into tokens: maximal runs of Unicode letters and digits ({@link Character#isLetterOrDigit(int)}),
 * everything else a separator. This is exactly how the corpus bags of words were made, so a bag and the running
 * text it came from give the same tokens: "risk-reduction" gives {@code risk}, {@code reduction};
 * "authorities’" gives {@code authorities}; "Vollebæk" and "2015" stay whole. Case is kept; {@link TokenStep}s change it.
 *
 * <p>Stateless and thread-safe.
 */
final class TextSplitter {

    /** Appends the tokens of {@code text} to {@code out}, in order. */
    void tokenize(CharSequence text, List<String> out) {
        String s = text.toString();
        int n = s.length();
        int start = -1;
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            boolean word = cp < 0x80 ? isAsciiLetterOrDigit(cp) : Character.isLetterOrDigit(cp);
            if (word) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(s.substring(start, n));
        }
    }

    /** The tokens of {@code text}, in order. */
    List<String> tokenize(CharSequence text) {
        List<String> out = new ArrayList<>();
        tokenize(text, out);
        return out;
    }

    private static boolean isAsciiLetterOrDigit(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
