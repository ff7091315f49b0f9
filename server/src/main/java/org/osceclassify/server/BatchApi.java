package org.osceclassify.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.osceclassify.server.DocumentRequests.DocumentRequest;

/**
 * {@code POST /v1/classify/batch}: many documents in one request, answered in input order as each is classified.
 * A JSON array (up to {@link ServerSettings#maxBatch()} documents) is read and checked whole before the answer
 * starts, so a bad document is a 400 and too many a 413; JSON lines ({@code application/x-ndjson}) and CSV
 * ({@code text/csv}: columns {@code text}, optional {@code id} and {@code title}) are streamed in and out, each bad
 * line answered with its error in place. {@code ?format=json|jsonl|csv} chooses the answer's form; by default it
 * is that of the upload.
 */
final class BatchApi {

    private final Services services;

    BatchApi(Services services) {
        this.services = services;
    }

    void classify(Context ctx) throws IOException {
        ServedModel model = services.models().current();
        boolean explain = Routes.explain(ctx);
        String type = Bodies.mediaType(ctx);
        ServerSettings limits = services.settings();
        switch (type) {
            case "application/json" -> {
                List<DocumentRequest> docs = jsonArray(ctx, limits);
                answer(ctx, model, explain, BatchOutput.Format.JSON, docs.iterator(), null);
            }
            case "application/x-ndjson", "application/jsonl", "application/jsonlines" -> {
                BufferedReader lines = reader(ctx, limits.maxUploadBytes());
                answer(ctx, model, explain, BatchOutput.Format.JSONL, null, out -> jsonLines(lines, model, explain, out));
            }
            case "text/csv" -> {
                CSVParser csv = csv(reader(ctx, limits.maxUploadBytes()));
                answer(ctx, model, explain, BatchOutput.Format.CSV, null, out -> csvRows(csv, model, explain, out));
            }
            default -> throw ApiException.unsupportedType("expected Content-Type application/json (an array), "
                    + "application/x-ndjson or text/csv, got " + (type.isEmpty() ? "none" : type));
        }
    }

    private interface Streamer {
        void run(BatchOutput out) throws IOException;
    }

    private void answer(Context ctx, ServedModel model, boolean explain, BatchOutput.Format byDefault,
                        Iterator<DocumentRequest> docs, Streamer streamer) throws IOException {
        String asked = ctx.queryParam("format");
        BatchOutput.Format format = asked == null ? byDefault : BatchOutput.Format.named(asked);
        ctx.status(200).contentType(format.mediaType);
        if (format == BatchOutput.Format.CSV) {
            ctx.header("Content-Disposition", "attachment; filename=\"classified.csv\"");
        }
        try (BatchOutput out = BatchOutput.open(format, ctx.res().getOutputStream(), model, explain)) {
            if (docs != null) {
                while (docs.hasNext()) {
                    out.document(docs.next().classify(model.classifier(), explain));
                    services.metrics().classified(1);
                }
            } else {
                streamer.run(out);
            }
        }
    }

    private List<DocumentRequest> jsonArray(Context ctx, ServerSettings limits) throws IOException {
        int max = limits.maxBatch();
        List<DocumentRequest> docs = new ArrayList<>();
        try (InputStream in = Bodies.limited(ctx, limits.maxUploadBytes());
             JsonParser parser = ClassificationJson.MAPPER.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ApiException.badRequest("a JSON batch is an array of documents");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (docs.size() == max) {
                    throw ApiException.tooLarge("a JSON batch holds at most " + max + " documents; send more as "
                            + "JSON lines or CSV, or in several batches");
                }
                JsonNode node = parser.readValueAsTree();
                docs.add(DocumentRequests.read(node, "doc-" + (docs.size() + 1)));
            }
        } catch (JacksonException e) {
            throw ApiException.badRequest("invalid JSON: " + e.getOriginalMessage());
        }
        return docs;
    }

    private void jsonLines(BufferedReader lines, ServedModel model, boolean explain, BatchOutput out)
            throws IOException {
        int number = 0;
        try (lines) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String id = "line-" + number;
                try {
                    JsonNode node = ClassificationJson.MAPPER.readTree(line);
                    out.document(DocumentRequests.read(node, id).classify(model.classifier(), explain));
                    services.metrics().classified(1);
                } catch (JacksonException e) {
                    out.error(id, "invalid JSON: " + e.getOriginalMessage());
                } catch (ApiException e) {
                    out.error(id, e.getMessage());
                }
            }
        } catch (ApiException e) {
            out.error("line-" + (number + 1), e.getMessage());
        }
    }

    private static CSVParser csv(BufferedReader reader) throws IOException {
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
        if (!parser.getHeaderMap().containsKey("text")) {
            parser.close();
            throw ApiException.badRequest("a CSV batch needs a \"text\" column (and may have \"id\" and \"title\")");
        }
        return parser;
    }

    private void csvRows(CSVParser csv, ServedModel model, boolean explain, BatchOutput out) throws IOException {
        boolean hasId = csv.getHeaderMap().containsKey("id");
        boolean hasTitle = csv.getHeaderMap().containsKey("title");
        long row = 0;
        try (csv) {
            for (CSVRecord record : csv) {
                row++;
                String id = hasId && record.isSet("id") && !record.get("id").isBlank() ? record.get("id") : "row-" + row;
                if (!record.isConsistent()) {
                    out.error(id, "line " + record.getParser().getCurrentLineNumber() + ": " + record.size()
                            + " fields, the header has " + csv.getHeaderMap().size());
                    continue;
                }
                String title = hasTitle ? record.get("title") : "";
                DocumentRequest doc = hasTitle
                        ? new DocumentRequest(id, null, title, record.get("text"), null)
                        : new DocumentRequest(id, record.get("text"), null, null, null);
                out.document(doc.classify(model.classifier(), explain));
                services.metrics().classified(1);
            }
        } catch (UncheckedIOException | IllegalStateException | ApiException e) {
            out.error("row-" + (row + 1), "the CSV cannot be read further: " + ModelHolder.oneLine(e));
        }
    }

    private static BufferedReader reader(Context ctx, long limit) throws IOException {
        return new BufferedReader(new InputStreamReader(Bodies.limited(ctx, limit), StandardCharsets.UTF_8));
    }
}
