package org.osceclassify.server;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import io.javalin.Javalin;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.osceclassify.classifier.BundleException;

/**
 * The osce-classify HTTP service, the server module's one entry point: JSON classification, the model's
 * description, hot reload, health, Prometheus metrics, an OpenAPI document and a web page, on Javalin (Jetty 12).
 * The routes are listed in {@link Routes}.
 *
 * <pre>{@code
 * try (OsceServer server = OsceServer.start(ServerSettings.defaults(Path.of("model.osce")))) {
 *     System.err.println("serving at " + server.url());
 *     server.awaitStop();
 * }
 * }</pre>
 *
 * <p>{@link #stop()} is graceful: readiness turns 503, the connectors stop accepting, requests in flight finish
 * (up to {@link ServerSettings#stopTimeout()}), then Jetty stops.
 */
public final class OsceServer implements AutoCloseable {

    private final Javalin app;
    private final Services services;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final int port;

    private OsceServer(Javalin app, Services services) {
        this.app = app;
        this.services = services;
        this.port = app.port();
    }

    /**
     * Loads the bundle, checks it fully, and starts serving it.
     *
     * @throws BundleException when the bundle is not a good one (one line naming the file)
     * @throws IOException     when it cannot be read, or the port cannot be bound
     */
    public static OsceServer start(ServerSettings settings) throws IOException {
        ServedModel model = ServedModel.load(settings.model());
        ServerMetrics metrics = new ServerMetrics();
        Services services = new Services(settings, new ModelHolder(model, metrics::serving), metrics,
                new AtomicBoolean(false));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.prefer405over404 = true;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setIdleTimeout(settings.idleTimeout().toMillis());
                http.setSendServerVersion(false);
            });
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(settings.stopTimeout().toMillis());
                server.insertHandler(new GracefulHandler());
            });
            Routes.install(config, services);
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            throw new IOException("cannot serve on " + settings.host() + ":" + settings.port() + ": "
                    + ModelHolder.oneLine(e.getCause() != null ? e.getCause() : e), e);
        }
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector c) {
                c.setIdleTimeout(settings.idleTimeout().toMillis());
            }
        }
        services.ready().set(true);
        return new OsceServer(app, services);
    }

    /** The port served (the one picked, when the settings asked for 0). */
    public int port() {
        return port;
    }

    /** The base URL, such as {@code http://127.0.0.1:8080/}. */
    public URI url() {
        String host = services.settings().host();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /** The id of the model served now (the SHA-256 of its bundle). */
    public String modelId() {
        return services.models().current().id();
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops gracefully: not ready, no new connections, requests in flight finished, then down. Later calls wait
     * for the first to finish.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        services.ready().set(false);
        try {
            app.stop();
        } finally {
            stopped.countDown();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
