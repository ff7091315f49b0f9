package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.model.AtomicFile;

/**
 * {@code kill -9} in the middle of {@code train} and of {@code classify --output}, for real: the command runs in a
 * child JVM that is killed with SIGKILL while busy. The previous model or output must be intact, nothing
 * half-written may take its name, and the next run removes the temporary file the killed one left behind.
 */
class CrashSafetyTest {

    @TempDir
    Path dir;

    @Test
    void killingTrainWhileItWritesTheModelLeavesThePreviousModelIntact() throws Exception {
        Path models = Files.createDirectory(dir.resolve("models"));
        Path model = models.resolve("model.osce");
        assertEquals(0, CliRun.of("train", "--corpus", TestCorpus.write(dir.resolve("small.csv"), 10).toString(),
                "--model", model.toString(), "--no-evaluate").exitCode());
        byte[] previous = Files.readAllBytes(model);

        // the writer stops with the new bundle complete in its temporary file, just before the rename
        Process train = child(List.of("-D" + AtomicFile.PAUSE_BEFORE_COMMIT + "=true"), "train", "--corpus",
                TestCorpus.write(dir.resolve("other.csv"), 30).toString(), "--model", model.toString());
        List<String> atTheKill;
        try {
            awaitStderrLine(train, "paused before moving");
            atTheKill = otherFiles(models, "model.osce");
        } finally {
            train.destroyForcibly();
        }
        assertEquals(137, train.waitFor(), "killed by SIGKILL");

        assertEquals(1, atTheKill.size(), "one temporary file when killed: " + atTheKill);
        String tmp = atTheKill.get(0);
        assertTrue(tmp.matches("\\.model\\.osce\\d+\\.tmp"), tmp);
        assertTrue(Files.size(models.resolve(tmp)) > 0, "the new bundle was being written to it");
        assertArrayEquals(previous, Files.readAllBytes(model), "the previous model is byte-identical");
        OsceClassifier.load(model);
        assertEquals(List.of(tmp), otherFiles(models, "model.osce"), "the killed run left only its temporary file");

        assertEquals(0, CliRun.of("train", "--corpus", dir.resolve("small.csv").toString(), "--model",
                model.toString(), "--no-evaluate").exitCode());
        assertEquals(List.of(), otherFiles(models, "model.osce"), "the next run removed the stale temporary file");
    }

    @Test
    void killingClassifyMidWriteLeavesThePreviousOutputIntactAndTheNextRunCleansUp() throws Exception {
        Path corpus = TestCorpus.write(dir.resolve("corpus.csv"), 20);
        Path model = dir.resolve("model.osce");
        assertEquals(0, CliRun.of("train", "--corpus", corpus.toString(), "--model", model.toString(),
                "--no-evaluate").exitCode());
        Path outputs = Files.createDirectory(dir.resolve("out"));
        Path output = outputs.resolve("results.csv");
        assertEquals(0, CliRun.of("classify", "--model", model.toString(), "--format", "csv", "--output",
                output.toString(), corpus.toString()).exitCode());
        byte[] previous = Files.readAllBytes(output);
        Path big = TestCorpus.write(dir.resolve("big.csv"), 70_000);

        Process classify = child(List.of(), "classify", "--model", model.toString(), "--format", "csv", "--output",
                output.toString(), big.toString());
        Path tmp = awaitTemporaryFile(outputs, classify, 1 << 20);
        classify.destroyForcibly();
        assertEquals(137, classify.waitFor(), "killed by SIGKILL");

        assertArrayEquals(previous, Files.readAllBytes(output), "the previous output is byte-identical");
        assertEquals(List.of(tmp.getFileName().toString()), otherFiles(outputs, "results.csv"),
                "only the hidden temporary file of the killed run is left");

        assertEquals(0, CliRun.of("classify", "--model", model.toString(), "--format", "csv", "--output",
                output.toString(), corpus.toString()).exitCode());
        assertEquals(List.of(), otherFiles(outputs, "results.csv"), "the next run removed it");
    }

    /** {@code java jvmOptions -cp <the test class path> org.osceclassify.cli.Main args...}, stdout discarded. */
    private Process child(List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void awaitStderrLine(Process process, String text) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            seen.append(line).append('\n');
            if (line.contains(text)) {
                return;
            }
        }
        throw new AssertionError("the child ended without logging '" + text + "':\n" + seen);
    }

    /** Waits until the child's temporary output file in {@code folder} holds at least {@code bytes}. */
    private static Path awaitTemporaryFile(Path folder, Process process, long bytes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the child ended before it was killed: "
                        + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path p : files.toList()) {
                    if (p.getFileName().toString().endsWith(".tmp") && Files.size(p) >= bytes) {
                        return p;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no temporary file of " + bytes + " bytes appeared");
    }

    private static List<String> otherFiles(Path folder, String except) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(except)).sorted().toList();
        }
    }
}
