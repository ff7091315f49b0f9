package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --fields-level} reaches the corpus reader: with {@code topics}, sub-topics are trained on as they are. */
class FieldsLevelTest {

    @TempDir
    Path dir;

    /** The test corpus with each field replaced by one of its sub-topics. */
    private Path topicCorpus() throws IOException {
        String csv = TestCorpus.csv(20)
                .replace(",Elections,", ",Election observation,")
                .replace(",Policing,", ",Criminal investigation,")
                .replace(",Media freedom and development,", ",Safety of journalists,");
        Path file = dir.resolve("topics.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void trainWithTopicsLevelKeepsSubTopicLabels() throws IOException {
        Path corpus = topicCorpus();
        Path model = TestCorpus.trainedModel(corpus, dir.resolve("topics.osce"), "--fields-level", "topics",
                "--no-evaluate");

        String inspect = CliRun.of("inspect", "--model", model.toString()).out();
        assertTrue(inspect.contains("fields level:   topics"), inspect);
        for (String topic : new String[] {"Election observation", "Criminal investigation", "Safety of journalists"}) {
            assertTrue(inspect.contains("  " + topic + " "), topic + " is a label: " + inspect);
        }
        assertFalse(inspect.contains("  Policing "), "no sub-topic is folded into its field: " + inspect);

        CliRun classify = CliRun.withStdin("Police officers completed a forensic crime investigation course.",
                "classify", "--model", model.toString(), "--format", "csv", "-");
        assertEquals(0, classify.exitCode(), classify.err());
        assertTrue(classify.out().contains("Criminal investigation"), classify.out());

        CliRun evaluate = CliRun.of("evaluate", "--corpus", corpus.toString(), "--model", model.toString());
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.out().contains("tested on 60 items"), evaluate.out());
    }

    @Test
    void trainAtTheDefaultLevelFoldsSubTopicsIntoTheirFields() throws IOException {
        Path model = TestCorpus.trainedModel(topicCorpus(), dir.resolve("fields.osce"), "--no-evaluate");

        String inspect = CliRun.of("inspect", "--model", model.toString()).out();
        assertTrue(inspect.contains("  Policing "), inspect);
        assertFalse(inspect.contains("  Criminal investigation "), inspect);
    }
}
