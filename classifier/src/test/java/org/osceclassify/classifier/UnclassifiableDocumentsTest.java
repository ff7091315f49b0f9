package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.CorpusReader;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/**
 * A document the model cannot read, because it is in another language than the training corpus or none of its
 * words is one the model knows, gets no fields and no sources and a status saying why, never labels that look like
 * predictions; the training corpus's languages are recorded in the bundle.
 */
class UnclassifiableDocumentsTest {

    private static final Path CORPUS = Path.of("..", "seeds", "osce-items.csv");

    static final String ENGLISH = "BELGRADE, 3 May 2024 - The OSCE Mission to Serbia trained forty police officers "
            + "in forensic crime investigation, with a course on securing evidence at crime scenes.";
    static final String RUSSIAN = "Наблюдатели ОБСЕ отметили, что выборы прошли спокойно, но на нескольких "
            + "участках не хватало бюллетеней.";
    static final String FRENCH = "Les observateurs de l'OSCE ont noté que les élections se sont déroulées dans le "
            + "calme, mais que des bulletins manquaient dans plusieurs bureaux de vote.";
    static final String LOREM_IPSUM = "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut "
            + "aliquip ex ea commodo consequat.";

    private static OsceClassifier classifier;

    @BeforeAll
    static void trainOnTheBundledCorpus() {
        List<OsceDocument> docs;
        try (CorpusReader reader = Corpora.open(CORPUS)) {
            docs = reader.stream().toList();
        }
        classifier = OsceClassifier.train(TrainingSettings.defaults(), Taxonomy.bundled(), docs);
    }

    @Test
    void theTrainingCorpusIsRecordedAsEnglish() {
        assertEquals(List.of("en"), classifier.trained().summary().languages());
    }

    @Test
    void anEnglishStatementIsClassified() {
        Classification c = classifier.classify(ENGLISH);

        assertEquals(ClassificationStatus.OK, c.status());
        assertEquals("ok", c.status().toString());
        assertFalse(c.fields().isEmpty());
        assertFalse(c.sources().isEmpty());
    }

    @Test
    void aRussianStatementGetsNoLabelsAndIsMarkedAsRussian() {
        assertUnclassified(classifier.classify(RUSSIAN), ClassificationStatus.unsupportedLanguage("ru"),
                "unsupported-language:ru");
    }

    @Test
    void aFrenchStatementGetsNoLabelsThoughSomeOfItsWordsAreEnglishToo() {
        assertUnclassified(classifier.classify(FRENCH), ClassificationStatus.unsupportedLanguage("fr"),
                "unsupported-language:fr");
    }

    @Test
    void placeholderLatinIsAnotherLanguage() {
        assertUnclassified(classifier.classify(LOREM_IPSUM), ClassificationStatus.unsupportedLanguage("la"),
                "unsupported-language:la");
    }

    @Test
    void wordsTheModelDoesNotKnowGetNoLabels() {
        assertUnclassified(classifier.classify("xyzzy qwerty"), ClassificationStatus.NO_KNOWN_WORDS,
                "no-known-words");
    }

    @Test
    void emptyTextGetsNoLabels() {
        assertUnclassified(classifier.classify(""), ClassificationStatus.NO_KNOWN_WORDS, "no-known-words");
        assertUnclassified(classifier.classify("  \n "), ClassificationStatus.NO_KNOWN_WORDS, "no-known-words");
    }

    @Test
    void aShortTextInAnotherScriptIsNotJudgedByLanguageButHasNoKnownWords() {
        assertUnclassified(classifier.classify("Привет, ОБСЕ!"), ClassificationStatus.NO_KNOWN_WORDS,
                "no-known-words");
    }

    @Test
    void aShortEnglishTextWithKnownWordsIsClassified() {
        Classification c = classifier.classify("Election observers");

        assertEquals(ClassificationStatus.OK, c.status());
        assertFalse(c.fields().isEmpty());
    }

    @Test
    void scoresGiveTheSameStatusAsClassify() {
        for (String text : List.of(ENGLISH, RUSSIAN, FRENCH, "xyzzy qwerty", "")) {
            OsceDocument doc = OsceDocument.ofText("t", text, org.osceclassify.model.Origin.of("<text>"));
            assertEquals(classifier.classify(doc).status(), classifier.scores(doc).status(), text);
        }
    }

    @Test
    void theLanguagesAreSavedInTheBundleAndReadBack(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("m.osce");
        classifier.save(file);

        OsceClassifier loaded = OsceClassifier.load(file);

        assertEquals(List.of("en"), loaded.trained().summary().languages());
        assertEquals(classifier.classify(FRENCH), loaded.classify(FRENCH));
        String manifest = new String(ModelBundle.entries(classifier.trained(), Optional.empty())
                .get(ModelBundle.MANIFEST), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"languages\" : [ \"en\" ]"), manifest);
    }

    @Test
    void aBundleWhoseManifestDoesNotRecordTheLanguagesIsRefused(@TempDir Path tmp) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(ModelBundle.entries(classifier.trained(),
                Optional.empty()));
        String manifest = new String(entries.get(ModelBundle.MANIFEST), StandardCharsets.UTF_8);
        entries.put(ModelBundle.MANIFEST, manifest.replaceAll(",\\s*\"languages\" : \\[[^]]*]", "")
                .getBytes(StandardCharsets.UTF_8));
        Path file = tmp.resolve("no-languages.osce");
        Files.write(file, BundleFile.toBytes(entries, BundleFile.FORMAT_VERSION));

        BundleException e = assertThrows(BundleException.class, () -> OsceClassifier.load(file));

        assertTrue(e.getMessage().contains("the manifest has no \"languages\""), e.getMessage());
    }

    private static void assertUnclassified(Classification c, ClassificationStatus status, String readable) {
        assertEquals(status, c.status());
        assertEquals(readable, c.status().toString());
        assertFalse(c.status().isOk());
        assertEquals(List.of(), c.fields());
        assertEquals(List.of(), c.sources());
        assertEquals(Map.of(), c.words());
    }
}
