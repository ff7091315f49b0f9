package org.osceclassify.model;

import java.util.Objects;

/**
 * Where a document or an error comes from: a file, and the line in it where that is known.
 *
 * @param source a file path as the user gave it, or a name such as {@code <stdin>}
 * @param line   the 1-based line number, or 0 when the whole source is meant
 */
public record Origin(String source, long line) {

    public Origin {
        Objects.requireNonNull(source, "source");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, was " + line);
        }
    }

    /** The whole of a source, with no line. */
    public static Origin of(String source) {
        return new Origin(source, 0);
    }

    public static Origin of(String source, long line) {
        return new Origin(source, line);
    }

    /** {@code file:line}, or just {@code file} when no line is known: the prefix of every error message. */
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line : source;
    }
}
