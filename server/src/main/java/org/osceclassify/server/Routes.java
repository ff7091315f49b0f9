package org.osceclassify.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every route of the service, in one place, and how failures become responses: an {@link ApiException} its status
 * and {@code {"error": "..."}}, Javalin's own refusals likewise, anything else a 500 with a generic line (the
 * detail goes to the log, never to the client).
 */
final class Routes {

    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);
    private static final String ROUTE = "osce.route";
    /** The page may run only the script file it is served with: no inline script, no other origin. */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private Routes() {
    }

    static void install(JavalinConfig config, Services services) {
        ClassifyApi classify = new ClassifyApi(services);
        BatchApi batch = new BatchApi(services);
        ModelApi model = new ModelApi(services);
        FeedbackApi feedback = new FeedbackApi(services);
        ReviewApi review = new ReviewApi(services);
        var routes = config.routes;

        routes.get("/", named("/", ctx -> resource(ctx, "web/index.html", "text/html; charset=utf-8")));
        routes.get("/app.js", named("/app.js", ctx -> resource(ctx, "web/app.js", "text/javascript; charset=utf-8")));
        routes.get("/openapi.json", named("/openapi.json", ctx -> resource(ctx, "openapi.json", "application/json")));
        routes.post("/v1/classify", named("/v1/classify", classify::classify));
        routes.post("/v1/classify/batch", named("/v1/classify/batch", batch::classify));
        routes.post("/v1/feedback", named("/v1/feedback", feedback::feedback));
        routes.get("/v1/review", named("/v1/review", review::review));
        routes.get("/v1/model", named("/v1/model", model::model));
        routes.get("/v1/model/report", named("/v1/model/report", model::report));
        routes.post("/v1/admin/reload", named("/v1/admin/reload", model::reload));
        routes.get("/health/live", named("/health/live", model::live));
        routes.get("/health/ready", named("/health/ready", model::ready));
        routes.get("/metrics", named("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(services.metrics().scrape())));

        routes.before(ctx -> {
            ctx.header("Content-Security-Policy", PAGE_POLICY);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
        });
        routes.exception(ApiException.class, (e, ctx) -> json(ctx, e.status(), ClassificationJson.error(e.getMessage())));
        routes.exception(HttpResponseException.class, (e, ctx) ->
                json(ctx, e.getStatus(), ClassificationJson.error(e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            json(ctx, 500, ClassificationJson.error("internal error; the server log has the details"));
        });
        routes.error(404, "*", ctx -> {
            if (ctx.attribute(ROUTE) == null) {
                json(ctx, 404, ClassificationJson.error("not found: " + ctx.method() + " " + ctx.path()));
            }
        });
        routes.error(405, "*", ctx -> json(ctx, 405, ClassificationJson.error("method not allowed: "
                + ctx.method() + " " + ctx.path())));
        config.requestLogger.http((ctx, ms) -> services.metrics().request(ctx.method().name(),
                ctx.attribute(ROUTE) == null ? "unmatched" : ctx.attribute(ROUTE), ctx.statusCode(),
                (long) (ms * 1_000_000L)));
    }

    /** Marks the request with its route's pattern, for the metrics, then runs the handler. */
    private static Handler named(String route, Handler handler) {
        return ctx -> {
            ctx.attribute(ROUTE, route);
            handler.handle(ctx);
        };
    }

    static void json(Context ctx, int status, String body) {
        ctx.status(status).contentType("application/json").result(body);
    }

    /** Whether {@code ?explain=true} asks for the words that weighed most. */
    static boolean explain(Context ctx) {
        String explain = ctx.queryParam("explain");
        return explain != null && (explain.equals("true") || explain.equals("1"));
    }

    private static void resource(Context ctx, String name, String type) throws IOException {
        try (InputStream in = Routes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " missing from the jar");
            }
            ctx.contentType(type).result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
