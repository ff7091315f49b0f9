package org.osceclassify.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.osceclassify.features.SentenceEncoder;
import org.osceclassify.model.OsceDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Documents' sentence embeddings for training and scoring: which encoder, what text of a document it reads
 * ({@link SentenceEncoder#documentText}), and a cache of the vectors of the
 * documents of recent trainings. Encoding costs about 10 ms a document, a hundred times the word features, and
 * cross-validation trains on each document once per fold: with the cache each is encoded once per process.
 */
final class SentenceVectors {

    private static final Logger LOG = LoggerFactory.getLogger(SentenceVectors.class);

    /** At most this many vectors are cached (about 1.5 KB each): ten times the bundled corpus. */
    static final int CACHE_SIZE = 10_000;

    private static final Map<String, float[]> CACHE = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private SentenceVectors() {
    }

    /**
     * The encoder a training with sentence embeddings uses: the first installed one by name.
     *
     * @throws IllegalArgumentException when none is on the class path
     */
    static SentenceEncoder encoder() {
        List<SentenceEncoder> installed = SentenceEncoder.installed();
        if (installed.isEmpty()) {
            throw new IllegalArgumentException("the ensemble " + TrainingSettings.Ensemble.WORDS_SENTENCES.text()
                    + " needs a sentence encoder, and none is on the class path: add the osce-classify-embeddings "
                    + "module, or train with the ensemble " + TrainingSettings.Ensemble.WORDS.text());
        }
        return installed.get(0);
    }

    /** The text of a document that its sentence embedding is of: {@link SentenceEncoder#documentText}. */
    static String text(OsceDocument doc) {
        return SentenceEncoder.documentText(doc);
    }

    /** A document's vector, not cached: for classifying, where documents are seldom seen twice. */
    static float[] encode(SentenceEncoder encoder, OsceDocument doc) {
        return encoder.encode(text(doc));
    }

    /**
     * The documents' vectors, in order, encoded on {@code pool} (each encoding runs on one thread) and cached; the
     * same documents give the same vectors on any number of threads.
     */
    static float[][] encode(SentenceEncoder encoder, List<OsceDocument> docs, ExecutorService pool) {
        long start = System.nanoTime();
        float[][] vectors = new float[docs.size()][];
        List<Future<float[]>> pending = new ArrayList<>();
        List<Integer> pendingAt = new ArrayList<>();
        Map<String, Future<float[]>> submitted = new LinkedHashMap<>();
        for (int d = 0; d < docs.size(); d++) {
            String text = text(docs.get(d));
            String key = encoder.name() + "\n" + text;
            float[] cached;
            synchronized (CACHE) {
                cached = CACHE.get(key);
            }
            if (cached != null) {
                vectors[d] = cached;
            } else {
                pending.add(submitted.computeIfAbsent(key, k -> pool.submit(() -> encoder.encode(text))));
                pendingAt.add(d);
            }
        }
        for (int i = 0; i < pending.size(); i++) {
            float[] vector = TaskTraining.await(pending.get(i));
            int d = pendingAt.get(i);
            vectors[d] = vector;
            synchronized (CACHE) {
                CACHE.put(encoder.name() + "\n" + text(docs.get(d)), vector);
            }
        }
        LOG.debug("encoded {} of {} documents with {} in {} ms", submitted.size(), docs.size(), encoder.name(),
                (System.nanoTime() - start) / 1_000_000);
        return vectors;
    }
}
