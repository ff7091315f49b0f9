package org.osceclassify.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.osceclassify.model.CorpusException;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.Labels;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/feedback}: an analyst's correction of a document's labels, appended durably to the corrections
 * file of {@code serve --feedback FILE} (see {@link Corpora#appendCorrection}) and answered 201 once it is on disk.
 *
 * <p>The body is a document as {@code /v1/classify} takes it plus {@code fields} and {@code sources}, arrays of
 * labels, each checked against the served model's taxonomy and written under its canonical name (an alias or former
 * name is accepted). Off (404) without {@code --feedback}; needs the feedback token or the admin token (401).
 */
final class FeedbackApi {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackApi.class);

    private final Services services;

    FeedbackApi(Services services) {
        this.services = services;
    }

    void feedback(Context ctx) throws IOException {
        Path file = services.settings().feedback().file().orElseThrow(() -> new ApiException(404,
                "not found: feedback is off (serve --feedback FILE turns it on)"));
        requireToken(ctx);
        Bodies.requireJson(ctx);
        JsonNode body = Bodies.json(ctx, services.settings().maxBodyBytes());
        if (!body.isObject()) {
            throw ApiException.badRequest("a correction is a JSON object: a document with \"fields\" and \"sources\"");
        }
        ObjectNode document = ((ObjectNode) body).deepCopy();
        JsonNode fields = document.remove("fields");
        JsonNode sources = document.remove("sources");
        OsceDocument doc = DocumentRequests.read(document, "correction").document();
        Taxonomy taxonomy = services.models().current().classifier().trained().taxonomy();
        List<String> fieldLabels = labels(fields, "fields", "field of work",
                name -> taxonomy.field(name).or(() -> taxonomy.topic(name)));
        List<String> sourceLabels = labels(sources, "sources", "source",
                name -> taxonomy.source(name).map(Taxonomy.SourceBody::name));
        if (fieldLabels.isEmpty() && sourceLabels.isEmpty()) {
            throw ApiException.badRequest("a correction needs at least one label in \"fields\" or \"sources\"");
        }
        OsceDocument written;
        try {
            written = Corpora.appendCorrection(file, doc.withLabels(new Labels(sourceLabels, fieldLabels)));
        } catch (CorpusException e) {
            LOG.error("cannot record a correction: {}", e.getMessage(), e);
            throw new ApiException(500, "the correction could not be recorded; the server log has the details");
        }
        services.metrics().corrected();
        ObjectNode out = ClassificationJson.MAPPER.createObjectNode();
        out.put("id", written.id());
        written.labels().fields().forEach(out.putArray("fields")::add);
        written.labels().sources().forEach(out.putArray("sources")::add);
        out.withArray("fields");
        out.withArray("sources");
        Routes.json(ctx, 201, out.toString());
    }

    /** The labels of {@code node}, an array of strings (or absent), each known to the taxonomy; repeats dropped. */
    private static List<String> labels(JsonNode node, String name, String what,
                                       Function<String, Optional<String>> canonical) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw ApiException.badRequest("\"" + name + "\" must be an array of labels");
        }
        for (JsonNode label : node) {
            if (!label.isTextual()) {
                throw ApiException.badRequest("\"" + name + "\" must be an array of strings");
            }
            String known = canonical.apply(label.textValue()).orElseThrow(() -> ApiException.badRequest(
                    "unknown " + what + " \"" + label.textValue() + "\": not in the model's taxonomy"));
            if (!out.contains(known)) {
                out.add(known);
            }
        }
        return out;
    }

    /**
     * The feedback token or the admin token, as {@code Authorization: Bearer TOKEN}; compared in the same time
     * wherever they differ.
     */
    private void requireToken(Context ctx) {
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        byte[] given = (header.startsWith("Bearer ") ? header.substring("Bearer ".length()).strip() : "")
                .getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (Optional<String> token : List.of(services.settings().feedback().token(),
                services.settings().adminToken())) {
            ok |= token.isPresent() && MessageDigest.isEqual(given, token.get().getBytes(StandardCharsets.UTF_8));
        }
        if (!ok) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "a valid feedback or admin token is needed: Authorization: Bearer TOKEN");
        }
    }
}
