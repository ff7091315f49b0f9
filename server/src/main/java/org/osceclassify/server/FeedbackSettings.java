package org.osceclassify.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the service takes analysts' corrections ({@code POST /v1/feedback}) and where they go.
 *
 * @param file   the corrections file, a CSV corpus each correction is appended to; empty turns feedback off (404)
 * @param token  a bearer token for feedback only, so that analysts can correct labels without being able to reload
 *               the model; the admin token is accepted too. Feedback needs one of the two.
 * @param review a corpus (CSV, folder of pages) whose least certain documents the page offers for review
 *               ({@code GET /v1/review}); empty turns the queue off
 */
public record FeedbackSettings(Optional<Path> file, Optional<String> token, Optional<Path> review) {

    /** No feedback, no review queue. */
    public static final FeedbackSettings OFF = new FeedbackSettings(Optional.empty(), Optional.empty(),
            Optional.empty());

    public FeedbackSettings {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(review, "review");
        token = Objects.requireNonNull(token, "token").map(String::strip).filter(t -> !t.isEmpty());
    }

    /** Corrections appended to {@code corrections}, accepted with {@code token} (or the admin token). */
    public static FeedbackSettings to(Path corrections, Optional<String> token) {
        return new FeedbackSettings(Optional.of(corrections), token, Optional.empty());
    }

    public FeedbackSettings withReview(Path input) {
        return new FeedbackSettings(file, token, Optional.of(input));
    }
}
