package org.osceclassify.classifier.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.osceclassify.model.Corpora;
import org.osceclassify.model.CorpusReader;
import org.osceclassify.model.OsceDocument;

/**
 * Splits a corpus into a training and a test CSV for {@code bench/run.sh}: a seeded shuffle, the last
 * {@code testFraction} of it for testing. Both files are written by {@link Corpora#writeCsv}, so their labels are
 * already normalised through the taxonomy: osce-classify and the Python peers read the very same labels.
 *
 * <p>Usage: {@code SplitCorpus <corpus> <train.csv> <test.csv> <testFraction> <seed>}.
 */
public final class SplitCorpus {

    private SplitCorpus() {
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: SplitCorpus <corpus> <train.csv> <test.csv> <testFraction> <seed>");
            System.exit(2);
        }
        List<OsceDocument> docs;
        try (CorpusReader reader = Corpora.open(Path.of(args[0]))) {
            docs = new ArrayList<>(reader.stream().toList());
        }
        Collections.shuffle(docs, new Random(Long.parseLong(args[4])));
        int test = (int) Math.round(docs.size() * Double.parseDouble(args[3]));
        int cut = docs.size() - test;
        Corpora.writeCsv(Path.of(args[1]), docs.subList(0, cut));
        Corpora.writeCsv(Path.of(args[2]), docs.subList(cut, docs.size()));
        System.err.println("split " + docs.size() + " items: " + cut + " to " + args[1] + ", " + test + " to "
                + args[2]);
    }
}
