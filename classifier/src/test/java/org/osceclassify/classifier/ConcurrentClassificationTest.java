package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.osceclassify.model.Labels;
import org.osceclassify.model.Origin;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/**
 * The embedding API under load: one {@link OsceClassifier} shared by 8 threads classifying 100,000 documents gives
 * exactly the classifications that one thread gives, explanations included.
 */
class ConcurrentClassificationTest {

    private static final int DOCUMENTS = 100_000;
    private static final int THREADS = 8;

    @Test
    void eightThreadsClassifyingAHundredThousandDocumentsGetExactlyTheResultsOfOne() throws Exception {
        List<OsceDocument> training = TestCorpus.themed(60, 7);
        OsceClassifier classifier = OsceClassifier.train(TrainingSettings.defaults(), Taxonomy.bundled(), training);
        List<OsceDocument> docs = perturbed(training, DOCUMENTS, 42);

        long start = System.nanoTime();
        Classification[] sequential = new Classification[DOCUMENTS];
        for (int i = 0; i < DOCUMENTS; i++) {
            sequential[i] = classifier.classify(docs.get(i));
        }
        long oneThread = System.nanoTime() - start;

        start = System.nanoTime();
        Classification[] parallel = new Classification[DOCUMENTS];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < DOCUMENTS; i = next.getAndIncrement()) {
                        parallel[i] = classifier.classify(docs.get(i));
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        long eightThreads = System.nanoTime() - start;
        System.out.printf("classified %d documents: %.0f docs/s on one thread, %.0f docs/s on %d threads%n",
                DOCUMENTS, DOCUMENTS / (oneThread / 1e9), DOCUMENTS / (eightThreads / 1e9), THREADS);

        for (int i = 0; i < DOCUMENTS; i++) {
            assertEquals(sequential[i], parallel[i], "document " + i);
        }
        Set<String> topFields = Arrays.stream(sequential).filter(c -> !c.fields().isEmpty())
                .map(c -> c.fields().get(0).label()).collect(Collectors.toSet());
        assertEquals(3, topFields.size(), "the documents are varied enough to get every field: " + topFields);
    }

    /**
     * {@code n} documents made from the training documents with a fixed seed: words shuffled, dropped and mixed
     * in from other documents, titles swapped, dates and places varied, and now and then a document of words the
     * model has never seen, so that every path of the classifier is taken.
     */
    private static List<OsceDocument> perturbed(List<OsceDocument> base, int n, long seed) {
        Random random = new Random(seed);
        List<OsceDocument> docs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            OsceDocument a = base.get(random.nextInt(base.size()));
            OsceDocument b = base.get(random.nextInt(base.size()));
            List<String> words = new ArrayList<>(Arrays.asList(a.body().split(" ")));
            if (random.nextInt(4) == 0) {
                List<String> other = Arrays.asList(b.body().split(" "));
                words.addAll(other.subList(0, random.nextInt(other.size())));
            }
            Collections.shuffle(words, random);
            words = words.subList(0, 1 + random.nextInt(words.size()));
            if (random.nextInt(50) == 0) {
                words = List.of("zyxwv", "qwertz" + random.nextInt(100));
            }
            String title = random.nextBoolean() ? a.title() : b.title();
            Optional<LocalDate> date = random.nextInt(5) == 0 ? Optional.empty()
                    : Optional.of(LocalDate.of(2015 + random.nextInt(10), 1 + random.nextInt(12), 1));
            docs.add(new OsceDocument("doc-" + i, title, String.join(" ", words), date,
                    random.nextBoolean() ? a.place() : b.place(), a.contentType(), List.of(), Labels.NONE,
                    Origin.of("perturbed", i + 2)));
        }
        return docs;
    }
}
