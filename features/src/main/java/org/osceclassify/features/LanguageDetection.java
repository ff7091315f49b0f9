package org.osceclassify.features;

import java.util.Optional;
import java.util.Set;

/**
 * Tells which language a text is in: the one place where osce-classify detects languages, for the training corpus
 * (which languages a model was trained on) and for each document classified (is it in one of them?).
 *
 * <p>Short texts are hard to judge, so a detector judges only a text with at least {@link #MIN_LETTERS} letters and
 * says nothing about a shorter one: such a text is classified if the model knows its words, and marked as having
 * no known words otherwise. Languages are ISO 639-1 codes ({@code en}, {@code fr}, {@code ru}, ...).
 */
public interface LanguageDetection {

    /** The fewest letters a text needs for its language to be judged. */
    int MIN_LETTERS = 25;

    /**
     * The detector osce-classify uses, built once, on first use, and shared: the Lingua library over the OSCE's
     * working languages (English, French, German, Italian, Russian, Spanish) and a few others.
     */
    static LanguageDetection standard() {
        return LinguaDetection.shared();
    }

    /** The languages this detector tells apart. */
    Set<String> languages();

    /** The language {@code text} is most likely in, or empty when the text is too short to judge. */
    Optional<String> detect(String text);

    /**
     * The language {@code text} is in when that is clearly none of {@code expected}: empty when the text is in one
     * of them, is too short to judge, or is about as likely to be in one of them as in any other language. A text
     * is never judged to be in another language on weak evidence, since it then gets no labels at all.
     */
    Optional<String> otherLanguage(String text, Set<String> expected);
}
