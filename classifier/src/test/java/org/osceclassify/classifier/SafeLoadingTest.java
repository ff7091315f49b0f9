package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osceclassify.model.Taxonomy;

class SafeLoadingTest {

    @Test
    @DisplayName("a bundle loads and classifies in a JVM whose serialisation filter rejects every class")
    void loadsAndClassifiesWithJavaDeserialisationForbidden(@TempDir Path tmp) throws Exception {
        Path bundle = tmp.resolve("model.osce");
        OsceClassifier trained = OsceClassifier.train(TrainingSettings.defaults(), Taxonomy.bundled(),
                TestCorpus.themed(60, 7));
        trained.save(bundle);
        Classification expected = trained.classify(
                "Police officers completed a course in forensic crime investigation in Belgrade.");

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-Djdk.serialFilter=!*",
                "-cp", System.getProperty("java.class.path"), LoadWithoutDeserialisation.class.getName(),
                bundle.toString())).redirectError(tmp.resolve("stderr.txt").toFile()).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        child.waitFor(60, TimeUnit.SECONDS);

        assertEquals(0, child.exitValue(), Files.readString(tmp.resolve("stderr.txt")));
        assertEquals(expected.fields().get(0).label() + "|" + expected.topSource(), output.strip());
    }
}
