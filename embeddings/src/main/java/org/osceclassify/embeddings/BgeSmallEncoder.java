package org.osceclassify.embeddings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import org.osceclassify.features.SentenceEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentence embeddings from bge-small-en-v1.5, quantised, in ONNX Runtime: the model and its tokenizer come inside
 * LangChain4j's Maven artifact, so nothing is downloaded at run time. 384 dimensions, the [CLS] token's vector,
 * normalised to length 1; a text longer than the model's 512 tokens is encoded in parts and their vectors averaged
 * (LangChain4j's {@code OnnxBertBiEncoder}).
 *
 * <p>The ONNX session is made here rather than by LangChain4j so that it runs each text on one thread: ONNX
 * Runtime's default is a pool as large as the machine for every session, which fights the training's own pool
 * (it encodes documents on all of its threads at once) and a service's request threads. The model is loaded on
 * first use, once per process (about a second and 100 MB), and shared by every thread.
 */
public final class BgeSmallEncoder implements SentenceEncoder {

    private static final Logger LOG = LoggerFactory.getLogger(BgeSmallEncoder.class);

    /** The name a bundle records. */
    public static final String NAME = "bge-small-en-v1.5-q";
    private static final String MODEL = "bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";
    private static final int DIMENSION = 384;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String checksum() {
        return Loaded.INSTANCE.checksum;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] encode(String text) {
        if (text.isBlank()) {
            return new float[DIMENSION];
        }
        float[] vector = Loaded.INSTANCE.model.embed(TextSegment.from(text)).content().vector();
        if (vector.length != DIMENSION) {
            throw new IllegalStateException(NAME + " gave a vector of " + vector.length + " dimensions");
        }
        return vector;
    }

    @Override
    public String toString() {
        return NAME;
    }

    /** The model, loaded on first use. */
    private static final class Loaded {
        private static final Loaded INSTANCE = new Loaded();

        private final String checksum;
        private final AbstractInProcessEmbeddingModel model;

        private Loaded() {
            long start = System.nanoTime();
            ClassLoader loader = BgeSmallEnV15QuantizedEmbeddingModel.class.getClassLoader();
            byte[] bytes = resource(loader, MODEL);
            this.checksum = "sha256:" + HexFormat.of().formatHex(sha256(bytes));
            try (InputStream tokenizer = loader.getResourceAsStream(TOKENIZER);
                 OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                if (tokenizer == null) {
                    throw new IllegalStateException(TOKENIZER + " is not on the class path");
                }
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment,
                        environment.createSession(bytes, options), tokenizer, PoolingMode.CLS);
                // Each call encodes one text, on the caller's thread.
                this.model = new AbstractInProcessEmbeddingModel(Runnable::run) {
                    @Override
                    protected OnnxBertBiEncoder model() {
                        return encoder;
                    }

                    @Override
                    protected Integer knownDimension() {
                        return DIMENSION;
                    }
                };
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime cannot load " + MODEL + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LOG.debug("loaded {} ({}) in {} ms", NAME, checksum, (System.nanoTime() - start) / 1_000_000);
        }

        private static byte[] resource(ClassLoader loader, String name) {
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is not on the class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static byte[] sha256(byte[] bytes) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(bytes);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }
}
