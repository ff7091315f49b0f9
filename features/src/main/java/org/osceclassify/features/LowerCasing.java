package org.osceclassify.features;

import java.util.Locale;

/** Lower-cases each token with {@link Locale#ROOT}, so the result never depends on the machine's locale. */
final class LowerCasing implements TokenStep {

    @Override
    public String apply(String token) {
        return token.toLowerCase(Locale.ROOT);
    }
}
