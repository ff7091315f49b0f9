package org.osceclassify.cli;

/** A command's input that is present but unusable (an empty stdin, say): reported in one line, exit code 1. */
final class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UserInputException(String message) {
        super(message);
    }
}
