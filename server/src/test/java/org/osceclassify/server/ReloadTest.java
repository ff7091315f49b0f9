package org.osceclassify.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.osceclassify.server.ClassifyApiTest.assertError;
import static org.osceclassify.server.TestServer.json;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hot reload: the admin endpoint is off without a token and refuses a wrong one; a good bundle renamed over the
 * served path is swapped in, a corrupt one refused while the old model goes on serving; and requests running
 * meanwhile all succeed.
 */
@Timeout(120)
class ReloadTest {

    private static final String TOKEN = "s3cret-token";

    @Test
    void adminEndpointsAreOffWithoutATokenAndRefuseAWrongOne() {
        try (TestServer served = TestServer.serving(TestModels.seedModel())) {
            assertError(reload(served, Optional.of(TOKEN)), 404, "admin endpoints are off");
        }
        ServerSettings settings = ServerSettings.defaults(TestModels.seedModel()).withAdminToken(Optional.of(TOKEN));
        try (TestServer served = new TestServer(settings)) {
            assertError(reload(served, Optional.empty()), 401, "admin token");
            assertError(reload(served, Optional.of("wrong")), 401, "admin token");
            assertEquals(200, reload(served, Optional.of(TOKEN)).statusCode());
        }
    }

    @Test
    void reloadsGoodAndCorruptBundlesWhileRequestsRunAndNoneFails() throws Exception {
        Path served = TestModels.tempDir().resolve("reload.osce");
        Files.copy(TestModels.seedModel(), served, StandardCopyOption.REPLACE_EXISTING);
        ServerSettings settings = ServerSettings.defaults(served).withAdminToken(Optional.of(TOKEN));
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (TestServer server = new TestServer(settings)) {
            String seedId = server.server.modelId();
            AtomicBoolean running = new AtomicBoolean(true);
            Set<String> modelsSeen = ConcurrentHashMap.newKeySet();
            List<Future<Integer>> load = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                load.add(clients.submit(() -> {
                    int requests = 0;
                    while (running.get()) {
                        HttpResponse<String> r = server.postJson("/v1/classify", "{\"text\": "
                                + TestServer.quote(ClassifyApiTest.POLICING) + "}");
                        assertEquals(200, r.statusCode(), r.body());
                        modelsSeen.add(json(r).get("model").asText());
                        requests++;
                    }
                    return requests;
                }));
            }
            for (int round = 0; round < 3; round++) {
                replace(served, TestModels.smallModel());
                assertEquals(200, reload(server, Optional.of(TOKEN)).statusCode());
                assertNotEquals(seedId, server.server.modelId());

                byte[] corrupt = Files.readAllBytes(TestModels.seedModel());
                corrupt[corrupt.length / 2] ^= 0x5a;
                Path bad = TestModels.tempDir().resolve("bad.osce");
                Files.write(bad, corrupt);
                replace(served, bad);
                HttpResponse<String> refused = reload(server, Optional.of(TOKEN));
                assertError(refused, 422, "previous model is still served");
                JsonNode model = json(server.get("/v1/model"));
                assertEquals(server.server.modelId(), model.get("id").asText());
                assertEquals(false, model.get("last_reload").get("ok").asBoolean());
                assertTrue(model.get("last_reload").get("error").asText().contains("reload.osce"));

                replace(served, TestModels.seedModel());
                assertEquals(200, reload(server, Optional.of(TOKEN)).statusCode());
                assertEquals(seedId, server.server.modelId());
            }
            running.set(false);
            int total = 0;
            for (Future<Integer> client : load) {
                total += client.get();   // rethrows any failed request
            }
            assertTrue(total > 0);
            assertTrue(modelsSeen.size() >= 1);
        } finally {
            clients.shutdownNow();
        }
    }

    /** As a deployment does: a new file renamed over the served one. */
    private static void replace(Path served, Path with) throws Exception {
        Path next = served.resolveSibling(".next.osce");
        Files.copy(with, next, StandardCopyOption.REPLACE_EXISTING);
        Files.move(next, served, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static HttpResponse<String> reload(TestServer served, Optional<String> token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(served.uri("/v1/admin/reload"))
                .POST(HttpRequest.BodyPublishers.noBody());
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return served.send(request);
    }
}
