package org.osceclassify.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osceclassify.classifier.ClassificationCsv;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.classifier.ScoredLabel;
import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.CorpusReader;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.ReadOptions;
import org.osceclassify.model.Taxonomy;

/**
 * A model trained once per test JVM on the bundled corpus and saved as a bundle, and what {@code classify
 * --format csv} makes of a corpus with it, worked out in process.
 */
final class BundledModel {

    static final Path CORPUS = Path.of("..", "seeds", "osce-items.csv");
    static final Path PAGES = Path.of("..", "seeds", "pages");

    private static OsceClassifier classifier;
    private static Path bundle;

    private BundledModel() {
    }

    static synchronized OsceClassifier classifier() {
        if (classifier == null) {
            try {
                List<OsceDocument> docs = documents(CORPUS);
                OsceClassifier trained = OsceClassifier.train(TrainingSettings.defaults(), Taxonomy.bundled(), docs);
                Path file = Files.createTempFile("osce-spark-test", ".osce");
                file.toFile().deleteOnExit();
                trained.save(file);
                classifier = OsceClassifier.load(file);
                bundle = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classifier;
    }

    static synchronized Path bundle() {
        classifier();
        return bundle;
    }

    static List<OsceDocument> documents(Path corpus) {
        try (CorpusReader reader = Corpora.open(corpus, ReadOptions.defaults())) {
            return reader.stream().toList();
        }
    }

    /** The CSV records {@code classify --format csv} writes for a corpus or folder of pages, by id. */
    static Map<String, List<String>> expectedCsv(Path input) {
        Map<String, List<String>> byId = new LinkedHashMap<>();
        for (OsceDocument doc : documents(input)) {
            byId.put(doc.id(), ClassificationCsv.record(classifier().scores(doc), OsceSpark.DEFAULT_TOP_SOURCES,
                    false, ScoredLabel::probability));
        }
        return byId;
    }
}
