package org.osceclassify.classifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The side-by-side table and the HTML page of a {@link Retraining.Comparison}: the headline measures with their
 * standard errors and the gate's verdict, per-label F1 of both models, and the documents whose labels changed. The
 * page is self-contained (no script, no network) and escapes everything it shows.
 */
public final class RetrainReport {

    /** At most this many changed documents are listed in the page. */
    public static final int CHANGED_SHOWN = 200;

    private RetrainReport() {
    }

    /** The headline measures side by side, one line each, and the verdict. */
    public static String table(Retraining.Comparison c) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-34s %9s %9s %8s %8s%n", "measure",
                "current", "candidate", "change", "std.err"));
        for (Retraining.Headline h : c.headlines()) {
            out.append(String.format(Locale.ROOT, "%-34s %9.3f %9.3f %+8.3f %8.3f%s%n", h.name(), h.current(),
                    h.candidate(), h.candidate() - h.current(), h.standardError(), h.dropped() ? "  DROP" : ""));
        }
        for (Retraining.Part p : c.parts()) {
            out.append(String.format(Locale.ROOT, "%s: %s (%d documents)%n", p.name(), p.current().method(),
                    p.current().testItems()));
        }
        out.append(String.format(Locale.ROOT, "current: its settings trained on the older corpus items; "
                + "%d documents change labels from the current model to the candidate%n", c.changed().size()));
        return out.toString();
    }

    /** One line: why the candidate may not replace the current model, or that it may. */
    public static String verdict(Retraining.Comparison c) {
        if (c.drops().isEmpty()) {
            return "the candidate is no worse than the current model on any headline measure";
        }
        Retraining.Headline h = c.drops().get(0);
        return String.format(Locale.ROOT, "%s drops from %.3f to %.3f, more than its standard error %.3f%s",
                h.name(), h.current(), h.candidate(), h.standardError(),
                c.drops().size() > 1 ? " (and " + (c.drops().size() - 1) + " more)" : "");
    }

    /** The HTML page. */
    public static String html(Retraining.Comparison c) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>osce-classify retrain</title><style>body{font:14px sans-serif;margin:2em}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px}"
                + "td.n{text-align:right}.drop{color:#b00;font-weight:bold}.up{color:#070}</style></head><body>\n");
        html.append("<h1>Candidate against current model</h1>\n<p>Current: the current model's settings trained "
                + "on the older corpus items, without corrections; candidate: the same with the corrections.</p>\n");
        for (Retraining.Part p : c.parts()) {
            html.append("<p>").append(HtmlReport.escape(p.name() + ": " + p.current().method())).append(", ")
                    .append(p.current().testItems()).append(" documents.</p>\n");
        }
        html.append("<p><strong>").append(HtmlReport.escape(verdict(c))).append("</strong></p>\n");
        html.append("<table><tr><th>measure</th><th>current</th><th>candidate</th><th>change</th>"
                + "<th>standard error</th></tr>\n");
        for (Retraining.Headline h : c.headlines()) {
            html.append("<tr").append(h.dropped() ? " class=\"drop\"" : "").append("><td>")
                    .append(HtmlReport.escape(h.name())).append("</td>").append(cell(h.current()))
                    .append(cell(h.candidate())).append(cell(h.candidate() - h.current()))
                    .append(cell(h.standardError())).append("</tr>\n");
        }
        html.append("</table>\n");
        for (Retraining.Part p : c.parts()) {
            perLabel(html, p.name() + ": fields of work, F1 per label", p.current().fields().perLabel(),
                    p.candidate().fields().perLabel());
            perLabel(html, p.name() + ": source bodies, F1 per class", p.current().sources().perLabel(),
                    p.candidate().sources().perLabel());
        }
        html.append("<h2>Documents whose labels change</h2>\n<p>").append(c.changed().size())
                .append(" documents").append(c.changed().size() > CHANGED_SHOWN ? ", the first " + CHANGED_SHOWN
                        + " shown" : "").append(".</p>\n<table><tr><th>document</th><th>fields now</th>"
                        + "<th>fields after</th><th>source now</th><th>source after</th></tr>\n");
        for (Retraining.Changed d : c.changed().subList(0, Math.min(CHANGED_SHOWN, c.changed().size()))) {
            html.append("<tr><td title=\"").append(HtmlReport.escape(d.origin())).append("\">")
                    .append(HtmlReport.escape(d.id())).append(" ").append(HtmlReport.escape(d.title()))
                    .append("</td><td>").append(HtmlReport.escape(String.join("; ", d.currentFields())))
                    .append("</td><td>").append(HtmlReport.escape(String.join("; ", d.candidateFields())))
                    .append("</td><td>").append(HtmlReport.escape(d.currentSource())).append("</td><td>")
                    .append(HtmlReport.escape(d.candidateSource())).append("</td></tr>\n");
        }
        return html.append("</table>\n</body></html>\n").toString();
    }

    private static void perLabel(StringBuilder html, String title, List<LabelScores> current,
                                 List<LabelScores> candidate) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (String label : new TreeSet<>(labels(current, candidate))) {
            rows.put(label, new double[] {Double.NaN, Double.NaN, 0});
        }
        current.forEach(l -> {
            rows.get(l.label())[0] = l.f1();
            rows.get(l.label())[2] = l.support();
        });
        candidate.forEach(l -> rows.get(l.label())[1] = l.f1());
        html.append("<h2>").append(HtmlReport.escape(title)).append("</h2>\n<table><tr><th>label</th>"
                + "<th>test items</th><th>current</th><th>candidate</th><th>change</th></tr>\n");
        rows.forEach((label, r) -> {
            double change = r[1] - r[0];
            html.append("<tr><td>").append(HtmlReport.escape(label)).append("</td><td class=\"n\">")
                    .append((int) r[2]).append("</td>").append(cell(r[0])).append(cell(r[1]))
                    .append("<td class=\"n ").append(change < 0 ? "drop" : change > 0 ? "up" : "").append("\">")
                    .append(number(change)).append("</td></tr>\n");
        });
        html.append("</table>\n");
    }

    private static List<String> labels(List<LabelScores> a, List<LabelScores> b) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        a.forEach(l -> out.add(l.label()));
        b.forEach(l -> out.add(l.label()));
        return out;
    }

    private static String cell(double value) {
        return "<td class=\"n\">" + number(value) + "</td>";
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "&ndash;" : String.format(Locale.ROOT, "%.3f", value);
    }
}
