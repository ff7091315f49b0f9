package org.osceclassify.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.osceclassify.server.TestServer.json;
import static org.osceclassify.server.TestServer.quote;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.ReadOptions;

/** {@code POST /v1/feedback}: corrections checked, appended to the corrections file, readable as a corpus. */
@Timeout(120)
class FeedbackApiTest {

    @TempDir
    Path dir;

    private TestServer serving(Path corrections) {
        return new TestServer(ServerSettings.defaults(TestModels.seedModel()).withAdminToken(Optional.of("admin"))
                .withFeedback(FeedbackSettings.to(corrections, Optional.of("analyst"))));
    }

    private static HttpResponse<String> post(TestServer served, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(served.uri("/v1/feedback"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return served.send(request);
    }

    @Test
    void aCorrectionIsAnsweredCreatedAndReadBackAsACorpusRow() {
        Path file = dir.resolve("corrections.csv");
        try (TestServer served = serving(file)) {
            HttpResponse<String> r = post(served, "analyst", "{\"text\": " + quote(ClassifyApiTest.POLICING)
                    + ", \"fields\": [\"Policing\", \"gender equality\"], \"sources\": [\"OSCE Mission to Serbia\"]}");
            assertEquals(201, r.statusCode(), r.body());
            assertEquals("[\"Policing\",\"Gender equality\"]", json(r).get("fields").toString(),
                    "canonical names: \"gender equality\" is written as the taxonomy names it");
            assertTrue(json(r).get("id").asText().startsWith("fb-"));
            assertEquals(201, post(served, "admin", "{\"title\": \"Elections\", \"body\": \"Observers watched.\", "
                    + "\"fields\": [\"Elections\"]}").statusCode(), "the admin token works too");
        }
        List<OsceDocument> rows = Corpora.open(file).stream().toList();
        assertEquals(2, rows.size());
        assertEquals(List.of("Policing", "Gender equality"), rows.get(0).labels().fields());
        assertEquals(List.of("OSCE Mission to Serbia"), rows.get(0).labels().sources());
        assertEquals(ClassifyApiTest.POLICING, rows.get(0).body());
        assertEquals(List.of(), rows.get(1).labels().sources(), "sources not given: unknown");
    }

    @Test
    void badCorrectionsAreRefusedAndNothingIsWritten() {
        Path file = dir.resolve("corrections.csv");
        try (TestServer served = serving(file)) {
            String text = "\"text\": " + quote(ClassifyApiTest.POLICING);
            assertError(post(served, "analyst", "{" + text + ", \"fields\": [\"Basket weaving\"]}"), 400,
                    "unknown field of work \"Basket weaving\"");
            assertError(post(served, "analyst", "{" + text + ", \"sources\": [\"Nobody\"]}"), 400,
                    "unknown source \"Nobody\"");
            assertError(post(served, "analyst", "{" + text + ", \"fields\": \"Policing\"}"), 400, "array");
            assertError(post(served, "analyst", "{" + text + "}"), 400, "at least one label");
            assertError(post(served, "analyst", "{\"fields\": [\"Policing\"]}"), 400, "missing text");
            assertError(post(served, "analyst", "{" + text + ", \"labels\": []}"), 400, "unknown field \"labels\"");
            assertError(post(served, null, "{" + text + ", \"fields\": [\"Policing\"]}"), 401, "token");
            assertError(post(served, "wrong", "{" + text + ", \"fields\": [\"Policing\"]}"), 401, "token");
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void feedbackIsOffUnlessAFileIsGiven() {
        try (TestServer served = new TestServer(ServerSettings.defaults(TestModels.seedModel())
                .withAdminToken(Optional.of("admin")))) {
            assertError(post(served, "admin", "{\"text\": \"x\", \"fields\": [\"Policing\"]}"), 404, "feedback is off");
            assertFalse(json(served.get("/v1/model")).get("feedback").get("enabled").asBoolean());
        }
    }

    @Test
    void concurrentCorrectionsAreEachWrittenWhole() throws Exception {
        Path file = dir.resolve("corrections.csv");
        try (TestServer served = serving(file)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String text = "Statement " + i + ": the Mission trained police officers. ".repeat(20);
                posts.add(pool.submit(() -> post(served, "analyst", "{\"text\": " + quote(text)
                        + ", \"fields\": [\"Policing\"], \"sources\": [\"OSCE Mission to Serbia\"]}")));
            }
            for (Future<HttpResponse<String>> post : posts) {
                assertEquals(201, post.get().statusCode(), post.get().body());
            }
            pool.shutdown();
        }
        List<OsceDocument> rows = Corpora.open(file, ReadOptions.builder()
                .errorPolicy(ReadOptions.ErrorPolicy.FAIL).build()).stream().toList();
        assertEquals(80, rows.size());
        assertEquals(80, Corpora.readCorrections(file, ReadOptions.defaults()).size());
        rows.forEach(row -> assertEquals(List.of("Policing"), row.labels().fields()));
    }

    private static void assertError(HttpResponse<String> r, int status, String says) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(json(r).get("error").asText().contains(says), r.body());
    }
}
