package org.osceclassify.features;

/**
 * One step of the analysis chain after the {@link TextSplitter}, applied to each token on its own: it returns the
 * token, changed or not, or {@code null} to drop it.
 *
 * <p>Because a step sees one token at a time, never its neighbours, the multiset of terms a chain of steps
 * makes from a bag of words equals the one it makes from the running text the bag came from. Implementations
 * must be thread-safe.
 */
@FunctionalInterface
interface TokenStep {

    /** The token to keep in place of {@code token}, or {@code null} to drop it. */
    String apply(String token);
}
