package org.osceclassify.server;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.osceclassify.classifier.Classification;
import org.osceclassify.classifier.ClassificationCsv;
import org.osceclassify.classifier.ScoredLabel;

/**
 * A batch's answer, written one document at a time as each is classified, in input order: a JSON array, JSON
 * lines, or CSV with the columns of {@code osce-classify classify --format csv}
 * ({@code id,fields,sources,field_scores,source_scores,status}; the three best sources). A document that could not
 * be read gets an entry with its {@code error} (JSON) or {@code error: ...} as its status (CSV), so one bad row
 * does not lose the rest of a streamed upload.
 */
abstract class BatchOutput implements AutoCloseable {

    /** The formats a batch can answer in, and their media types. */
    enum Format {
        JSON("application/json"), JSONL("application/x-ndjson"), CSV("text/csv; charset=utf-8");

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        static Format named(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("unknown format \"" + name + "\": json, jsonl or csv");
            }
        }
    }

    protected final Writer out;

    private BatchOutput(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    static BatchOutput open(Format format, OutputStream out, ServedModel model, boolean explain) throws IOException {
        BatchOutput output = switch (format) {
            case JSON -> new Json(out, model, explain, true);
            case JSONL -> new Json(out, model, explain, false);
            case CSV -> new Csv(out);
        };
        output.begin();
        return output;
    }

    abstract void begin() throws IOException;

    abstract void document(Classification c) throws IOException;

    abstract void error(String id, String message) throws IOException;

    abstract void end() throws IOException;

    @Override
    public void close() throws IOException {
        end();
        out.flush();
    }

    private static final class Json extends BatchOutput {
        private final ServedModel model;
        private final boolean explain;
        private final boolean array;
        private boolean first = true;

        Json(OutputStream out, ServedModel model, boolean explain, boolean array) {
            super(out);
            this.model = model;
            this.explain = explain;
            this.array = array;
        }

        @Override
        void begin() throws IOException {
            if (array) {
                out.write('[');
            }
        }

        @Override
        void document(Classification c) throws IOException {
            item(ClassificationJson.of(c, model, explain));
        }

        @Override
        void error(String id, String message) throws IOException {
            item(ClassificationJson.MAPPER.createObjectNode().put("id", id).put("error", message));
        }

        private void item(ObjectNode node) throws IOException {
            if (array && !first) {
                out.write(',');
            }
            first = false;
            out.write(node.toString());
            if (!array) {
                out.write('\n');
            }
        }

        @Override
        void end() throws IOException {
            if (array) {
                out.write("]\n");
            }
        }
    }

    private static final class Csv extends BatchOutput {
        private static final int SOURCES = 3;
        private final CSVPrinter printer;

        Csv(OutputStream out) throws IOException {
            super(out);
            this.printer = new CSVPrinter(this.out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
        }

        @Override
        void begin() throws IOException {
            printer.printRecord(ClassificationCsv.header(false));
        }

        @Override
        void document(Classification c) throws IOException {
            printer.printRecord(ClassificationCsv.record(c, SOURCES, false, ScoredLabel::probability));
        }

        @Override
        void error(String id, String message) throws IOException {
            printer.printRecord(id, "", "", "", "", "error: " + message);
        }

        @Override
        void end() {
        }
    }
}
