package org.osceclassify.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.osceclassify.classifier.Evaluation;
import org.osceclassify.classifier.TrainedClassifier;

/**
 * The endpoints about the model and the service's health: {@code GET /v1/model}, {@code GET /v1/model/report},
 * {@code POST /v1/admin/reload}, {@code GET /health/live} and {@code /health/ready}.
 */
final class ModelApi {

    private final Services services;

    ModelApi(Services services) {
        this.services = services;
    }

    /** The bundle's id, format, training summary, labels, thresholds, evaluation summary and last reload. */
    void model(Context ctx) {
        ServedModel m = services.models().current();
        TrainedClassifier t = m.classifier().trained();
        TrainedClassifier.Summary s = t.summary();
        ObjectNode out = ClassificationJson.MAPPER.createObjectNode();
        out.put("id", m.id());
        out.put("format_version", m.formatVersion());
        out.put("path", m.path().toString());
        out.put("bytes", m.bytes());
        out.put("file_modified", m.fileModified().toString());
        out.put("loaded_at", m.loadedAt().toString());
        ObjectNode training = out.putObject("training");
        training.put("items", s.items()).put("fields_items", s.fieldsItems()).put("sources_items", s.sourcesItems());
        training.put("corpus", s.corpus());
        training.put("seconds", s.duration().toMillis() / 1000.0);
        s.languages().forEach(training.putArray("languages")::add);
        t.tasks().forEach(task -> training.withArray("tasks").add(task.id()));
        training.put("settings", t.settings().toString());
        ObjectNode labels = out.putObject("labels");
        new TreeMap<>(s.fieldCounts()).keySet().forEach(labels.putArray("fields")::add);
        new TreeMap<>(s.sourceCounts()).keySet().forEach(labels.putArray("sources")::add);
        ObjectNode thresholds = out.putObject("thresholds");
        new TreeMap<>(t.thresholds()).forEach(thresholds::put);
        Optional<Evaluation> evaluation = m.classifier().evaluation();
        if (evaluation.isPresent()) {
            Evaluation e = evaluation.get();
            ObjectNode summary = out.putObject("evaluation");
            summary.put("method", e.method()).put("train_items", e.trainItems()).put("test_items", e.testItems());
            summary.putObject("fields").put("micro_f1", e.fields().microF1()).put("macro_f1", e.fields().macroF1())
                    .put("jaccard", e.fields().jaccard());
            summary.putObject("sources").put("top1", e.sources().top1()).put("top3", e.sources().top3())
                    .put("macro_f1", e.sources().macroF1());
            summary.put("report", "/v1/model/report");
        } else {
            out.putNull("evaluation");
        }
        out.putObject("feedback").put("enabled", services.settings().feedback().file().isPresent())
                .put("review", services.settings().feedback().review().isPresent());
        services.models().lastReload().ifPresent(r -> {
            ObjectNode reload = out.putObject("last_reload");
            reload.put("at", r.at().toString()).put("ok", r.error().isEmpty());
            r.error().ifPresent(error -> reload.put("error", error));
        });
        Routes.json(ctx, 200, out.toString());
    }

    /** The HTML evaluation report saved with the model (404 when it has none). */
    void report(Context ctx) throws IOException {
        Optional<String> html = services.models().current().reportHtml();
        if (html.isEmpty()) {
            throw new ApiException(404, "the model was saved without an evaluation: train it with a holdout "
                    + "(osce-classify train without --no-evaluate) to have a report");
        }
        // The report is our own page with its own small inline script (table sorting) and styles.
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                + "script-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'");
        ctx.contentType("text/html; charset=utf-8").result(html.get());
    }

    /** Reads the bundle again and swaps it in; a refused bundle is a 422 and the old model keeps serving. */
    void reload(Context ctx) {
        requireAdmin(ctx);
        try {
            ServedModel fresh = services.models().reload();
            services.metrics().reload(true);
            Routes.json(ctx, 200, ClassificationJson.MAPPER.createObjectNode().put("id", fresh.id())
                    .put("loaded_at", fresh.loadedAt().toString()).toString());
        } catch (IOException e) {
            services.metrics().reload(false);
            throw new ApiException(422, "reload refused, the previous model is still served: " + e.getMessage());
        }
    }

    void live(Context ctx) {
        Routes.json(ctx, 200, "{\"status\":\"live\"}");
    }

    void ready(Context ctx) {
        boolean ready = services.ready().get();
        Routes.json(ctx, ready ? 200 : 503, ready
                ? "{\"status\":\"ready\",\"model\":\"" + services.models().current().id() + "\"}"
                : "{\"status\":\"stopping\"}");
    }

    /**
     * Admin endpoints are off (404, as if absent) without a configured token, and need {@code Authorization:
     * Bearer TOKEN} otherwise (401). The comparison takes the same time wherever the tokens differ.
     */
    private void requireAdmin(Context ctx) {
        Optional<String> token = services.settings().adminToken();
        if (token.isEmpty()) {
            throw new ApiException(404, "not found: admin endpoints are off (set OSCE_CLASSIFY_ADMIN_TOKEN or "
                    + "--admin-token-file)");
        }
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        String given = header.startsWith("Bearer ") ? header.substring("Bearer ".length()).strip() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.get().getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "a valid admin token is needed: Authorization: Bearer TOKEN");
        }
    }

}
