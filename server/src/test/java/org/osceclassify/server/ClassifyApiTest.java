package org.osceclassify.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.osceclassify.server.TestServer.json;
import static org.osceclassify.server.TestServer.quote;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The single-document API, the model's description, health, and every refusal, against a real server. */
@Timeout(120)
class ClassifyApiTest {

    static final String POLICING = "BELGRADE, 3 May 2024 - The OSCE Mission to Serbia trained police officers in "
            + "forensic crime scene investigation and community policing.";
    private static TestServer served;

    @BeforeAll
    static void start() {
        served = TestServer.serving(TestModels.seedModel());
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @Test
    void textGetsFieldsWithThresholdsRankedSourcesAndTheModelId() {
        HttpResponse<String> r = served.postJson("/v1/classify", "{\"text\": " + quote(POLICING) + "}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = json(r);
        assertEquals(served.server.modelId(), body.get("model").asText());
        assertEquals("ok", body.get("status").asText());
        assertEquals("Policing", body.get("fields").get(0).get("label").asText());
        assertTrue(body.get("fields").get(0).has("threshold"));
        List<Double> sources = new ArrayList<>();
        body.get("sources").forEach(s -> sources.add(s.get("probability").asDouble()));
        assertTrue(sources.size() > 1);
        for (int i = 1; i < sources.size(); i++) {
            assertTrue(sources.get(i - 1) >= sources.get(i), "sources are ranked");
        }
        assertFalse(body.has("words"), "words only when asked");
    }

    @Test
    void explainAddsTheWordsThatWeighedMostPerLabel() {
        JsonNode body = json(served.postJson("/v1/classify?explain=true", "{\"text\": " + quote(POLICING) + "}"));
        JsonNode words = body.get("words").get("Policing");
        assertTrue(words.size() > 0);
        assertTrue(words.get(0).has("feature") && words.get(0).has("weight"));
    }

    @Test
    void titleAndBodyAndAWholePageAreClassifiedToo() {
        JsonNode titled = json(served.postJson("/v1/classify", "{\"title\": \"Police training\", \"body\": "
                + quote(POLICING) + "}"));
        assertEquals("Policing", titled.get("fields").get(0).get("label").asText());
        JsonNode page = json(served.postJson("/v1/classify", "{\"id\": \"seed\", \"page\": "
                + quote(TestModels.seedPage()) + "}"));
        assertEquals("seed", page.get("id").asText());
        assertEquals("Minsk Group", page.get("sources").get(0).get("label").asText());
        assertTrue(page.get("fields").toString().contains("Conflict prevention and resolution"));
    }

    @Test
    void textTheModelCannotReadIsAnsweredWithItsStatusAndNoLabels() {
        JsonNode body = json(served.postJson("/v1/classify", "{\"text\": \"zzqx vvbn\"}"));
        assertEquals("no-known-words", body.get("status").asText());
        assertEquals(0, body.get("fields").size());
    }

    @Test
    void badRequestsGetAOneLineJsonErrorAndTheRightStatus() {
        assertError(served.postJson("/v1/classify", "{\"text\": "), 400, "invalid JSON");
        assertError(served.postJson("/v1/classify", ""), 400, "empty");
        assertError(served.postJson("/v1/classify", "{\"title\": 3}"), 400, "must be a string");
        assertError(served.postJson("/v1/classify", "{}"), 400, "missing text");
        assertError(served.postJson("/v1/classify", "[\"text\"]"), 400, "JSON object");
        assertError(served.postJson("/v1/classify", "{\"txt\": \"a\"}"), 400, "unknown field");
        assertError(served.postJson("/v1/classify", "{\"text\": \"a\", \"page\": \"b\"}"), 400, "not several");
        assertError(served.postJson("/v1/classify", "{\"page\": \"\"}"), 400, "not a page");
        assertError(served.post("/v1/classify", "text/plain", POLICING), 415, "application/json");
        assertError(served.post("/v1/classify", null, "{\"text\": \"a\"}"), 415, "application/json");
        String huge = "{\"text\": \"" + "word ".repeat(500_000) + "\"}";
        assertError(served.postJson("/v1/classify", huge), 413, "2097152 bytes");
        assertError(served.get("/v1/nothing"), 404, "not found");
        assertError(served.get("/v1/classify"), 405, "method not allowed");
    }

    @Test
    void theModelIsDescribed() {
        JsonNode model = json(served.get("/v1/model"));
        assertEquals(served.server.modelId(), model.get("id").asText());
        assertTrue(model.get("id").asText().matches("sha256:[0-9a-f]{64}"));
        assertEquals(4, model.get("format_version").asInt());
        assertTrue(model.get("training").get("items").asInt() > 1000);
        assertTrue(model.get("labels").get("fields").toString().contains("Policing"));
        assertTrue(model.get("labels").get("sources").toString().contains("Minsk Group"));
        assertTrue(model.get("thresholds").has("Policing"));
        assertEquals(200, model.get("evaluation").get("test_items").asInt());
        HttpResponse<String> report = served.get("/v1/model/report");
        assertEquals(200, report.statusCode());
        assertTrue(report.body().contains("<html") || report.body().contains("<!DOCTYPE"));
    }

    @Test
    void healthSaysLiveAndReady() {
        assertEquals(200, served.get("/health/live").statusCode());
        HttpResponse<String> ready = served.get("/health/ready");
        assertEquals(200, ready.statusCode());
        assertEquals("ready", json(ready).get("status").asText());
    }

    @Test
    void itListensOnLoopbackUnlessToldOtherwise() {
        assertEquals("127.0.0.1", ServerSettings.defaults(TestModels.seedModel()).host());
        assertEquals("127.0.0.1", served.server.url().getHost());
    }

    static void assertError(HttpResponse<String> r, int status, String fragment) {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals(1, body.size(), r.body());
        String error = body.get("error").asText();
        assertTrue(error.contains(fragment), error);
        assertFalse(error.contains("\n") || error.contains("\tat "), "one line, no stack trace: " + error);
    }
}
