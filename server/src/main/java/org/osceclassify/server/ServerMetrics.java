package org.osceclassify.server;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * What {@code GET /metrics} shows, in Prometheus text format through Micrometer: requests by route, method and
 * status with a latency histogram ({@code osce_http_requests_seconds}), documents classified
 * ({@code osce_documents_classified_total}), reloads by outcome, and the model served
 * ({@code osce_model_info{model="sha256:..."} 1}).
 */
final class ServerMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter documents = Counter.builder("osce.documents.classified")
            .description("documents classified, singly and in batches").register(registry);
    private final Counter corrections = Counter.builder("osce.corrections")
            .description("corrections recorded through POST /v1/feedback").register(registry);
    private final AtomicReference<Gauge> modelInfo = new AtomicReference<>();

    /** Counts one request to {@code route} (the route's pattern, so that ids do not explode the series). */
    void request(String method, String route, int status, long nanos) {
        Timer.builder("osce.http.requests").description("HTTP requests by route and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(Duration.ofNanos(nanos));
    }

    void classified(long n) {
        documents.increment(n);
    }

    void corrected() {
        corrections.increment();
    }

    void reload(boolean ok) {
        Counter.builder("osce.model.reloads").tag("outcome", ok ? "ok" : "refused").register(registry).increment();
    }

    /** Shows {@code model} as the one served, in place of the previous one. */
    void serving(ServedModel model) {
        Gauge current = modelInfo.get();
        if (current != null && model.id().equals(current.getId().getTag("model"))) {
            return;   // the same bundle reloaded
        }
        Gauge gauge = Gauge.builder("osce.model.info", () -> 1).description("the model served, by id")
                .tag("model", model.id()).tag("format_version", Integer.toString(model.formatVersion()))
                .register(registry);
        Gauge old = modelInfo.getAndSet(gauge);
        if (old != null && !old.getId().equals(gauge.getId())) {
            registry.remove(old);
        }
    }

    String scrape() {
        return registry.scrape();
    }
}
