package org.osceclassify.classifier.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.osceclassify.classifier.Classification;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.CorpusReader;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/**
 * In-process classification throughput through the embedding API, {@link OsceClassifier#classify(OsceDocument)},
 * on one thread: one operation classifies one item of {@code corpus}, cycling through them with their labels
 * removed. {@code model} is a bundle to load; left empty, the benchmark trains one with the default settings on
 * {@code corpus} first (so it then classifies items it was trained on, which costs the same).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2) // the 24 models keep the JIT busy: still rising after 3 iterations
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ClassifyBenchmark {

    @Param("seeds/osce-items.csv")
    public String corpus;

    @Param("")
    public String model;

    private OsceClassifier classifier;
    private List<OsceDocument> docs;
    private int next;

    @Setup
    public void setUp() throws IOException {
        List<OsceDocument> all;
        try (CorpusReader reader = Corpora.open(Path.of(corpus))) {
            all = reader.stream().toList();
        }
        classifier = model.isEmpty()
                ? OsceClassifier.train(TrainingSettings.defaults(), Taxonomy.bundled(), all)
                : OsceClassifier.load(Path.of(model));
        docs = all.stream().map(OsceDocument::withoutLabels).toList();
    }

    /** With the words that weighed most for each label, as {@code classify --explain} and the README example. */
    @Benchmark
    public Classification classify() {
        return classifier.classify(nextDocument());
    }

    /** Labels and scores only, as {@code classify} writes them in bulk. */
    @Benchmark
    public Classification scores() {
        return classifier.scores(nextDocument());
    }

    private OsceDocument nextDocument() {
        OsceDocument doc = docs.get(next);
        next = next + 1 == docs.size() ? 0 : next + 1;
        return doc;
    }
}
