package org.osceclassify.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.osceclassify.classifier.BundleException;
import org.osceclassify.classifier.EvaluationReports;
import org.osceclassify.classifier.OsceClassifier;

/**
 * A loaded bundle with what the service says about it: its id (the SHA-256 of the file, so two servers with the same
 * id give the same answers), the format version from its header, and when the file was written and loaded.
 * Immutable; {@link ModelHolder} swaps whole instances.
 */
record ServedModel(OsceClassifier classifier, String id, int formatVersion, Path path, Instant fileModified,
                   Instant loadedAt, long bytes) {

    ServedModel {
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(id, "id");
    }

    /**
     * Loads and fully checks the bundle at {@code path} (magic, version, checksum, every entry: what
     * {@link OsceClassifier#load} checks). The file is hashed before and after loading; if a deployment renamed a
     * new file over it in between, loading is refused rather than labelled with the wrong id.
     *
     * @throws BundleException when the file is not a good bundle; the message is one line naming the file
     * @throws IOException     when it cannot be read
     */
    static ServedModel load(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new BundleException(path + ": no such model bundle");
        }
        byte[] before = Files.readAllBytes(path);
        Instant modified = Files.getLastModifiedTime(path).toInstant();
        OsceClassifier classifier = OsceClassifier.load(path);
        byte[] after = Files.readAllBytes(path);
        String id = sha256(before);
        if (!id.equals(sha256(after))) {
            throw new BundleException(path + ": the bundle changed while it was loaded; reload again");
        }
        int version = before.length >= 12 ? ByteBuffer.wrap(before, 8, 4).getInt() : 0;
        return new ServedModel(classifier, id, version, path, modified, Instant.now(), before.length);
    }

    /**
     * The HTML evaluation report of the evaluation saved in the bundle, written by {@link EvaluationReports} (the
     * same page as {@code --report}); empty when the bundle holds no evaluation.
     */
    Optional<String> reportHtml() throws IOException {
        if (classifier.evaluation().isEmpty()) {
            return Optional.empty();
        }
        Path dir = Files.createTempDirectory("osce-report");
        try {
            EvaluationReports.write(classifier.evaluation().get(), dir);
            return Optional.of(Files.readString(dir.resolve(EvaluationReports.HTML)));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
