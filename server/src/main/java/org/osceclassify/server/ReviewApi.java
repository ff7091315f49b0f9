package org.osceclassify.server;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.osceclassify.classifier.ReviewQueue;
import org.osceclassify.classifier.ScoredLabel;
import org.osceclassify.model.CorpusException;
import org.osceclassify.model.CorpusReader;
import org.osceclassify.model.Corpora;

/**
 * {@code GET /v1/review}: the documents of {@code serve --review-input} that the served model is least sure of, least
 * sure first (see {@link ReviewQueue}), for the page to offer for correction. The queue is ranked once per model
 * and kept until a reload swaps the model; off (404) without a review input.
 */
final class ReviewApi {

    /** How many documents the queue holds. */
    static final int QUEUE = 50;

    private record Ranked(String modelId, String json) {
    }

    private final Services services;
    private final AtomicReference<Ranked> ranked = new AtomicReference<>();

    ReviewApi(Services services) {
        this.services = services;
    }

    void review(Context ctx) {
        Path input = services.settings().feedback().review().orElseThrow(() -> new ApiException(404,
                "not found: the review queue is off (serve --review-input CORPUS turns it on)"));
        ServedModel model = services.models().current();
        Ranked queue = ranked.get();
        if (queue == null || !queue.modelId().equals(model.id())) {
            queue = new Ranked(model.id(), rank(model, input));
            ranked.set(queue);
        }
        Routes.json(ctx, 200, queue.json());
    }

    private static String rank(ServedModel model, Path input) {
        List<ReviewQueue.Candidate> candidates;
        try (CorpusReader reader = Corpora.open(input)) {
            candidates = ReviewQueue.rank(model.classifier(), reader, QUEUE);
        } catch (CorpusException e) {
            throw new ApiException(500, "the review input cannot be read: " + e.getMessage());
        }
        ObjectNode out = ClassificationJson.MAPPER.createObjectNode();
        out.put("model", model.id());
        ArrayNode documents = out.putArray("documents");
        for (ReviewQueue.Candidate c : candidates) {
            ObjectNode doc = documents.addObject();
            doc.put("id", c.document().id()).put("title", c.document().title()).put("body", c.document().body());
            doc.put("uncertainty", c.uncertainty());
            c.fields().stream().map(ScoredLabel::label).forEach(doc.withArray("fields")::add);
            doc.withArray("fields");
            doc.put("source", c.source());
        }
        return out.toString();
    }
}
