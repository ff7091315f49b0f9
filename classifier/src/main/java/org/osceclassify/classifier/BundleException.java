package org.osceclassify.classifier;

import java.io.IOException;

/**
 * A model bundle that cannot be loaded: not a bundle, another format version, truncated or corrupted. The
 * message names the file and says which, in one line.
 */
public final class BundleException extends IOException {

    private static final long serialVersionUID = 1L;

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
