package org.osceclassify.model;

import java.util.Objects;

/**
 * Input that cannot be read as an OSCE document or corpus: the message names the file and line, in the form
 * {@code file:line: what was wrong}, so that a command line can print it as one line without a stack trace.
 */
public class CorpusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Origin origin;
    private final String reason;

    public CorpusException(Origin origin, String reason) {
        this(origin, reason, null);
    }

    public CorpusException(Origin origin, String reason, Throwable cause) {
        super(Objects.requireNonNull(origin, "origin") + ": " + reason, cause);
        this.origin = origin;
        this.reason = reason;
    }

    /** The file (and line) at fault. */
    public Origin origin() {
        return origin;
    }

    /** What was wrong, without the location prefix. */
    public String reason() {
        return reason;
    }
}
