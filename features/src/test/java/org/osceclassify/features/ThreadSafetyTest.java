package org.osceclassify.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.osceclassify.features.Docs.doc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.osceclassify.model.OsceDocument;
import org.tribuo.Feature;

/** One fitted pipeline serves many threads at once and gives each the features it gives one thread. */
class ThreadSafetyTest {

    @Test
    void concurrentExtractionGivesTheSameFeaturesAsSequential() throws Exception {
        List<OsceDocument> docs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            docs.add(doc("Elections observed in Serbia " + i, "BELGRADE, " + (i % 28 + 1)
                    + " May 2016 - ODIHR observers and journalists monitored voting number " + i
                    + " in Bosnia and Herzegovina and Serbia; policing " + (i % 7)));
        }
        FeaturePipeline fitted = FeaturePipeline.fit(FeatureConfig.defaults(), Docs.taxonomy(), docs);
        // A fresh copy, so that the threads race to fill its memo of token look-ups.
        FeaturePipeline shared = FeaturePipeline.fromBytes(fitted.toBytes());
        List<List<Feature>> expected = docs.stream().map(fitted::features).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<Feature>>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> docs.stream().map(shared::features).toList()));
            }
            for (Future<List<List<Feature>>> r : results) {
                assertEquals(expected, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
