package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportsTest {

    private static final Evaluation EVALUATION = new Evaluation("holdout 20% (seed 42)", 800, 200,
            new FieldsEvaluation(150, 0.71, 0.52, 0.75, 0.68, 0.66, 0.031, List.of(
                    new LabelScores("Elections", 0.9, 0.8, 0.847, 20, 0.35),
                    new LabelScores("Policing", 0.5, 0.25, 0.333, 8, 0.42),
                    new LabelScores("Media freedom and development", 0.7, 0.7, 0.7, 10, Double.NaN))),
            new SourcesEvaluation(120, 0.9, 0.97, 0.61,
                    List.of("OSCE Mission to Serbia", "ODIHR <Warsaw>", "Other"),
                    List.of(List.of(30, 2, 0), List.of(1, 40, 3), List.of(0, 5, 39)),
                    List.of(new LabelScores("OSCE Mission to Serbia", 0.97, 0.94, 0.95, 32, Double.NaN),
                            new LabelScores("ODIHR <Warsaw>", 0.85, 0.91, 0.88, 44, Double.NaN),
                            new LabelScores("Other", 0.93, 0.89, 0.91, 44, Double.NaN))));

    @Test
    void writesAllFiveReportsIntoTheFolderAndLeavesNoTemporaryFile(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("reports/run1");

        List<Path> written = EvaluationReports.write(EVALUATION, dir);

        assertEquals(5, written.size());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("confusion.csv", "fields.csv", "report.html", "report.json", "sources.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void jsonCarriesEveryHeadlineMetricAndUsesNullForAThresholdThatDoesNotApply() throws IOException {
        JsonNode json = new ObjectMapper().readTree(EvaluationReports.toJson(EVALUATION));

        assertEquals("holdout 20% (seed 42)", json.get("method").asText());
        assertEquals(0.71, json.at("/fields/micro_f1").asDouble());
        assertEquals(0.52, json.at("/fields/macro_f1").asDouble());
        assertEquals(0.66, json.at("/fields/jaccard").asDouble());
        assertEquals(0.031, json.at("/fields/hamming_loss").asDouble());
        assertEquals(0.9, json.at("/sources/top1").asDouble());
        assertEquals(0.97, json.at("/sources/top3").asDouble());
        assertEquals(0.35, json.at("/fields/per_label/0/threshold").asDouble());
        assertTrue(json.at("/fields/per_label/2/threshold").isNull());
        assertEquals(40, json.at("/sources/confusion/rows/1/1").asInt());
    }

    @Test
    void fieldsCsvHasOneRowPerLabelWithItsScores() throws IOException {
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(EvaluationReports.labelScoresCsv(EVALUATION.fields().perLabel())))
                .getRecords();

        assertEquals(3, rows.size());
        assertEquals("Policing", rows.get(1).get("label"));
        assertEquals("0.3330", rows.get(1).get("f1"));
        assertEquals("8", rows.get(1).get("support"));
        assertEquals("0.4200", rows.get(1).get("threshold"));
        assertEquals("", rows.get(2).get("threshold"));
    }

    @Test
    void confusionCsvHasActualSourcesAsRowsAndPredictedAsColumns() throws IOException {
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(EvaluationReports.confusionCsv(EVALUATION.sources()))).getRecords();

        assertEquals(3, rows.size());
        assertEquals("ODIHR <Warsaw>", rows.get(1).get(0));
        assertEquals("3", rows.get(1).get("Other"));
    }

    @Test
    void htmlIsSelfContainedWithOneBarPerLabelAndOneCellPerPairOfSources() {
        String html = HtmlReport.render(EVALUATION);

        assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http://"),
                "no external resource may be referenced");
        assertFalse(html.contains("<script src"), "the sorting script is inline");
        assertFalse(html.contains("https://"));
        assertEquals(3, count("<rect x=\"", section(html, "fields-f1")));
        assertEquals(2, count("<rect x=\"", section(html, "fields-thresholds")),
                "a label without a threshold has no threshold bar");
        assertEquals(9, count("<rect", section(html, "sources-confusion")));
        assertTrue(html.contains("ODIHR &lt;Warsaw&gt;"), "labels are escaped");
        assertTrue(html.contains("0.710"), "the headline table shows micro-F1");
    }

    private static String section(String html, String svgId) {
        int start = html.indexOf("<svg id=\"" + svgId + "\"");
        return html.substring(start, html.indexOf("</svg>", start));
    }

    private static int count(String needle, String haystack) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(haystack);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
