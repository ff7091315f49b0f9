package org.osceclassify.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osceclassify.model.OsceDocument;

/** Stopping finishes requests in flight; a client that sends nothing is cut off by the idle timeout. */
@Timeout(120)
class LifecycleTest {

    @Test
    void stoppingFinishesEveryRequestInFlightAndTakesNoNewOnes() throws Exception {
        TestServer served = TestServer.serving(TestModels.seedModel());
        String batch = TestModels.corpus().subList(0, 300).stream().map(OsceDocument::body)
                .map(b -> "{\"text\": " + TestServer.quote(b) + "}").collect(Collectors.joining(",", "[", "]"));
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                inFlight.add(clients.submit(() -> served.postJson("/v1/classify/batch?format=jsonl", batch)));
            }
            Thread.sleep(300);   // the batches are being classified
            served.close();
            for (Future<HttpResponse<String>> request : inFlight) {
                HttpResponse<String> r = request.get();
                assertEquals(200, r.statusCode());
                assertEquals(300, r.body().lines().count());
            }
            assertThrows(UncheckedIOException.class, () -> served.get("/health/live"));
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aClientThatStopsSendingIsCutOffByTheIdleTimeout() throws Exception {
        ServerSettings settings = ServerSettings.defaults(TestModels.seedModel()).withIdleTimeout(Duration.ofMillis(500));
        try (TestServer served = new TestServer(settings);
             Socket socket = new Socket("127.0.0.1", served.server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /v1/classify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"text\":").getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            String answer = readAll(socket.getInputStream());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < 5_000, "closed after " + ms + " ms");
            assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 4") || answer.startsWith("HTTP/1.1 5"), answer);
            assertEquals(200, served.get("/health/live").statusCode(), "the server goes on serving others");
        }
    }

    private static String readAll(InputStream in) throws IOException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.net.SocketException e) {
            return "";   // reset by the server: cut off too
        }
    }
}
