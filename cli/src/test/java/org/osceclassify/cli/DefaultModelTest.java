package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osceclassify.classifier.TrainingSettings;

/**
 * The default model is trained on first use and cached; the cache is reused only while the corpus, the version and
 * the default settings are unchanged.
 */
class DefaultModelTest {

    private static final byte[] CORPUS = "id,title\na,Elections\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSameInputsGiveTheSameKey() {
        assertEquals(DefaultModel.key(CORPUS, "0.1.0", TrainingSettings.defaults()),
                DefaultModel.key(CORPUS.clone(), "0.1.0", TrainingSettings.defaults()));
    }

    @Test
    void anotherCorpusVersionOrSettingGivesAnotherKey() {
        String key = DefaultModel.key(CORPUS, "0.1.0", TrainingSettings.defaults());
        Set<String> others = Set.of(
                DefaultModel.key("id,title\nb,Elections\n".getBytes(StandardCharsets.UTF_8), "0.1.0",
                        TrainingSettings.defaults()),
                DefaultModel.key(CORPUS, "0.2.0", TrainingSettings.defaults()),
                DefaultModel.key(CORPUS, "0.1.0", TrainingSettings.builder().fieldsCost(0.4).build()));
        assertEquals(3, others.size());
        others.forEach(other -> assertNotEquals(key, other));
    }

    @Test
    @DisplayName("without --model, the first classify trains and caches the default model, and the next reuses it")
    void theDefaultModelIsTrainedOnceThenReusedFromTheCache(@TempDir Path cacheHome) throws IOException {
        Map<String, String> environment = Map.of("XDG_CACHE_HOME", cacheHome.toString());
        String text = "Police officers completed a course in forensic crime investigation in Belgrade.";

        CliRun first = CliRun.inChildJvm(List.of(), environment, text, "classify", "--format", "csv", "-");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.err().contains("osce-classify: training the default model on "), first.err());
        List<Path> cached = files(cacheHome.resolve("osce-classify"));
        assertEquals(1, cached.size(), cached.toString());
        assertTrue(first.err().contains("cached as " + cached.get(0)), first.err());
        FileTime written = Files.getLastModifiedTime(cached.get(0));

        CliRun second = CliRun.inChildJvm(List.of(), environment, text, "classify", "--format", "csv", "-");
        assertEquals(0, second.exitCode(), second.err());
        assertFalse(second.err().contains("training the default model"), "reused, not trained again: " + second.err());
        assertEquals(first.out(), second.out(), "the same model gives the same result");
        assertEquals(cached, files(cacheHome.resolve("osce-classify")));
        assertEquals(written, Files.getLastModifiedTime(cached.get(0)), "the cached bundle was not rewritten");
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
