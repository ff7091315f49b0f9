package org.osceclassify.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.osceclassify.classifier.BundleException;
import org.osceclassify.classifier.OsceClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model bundle shipped to the executors as a broadcast of its bytes, and loaded once per JVM.
 *
 * <p>The driver reads the bundle (from any file system Hadoop knows: a local path, {@code hdfs://}, {@code s3a://})
 * and loads it once, so that a missing or corrupt bundle fails the job before any task starts. Each executor JVM
 * then loads it on first use into a per-JVM holder keyed by the bundle's SHA-256, shared by all its tasks and
 * by later jobs of the same bundle; a different bundle gets its own entry. In {@code local} mode the driver's own
 * instance is the executors' too.
 */
final class SharedBundle implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SharedBundle.class);

    /** The bundles loaded in this JVM, by SHA-256 of their bytes. */
    private static final ConcurrentHashMap<String, OsceClassifier> LOADED = new ConcurrentHashMap<>();

    private final String path;
    private final String sha256;
    private final Broadcast<byte[]> bytes;

    private SharedBundle(String path, String sha256, Broadcast<byte[]> bytes) {
        this.path = path;
        this.sha256 = sha256;
        this.bytes = bytes;
    }

    /**
     * Reads and checks the bundle at {@code bundlePath} on the driver, and broadcasts its bytes.
     *
     * @throws java.io.FileNotFoundException when there is no such file
     * @throws BundleException               when the file is not a loadable bundle; the message names {@code bundlePath}
     */
    static SharedBundle share(SparkSession spark, String bundlePath) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path file = new Path(bundlePath);
        FileSystem fs = file.getFileSystem(conf);
        if (fs.getFileStatus(file).isDirectory()) {
            throw new BundleException(bundlePath + ": a folder, not a model bundle");
        }
        byte[] content;
        try (InputStream in = fs.open(file)) {
            content = in.readAllBytes();
        }
        String sha256 = sha256(content);
        if (!LOADED.containsKey(sha256)) {
            LOADED.putIfAbsent(sha256, load(content, bundlePath));
        }
        Broadcast<byte[]> broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(content);
        return new SharedBundle(bundlePath, sha256, broadcast);
    }

    /** The classifier of this bundle in this JVM, loaded from the broadcast bytes on the first call. */
    OsceClassifier classifier() {
        return LOADED.computeIfAbsent(sha256, key -> {
            byte[] content = bytes.value();
            if (!sha256(content).equals(key)) {
                throw new IllegalStateException(path + ": the broadcast bundle does not match its SHA-256");
            }
            try {
                return load(content, path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Loads bundle bytes through the public API, which reads files: from a temporary file, deleted at once. */
    private static OsceClassifier load(byte[] content, String name) throws IOException {
        java.nio.file.Path tmp = null;
        try {
            tmp = Files.createTempFile("osce-bundle", ".osce");
            Files.write(tmp, content);
            OsceClassifier classifier = OsceClassifier.load(tmp);
            LOG.debug("loaded the model bundle {} ({} bytes)", name, content.length);
            return classifier;
        } catch (BundleException e) {
            String tmpName = String.valueOf(tmp);
            throw new BundleException(e.getMessage().replace(tmpName, name), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}", tmp, e);
                }
            }
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
