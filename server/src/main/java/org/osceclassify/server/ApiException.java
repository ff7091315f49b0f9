package org.osceclassify.server;

/**
 * A request the service refuses: its HTTP status and a one-line message, sent as {@code {"error": "..."}}. Thrown
 * by handlers and turned into a response in one place ({@link Routes}), so that no stack trace reaches a client.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException tooLarge(String message) {
        return new ApiException(413, message);
    }

    static ApiException unsupportedType(String message) {
        return new ApiException(415, message);
    }
}
