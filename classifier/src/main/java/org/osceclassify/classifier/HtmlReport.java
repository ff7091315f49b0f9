package org.osceclassify.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link Evaluation} as one self-contained HTML page: inline CSS, inline SVG charts and a small inline
 * script that sorts the tables when a column header is clicked; no external resource, so that it opens from disk
 * in any browser with no network.
 *
 * <p>Labels with no test items are left out of the charts, the tables and the confusion matrix (each says how
 * many), and the label column of every chart is as wide as its longest label, so that full names show.
 */
final class HtmlReport {

    /** The width in pixels given to each character of a label at the charts' 12px font: generous, never cut. */
    private static final double CHAR_WIDTH = 7.4;
    private static final int MIN_LABEL_WIDTH = 120;
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
                .append("table.sortable th{cursor:pointer;user-select:none}")
                .append("th[aria-sort=ascending]::after{content:' \\25B2'}th[aria-sort=descending]::after{content:' \\25BC'}\n")
                .append(".left-out{color:#666;font-style:italic}\n")
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
        leftOut(html, f.perLabel(), "label", "labels");
        labelTable(html, "fields-table", f.perLabel(), true);

        html.append("<h2>Fields of work: decision threshold per label</h2>\n")
                .append("<p>The probability at or above which a field is predicted: the probability at the ")
                .append("model's own decision boundary, or tuned to the label's best F1 when training asked for it.")
                .append("</p>\n");
        barChart(html, "fields-thresholds", f.perLabel(), true, "#d08b2c");

        html.append("<h2>Source bodies: F1 per class</h2>\n<p>").append(s.items()).append(" test items.</p>\n");
        barChart(html, "sources-f1", s.perLabel(), false, "#4a9a5b");
        leftOut(html, s.perLabel(), "class", "classes");
        labelTable(html, "sources-table", s.perLabel(), false);

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

        html.append("<h2>Worst errors</h2>\n<p>The test documents that got a wrong label, the most confident ")
                .append("wrong label first (at most ").append(Evaluation.WORST_ERRORS).append("): check whether ")
                .append("the model or the corpus is wrong.</p>\n");
        errorTable(html, e.worstErrors());

        html.append("<script>\n").append(SORT_SCRIPT).append("</script>\n");
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

    /**
     * Sorts a table of class {@code sortable} by the column whose header is clicked, numbers as numbers (a cell's
     * {@code data-value} if it has one), ascending, then descending on a second click.
     */
    static final String SORT_SCRIPT = """
            (function () {
              function key(row, column) {
                var cell = row.cells[column];
                var text = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent;
                var number = parseFloat(text);
                return isNaN(number) || !/^\\s*-?[0-9.]+\\s*$/.test(text) ? {text: text.trim()} : {number: number};
              }
              function compare(a, b) {
                if ('number' in a && 'number' in b) { return a.number - b.number; }
                if ('number' in a) { return -1; }
                if ('number' in b) { return 1; }
                return a.text.localeCompare(b.text);
              }
              document.querySelectorAll('table.sortable').forEach(function (table) {
                var headers = table.querySelectorAll('thead th');
                headers.forEach(function (th, column) {
                  th.title = 'Click to sort';
                  th.addEventListener('click', function () {
                    var ascending = th.getAttribute('aria-sort') !== 'ascending';
                    headers.forEach(function (other) { other.removeAttribute('aria-sort'); });
                    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                    var body = table.tBodies[0];
                    var rows = Array.prototype.slice.call(body.rows);
                    rows.sort(function (a, b) {
                      var c = compare(key(a, column), key(b, column));
                      return ascending ? c : -c;
                    });
                    rows.forEach(function (row) { body.appendChild(row); });
                  });
                });
              });
            })();
            """;

    /** The width of a chart's label column: enough for the longest label. */
    static int labelWidth(List<String> labels) {
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        return Math.max(MIN_LABEL_WIDTH, (int) Math.ceil(longest * CHAR_WIDTH) + 12);
    }

    /** The labels that had test items: those without any would show as empty bars and rows. */
    private static List<LabelScores> tested(List<LabelScores> scores) {
        return scores.stream().filter(l -> l.support() > 0).toList();
    }

    private static void leftOut(StringBuilder html, List<LabelScores> scores, String one, String many) {
        long none = scores.stream().filter(l -> l.support() == 0).count();
        if (none > 0) {
            html.append("<p class=\"left-out\">").append(none).append(' ').append(none == 1 ? one : many)
                    .append(" with no test items left out.</p>\n");
        }
    }

