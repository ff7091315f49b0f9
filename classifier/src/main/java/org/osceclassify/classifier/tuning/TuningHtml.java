package org.osceclassify.classifier.tuning;

import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Tuning} as one self-contained HTML page, like the evaluation's report: inline CSS and an inline
 * SVG chart of each trial's objective and the best so far, then a table of every trial; no script and no external
 * resource, so that it opens from disk with no network.
 */
final class TuningHtml {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 300;
    private static final int LEFT = 56;
    private static final int RIGHT = 20;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    private TuningHtml() {
    }

    static String render(Tuning tuning) {
        StringBuilder html = new StringBuilder(32 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>osce-classify tune</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}\n")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:13px}td,th{border:1px solid #ccc;")
                .append("padding:3px 8px;text-align:right;white-space:nowrap}th{background:#f3f3f3}\n")
                .append("tr.best{background:#e6f0d8;font-weight:bold}td.changed{color:#a3400a}\n")
                .append("svg text{font-size:12px;font-family:system-ui,sans-serif}\n")
                .append("</style>\n</head>\n<body>\n<h1>osce-classify tune</h1>\n");
        Trial best = tuning.best();
        Trial start = tuning.start();
        html.append("<p>").append(tuning.trials().size()).append(" trials, each a seeded ").append(tuning.folds())
                .append("-fold cross-validation: ").append(escape(tuning.plan())).append(".</p>\n")
                .append("<p>Objective: the mean of fields micro-F1, fields macro-F1 and source top-1. Highest: trial ")
                .append(tuning.top().number()).append(", ").append(TuningReport.decimal(tuning.top().objective()))
                .append(", against ").append(TuningReport.decimal(start.objective()))
                .append(" for trial 1, the starting settings. Chosen (highlighted): trial ").append(best.number())
                .append(", ").append(TuningReport.decimal(best.objective()))
                .append(", of the trials within one standard error of the highest the one with the fewest changes")
                .append(" from the starting settings.</p>\n");
        chart(html, tuning.trials(), best);
        table(html, tuning);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    /** Each trial's objective as a dot, the best so far as a line, the starting settings' as a dashed line. */
    private static void chart(StringBuilder html, List<Trial> trials, Trial best) {
        double min = trials.stream().mapToDouble(Trial::objective).filter(v -> !Double.isNaN(v)).min().orElse(0);
        double max = trials.stream().mapToDouble(Trial::objective).filter(v -> !Double.isNaN(v)).max().orElse(1);
        double pad = Math.max(0.005, (max - min) * 0.1);
        double low = min - pad;
        double high = max + pad;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        int n = trials.size();
        html.append("<svg id=\"objective-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" role=\"img\" aria-label=\"objective per trial\">\n");
        html.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" "
                + "stroke=\"#ccc\"/>\n", LEFT, TOP, plotW, plotH));
        for (int i = 0; i <= 4; i++) {
            double v = low + (high - low) * i / 4;
            double y = y(v, low, high, plotH);
            html.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.3f</text>\n", LEFT, LEFT + plotW, y, y,
                    LEFT - 6, y + 4, v));
        }
        double startY = y(trials.get(0).objective(), low, high, plotH);
        html.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#888\" "
                + "stroke-dasharray=\"4 3\"/>\n", LEFT, LEFT + plotW, startY, startY));
        StringBuilder line = new StringBuilder();
        double bestSoFar = Double.NaN;
        for (Trial t : trials) {
            double x = x(t.number(), n, plotW);
            if (!Double.isNaN(t.objective()) && (Double.isNaN(bestSoFar) || t.objective() > bestSoFar)) {
                bestSoFar = t.objective();
            }
            if (!Double.isNaN(bestSoFar)) {
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(bestSoFar, low, high, plotH)));
            }
            if (!Double.isNaN(t.objective())) {
                html.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\">"
                                + "<title>trial %d: %s</title></circle>\n", x, y(t.objective(), low, high, plotH),
                        t == best ? 5 : 3, t == best ? "#d0482c" : "#3b6fb6", t.number(),
                        TuningReport.decimal(t.objective())));
            }
        }
        html.append("<polyline fill=\"none\" stroke=\"#4a9a5b\" stroke-width=\"2\" points=\"")
                .append(line.toString().strip()).append("\"/>\n");
        html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">trial (1 to %d); "
                + "dots: objective, line: best so far, dashed: trial 1</text>\n", LEFT + plotW / 2, HEIGHT - 8, n));
        html.append("</svg>\n");
    }

    private static double x(int number, int trials, int plotW) {
        return LEFT + (trials == 1 ? plotW / 2.0 : (number - 1) * (double) plotW / (trials - 1));
    }

    private static double y(double value, double low, double high, int plotH) {
        return TOP + plotH - (value - low) / (high - low) * plotH;
    }

    /** Every trial: its settings (those that differ from trial 1 marked), measures ± sd, objective, seconds. */
    private static void table(StringBuilder html, Tuning tuning) {
        html.append("<table id=\"trials\">\n<tr><th>trial</th>");
        tuning.dimensions().forEach(d -> html.append("<th>").append(escape(d.name())).append("</th>"));
        html.append("<th>fields micro-F1</th><th>fields macro-F1</th><th>source top-1</th><th>objective</th>")
                .append("<th>seconds</th></tr>\n");
        Trial start = tuning.start();
        for (Trial t : tuning.trials()) {
            html.append(t == tuning.best() ? "<tr class=\"best\">" : "<tr>").append("<td>").append(t.number())
                    .append("</td>");
            for (Dimension<?> d : tuning.dimensions()) {
                String value = d.textIn(t.settings());
                boolean changed = !value.equals(d.textIn(start.settings()));
                html.append(changed ? "<td class=\"changed\">" : "<td>").append(escape(value)).append("</td>");
            }
            measure(html, t.fieldsMicroF1(), t.sd().get(0));
            measure(html, t.fieldsMacroF1(), t.sd().get(1));
            measure(html, t.sourceTop1(), t.sd().get(2));
            html.append("<td>").append(TuningReport.decimal(t.objective())).append("</td>")
                    .append(String.format(Locale.ROOT, "<td>%.1f</td></tr>\n", t.seconds()));
        }
        html.append("</table>\n");
    }

    private static void measure(StringBuilder html, double value, double sd) {
        html.append("<td>").append(Double.isNaN(value) ? "&ndash;" : String.format(Locale.ROOT, "%.3f", value))
                .append(Double.isNaN(sd) ? "" : String.format(Locale.ROOT, " &plusmn; %.3f", sd)).append("</td>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
