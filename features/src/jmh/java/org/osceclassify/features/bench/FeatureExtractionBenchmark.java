package org.osceclassify.features.bench;

import java.nio.file.Path;
import java.util.EnumSet;
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
import org.osceclassify.features.FeatureConfig;
import org.osceclassify.features.FeaturePipeline;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.CorpusReader;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;
import org.tribuo.Feature;

/**
 * Feature extraction throughput on one thread: one operation is one short item (title and lead, about 60
 * words) from the bundled corpus, cycling through the first {@code items} items. Run with {@code -prof gc} for
 * bytes allocated per document ({@code gc.alloc.rate.norm}). The pipeline is fitted on the whole corpus.
 *
 * <p>{@code features=full} is the default configuration, text and all metadata; {@code features=text} is text
 * only, the like-for-like comparison with scikit-learn's {@code TfidfVectorizer.transform} in
 * {@code bench/tfidf_transform.py}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class FeatureExtractionBenchmark {

    /** The bundled corpus, read from the repository root. */
    @Param("seeds/osce-items.csv")
    public String corpus;

    @Param("1000")
    public int items;

    @Param({"full", "text"})
    public String features;

    private List<OsceDocument> docs;
    private FeaturePipeline pipeline;
    private int next;

    @Setup
    public void setUp() {
        List<OsceDocument> all;
        try (CorpusReader reader = Corpora.open(Path.of(corpus))) {
            all = reader.stream().toList();
        }
        docs = all.subList(0, Math.min(items, all.size())).stream().map(OsceDocument::withoutLabels).toList();
        FeatureConfig config = features.equals("text")
                ? FeatureConfig.builder().metadata(EnumSet.noneOf(FeatureConfig.MetadataFamily.class)).build()
                : FeatureConfig.defaults();
        pipeline = FeaturePipeline.fit(config, Taxonomy.bundled(), all);
    }

    @Benchmark
    public List<Feature> extract() {
        OsceDocument doc = docs.get(next);
        next = next + 1 == docs.size() ? 0 : next + 1;
        return pipeline.features(doc);
    }
}
