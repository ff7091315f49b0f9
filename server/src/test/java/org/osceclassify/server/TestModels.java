package org.osceclassify.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.osceclassify.classifier.Evaluations;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/**
 * Bundles for the server tests, trained once per test JVM on the bundled corpus: {@link #seedModel()} on all of
 * it (with an evaluation on 200 of its items, so that the report can be served), {@link #smallModel()} on a
 * part (another id, for reloads), and the repository's seed page.
 */
final class TestModels {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static Path dir;
    private static Path seed;
    private static Path small;

    private TestModels() {
    }

    static synchronized Path seedModel() {
        if (seed == null) {
            List<OsceDocument> docs = corpus();
            OsceClassifier c = OsceClassifier.train(TrainingSettings.defaults(), Taxonomy.bundled(), docs, 2);
            c = c.withEvaluation(Evaluations.test(c.trained(), docs.subList(0, 200), "test fixture (200 training items)"));
            seed = save(c, "seed.osce");
        }
        return seed;
    }

    static synchronized Path smallModel() {
        if (small == null) {
            List<OsceDocument> docs = corpus();
            small = save(OsceClassifier.train(TrainingSettings.defaults(), Taxonomy.bundled(),
                    docs.subList(0, 400), 2), "small.osce");
        }
        return small;
    }

    static String seedPage() {
        try (var pages = Files.list(ROOT.resolve("seeds/pages"))) {
            return Files.readString(pages.filter(p -> p.toString().endsWith(".txt")).sorted().findFirst()
                    .orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<OsceDocument> corpus() {
        return Corpora.open(ROOT.resolve("seeds/osce-items.csv")).stream().toList();
    }

    static synchronized Path tempDir() {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("osce-server-test");
                dir.toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path save(OsceClassifier c, String name) {
        try {
            Path file = tempDir().resolve(name);
            c.save(file);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
