package org.osceclassify.classifier;

import java.util.Objects;

/**
 * Whether a document could be classified, and if not, why. A document that could not be classified gets no fields
 * and no sources: the model would only echo its priors for it, which look like predictions.
 *
 * @param kind     what happened
 * @param language for {@link Kind#UNSUPPORTED_LANGUAGE}, the ISO 639-1 code of the language the document is in;
 *                 empty otherwise
 */
public record ClassificationStatus(Kind kind, String language) {

    /** What happened to a document. */
    public enum Kind {
        /** Classified. */
        OK,
        /** None of its words is one the model was trained on (including empty text). */
        NO_KNOWN_WORDS,
        /** It is in a language the model was not trained on. */
        UNSUPPORTED_LANGUAGE
    }

    /** Classified. */
    public static final ClassificationStatus OK = new ClassificationStatus(Kind.OK, "");

    /** Not classified: the model knows none of its words. */
    public static final ClassificationStatus NO_KNOWN_WORDS = new ClassificationStatus(Kind.NO_KNOWN_WORDS, "");

    public ClassificationStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        if ((kind == Kind.UNSUPPORTED_LANGUAGE) == language.isEmpty()) {
            throw new IllegalArgumentException("a language goes with UNSUPPORTED_LANGUAGE only, was " + kind
                    + " and \"" + language + "\"");
        }
    }

    /** Not classified: the document is in {@code language} (an ISO 639-1 code), which the model was not trained on. */
    public static ClassificationStatus unsupportedLanguage(String language) {
        return new ClassificationStatus(Kind.UNSUPPORTED_LANGUAGE, language);
    }

    /** Whether the document was classified. */
    public boolean isOk() {
        return kind == Kind.OK;
    }

    /** The readable form, as the command line writes it: {@code ok}, {@code no-known-words}, {@code unsupported-language:ru}. */
    @Override
    public String toString() {
        return switch (kind) {
            case OK -> "ok";
            case NO_KNOWN_WORDS -> "no-known-words";
            case UNSUPPORTED_LANGUAGE -> "unsupported-language:" + language;
        };
    }
}
