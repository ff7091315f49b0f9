package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osceclassify.features.FeatureConfig;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/** A model trained with the sources' place knowledge on keeps it in its bundle, and classifies the same after. */
class PlaceKnowledgeBundleTest {

    @Test
    void theSettingRoundTripsThroughTheBundleManifest(@TempDir Path tmp) throws IOException {
        TrainingSettings settings = TrainingSettings.defaults().toBuilder()
                .sourcesFeatures(TrainingSettings.defaults().sourcesFeatures().toBuilder().placeKnowledge(true).build())
                .build();
        OsceClassifier classifier = OsceClassifier.train(settings, Taxonomy.bundled(), TestCorpus.themed(60, 7));
        String manifest = new String(ModelBundle.entries(classifier.trained(), Optional.empty())
                .get(ModelBundle.MANIFEST), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("placeKnowledge=true"), manifest);

        Path file = tmp.resolve("model.osce");
        classifier.save(file);
        OsceClassifier loaded = OsceClassifier.load(file);

        assertEquals(settings, loaded.trained().settings());
        assertTrue(loaded.trained().settings().sourcesFeatures().placeKnowledge());
        OsceDocument d = OsceDocument.ofText("page", "WARSAW, 3 May 2024 - Election observers watched the count.",
                org.osceclassify.model.Origin.of("test"));
        assertEquals(classifier.classify(d), loaded.classify(d));
    }

    @Test
    void itIsOffInTheDefaults() {
        FeatureConfig sources = TrainingSettings.defaults().sourcesFeatures();
        assertEquals(false, sources.placeKnowledge());
        assertEquals(false, TrainingSettings.defaults().fieldsFeatures().placeKnowledge());
    }
}
