package org.osceclassify.features;

import java.text.Normalizer;

/**
 * Folds each token to Unicode normalisation form NFKC, so that compatibility forms (ligatures such as "ﬁ",
 * full-width letters and digits) and decomposed accents match their ordinary spelling. ASCII tokens, already in
 * NFKC, are returned as they are without a copy.
 */
final class NfkcFolding implements TokenStep {

    @Override
    public String apply(String token) {
        for (int i = 0, n = token.length(); i < n; i++) {
            if (token.charAt(i) >= 0x80) {
                String folded = Normalizer.normalize(token, Normalizer.Form.NFKC);
                return folded.isEmpty() ? null : folded;
            }
        }
        return token;
    }
}
