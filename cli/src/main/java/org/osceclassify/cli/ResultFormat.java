package org.osceclassify.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.osceclassify.classifier.Classification;
import org.osceclassify.classifier.ScoredLabel;

/**
 * How {@code classify} writes its results, one document at a time so that output streams in constant memory.
 * CSV has the columns {@code id,fields,sources,field_scores,source_scores} (plus {@code words} with
 * {@code --explain}); labels are joined with {@code ;}, best first, and scores written as {@code label=0.93}.
 */
enum ResultFormat {
    table, csv, jsonl;

    /** Writes classifications in one format; {@link #close()} flushes but does not close the underlying writer. */
    interface Writer extends AutoCloseable {
        void write(Classification c) throws IOException;

        @Override
        void close() throws IOException;
    }

    Writer open(PrintWriter out, int top, boolean explain) throws IOException {
        return switch (this) {
            case table -> new TableWriter(out, top, explain);
            case csv -> new CsvWriter(out, top, explain);
            case jsonl -> new JsonLinesWriter(out, top, explain);
        };
    }

    static String labels(List<ScoredLabel> labels) {
        return labels.stream().map(ScoredLabel::label).collect(Collectors.joining(";"));
    }

    static String scores(List<ScoredLabel> labels) {
        return labels.stream().map(l -> l.label() + "=" + score(l.score())).collect(Collectors.joining(";"));
    }

    static String score(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String words(Map<String, List<ScoredLabel>> words) {
        return words.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().stream().map(ScoredLabel::label)
                        .collect(Collectors.joining(" ")))
                .collect(Collectors.joining(" | "));
    }

    private static final class TableWriter implements Writer {
        private final PrintWriter out;
        private final int top;
        private final boolean explain;

        TableWriter(PrintWriter out, int top, boolean explain) {
            this.out = out;
            this.top = top;
            this.explain = explain;
        }

        @Override
        public void write(Classification c) {
            out.println(c.id());
            out.println("  fields:  " + c.fields().stream().map(l -> l.label() + " (" + score(l.score()) + ")")
                    .collect(Collectors.joining(", ")));
            out.println("  sources: " + c.sources().stream().limit(top)
                    .map(l -> l.label() + " (" + score(l.score()) + ")").collect(Collectors.joining(", ")));
            if (explain) {
                c.words().forEach((label, ws) -> out.println("  why " + label + ": " + ws.stream()
                        .map(w -> w.label() + " " + score(w.score())).collect(Collectors.joining(", "))));
            }
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    private static final class CsvWriter implements Writer {
        private final CSVPrinter printer;
        private final int top;
        private final boolean explain;

        CsvWriter(PrintWriter out, int top, boolean explain) throws IOException {
            String[] header = explain
                    ? new String[] {"id", "fields", "sources", "field_scores", "source_scores", "words"}
                    : new String[] {"id", "fields", "sources", "field_scores", "source_scores"};
            this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header)
                    .setRecordSeparator("\n").get());
            this.top = top;
            this.explain = explain;
        }

        @Override
        public void write(Classification c) throws IOException {
            List<ScoredLabel> sources = c.sources().subList(0, Math.min(top, c.sources().size()));
            if (explain) {
                printer.printRecord(c.id(), labels(c.fields()), labels(sources), scores(c.fields()), scores(sources),
                        words(c.words()));
            } else {
                printer.printRecord(c.id(), labels(c.fields()), labels(sources), scores(c.fields()), scores(sources));
            }
        }

        @Override
        public void close() throws IOException {
            printer.flush();
        }
    }

    private static final class JsonLinesWriter implements Writer {
        private final PrintWriter out;
        private final JsonFactory json = new JsonFactory();
        private final int top;
        private final boolean explain;

        JsonLinesWriter(PrintWriter out, int top, boolean explain) {
            this.out = out;
            this.top = top;
            this.explain = explain;
        }

        @Override
        public void write(Classification c) throws IOException {
            java.io.StringWriter line = new java.io.StringWriter();
            try (JsonGenerator g = json.createGenerator(line)) {
                g.writeStartObject();
                g.writeStringField("id", c.id());
                scored(g, "fields", c.fields());
                scored(g, "sources", c.sources().subList(0, Math.min(top, c.sources().size())));
                if (explain) {
                    g.writeObjectFieldStart("words");
                    for (Map.Entry<String, List<ScoredLabel>> e : c.words().entrySet()) {
                        scored(g, e.getKey(), e.getValue());
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            out.println(line);
        }

        private static void scored(JsonGenerator g, String name, List<ScoredLabel> labels) throws IOException {
            g.writeArrayFieldStart(name);
            for (ScoredLabel l : labels) {
                g.writeStartObject();
                g.writeStringField("label", l.label());
                g.writeNumberField("score", Math.round(l.score() * 1e4) / 1e4);
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
