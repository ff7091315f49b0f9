package org.osceclassify.classifier;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.CorpusReader;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/**
 * Writes a corpus as {@code bench/peers.py} reads it: labels normalised through the taxonomy exactly as
 * {@link Training} sees them (fields at field level) and each item's fold of {@link Evaluations#crossValidate}, so
 * that the peers are measured on the same labels and the same folds as osce-classify.
 *
 * <p>Usage: {@code PeerCorpusExport <corpus> <out.csv> [folds] [seed]}: the corpus a CSV file or a folder of pages;
 * {@code folds} 0 writes a test set, every item in fold -1 (the running-text statements).
 */
public final class PeerCorpusExport {

    private PeerCorpusExport() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int folds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : TrainingSettings.defaults().seed();
        Taxonomy taxonomy = Taxonomy.bundled();
        List<OsceDocument> docs;
        try (CorpusReader reader = Corpora.open(corpus)) {
            docs = reader.stream().toList();
        }
        List<OsceDocument> labelled = Training.labelled(docs, taxonomy, TrainingSettings.defaults());
        int[] fold = folds == 0 ? new int[docs.size()] : Splits.foldOf(docs.size(), folds, seed);
        if (folds == 0) {
            java.util.Arrays.fill(fold, -1);
        }
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".peers", ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").setHeader(
                     "id", "fold", "date", "content_type", "dateline", "title", "text", "fields", "sources").get())) {
            for (int i = 0; i < docs.size(); i++) {
                OsceDocument d = labelled.get(i);
                csv.printRecord(d.id(), fold[i], d.date().map(Object::toString).orElse(""), d.contentType(),
                        d.place(), d.title(), d.body(), String.join(";", d.labels().fields()),
                        String.join(";", d.labels().sources()));
            }
        }
        Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
