package org.osceclassify.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link OsceServer} runs: where it listens, which bundle it serves, and the limits that keep a slow or greedy
 * client from holding the service.
 *
 * @param host          the interface to bind; {@code 127.0.0.1} unless the operator asks for another, so that a
 *                      fresh start is never reachable from the network
 * @param port          the port; 0 picks a free one (tests)
 * @param model         the bundle file; {@code POST /v1/admin/reload} reads this path again
 * @param adminToken    the bearer token of the admin endpoints; empty turns them off (404)
 * @param idleTimeout   how long a connection may send nothing before Jetty closes it: a stuck client cannot hold a
 *                      worker thread longer
 * @param stopTimeout   how long a stop waits for requests in flight to finish
 * @param maxBodyBytes  the largest body of {@code POST /v1/classify} and of a JSON batch (413 above)
 * @param maxUploadBytes the largest streamed CSV or JSONL batch upload (413 above)
 * @param maxBatch      the most documents of a JSON batch (413 above, naming the limit)
 * @param feedback      where analysts' corrections go and who may send them; off by default
 */
public record ServerSettings(String host, int port, Path model, Optional<String> adminToken, Duration idleTimeout,
                             Duration stopTimeout, long maxBodyBytes, long maxUploadBytes, int maxBatch,
                             FeedbackSettings feedback) {

    /** The default interface: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 8080;

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(feedback, "feedback");
        adminToken = adminToken.map(String::strip).filter(t -> !t.isEmpty());
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not in 0..65535");
        }
        if (maxBodyBytes <= 0 || maxUploadBytes <= 0 || maxBatch <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * Serves {@code model} on 127.0.0.1:8080 without admin endpoints: 30 s idle timeout, 20 s to finish in-flight
     * requests on stop, 2 MB bodies, 64 MB uploads, 1,000 documents per JSON batch.
     */
    public static ServerSettings defaults(Path model) {
        return new ServerSettings(DEFAULT_HOST, DEFAULT_PORT, model, Optional.empty(), Duration.ofSeconds(30),
                Duration.ofSeconds(20), 2L * 1024 * 1024, 64L * 1024 * 1024, 1000, FeedbackSettings.OFF);
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, model, adminToken, idleTimeout, stopTimeout, maxBodyBytes,
                maxUploadBytes, maxBatch, feedback);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, model, adminToken, idleTimeout, stopTimeout, maxBodyBytes,
                maxUploadBytes, maxBatch, feedback);
    }

    public ServerSettings withAdminToken(Optional<String> token) {
        return new ServerSettings(host, port, model, token, idleTimeout, stopTimeout, maxBodyBytes, maxUploadBytes,
                maxBatch, feedback);
    }

    public ServerSettings withIdleTimeout(Duration timeout) {
        return new ServerSettings(host, port, model, adminToken, timeout, stopTimeout, maxBodyBytes, maxUploadBytes,
                maxBatch, feedback);
    }

    public ServerSettings withFeedback(FeedbackSettings newFeedback) {
        return new ServerSettings(host, port, model, adminToken, idleTimeout, stopTimeout, maxBodyBytes, maxUploadBytes,
                maxBatch, newFeedback);
    }
}
