package org.osceclassify.cli;

/**
 * A user's input that is present but unusable (an empty stdin, a corpus without labels to train on): reported in
 * one line, exit code 1. Unlike any other exception it is the user's to fix, not a bug, so it is never called an
 * internal error.
 */
final class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UserInputException(String message) {
        super(message);
    }

    /** The same, keeping the exception that revealed the mistake for {@code --verbose}'s stack trace. */
    UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
