package org.osceclassify.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.commons.csv.CSVFormat;
import org.osceclassify.classifier.Classification;
import org.osceclassify.classifier.ClassificationCsv;
import org.osceclassify.classifier.FeatureWeight;
import org.osceclassify.classifier.ScoredLabel;

/**
 * How {@code classify} writes its results: one text record per document, so that output streams in constant
 * memory and records can be formatted on several threads. CSV has the columns of {@link ClassificationCsv}
 * (plus {@code words} with {@code --explain}), scores being calibrated probabilities, or the models' margins with
 * {@code --raw-scores}. The status is the
 * {@link org.osceclassify.classifier.ClassificationStatus} in its readable form ({@code ok}, {@code no-known-words},
 * {@code unsupported-language:ru}); a document that could not be classified has no labels.
 */
enum ResultFormat {
    table, csv, jsonl;

    /** What a score is: the calibrated probability (the default) or the model's raw margin. */
    enum Score {
        PROBABILITY, MARGIN;

        double of(ScoredLabel label) {
            return this == PROBABILITY ? label.probability() : label.margin();
        }
    }

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * The format an output file's name asks for, for when {@code --format} is not given: {@code .csv} is csv,
     * {@code .jsonl} and {@code .json} are jsonl, any other name (and stdout, a null {@code output}) is table.
     */
    static ResultFormat forOutput(Path output) {
        String name = output == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return csv;
        }
        return name.endsWith(".jsonl") || name.endsWith(".json") ? jsonl : table;
    }

    /** The text written before the first record: the CSV header line, or nothing. */
    String header(boolean explain) {
        if (this != csv) {
            return "";
        }
        return CSV.format(ClassificationCsv.header(explain).toArray()) + "\n";
    }

    /**
     * One document's result, ending with a line break: its fields, its {@code top} best sources, and with
     * {@code explain} the words that weighed most. Safe to call from several threads.
     */
    String record(Classification c, int top, boolean explain, Score score) {
        List<ScoredLabel> sources = c.sources().subList(0, Math.min(top, c.sources().size()));
        return switch (this) {
            case table -> table(c, sources, explain, score);
            case csv -> CSV.format(ClassificationCsv.record(c, top, explain, score::of).toArray()) + "\n";
            case jsonl -> json(c, sources, explain, score);
        };
    }

    private static String table(Classification c, List<ScoredLabel> sources, boolean explain, Score score) {
        StringBuilder out = new StringBuilder(c.id()).append('\n');
        if (!c.status().isOk()) {
            return out.append("  not classified: ").append(c.status()).append('\n').toString();
        }
        out.append("  fields:  ").append(c.fields().stream().map(l -> l.label() + " (" + ClassificationCsv.decimal(score.of(l)) + ")")
                .collect(Collectors.joining(", "))).append('\n');
        out.append("  sources: ").append(sources.stream().map(l -> l.label() + " (" + ClassificationCsv.decimal(score.of(l)) + ")")
                .collect(Collectors.joining(", "))).append('\n');
        if (explain) {
            c.words().forEach((label, ws) -> out.append("  why ").append(label).append(": ").append(ws.stream()
                    .map(w -> w.feature() + " " + ClassificationCsv.decimal(w.weight())).collect(Collectors.joining(", ")))
                    .append('\n'));
        }
        return out.toString();
    }

    private static String json(Classification c, List<ScoredLabel> sources, boolean explain, Score score) {
        StringWriter line = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            g.writeStringField("status", c.status().toString());
            scored(g, "fields", c.fields(), score);
            scored(g, "sources", sources, score);
            if (explain) {
                g.writeObjectFieldStart("words");
                for (Map.Entry<String, List<FeatureWeight>> e : c.words().entrySet()) {
                    g.writeArrayFieldStart(e.getKey());
                    for (FeatureWeight w : e.getValue()) {
                        g.writeStartObject();
                        g.writeStringField("feature", w.feature());
                        g.writeNumberField("weight", Math.round(w.weight() * 1e4) / 1e4);
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return line.append('\n').toString();
    }

    private static void scored(JsonGenerator g, String name, List<ScoredLabel> labels, Score score)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (ScoredLabel l : labels) {
            g.writeStartObject();
            g.writeStringField("label", l.label());
            g.writeNumberField(score == Score.PROBABILITY ? "probability" : "margin",
                    Math.round(score.of(l) * 1e4) / 1e4);
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
