package org.osceclassify.classifier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.osceclassify.features.FeaturePipeline;
import org.osceclassify.features.LanguageDetection;
import org.osceclassify.features.SentenceEncoder;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.ReadOptions;
import org.osceclassify.model.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the two tasks, fields of work and source bodies, from one corpus in one call.
 *
 * <p>The feature pipelines are fitted on the training documents only, with their labels removed. Each field and
 * each source class is its own one-vs-rest problem, trained by Tribuo's LibLinear trainer (see
 * {@link TaskTraining}); all of them, and those of the calibration folds, run on one pool of threads. Training is
 * deterministic: the same documents in the same order with the same settings give the same models, on any number
 * of threads.
 */
public final class Training {

    private static final Logger LOG = LoggerFactory.getLogger(Training.class);

    private Training() {
    }

    /**
     * Trains both tasks on {@code corpus}, on one thread per processor. Items with no known fields are left out of
     * the fields task, items with no known source out of the sources task; a task no item has labels for is left
     * out altogether (see {@link TrainedClassifier#tasks()}).
     *
     * @throws IllegalArgumentException when no item has labels of either task, or a task with labelled items is
     *                                  left with fewer than two items or a single label
     */
    public static TrainedClassifier train(TrainingSettings settings, Taxonomy taxonomy, List<OsceDocument> corpus) {
        return train(settings, taxonomy, corpus, Runtime.getRuntime().availableProcessors());
    }

    /** {@link #train(TrainingSettings, Taxonomy, List)} on {@code threads} threads; the result is the same. */
    public static TrainedClassifier train(TrainingSettings settings, Taxonomy taxonomy, List<OsceDocument> corpus,
                                          int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("training needs at least one thread, was " + threads);
        }
        long start = System.nanoTime();
        List<OsceDocument> labelled = labelled(corpus, taxonomy, settings);
        List<OsceDocument> fieldsDocs = labelled.stream().filter(d -> d.labels().hasFields()).toList();
        List<OsceDocument> sourcesDocs = labelled.stream().filter(d -> d.labels().hasSources()).toList();
        Map<String, Integer> fieldCounts = new TreeMap<>();
        fieldsDocs.forEach(d -> d.labels().fields().forEach(f -> fieldCounts.merge(f, 1, Integer::sum)));
        Set<String> sourceClasses = sourceClasses(sourcesDocs, settings.minSourceCount());
        Map<String, Integer> sourceCounts = new TreeMap<>();
        sourcesDocs.forEach(d -> folded(d.labels().sources(), sourceClasses)
                .forEach(s -> sourceCounts.merge(s, 1, Integer::sum)));
        boolean trainFields = !fieldsDocs.isEmpty();
        boolean trainSources = !sourcesDocs.isEmpty();
        if (!trainFields && !trainSources) {
            throw new IllegalArgumentException("cannot train: no item of the " + corpus.size()
                    + " has fields of work or sources");
        }
        if (trainFields) {
            require(fieldsDocs.size() >= 2 && fieldCounts.size() >= 2, "fields of work", fieldsDocs.size(),
                    fieldCounts.size());
        }
        if (trainSources) {
            require(sourcesDocs.size() >= 2 && sourceClasses.size() >= 2, "source bodies", sourcesDocs.size(),
                    sourceClasses.size());
        }

