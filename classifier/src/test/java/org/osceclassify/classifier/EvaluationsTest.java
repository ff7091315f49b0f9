package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

class EvaluationsTest {

    private static final Taxonomy TAXONOMY = Taxonomy.bundled();
    private static final List<OsceDocument> CORPUS = TestCorpus.themed(60, 2);
    private static final TrainingSettings SETTINGS = TrainingSettings.builder().minSourceCount(2)
            .build();
    private static final long WITH_FIELDS = CORPUS.stream().filter(d -> d.labels().hasFields()).count();
    private static final long WITH_SOURCES = CORPUS.stream().filter(d -> d.labels().hasSources()).count();

    @Test
    @DisplayName("cross-validation tests every labelled item once and learns the separable themes")
    void crossValidation() {
        Evaluation e = Evaluations.crossValidate(SETTINGS, TAXONOMY, CORPUS, 3);
        assertEquals("3-fold cross-validation (seed 42)", e.method());
        assertEquals(60, e.testItems());
        assertEquals(40, e.trainItems());
        assertEquals(WITH_FIELDS, e.fields().items());
        assertEquals(WITH_SOURCES, e.sources().items());
        assertTrue(e.fields().microF1() > 0.9, "micro-F1 " + e.fields().microF1());
        assertTrue(e.sources().top3() >= e.sources().top1());
        assertTrue(e.sources().top1() > 0.9, "top-1 " + e.sources().top1());
        assertEquals(e, Evaluations.crossValidate(SETTINGS, TAXONOMY, CORPUS, 3));
    }

    @Test
    @DisplayName("a holdout tests the asked share of the corpus")
    void holdout() {
        Evaluation e = Evaluations.holdout(SETTINGS, TAXONOMY, CORPUS, 0.25);
        assertEquals(45, e.trainItems());
        assertEquals(15, e.testItems());
        assertEquals("holdout 25% (seed 42)", e.method());
    }

    @Test
    @DisplayName("a time split trains on the items before the date and tests on those from it on")
    void timeSplit() {
        LocalDate from = LocalDate.of(2018, 1, 1);
        long later = CORPUS.stream().filter(d -> !d.date().orElseThrow().isBefore(from)).count();
        Evaluation e = Evaluations.timeSplit(SETTINGS, TAXONOMY, CORPUS, from);
        assertEquals(later, e.testItems());
        assertEquals(CORPUS.size() - later, e.trainItems());
        assertThrows(IllegalArgumentException.class,
                () -> Evaluations.timeSplit(SETTINGS, TAXONOMY, CORPUS, LocalDate.of(2100, 1, 1)));
    }
}
