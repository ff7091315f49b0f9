package org.osceclassify.embeddings;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.osceclassify.features.SentenceEncoder;
import org.osceclassify.model.AtomicFile;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.CorpusReader;
import org.osceclassify.model.OsceDocument;

/**
 * Writes the sentence embeddings of a corpus's items as a CSV file, {@code id,e0,...,e383}, one row per item id
 * (the first item of an id), of the text the accurate model embeds ({@link SentenceEncoder#documentText}): so that
 * bench/peers.py can train a scikit-learn model on the very same embeddings. Run by {@code bench/quality.sh}.
 *
 * <p>Usage: {@code EmbeddingExport <corpus.csv> <out.csv>}.
 */
public final class EmbeddingExport {

    private EmbeddingExport() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Map<String, OsceDocument> items = new LinkedHashMap<>();
        try (CorpusReader reader = Corpora.open(corpus)) {
            reader.stream().forEach(d -> items.putIfAbsent(d.id(), d));
        }
        SentenceEncoder encoder = new BgeSmallEncoder();
        List<String> header = new ArrayList<>();
        header.add("id");
        for (int i = 0; i < encoder.dimension(); i++) {
            header.add("e" + i);
        }
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(header);
            List<OsceDocument> docs = List.copyOf(items.values());
            float[][] vectors = new float[docs.size()][];
            java.util.stream.IntStream.range(0, docs.size()).parallel().forEach(d -> vectors[d] = encoder.encode(
                    SentenceEncoder.documentText(docs.get(d))));
            for (int d = 0; d < docs.size(); d++) {
                List<String> row = new ArrayList<>(header.size());
                row.add(docs.get(d).id());
                for (float v : vectors[d]) {
                    row.add(Float.toString(v));
                }
                printer.printRecord(row);
            }
        }
        AtomicFile.write(out, csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        System.err.println("wrote the " + encoder.name() + " embeddings of " + items.size() + " items to " + out);
    }
}