        LOG.debug("fitting the feature pipelines on {} documents", corpus.size());
        List<OsceDocument> unlabelled = corpus.stream().map(OsceDocument::withoutLabels).toList();
        FeaturePipeline fieldsPipeline = trainFields
                ? FeaturePipeline.fit(settings.fieldsFeatures(), taxonomy, unlabelled) : null;
        FeaturePipeline sourcesPipeline = !trainSources ? null
                : fieldsPipeline != null && settings.sourcesFeatures().equals(settings.fieldsFeatures())
                ? fieldsPipeline : FeaturePipeline.fit(settings.sourcesFeatures(), taxonomy, unlabelled);

        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "osce-classify-training");
            thread.setDaemon(true);
            return thread;
        });
        try {
            LOG.debug("training {} fields on {} items and {} source classes on {} items, on {} threads",
                    fieldCounts.size(), fieldsDocs.size(), sourceClasses.size(), sourcesDocs.size(), threads);
            Future<List<String>> languages = pool.submit(() -> languages(corpus));
            boolean stacked = settings.ensemble() == TrainingSettings.Ensemble.WORDS_SENTENCES;
            SentenceEncoder encoder = stacked ? SentenceVectors.encoder() : null;
            if (stacked) {
                LOG.debug("encoding the training documents with {}", encoder.name());
            }
            TaskTraining.Started fieldsTraining = !trainFields ? null : new TaskTraining(fieldsTask(fieldsPipeline,
                    fieldsDocs, fieldCounts, settings), settings.algorithm(), settings.fieldsCost(), settings,
                    encoder, stacked ? SentenceVectors.encode(encoder, fieldsDocs, pool) : null).start(pool);
            TaskTraining.Started sourcesTraining = !trainSources ? null : new TaskTraining(sourcesTask(
                    sourcesPipeline, sourcesDocs, sourceClasses, sourceCounts, settings),
                    settings.sourcesAlgorithm(), settings.sourcesCost(), settings,
                    encoder, stacked ? SentenceVectors.encode(encoder, sourcesDocs, pool) : null).start(pool);
            TaskTraining.Trained fields = fieldsTraining == null ? null : fieldsTraining.finishAll();
            TaskTraining.Trained sources = sourcesTraining == null ? null : sourcesTraining.finishAll();
            TrainedClassifier.Summary summary = new TrainedClassifier.Summary(corpus.size(), fieldsDocs.size(),
                    sourcesDocs.size(), fieldCounts, sourceCounts, finish(languages), fingerprint(corpus),
                    Duration.ofNanos(System.nanoTime() - start));
            LOG.debug("trained in {} ms", summary.duration().toMillis());
            return new TrainedClassifier(fieldsPipeline, fields == null ? null : fields.words(), sourcesPipeline,
                    sources == null ? null : sources.words(), taxonomy, settings, summary,
                    fields == null ? null : fields.stack(), sources == null ? null : sources.stack(), encoder);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The items whose language {@link #languages} judges: evenly spread over the corpus, at most this many. */
    static final int LANGUAGE_SAMPLE = 1000;

    /** The share of the judged items a language needs to count as one of the corpus's languages. */
    static final double LANGUAGE_SHARE = 0.1;

    /**
     * The languages of a training corpus, ISO 639-1 codes in order: of up to {@value #LANGUAGE_SAMPLE} items spread
     * evenly over it (all of a smaller corpus), the language the most items are in, and any other that at least
     * {@value #LANGUAGE_SHARE} of them are in. Items too short to judge are not counted; when no item can be judged
     * the list is empty. Deterministic: the same corpus gives the same languages.
     */
    static List<String> languages(List<OsceDocument> corpus) {
        LanguageDetection detection = LanguageDetection.standard();
        Map<String, Integer> counts = new TreeMap<>();
        int step = Math.max(1, (corpus.size() + LANGUAGE_SAMPLE - 1) / LANGUAGE_SAMPLE);
        int judged = 0;
        for (int i = 0; i < corpus.size(); i += step) {
            OsceDocument doc = corpus.get(i);
            Optional<String> language = detection.detect(doc.title() + "\n" + doc.body());
            if (language.isPresent()) {
                counts.merge(language.get(), 1, Integer::sum);
                judged++;
            }
        }
        int most = counts.values().stream().max(Integer::compare).orElse(0);
        List<String> languages = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() == most || e.getValue() >= LANGUAGE_SHARE * judged) {
                languages.add(e.getKey());
            }
        }
        LOG.debug("languages of the training corpus: {} of {} items judged: {}", judged, corpus.size(), counts);
        return languages;
    }

    private static <T> T finish(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void require(boolean ok, String task, int items, int labels) {
        if (!ok) {
            throw new IllegalArgumentException("cannot train the " + task + " task: it needs at least 2 items and 2 "
                    + "labels, the corpus has " + items + " items with " + labels + " labels");
        }
    }

    /**
     * The fields task: each field against the rest, its positive items weighing (negatives / positives) to the
     * power of the class weighting.
     */
    static TaskTraining.Task fieldsTask(FeaturePipeline pipeline, List<OsceDocument> docs,
                                        Map<String, Integer> counts, TrainingSettings settings) {
        List<String> labels = List.copyOf(counts.keySet());
        boolean[][] positive = new boolean[labels.size()][docs.size()];
        float[] weights = new float[labels.size()];
        for (int l = 0; l < labels.size(); l++) {
            int n = counts.get(labels.get(l));
            weights[l] = (float) Math.pow((docs.size() - n) / (double) n, settings.classWeighting());
        }
        for (int d = 0; d < docs.size(); d++) {
            for (String field : docs.get(d).labels().fields()) {
                positive[labels.indexOf(field)][d] = true;
            }
        }
        return new TaskTraining.Task("fields-of-work", pipeline, unlabelled(docs), labels, positive, weights, false);
    }

    /**
     * The sources task: each source class against the rest, an item counting for each source it lists (or its
     * first only, by the settings); a class's positive items weigh {@code items / (classes * items of the class)}
     * to the power of the class weighting, as a balanced multi-class model weighs them.
     */
    private static TaskTraining.Task sourcesTask(FeaturePipeline pipeline, List<OsceDocument> docs,
                                                 Set<String> classes, Map<String, Integer> counts,
                                                 TrainingSettings settings) {
        List<String> labels = List.copyOf(classes);
        boolean[][] positive = new boolean[labels.size()][docs.size()];
        int examples = 0;
        Map<String, Integer> used = new TreeMap<>();
        for (int d = 0; d < docs.size(); d++) {
            List<String> sources = folded(docs.get(d).labels().sources(), classes);
            List<String> counted = settings.sourceExamples() == TrainingSettings.SourceExamples.EACH_LISTED
                    ? sources : sources.subList(0, 1);
            for (String source : counted) {
                positive[labels.indexOf(source)][d] = true;
                used.merge(source, 1, Integer::sum);
                examples++;
            }
        }
        float[] weights = new float[labels.size()];
        for (int l = 0; l < labels.size(); l++) {
            int n = used.getOrDefault(labels.get(l), counts.get(labels.get(l)));
            weights[l] = (float) Math.pow(examples / ((double) labels.size() * n), settings.classWeighting());
        }
        return new TaskTraining.Task("source-body", pipeline, unlabelled(docs), labels, positive, weights, true);
    }

    private static List<OsceDocument> unlabelled(List<OsceDocument> docs) {
        return docs.stream().map(OsceDocument::withoutLabels).toList();
    }

    /**
     * The documents' labels as the two tasks see them: through the taxonomy, fields at the settings' level, as the
     * corpus readers normalise them.
     */
    static List<OsceDocument> labelled(List<OsceDocument> docs, Taxonomy taxonomy, TrainingSettings settings) {
        return Corpora.normaliseLabels(docs, ReadOptions.defaults().toBuilder().taxonomy(taxonomy)
                .fieldsLevel(settings.fieldsLevel()).build());
    }

    /**
     * A fingerprint of a training corpus, {@code sha256:} and 64 hex digits: the SHA-256 of every document's id,
     * title, body, date, place, content type, locations and labels, in order. Where the documents were read from is
     * left out, so the same corpus gives the same fingerprint from any folder.
     */
    static String fingerprint(List<OsceDocument> corpus) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (OsceDocument d : corpus) {
            List<String> parts = List.of(d.id(), d.title(), d.body(), String.valueOf(d.date()),
                    String.valueOf(d.place()), String.valueOf(d.contentType()), String.join(";", d.locations()),
                    String.join(";", d.labels().fields()), String.join(";", d.labels().sources()));
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                sha.update(bytes);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    /** The sources with at least {@code minCount} items, plus {@link TrainedClassifier#OTHER_SOURCE} for the rest. */
    static Set<String> sourceClasses(List<OsceDocument> docs, int minCount) {
        Map<String, Integer> counts = new TreeMap<>();
        docs.forEach(d -> d.labels().sources().forEach(s -> counts.merge(s, 1, Integer::sum)));
        Set<String> classes = new TreeSet<>();
        counts.forEach((source, count) -> classes.add(count >= minCount ? source : TrainedClassifier.OTHER_SOURCE));
        return classes;
    }

    /** Sources with their rare ones folded into {@link TrainedClassifier#OTHER_SOURCE}, without repeats. */
    static List<String> folded(List<String> sources, Set<String> classes) {
        return sources.stream().map(s -> classes.contains(s) ? s : TrainedClassifier.OTHER_SOURCE).distinct()
                .toList();
    }
}