    /** Precision, recall, F1, support (and the threshold) per label with test items, a sortable table. */
    private static void labelTable(StringBuilder html, String id, List<LabelScores> scores, boolean thresholds) {
        List<LabelScores> shown = tested(scores);
        if (shown.isEmpty()) {
            return;
        }
        html.append("<table class=\"sortable\" id=\"").append(id).append("\">\n<thead><tr><th>label</th>")
                .append("<th>precision</th><th>recall</th><th>F1</th><th>support</th>")
                .append(thresholds ? "<th>threshold</th>" : "").append("</tr></thead>\n<tbody>\n");
        for (LabelScores l : shown) {
            html.append("<tr><td>").append(escape(l.label())).append("</td><td>").append(number(l.precision()))
                    .append("</td><td>").append(number(l.recall())).append("</td><td>").append(number(l.f1()))
                    .append("</td><td>").append(l.support()).append("</td>");
            if (thresholds) {
                html.append("<td>").append(number(l.threshold())).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** The worst errors, a sortable table. */
    private static void errorTable(StringBuilder html, List<LabelError> errors) {
        if (errors.isEmpty()) {
            html.append("<p>None.</p>\n");
            return;
        }
        html.append("<table class=\"sortable\" id=\"worst-errors\">\n<thead><tr><th>document</th><th>task</th>")
                .append("<th>wrong label</th><th>probability</th><th>predicted</th><th>expected</th>")
                .append("<th>where</th></tr></thead>\n<tbody>\n");
        for (LabelError e : errors) {
            html.append("<tr><td title=\"").append(escape(e.title())).append("\">").append(escape(e.id()))
                    .append("</td><td>").append(e.task()).append("</td><td>").append(escape(e.wrongLabel()))
                    .append("</td><td>").append(number(e.probability())).append("</td><td>")
                    .append(escape(String.join("; ", e.predicted()))).append("</td><td>")
                    .append(escape(String.join("; ", e.expected()))).append("</td><td>").append(escape(e.origin()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void row(StringBuilder html, String task, String metric, double value) {
        html.append("<tr><td>").append(task).append("</td><td>").append(metric).append("</td><td>")
                .append(number(value)).append("</td></tr>\n");
    }

    private static void barChart(StringBuilder html, String id, List<LabelScores> scores, boolean thresholds,
                                 String colour) {
        List<LabelScores> shown = thresholds
                ? scores.stream().filter(l -> !Double.isNaN(l.threshold())).toList()
                : tested(scores);
        if (shown.isEmpty()) {
            html.append("<p>None.</p>\n");
            return;
        }
        int labelWidth = labelWidth(shown.stream().map(LabelScores::label).toList());
        int width = labelWidth + BAR_WIDTH + 120;
        int height = shown.size() * ROW_HEIGHT + 30;
        html.append("<svg id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" role=\"img\">\n");
        for (int tick = 0; tick <= 4; tick++) {
            double x = labelWidth + BAR_WIDTH * tick / 4.0;
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
                    labelWidth - 6, y + 14, escape(l.label()),
                    labelWidth, y + 3, w, ROW_HEIGHT - 6, colour,
                    labelWidth + w + 4, y + 14, value, thresholds ? "" : "  (n=" + l.support() + ")"));
            y += ROW_HEIGHT;
        }
        html.append("</svg>\n");
    }

    /**
     * The confusion matrix as an SVG heat map. Rows are the actual sources with test items and columns the
     * predicted sources that were predicted at least once; the others would be empty, and are counted instead.
     */
    private static void heatMap(StringBuilder html, SourcesEvaluation s) {
        List<String> labels = s.labels();
        int n = labels.size();
        List<Integer> rows = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int row = 0;
            int column = 0;
            for (int j = 0; j < n; j++) {
                row += s.confusion().get(i).get(j);
                column += s.confusion().get(j).get(i);
            }
            if (row > 0) {
                rows.add(i);
            }
            if (column > 0) {
                columns.add(i);
            }
        }
        if (rows.isEmpty()) {
            html.append("<p>None.</p>\n");
            return;
        }
        if (rows.size() < n || columns.size() < n) {
            html.append("<p class=\"left-out\">Left out: ").append(n - rows.size())
                    .append(" rows of sources with no test items, ").append(n - columns.size())
                    .append(" columns of sources never predicted.</p>\n");
        }
        int labelWidth = labelWidth(rows.stream().map(labels::get).toList());
        int longestColumn = labelWidth(columns.stream().map(labels::get).toList());
        int top = (int) Math.ceil(longestColumn * Math.sin(Math.toRadians(60))) + 10;
        int width = labelWidth + columns.size() * CELL + (int) Math.ceil(longestColumn * 0.5) + 20;
        int height = top + rows.size() * CELL + 10;
        html.append("<svg id=\"sources-confusion\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" role=\"img\">\n");
        for (int c = 0; c < columns.size(); c++) {
            int x = labelWidth + c * CELL + CELL / 2 + 4;
            html.append(String.format(Locale.ROOT,
                    "<text class=\"column\" transform=\"translate(%d,%d) rotate(-60)\">%s</text>\n", x, top - 6,
                    escape(labels.get(columns.get(c)))));
        }
        for (int r = 0; r < rows.size(); r++) {
            int i = rows.get(r);
            List<Integer> row = s.confusion().get(i);
            int total = row.stream().mapToInt(Integer::intValue).sum();
            int y = top + r * CELL;
            html.append(String.format(Locale.ROOT,
                    "<text class=\"row\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
                    labelWidth - 6, y + CELL - 5, escape(labels.get(i))));
            for (int c = 0; c < columns.size(); c++) {
                int j = columns.get(c);
                int count = row.get(j);
                double share = total == 0 ? 0 : (double) count / total;
                html.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#fff\">"
                                + "<title>actual %s, predicted %s: %d</title></rect>",
                        labelWidth + c * CELL, y, CELL, CELL, shade(share, i == j),
                        escape(labels.get(i)), escape(labels.get(j)), count));
                if (count > 0) {
                    html.append(String.format(Locale.ROOT,
                            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"9\" fill=\"%s\">%d</text>",
                            labelWidth + c * CELL + CELL / 2, y + CELL - 5, share > 0.5 ? "#fff" : "#222",
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
