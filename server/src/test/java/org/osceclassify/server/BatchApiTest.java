package org.osceclassify.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.osceclassify.server.ClassifyApiTest.assertError;
import static org.osceclassify.server.TestServer.json;
import static org.osceclassify.server.TestServer.quote;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osceclassify.model.OsceDocument;

/** Batches as a JSON array, JSON lines and CSV, answered in input order; and the metrics they leave. */
@Timeout(120)
class BatchApiTest {

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
    void aJsonArrayIsAnsweredInInputOrderAsTheSingleEndpointAnswersEach() {
        List<OsceDocument> docs = TestModels.corpus().subList(0, 100);
        String batch = docs.stream().map(d -> "{\"id\": " + quote(d.id()) + ", \"title\": " + quote(d.title())
                + ", \"body\": " + quote(d.body()) + "}").collect(Collectors.joining(",", "[", "]"));
        HttpResponse<String> r = served.postJson("/v1/classify/batch", batch);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answers = json(r);
        assertEquals(100, answers.size());
        for (int i = 0; i < docs.size(); i++) {
            assertEquals(docs.get(i).id(), answers.get(i).get("id").asText());
        }
        JsonNode single = json(served.postJson("/v1/classify", "{\"id\": " + quote(docs.get(7).id())
                + ", \"title\": " + quote(docs.get(7).title()) + ", \"body\": " + quote(docs.get(7).body()) + "}"));
        assertEquals(single, answers.get(7));
    }

    @Test
    void aJsonBatchOverTheLimitIsRefusedNamingTheLimit() {
        String batch = IntStream.range(0, 1001).mapToObj(i -> "{\"text\": \"police\"}")
                .collect(Collectors.joining(",", "[", "]"));
        assertError(served.postJson("/v1/classify/batch", batch), 413, "at most 1000 documents");
        assertError(served.postJson("/v1/classify/batch", "{\"text\": \"a\"}"), 400, "array");
        assertError(served.postJson("/v1/classify/batch", "[{\"text\": 1}]"), 400, "must be a string");
        assertError(served.post("/v1/classify/batch", "text/plain", "a"), 415, "text/csv");
        assertError(served.postJson("/v1/classify/batch?format=xml", "[]"), 400, "unknown format");
    }

    @Test
    void jsonLinesAreStreamedAndABadLineIsAnsweredInPlace() {
        String lines = "{\"id\": \"a\", \"text\": \"police training\"}\nnot json\n\n{\"id\": \"c\", \"text\": \"elections\"}\n";
        HttpResponse<String> r = served.post("/v1/classify/batch", "application/x-ndjson", lines);
        assertEquals(200, r.statusCode(), r.body());
        String[] answers = r.body().split("\n");
        assertEquals(3, answers.length, r.body());
        assertEquals("a", line(answers[0]).get("id").asText());
        assertEquals("line-2", line(answers[1]).get("id").asText());
        assertTrue(line(answers[1]).get("error").asText().startsWith("invalid JSON"));
        assertEquals("c", line(answers[2]).get("id").asText());
    }

    @Test
    void aCsvUploadIsAnsweredAsCsvWithTheColumnsOfTheCommandLine() {
        String csv = "id,title,text\np1,Police,\"Police officers trained, in Belgrade\"\np2,,Election observers\n";
        HttpResponse<String> r = served.post("/v1/classify/batch", "text/csv", csv);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> rows = r.body().lines().toList();
        assertEquals("id,fields,sources,field_scores,source_scores,status", rows.get(0));
        assertTrue(rows.get(1).startsWith("p1,"));
        assertTrue(rows.get(2).startsWith("p2,") && rows.get(2).endsWith(",ok"));
        assertError(served.post("/v1/classify/batch", "text/csv", "id,body\n1,a\n"), 400, "\"text\" column");
        HttpResponse<String> asJson = served.post("/v1/classify/batch?format=json", "text/csv", csv);
        assertEquals(2, json(asJson).size());
    }

    @Test
    void metricsCountRequestsLatencyDocumentsAndNameTheModel() {
        served.postJson("/v1/classify", "{\"text\": \"police\"}");
        HttpResponse<String> r = served.get("/metrics");
        assertEquals(200, r.statusCode());
        String metrics = r.body();
        assertTrue(metrics.contains("osce_http_requests_seconds_bucket{"), metrics);
        assertTrue(metrics.contains("route=\"/v1/classify\""), metrics);
        assertTrue(metrics.contains("osce_documents_classified_total"), metrics);
        assertTrue(metrics.contains("osce_model_info{format_version=\"4\",model=\"" + served.server.modelId() + "\"} 1"),
                metrics);
    }

    private static JsonNode line(String line) {
        try {
            return TestServer.JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
