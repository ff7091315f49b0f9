package org.osceclassify.classifier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The CSV columns of a classification, as {@code classify --format csv} and the service's CSV batches write them:
 * {@code id,fields,sources,field_scores,source_scores,status}, plus {@code words} when explained. Labels are joined
 * with {@code ;}, most probable first, scores written as {@code label=0.930}, the status in its readable form.
 */
public final class ClassificationCsv {

    private ClassificationCsv() {
    }

    /** The header's column names. */
    public static List<String> header(boolean explain) {
        List<String> names = new ArrayList<>(List.of("id", "fields", "sources", "field_scores", "source_scores",
                "status"));
        if (explain) {
            names.add("words");
        }
        return names;
    }

    /**
     * One classification's cells: its fields, its {@code topSources} best sources, each scored by {@code score}
     * (the probability, or the margin), and with {@code explain} the words that weighed most for each label.
     */
    public static List<String> record(Classification c, int topSources, boolean explain,
                                      ToDoubleFunction<ScoredLabel> score) {
        List<ScoredLabel> sources = c.sources().subList(0, Math.min(topSources, c.sources().size()));
        List<String> cells = new ArrayList<>(List.of(c.id(), labels(c.fields()), labels(sources),
                scores(c.fields(), score), scores(sources, score), c.status().toString()));
        if (explain) {
            cells.add(c.words().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue().stream().map(FeatureWeight::feature)
                            .collect(Collectors.joining(" ")))
                    .collect(Collectors.joining(" | ")));
        }
        return cells;
    }

    private static String labels(List<ScoredLabel> labels) {
        return labels.stream().map(ScoredLabel::label).collect(Collectors.joining(";"));
    }

    private static String scores(List<ScoredLabel> labels, ToDoubleFunction<ScoredLabel> score) {
        StringBuilder out = new StringBuilder();
        for (ScoredLabel l : labels) {
            if (!out.isEmpty()) {
                out.append(';');
            }
            out.append(l.label()).append('=').append(decimal(score.applyAsDouble(l)));
        }
        return out.toString();
    }

    /**
     * A number with three decimals, exactly as {@code String.format(Locale.ROOT, "%.3f", value)} writes it (half up
     * on the shortest decimal form of the double, "-0.000" for small negatives), at a fraction of its cost.
     */
    public static String decimal(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
        }
        String sign = Math.copySign(1.0, value) < 0 ? "-" : "";
        double thousandths = Math.abs(value) * 1000;
        double whole = Math.floor(thousandths);
        double fraction = thousandths - whole;
        if (thousandths < 1e9 && Math.abs(fraction - 0.5) > 1e-6) {
            // Far from a tie, every decimal form of the value rounds the same way: round here.
            long units = (long) whole + (fraction > 0.5 ? 1 : 0);
            long milli = units % 1000;
            return sign + units / 1000 + (milli < 10 ? ".00" : milli < 100 ? ".0" : ".") + milli;
        }
        String fixed = new BigDecimal(Double.toString(Math.abs(value))).setScale(3, RoundingMode.HALF_UP)
                .toPlainString();
        return sign + fixed;
    }
}
