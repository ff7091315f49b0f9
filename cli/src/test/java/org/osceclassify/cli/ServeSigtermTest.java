package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code osce-classify serve} in a child JVM, stopped by SIGTERM ({@link Process#destroy()} on Linux) while requests
 * are in flight: each of them is answered 200 in full, new connections are refused once the stop has begun, and the
 * process exits with 0 or the JVM's 143 within a bounded time.
 */
@Timeout(60)
class ServeSigtermTest {

    private static final Pattern READY = Pattern.compile("serving model \\S+ at http://127\\.0\\.0\\.1:(\\d+)/");
    private static final int BATCH_DOCUMENTS = 800;
    private static final int UPLOAD_LINES = 400;

    @TempDir
    Path dir;

    @Test
    void sigtermFinishesEveryRequestInFlightRefusesNewConnectionsAndExits() throws Exception {
        // The fast profile: thousands of documents must be in flight, and answered within the grace period.
        Path model = TestCorpus.trainedModel(TestCorpus.write(dir.resolve("corpus.csv"), 20), dir.resolve("m.osce"),
                "--profile", "fast");
        Path err = dir.resolve("serve.err");
        Process child = CliRun.childJvm(List.of(), Map.of(), err, "serve", "--model", model.toString(), "--port", "0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        CountDownLatch resume = new CountDownLatch(1);
        try {
            int port = awaitReady(child, err);
            URI base = URI.create("http://127.0.0.1:" + port);
            assertEquals(200, client.send(HttpRequest.newBuilder(base.resolve("/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());

            // Two JSON-lines uploads that send half their documents, then wait until the stop has begun: in
            // flight across the SIGTERM for certain, whatever the machine's speed.
            List<CountDownLatch> halfSent = new ArrayList<>();
            List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                CountDownLatch half = new CountDownLatch(1);
                halfSent.add(half);
                HttpRequest upload = HttpRequest.newBuilder(base.resolve("/v1/classify/batch"))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new PausingStream(jsonLines(), half,
                                resume)))
                        .build();
                uploads.add(client.sendAsync(upload, HttpResponse.BodyHandlers.ofString()));
            }
            // Three JSON batches of several hundred documents, whose answers have begun streaming.
            String batch = IntStream.range(0, BATCH_DOCUMENTS).mapToObj(ServeSigtermTest::document)
                    .collect(Collectors.joining(",", "[", "]"));
            List<CompletableFuture<HttpResponse<InputStream>>> batches = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                batches.add(client.sendAsync(HttpRequest.newBuilder(base.resolve("/v1/classify/batch?format=jsonl"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(batch)).build(),
                        HttpResponse.BodyHandlers.ofInputStream()));
            }
            for (CountDownLatch half : halfSent) {
                assertTrue(half.await(10, TimeUnit.SECONDS), "an upload's first half was not sent");
            }
            List<HttpResponse<InputStream>> started = new ArrayList<>();
            for (CompletableFuture<HttpResponse<InputStream>> b : batches) {
                started.add(b.get(10, TimeUnit.SECONDS));   // the status and headers: the request is being answered
            }
            Thread.sleep(200);   // the uploads' first halves reach the server and are being classified

            long signalled = System.nanoTime();
            child.destroy();   // SIGTERM
            awaitRefused(port, child, err);
            resume.countDown();   // the uploads send their second halves to the stopping server

            for (CompletableFuture<HttpResponse<String>> upload : uploads) {
                HttpResponse<String> r = upload.get(20, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r.body());
                List<String> lines = r.body().lines().toList();
                assertEquals(UPLOAD_LINES, lines.size(), "every line of the upload answered");
                assertTrue(lines.stream().noneMatch(l -> l.contains("\"error\"")), r.body());
            }
            for (HttpResponse<InputStream> r : started) {
                assertEquals(200, r.statusCode());
                try (InputStream body = r.body()) {
                    String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                    assertEquals(BATCH_DOCUMENTS, text.lines().count(), "every document of the batch answered");
                    assertFalse(text.contains("\"error\""), text);
                }
            }
            assertTrue(child.waitFor(15, TimeUnit.SECONDS), "still running 15 s after the requests were answered");
            int code = child.exitValue();
            assertTrue(code == 0 || code == 143, "exit status " + code + "\n" + Files.readString(err));
            assertTrue(System.nanoTime() - signalled < TimeUnit.SECONDS.toNanos(25), "took over 25 s to stop");
            assertRefused(port);
        } finally {
            resume.countDown();
            if (child.isAlive()) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String document(int i) {
        return "{\"id\": \"d" + i + "\", \"text\": \"Police officers trained in crime investigation and forensic "
                + "patrol work, " + i + " journalists and election observers\"}";
    }

    private static byte[] jsonLines() {
        return IntStream.range(0, UPLOAD_LINES).mapToObj(ServeSigtermTest::document)
                .collect(Collectors.joining("\n", "", "\n")).getBytes(StandardCharsets.UTF_8);
    }

    /** The port from the line logged when ready, up to 30 s. */
    private static int awaitReady(Process child, Path err) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String log = Files.readString(err, StandardCharsets.UTF_8);
            Matcher m = READY.matcher(log);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!child.isAlive()) {
                fail("serve exited with " + child.exitValue() + ":\n" + log);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve did not log that it was ready in 30 s:\n" + Files.readString(err));
    }

    /** Waits, up to 10 s, until a new connection to the port is refused. */
    private static void awaitRefused(int port, Process child, Path err) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (ConnectException refused) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("new connections still accepted 10 s after SIGTERM (alive: " + child.isAlive()
                + "):\n" + Files.readString(err));
    }

    private static void assertRefused(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            fail("a connection to port " + port + " was accepted after the server stopped");
        } catch (ConnectException refused) {
            // as it should be
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body that stops halfway, says so, and goes on once {@code resume} is released. */
    private static final class PausingStream extends InputStream {
        private final ByteArrayInputStream first;
        private final ByteArrayInputStream second;
        private final CountDownLatch halfSent;
        private final CountDownLatch resume;

        PausingStream(byte[] body, CountDownLatch halfSent, CountDownLatch resume) {
            int half = body.length / 2;
            while (body[half - 1] != '\n') {
                half++;   // a whole number of lines in the first half
            }
            this.first = new ByteArrayInputStream(body, 0, half);
            this.second = new ByteArrayInputStream(body, half, body.length - half);
            this.halfSent = halfSent;
            this.resume = resume;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (first.available() > 0) {
                return first.read(b, off, len);
            }
            halfSent.countDown();
            try {
                if (!resume.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("not resumed in 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return second.read(b, off, len);
        }
    }
}
