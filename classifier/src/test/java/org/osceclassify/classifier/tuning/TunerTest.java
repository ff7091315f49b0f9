package org.osceclassify.classifier.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osceclassify.classifier.TestCorpus;
import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/** {@link Tuner}: a seeded search whose trials depend only on the corpus, the starting settings and the budget. */
class TunerTest {

    private static final List<OsceDocument> CORPUS = TestCorpus.themed(45, 3);
    private static final TrainingSettings START = TrainingSettings.defaults().toBuilder().calibrationFolds(2).build();

    private static Tuning tune(TrainingSettings start, int trials, List<String> plans) {
        Tuner.Listener listener = new Tuner.Listener() {
            @Override
            public void planned(String plan) {
                plans.add(plan);
            }
        };
        return new Tuner(SearchSpace.DIMENSIONS, Taxonomy.bundled(), CORPUS, 3, 1, listener)
                .run(start, new Budget.Trials(trials));
    }

    @Test
    void aBudgetOfTrialsRunsThatManyDistinctTrialsTheFirstTheStartingSettings() {
        List<String> plans = new ArrayList<>();
        Tuning tuning = tune(START, 5, plans);
        assertEquals(List.of("5 trials, as asked"), plans);
        assertEquals(5, tuning.trials().size());
        assertSame(START, tuning.start().settings());
        assertEquals(List.of(1, 2, 3, 4, 5), tuning.trials().stream().map(Trial::number).toList());
        assertEquals(5, new HashSet<>(tuning.trials().stream().map(Trial::settings).toList()).size(), "no repeat");
        for (Trial t : tuning.trials()) {
            assertEquals(START.calibrationFolds(), t.settings().calibrationFolds(), "a setting not searched stays");
            assertTrue(t.objective() > 0 && t.objective() <= 1, "objective " + t.objective());
            assertTrue(t.seconds() > 0);
        }
    }

    @Test
    void theSameStartAndBudgetGiveTheSameTrialsAndAnotherSeedOthers() {
        Tuning first = tune(START, 4, new ArrayList<>());
        Tuning second = tune(START, 4, new ArrayList<>());
        Tuning otherSeed = tune(START.toBuilder().seed(7).build(), 4, new ArrayList<>());
        assertEquals(TuningReport.trialsCsv(first), TuningReport.trialsCsv(second));
        assertEquals(first.best().number(), second.best().number());
        assertNotEquals(first.trials().stream().map(t -> t.settings().asText()).toList().subList(1, 4),
                otherSeed.trials().stream().map(t -> t.settings().toBuilder().seed(42).build().asText())
                        .toList().subList(1, 4), "another seed draws other settings");
    }

    @Test
    @DisplayName("the top trial has the highest objective; the one chosen is within its standard error, with the "
            + "fewest changes from the start")
    void theChosenTrialFollowsTheOneStandardErrorRule() {
        Tuning tuning = tune(START, 6, new ArrayList<>());
        double highest = tuning.trials().stream().mapToDouble(Trial::objective).max().orElseThrow();
        Trial earliest = tuning.trials().stream().filter(t -> t.objective() == highest).findFirst().orElseThrow();
        assertSame(earliest, tuning.top());
        double floor = highest - tuning.top().standardError(3);
        Trial chosen = tuning.best();
        assertTrue(chosen.objective() >= floor, "within one standard error of the highest");
        Tuner tuner = new Tuner(SearchSpace.DIMENSIONS, Taxonomy.bundled(), CORPUS, 3, 1, Tuner.Listener.NONE);
        for (Trial t : tuning.trials()) {
            if (t.objective() >= floor) {
                assertTrue(tuner.changes(t.settings(), START) >= tuner.changes(chosen.settings(), START),
                        "trial " + t.number() + " changes fewer settings than the one chosen");
            }
        }
        assertEquals(chosen.objective(), tuning.bestEvaluation().fields().microF1() / 3
                + tuning.bestEvaluation().fields().macroF1() / 3 + tuning.bestEvaluation().sources().top1() / 3,
                1e-12, "the evaluation kept is the chosen trial's");
    }

    @Test
    void theStandardErrorOfTheObjectiveIsTheMeanDeviationOverTheRootOfTheFolds() {
        Trial t = new Trial(1, START, 0.6, 0.3, 0.9, List.of(0.02, 0.06, 0.04), 1);
        assertEquals(0.04 / Math.sqrt(4), t.standardError(4), 1e-12);
        assertTrue(Double.isNaN(Trial.failed(2, START, 1).standardError(4)));
    }

    @Test
    void theObjectiveIsTheMeanOfTheMeasuresTheCorpusHas() {
        Trial both = new Trial(1, START, 0.6, 0.3, 0.9, List.of(0.1, 0.1, 0.1), 1);
        Trial noSources = new Trial(2, START, 0.6, 0.3, Double.NaN, List.of(0.1, 0.1, Double.NaN), 1);
        Trial failed = Trial.failed(3, START, 1);
        assertEquals(0.6, both.objective(), 1e-12);
        assertEquals(0.45, noSources.objective(), 1e-12);
        assertTrue(Double.isNaN(failed.objective()));
        assertFalse(failed.beats(both));
        assertTrue(both.beats(failed));
        Trial tie = new Trial(4, START, 0.9, 0.3, 0.6, List.of(0.1, 0.1, 0.1), 1);
        assertFalse(tie.beats(both), "an equal objective does not displace the earlier trial");
    }

    @Test
    void theReportHasARowPerTrialWithEverySearchedSettingAndTheTimesApart() {
        Tuning tuning = tune(START, 3, new ArrayList<>());
        String[] lines = TuningReport.trialsCsv(tuning).split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("trial,algorithm,fields_cost,"), lines[0]);
        assertTrue(lines[0].endsWith(",source_top1,source_top1_sd,objective"), lines[0]);
        assertTrue(lines[1].startsWith("1,SVM,0.3,"), lines[1]);
        assertFalse(lines[0].contains("seconds"), "times differ from run to run, so they are in timings.csv");
        assertEquals(4, TuningReport.timingsCsv(tuning).split("\n").length);
        String html = TuningHtml.render(tuning);
        assertTrue(html.contains("<svg id=\"objective-chart\""));
        assertEquals(3, html.split("<circle ", -1).length - 1, "a dot per trial");
        assertFalse(html.contains("<script"), "no script");
        assertFalse(html.contains("http://") && html.replace("http://www.w3.org/2000/svg", "").contains("http://"),
                "no external resource");
    }
}
