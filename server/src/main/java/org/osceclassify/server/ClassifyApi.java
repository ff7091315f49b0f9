package org.osceclassify.server;

import java.io.IOException;

import io.javalin.http.Context;
import org.osceclassify.classifier.Classification;

/** {@code POST /v1/classify}: one document ({@code text}, {@code title} and {@code body}, or {@code page}). */
final class ClassifyApi {

    private final Services services;

    ClassifyApi(Services services) {
        this.services = services;
    }

    void classify(Context ctx) throws IOException {
        Bodies.requireJson(ctx);
        var doc = DocumentRequests.read(Bodies.json(ctx, services.settings().maxBodyBytes()), "text");
        ServedModel model = services.models().current();   // taken once: a reload meanwhile does not affect it
        boolean explain = Routes.explain(ctx);
        Classification c = doc.classify(model.classifier(), explain);
        services.metrics().classified(1);
        Routes.json(ctx, 200, ClassificationJson.of(c, model, explain).toString());
    }
}
