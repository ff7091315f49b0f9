package org.osceclassify.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One run of the command line through its picocli entry point, with what it printed and its exit code. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return withStdin("", args);
    }

    static CliRun withStdin(String stdin, String... args) {
        return withStdinBytes(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** A run whose stdout is {@code stdout}, such as a stream that fails; {@link #out()} is then empty. */
    static CliRun withStdout(OutputStream stdout, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, InputStream.nullInputStream(), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, "", err.toString(StandardCharsets.UTF_8));
    }

    static CliRun withStdinBytes(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * A run that file permissions bind as they bind an ordinary user. Root reads any file whatever its mode, so as
     * root the command runs in a child JVM under {@code setpriv} without the two capabilities that allow that
     * ({@code CAP_DAC_OVERRIDE}, {@code CAP_DAC_READ_SEARCH}); otherwise in this JVM, as {@link #of} runs it.
     */
    static CliRun boundByFilePermissions(String... args) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return of(args);
        }
        Path setpriv = Path.of("/usr/bin/setpriv");
        assumeTrue(Files.isExecutable(setpriv), "as root this needs setpriv (util-linux) to drop root's file access");
        return inChildJvm(List.of(setpriv.toString(), "--bounding-set=-dac_override,-dac_read_search",
                "--inh-caps=-all"), Map.of(), "", args);
    }

    /**
     * A run in a child JVM started from this test's class path, {@code prefix java -cp ... Main args}, with
     * {@code environment} added to this process's and {@code stdin} as its standard input: for what one process
     * cannot vary for itself, such as its environment or its privileges.
     */
    static CliRun inChildJvm(List<String> prefix, Map<String, String> environment, String stdin, String... args) {
        try {
            Path err = Files.createTempFile("cli-run", ".err");
            try {
                Process child = childJvm(prefix, environment, err, args).start();
                try (var in = child.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
                String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int code = child.waitFor();
                return new CliRun(code, out, Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The command {@code prefix java -cp ... Main args} of a child JVM started from this test's class path, not yet
     * started, with {@code environment} added to this process's and its standard error going to {@code err}: for a
     * test that must drive the running child itself, such as sending it a signal.
     */
    static ProcessBuilder childJvm(List<String> prefix, Map<String, String> environment, Path err, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
        builder.environment().putAll(environment);
        return builder;
    }
}
