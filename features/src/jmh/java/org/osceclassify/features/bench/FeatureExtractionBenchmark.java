package org.osceclassify.features.bench;

import java.io.IOException;
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
import org.osceclassify.model.OsceDocument;
import org.tribuo.Feature;

/**
 * Feature extraction throughput on one thread: one operation is one short item (title and lead, about 60
 * words) from the shared corpus, cycling through the first {@code items} items. Run with {@code -prof gc} for
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

    @Param(SharedCorpus.DEFAULT_PATH)
    public String corpus;

    @Param("1000")
    public int items;

    @Param({"full", "text"})
    public String features;

    private List<OsceDocument> docs;
    private FeaturePipeline pipeline;
    private int next;

    @Setup
    public void setUp() throws IOException {
        List<OsceDocument> all = SharedCorpus.read(Path.of(corpus));
        docs = all.subList(0, Math.min(items, all.size())).stream().map(OsceDocument::withoutLabels).toList();
        FeatureConfig config = features.equals("text")
                ? FeatureConfig.builder().metadata(EnumSet.noneOf(FeatureConfig.MetadataFamily.class)).build()
                : FeatureConfig.defaults();
        pipeline = FeaturePipeline.fit(config, SharedCorpus.taxonomy(all), all);
    }

    @Benchmark
    public List<Feature> extract() {
        OsceDocument doc = docs.get(next);
        next = next + 1 == docs.size() ? 0 : next + 1;
        return pipeline.features(doc);
    }
}
