package org.osceclassify.classifier;

import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link Evaluation} as one self-contained HTML page: inline CSS and inline SVG charts, no script
 * and no external resource, so that it opens from disk in any browser with no network.
 */
final class HtmlReport {

    private static final int LABEL_WIDTH = 330;
    private static final int BAR_WIDTH = 360;
    private static final int ROW_HEIGHT = 20;
    private static final int CELL = 22;

    private HtmlReport() {
    }

    static String render(Evaluation e) {
        FieldsEvaluation f = e.fields();
        SourcesEvaluation s = e.sources();
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>osce-classify evaluation</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}\n")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 10px;")
                .append("text-align:right}th{background:#f3f3f3}td:nth-child(-n+2),th:nth-child(-n+2){text-align:left}\n")
                .append("svg text{font-size:12px;font-family:system-ui,sans-serif}\n")
                .append("h2{margin-top:2em;border-bottom:1px solid #ddd}\n")
                .append("</style>\n</head>\n<body>\n");
        html.append("<h1>osce-classify evaluation</h1>\n<p>").append(escape(e.method()))
                .append(": ").append(e.trainItems()).append(" items trained on, ")
                .append(e.testItems()).append(" tested.</p>\n");

        html.append("<table id=\"headline\">\n<tr><th>task</th><th>metric</th><th>value</th></tr>\n");
        row(html, "fields of work", "micro-F1", f.microF1());
        row(html, "fields of work", "macro-F1 (labels with &ge; " + FieldsEvaluation.MACRO_MIN_SUPPORT
                + " items)", f.macroF1());
        row(html, "fields of work", "example-based Jaccard", f.jaccard());
        row(html, "fields of work", "Hamming loss", f.hammingLoss());
        row(html, "source bodies", "top-1 accuracy", s.top1());
        row(html, "source bodies", "top-3 accuracy", s.top3());
        row(html, "source bodies", "macro-F1", s.macroF1());
        row(html, "fields of work", "calibration error (ECE) of the predicted fields",
                e.fieldsCalibration().expectedCalibrationError());
        row(html, "source bodies", "calibration error (ECE) of the top source",
                e.sourcesCalibration().expectedCalibrationError());
        html.append("</table>\n");

        html.append("<h2>Fields of work: F1 per label</h2>\n<p>").append(f.items())
                .append(" test items. Bars show F1; the number after each bar is the label's support.</p>\n");
        barChart(html, "fields-f1", f.perLabel(), false, "#3b6fb6");

        html.append("<h2>Fields of work: decision threshold per label</h2>\n")
                .append("<p>The probability at or above which a field is predicted: the probability at the ")
                .append("model's own decision boundary, or tuned to the label's best F1 when training asked for it.")
                .append("</p>\n");
        barChart(html, "fields-thresholds", f.perLabel(), true, "#d08b2c");

        html.append("<h2>Source bodies: F1 per class</h2>\n<p>").append(s.items()).append(" test items.</p>\n");
        barChart(html, "sources-f1", s.perLabel(), false, "#4a9a5b");

        html.append("<h2>Source bodies: confusion matrix</h2>\n")
                .append("<p>Rows are the actual (first-listed) source, columns the top-ranked prediction; ")
                .append("the darker a cell, the larger its share of the row.</p>\n");
        heatMap(html, s);

        html.append("<h2>Calibration: reliability diagrams</h2>\n")
                .append("<p>Decisions binned by their stated probability: each bar is how often the decisions of ")
                .append("the bin were right, the dot their mean probability; on a calibrated model they meet on the ")
                .append("diagonal. The number above a bar is its decisions.</p>\n");
        reliability(html, "fields-reliability", "predicted fields", e.fieldsCalibration());
        reliability(html, "sources-reliability", "top source", e.sourcesCalibration());

        html.append("</body>\n</html>\n");
        return html.toString();
    }

    /** An SVG reliability diagram: observed accuracy per probability bin, against the diagonal. */
    private static void reliability(StringBuilder html, String id, String what, Reliability r) {
        int size = 300;
        int pad = 40;
        html.append("<figure><svg id=\"").append(id).append("\" width=\"").append(size + 2 * pad)
                .append("\" height=\"").append(size + 2 * pad).append("\" role=\"img\" aria-label=\"reliability of ")
                .append(what).append("\">\n");
        html.append("<rect x=\"").append(pad).append("\" y=\"").append(pad).append("\" width=\"").append(size)
                .append("\" height=\"").append(size).append("\" fill=\"none\" stroke=\"#999\"/>\n");
        html.append("<line x1=\"").append(pad).append("\" y1=\"").append(pad + size).append("\" x2=\"")
                .append(pad + size).append("\" y2=\"").append(pad).append("\" stroke=\"#bbb\" stroke-dasharray=\"4\"/>\n");
        for (Reliability.Bin b : r.bins()) {
            double x = pad + b.lower() * size;
            double w = (b.upper() - b.lower()) * size - 2;
            double h = b.observed() * size;
            html.append("<rect class=\"bin\" x=\"").append(number(x + 1)).append("\" y=\"")
                    .append(number(pad + size - h)).append("\" width=\"").append(number(w)).append("\" height=\"")
                    .append(number(h)).append("\" fill=\"#3b6fb6\" opacity=\"0.7\"><title>")
                    .append(number(b.lower())).append("-").append(number(b.upper())).append(": ").append(b.count())
                    .append(" decisions, mean probability ").append(number(b.meanProbability()))
                    .append(", right ").append(number(b.observed())).append("</title></rect>\n");
            html.append("<circle cx=\"").append(number(pad + b.meanProbability() * size)).append("\" cy=\"")
                    .append(number(pad + size - b.meanProbability() * size)).append("\" r=\"3\" fill=\"#d08b2c\"/>\n");
            html.append("<text x=\"").append(number(x + w / 2)).append("\" y=\"").append(number(pad + size - h - 4))
                    .append("\" text-anchor=\"middle\">").append(b.count()).append("</text>\n");
        }
        html.append("<text x=\"").append(pad + size / 2).append("\" y=\"").append(2 * pad + size - 8)
                .append("\" text-anchor=\"middle\">stated probability</text>\n");
        html.append("<text x=\"12\" y=\"").append(pad + size / 2).append("\" transform=\"rotate(-90 12 ")
                .append(pad + size / 2).append(")\" text-anchor=\"middle\">share right</text>\n");
        html.append("</svg><figcaption>").append(what).append(": expected calibration error ")
                .append(number(r.expectedCalibrationError())).append("</figcaption></figure>\n");
    }

    private static void row(StringBuilder html, String task, String metric, double value) {
        html.append("<tr><td>").append(task).append("</td><td>").append(metric).append("</td><td>")
                .append(number(value)).append("</td></tr>\n");
    }

    private static void barChart(StringBuilder html, String id, List<LabelScores> scores, boolean thresholds,
                                 String colour) {
        List<LabelScores> shown = thresholds
                ? scores.stream().filter(l -> !Double.isNaN(l.threshold())).toList()
                : scores;
        if (shown.isEmpty()) {
            html.append("<p>None.</p>\n");
            return;
        }
        int width = LABEL_WIDTH + BAR_WIDTH + 120;
        int height = shown.size() * ROW_HEIGHT + 30;
        html.append("<svg id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" role=\"img\">\n");
        for (int tick = 0; tick <= 4; tick++) {
            double x = LABEL_WIDTH + BAR_WIDTH * tick / 4.0;
            html.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e4e4e4\"/>", x, x, height - 20))
                    .append(String.format(Locale.ROOT,
                            "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.2f</text>\n", x, height - 5,
                            tick / 4.0));
        }
        int y = 0;
        for (LabelScores l : shown) {
            double value = thresholds ? l.threshold() : l.f1();
            double w = BAR_WIDTH * Math.max(0, Math.min(1, value));
            html.append(String.format(Locale.ROOT,
                    "<g><title>%s: %s %.3f (precision %.3f, recall %.3f, support %d)</title>"
                            + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%d\">%.2f%s</text></g>\n",
                    escape(l.label()), thresholds ? "threshold" : "F1", value, l.precision(), l.recall(),
                    l.support(),
                    LABEL_WIDTH - 6, y + 14, escape(l.label()),
                    LABEL_WIDTH, y + 3, w, ROW_HEIGHT - 6, colour,
                    LABEL_WIDTH + w + 4, y + 14, value, thresholds ? "" : "  (n=" + l.support() + ")"));
            y += ROW_HEIGHT;
        }
        html.append("</svg>\n");
    }

    private static void heatMap(StringBuilder html, SourcesEvaluation s) {
        List<String> labels = s.labels();
        int n = labels.size();
        if (n == 0) {
            html.append("<p>None.</p>\n");
            return;
        }
        int top = 260;
        int width = LABEL_WIDTH + n * CELL + 200;
        int height = top + n * CELL + 10;
        html.append("<svg id=\"sources-confusion\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" role=\"img\">\n");
        for (int j = 0; j < n; j++) {
            int x = LABEL_WIDTH + j * CELL + CELL / 2 + 4;
            html.append(String.format(Locale.ROOT,
                    "<text transform=\"translate(%d,%d) rotate(-60)\">%s</text>\n", x, top - 6,
                    escape(shorten(labels.get(j)))));
        }
        for (int i = 0; i < n; i++) {
            List<Integer> row = s.confusion().get(i);
            int total = row.stream().mapToInt(Integer::intValue).sum();
            int y = top + i * CELL;
            html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
                    LABEL_WIDTH - 6, y + CELL - 5, escape(shorten(labels.get(i)))));
            for (int j = 0; j < n; j++) {
                int count = row.get(j);
                double share = total == 0 ? 0 : (double) count / total;
                html.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#fff\">"
                                + "<title>actual %s, predicted %s: %d</title></rect>",
                        LABEL_WIDTH + j * CELL, y, CELL, CELL, shade(share, i == j),
                        escape(labels.get(i)), escape(labels.get(j)), count));
                if (count > 0) {
                    html.append(String.format(Locale.ROOT,
                            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"9\" fill=\"%s\">%d</text>",
                            LABEL_WIDTH + j * CELL + CELL / 2, y + CELL - 5, share > 0.5 ? "#fff" : "#222",
                            count));
                }
            }
            html.append('\n');
        }
        html.append("</svg>\n");
    }

    /** White for nothing, through to dark blue (diagonal) or dark red (confusions) for the whole row. */
    private static String shade(double share, boolean diagonal) {
        int strong = (int) Math.round(245 - 200 * share);
        int soft = (int) Math.round(245 - 130 * share);
        return diagonal
                ? String.format(Locale.ROOT, "rgb(%d,%d,245)", strong, soft)
                : String.format(Locale.ROOT, "rgb(245,%d,%d)", strong, strong);
    }

    private static String shorten(String label) {
        return label.length() > 48 ? label.substring(0, 45) + "..." : label;
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "&ndash;" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
