package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osceclassify.model.Labels;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/** The HTML report shows full names, leaves out labels with no test items, and lists the worst errors. */
class HtmlReportTest {

    static final String LONG = "OSCE Office for Democratic Institutions and Human Rights";

    /** An evaluation with a long source name, a field and a source without test items, and two wrong labels. */
    static Evaluation sample() {
        return new Evaluation("holdout 20% (seed 42)", 800, 200,
                new FieldsEvaluation(150, 0.71, 0.52, 0.75, 0.68, 0.66, 0.031, List.of(
                        new LabelScores("Elections", 0.9, 0.8, 0.847, 20, 0.35),
                        new LabelScores("Policing", 0.5, 0.25, 0.333, 8, 0.42),
                        new LabelScores("Gender equality", 0, 0, 0, 0, 0.4))),
                new SourcesEvaluation(70, 0.9, 0.97, 0.61,
                        List.of(LONG, "OSCE Mission to Serbia", "Other"),
                        List.of(List.of(30, 2, 0), List.of(1, 37, 0), List.of(0, 0, 0)),
                        List.of(new LabelScores(LONG, 0.97, 0.94, 0.95, 32, Double.NaN),
                                new LabelScores("OSCE Mission to Serbia", 0.95, 0.97, 0.96, 38, Double.NaN),
                                new LabelScores("Other", 0, 0, 0, 0, Double.NaN))),
                Reliability.NONE, Reliability.NONE, FoldSpread.NONE, List.of(
                        new LabelError("item-7", "corpus.csv:9", "Observers <deployed>", LabelError.SOURCES,
                                "OSCE Mission to Serbia", 0.91, List.of("OSCE Mission to Serbia"), List.of(LONG)),
                        new LabelError("item-3", "corpus.csv:5", "Police course", LabelError.FIELDS, "Elections",
                                0.62, List.of("Policing", "Elections"), List.of("Policing"))));
    }

    @Test
    void fullLongNamesShowInTheChartsAndTheMatrix() {
        String html = HtmlReport.render(sample());
        assertFalse(html.contains("..."), "no name is shortened");
        assertTrue(html.contains(">" + LONG + "</text>"), "the full name is a chart label");
        int width = HtmlReport.labelWidth(List.of(LONG));
        assertTrue(width >= LONG.length() * 7, "the label column fits the longest name: " + width);
        assertTrue(html.contains("<text x=\"" + (width - 6) + "\""), "labels end at the column's edge");
    }

    @Test
    void labelsWithNoTestItemsAreLeftOutAndCounted() {
        String html = HtmlReport.render(sample());
        assertFalse(html.contains("(n=0)"), html);
        assertTrue(html.contains("1 label with no test items left out."), html);
        assertTrue(html.contains("1 class with no test items left out."), html);
        assertTrue(html.contains("Left out: 1 rows of sources with no test items, 1 columns of sources never "
                + "predicted."), html);
        String matrix = html.substring(html.indexOf("<svg id=\"sources-confusion\""));
        matrix = matrix.substring(0, matrix.indexOf("</svg>"));
        assertEquals(4, matrix.split("<rect", -1).length - 1, "a 2 x 2 matrix");
        assertFalse(matrix.contains(">Other</text>"), matrix);
    }

    @Test
    void tablesShowPrecisionRecallAndF1AndTheWorstErrors() {
        String html = HtmlReport.render(sample());
        assertTrue(html.contains("<table class=\"sortable\" id=\"fields-table\">"), html);
        assertTrue(html.contains("<th>precision</th><th>recall</th><th>F1</th><th>support</th><th>threshold</th>"));
        assertTrue(html.contains("<tr><td>Policing</td><td>0.500</td><td>0.250</td><td>0.333</td><td>8</td>"
                + "<td>0.420</td></tr>"), html);
        assertTrue(html.contains("<tr><td title=\"Observers &lt;deployed&gt;\">item-7</td><td>sources</td>"
                + "<td>OSCE Mission to Serbia</td><td>0.910</td><td>OSCE Mission to Serbia</td><td>" + LONG
                + "</td><td>corpus.csv:9</td></tr>"), html);
        assertTrue(html.contains("<script>") && html.contains("table.sortable"), "the tables sort");
    }

    @Test
    void theWorstErrorsRoundTripThroughJson() throws IOException {
        Evaluation e = sample();
        assertEquals(e, EvaluationReports.fromJson(EvaluationReports.toJson(e)));
        assertTrue(EvaluationReports.toJson(e).contains("\"wrong_label\" : \"Elections\""));
    }

    @Test
    void anEvaluationCarriesTheDocumentsItGotWrongMostConfidentFirst() {
        List<OsceDocument> docs = new ArrayList<>(TestCorpus.themed(60, 3));
        // a policing item the corpus calls an elections item: the model says Policing, confidently
        int wrong = 0;
        while (!docs.get(wrong).labels().fields().equals(List.of(TestCorpus.POLICING))) {
            wrong++;
        }
        OsceDocument mislabelled = docs.get(wrong);
        docs.set(wrong, mislabelled.withLabels(new Labels(mislabelled.labels().sources(),
                List.of(TestCorpus.ELECTIONS))));

        Evaluation e = Evaluations.crossValidate(TrainingSettings.defaults(), Taxonomy.bundled(), docs, 3);

        assertTrue(e.worstErrors().size() <= Evaluation.WORST_ERRORS);
        LabelError error = e.worstErrors().stream().filter(x -> x.id().equals(mislabelled.id())
                && x.task().equals(LabelError.FIELDS)).findFirst().orElseThrow(() -> new AssertionError(
                        "the mislabelled item is among the errors: " + e.worstErrors()));
        assertEquals(TestCorpus.POLICING, error.wrongLabel());
        assertEquals(List.of(TestCorpus.ELECTIONS), error.expected());
        assertTrue(error.predicted().contains(TestCorpus.POLICING));
        for (int i = 1; i < e.worstErrors().size(); i++) {
            assertTrue(e.worstErrors().get(i - 1).probability() >= e.worstErrors().get(i).probability());
        }
    }
}
