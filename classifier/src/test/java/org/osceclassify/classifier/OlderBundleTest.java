package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle of format 4 written before the {@code ensemble}, {@code sentences_cost} and {@code placeKnowledge}
 * settings existed still loads, reads as the word model without place knowledge, as it was trained, and
 * classifies: users keep the models they trained. The bundle was written by the build of commit 316d1b3
 * ({@code train --corpus <the first 80 items of seeds/osce-items.csv> --no-evaluate --min-source-count 2}).
 */
class OlderBundleTest {

    private static final String OLDER = "format4-before-ensemble.osce";

    @TempDir
    Path dir;

    @Test
    @DisplayName("a format-4 bundle from before the ensemble and place knowledge loads as the word model")
    void anOlderBundleLoadsAsTheWordModelAndClassifies() throws IOException {
        Path bundle = dir.resolve("older.osce");
        try (InputStream in = OlderBundleTest.class.getResourceAsStream(OLDER)) {
            Files.copy(in, bundle);
        }
        String manifest = new String(Files.readAllBytes(bundle), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(manifest.contains("placeKnowledge") || manifest.contains("\"ensemble\""),
                "the seed predates the settings it is here to test");

        OsceClassifier classifier = OsceClassifier.load(bundle);
        TrainingSettings settings = classifier.trained().settings();
        assertEquals(TrainingSettings.Ensemble.WORDS, settings.ensemble());
        assertFalse(settings.sourcesFeatures().placeKnowledge());
        assertFalse(settings.fieldsFeatures().placeKnowledge());
        Classification c = classifier.classify("Police officers from the region completed a course on forensic "
                + "evidence and crime scene investigation, supported by the OSCE Mission.");
        assertTrue(c.status().isOk(), c.status().toString());
        assertFalse(c.fields().isEmpty());
    }
}
