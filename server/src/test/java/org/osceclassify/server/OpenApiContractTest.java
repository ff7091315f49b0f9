package org.osceclassify.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.osceclassify.server.TestServer.json;
import static org.osceclassify.server.TestServer.quote;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real responses of every endpoint, successes and refusals, conform to the OpenAPI document the server serves at
 * {@code /openapi.json}; and every operation that document lists is exercised here.
 */
@Timeout(120)
class OpenApiContractTest {

    @Test
    void everyResponseMatchesTheServedOpenApiDocument() throws Exception {
        Path bundle = Files.copy(TestModels.seedModel(), TestModels.tempDir().resolve("contract.osce"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ServerSettings settings = ServerSettings.defaults(bundle).withAdminToken(Optional.of("t0ken"))
                .withFeedback(FeedbackSettings.to(TestModels.tempDir().resolve("contract-corrections.csv"),
                        Optional.empty()).withReview(TestModels.ROOT.resolve("seeds/pages")));
        try (TestServer served = new TestServer(settings)) {
            HttpResponse<String> doc = served.get("/openapi.json");
            assertEquals(200, doc.statusCode());
            JsonNode openapi = json(doc);
            assertTrue(openapi.get("openapi").asText().startsWith("3."));
            OpenApiSchema schema = new OpenApiSchema(openapi);
            Set<String> exercised = new HashSet<>();
            String text = "{\"text\": " + quote(ClassifyApiTest.POLICING) + "}";

            conforms(schema, exercised, "/v1/classify", "post", served.postJson("/v1/classify", text));
            conforms(schema, exercised, "/v1/classify", "post", served.postJson("/v1/classify?explain=true", text));
            conforms(schema, exercised, "/v1/classify", "post", served.postJson("/v1/classify", "{"));
            conforms(schema, exercised, "/v1/classify", "post", served.post("/v1/classify", "text/plain", "x"));
            conforms(schema, exercised, "/v1/classify", "post",
                    served.postJson("/v1/classify", "{\"text\": \"" + "a".repeat(3_000_000) + "\"}"));
            conforms(schema, exercised, "/v1/classify/batch", "post", served.postJson("/v1/classify/batch",
                    "[" + text + ", {\"page\": " + quote(TestModels.seedPage()) + "}]"));
            conforms(schema, exercised, "/v1/classify/batch", "post", served.postJson("/v1/classify/batch?format=json",
                    "[" + text + "]"));
            conforms(schema, exercised, "/v1/feedback", "post", served.send(HttpRequest.newBuilder(
                    served.uri("/v1/feedback")).header("Authorization", "Bearer t0ken")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"text\": " + quote(ClassifyApiTest.POLICING) + ", \"fields\": [\"Policing\"]}"))));
            conforms(schema, exercised, "/v1/feedback", "post", served.postJson("/v1/feedback", "{}"));
            conforms(schema, exercised, "/v1/review", "get", served.get("/v1/review"));
            conforms(schema, exercised, "/v1/model", "get", served.get("/v1/model"));
            conforms(schema, exercised, "/v1/model/report", "get", served.get("/v1/model/report"));
            conforms(schema, exercised, "/health/live", "get", served.get("/health/live"));
            conforms(schema, exercised, "/health/ready", "get", served.get("/health/ready"));
            conforms(schema, exercised, "/metrics", "get", served.get("/metrics"));
            conforms(schema, exercised, "/openapi.json", "get", doc);
            conforms(schema, exercised, "/v1/admin/reload", "post", served.send(HttpRequest.newBuilder(
                    served.uri("/v1/admin/reload")).POST(HttpRequest.BodyPublishers.noBody())));
            conforms(schema, exercised, "/v1/admin/reload", "post", served.send(HttpRequest.newBuilder(
                    served.uri("/v1/admin/reload")).header("Authorization", "Bearer t0ken")
                    .POST(HttpRequest.BodyPublishers.noBody())));
            conforms(schema, exercised, "/v1/model", "get", served.get("/v1/model"));   // with last_reload

            Set<String> documented = new HashSet<>();
            for (Iterator<String> paths = openapi.get("paths").fieldNames(); paths.hasNext(); ) {
                String path = paths.next();
                openapi.get("paths").get(path).fieldNames().forEachRemaining(m -> documented.add(m + " " + path));
            }
            assertEquals(documented, exercised);
        }
    }

    private static void conforms(OpenApiSchema schema, Set<String> exercised, String path, String method,
                                 HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        JsonNode responseSchema = schema.responseSchema(path, method, response.statusCode(), type);
        assertNotNull(responseSchema, method + " " + path + ": " + response.statusCode() + " " + type
                + " is not in the document");
        if (type.equals("application/json")) {
            List<String> problems = schema.check(json(response), responseSchema);
            assertTrue(problems.isEmpty(), method + " " + path + " " + response.statusCode() + ": " + problems);
        }
        exercised.add(method + " " + path);
    }
}
