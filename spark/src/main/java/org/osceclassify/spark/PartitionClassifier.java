package org.osceclassify.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.osceclassify.classifier.Classification;
import org.osceclassify.classifier.ClassificationCsv;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.classifier.ScoredLabel;
import org.osceclassify.model.CorpusException;
import org.osceclassify.model.OsceDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies one partition of documents, lazily, row by row, with the executor's one copy of the model
 * ({@link SharedBundle#classifier()}). Bad rows are skipped and counted (the first few of a partition logged as
 * warnings). Each document is scored without explaining words ({@link OsceClassifier#scores}), as
 * {@code classify} does without {@code --explain}.
 *
 * <p>Two output forms: {@link Form#TYPED}, the input's columns with the typed results added, and
 * {@link Form#CSV}, the columns of {@code classify --format csv}, each cell as {@link ClassificationCsv} writes it.
 */
final class PartitionClassifier implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PartitionClassifier.class);
    /** How many bad rows of one partition are logged one by one. */
    private static final int LOGGED_PER_PARTITION = 10;

    /** The columns a typed classification adds (replacing input columns of the same names). */
    static final List<String> RESULT_COLUMNS = List.of("fields", "sources", "field_scores", "source_scores",
            "status");

    /** What each output row holds. */
    enum Form { TYPED, CSV }

    private static final StructType SCORE = new StructType()
            .add("label", DataTypes.StringType, false)
            .add("probability", DataTypes.DoubleType, false);

    private final SharedBundle bundle;
    private final RowDocuments documents;
    private final Form form;
    private final int topSources;
    private final int[] keptColumns;
    private final Counters counters;

    PartitionClassifier(SharedBundle bundle, StructType input, Form form, int topSources, Counters counters) {
        this.bundle = bundle;
        this.documents = RowDocuments.of(input);
        this.form = form;
        this.topSources = topSources;
        this.counters = counters;
        List<Integer> kept = new ArrayList<>();
        String[] names = input.fieldNames();
        for (int i = 0; i < names.length; i++) {
            if (!RESULT_COLUMNS.contains(names[i]) && !names[i].equals(RowDocuments.CORRUPT_RECORD)) {
                kept.add(i);
            }
        }
        this.keptColumns = kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The schema of the rows this writes for rows of {@code input}. */
    static StructType schema(StructType input, Form form) {
        if (form == Form.CSV) {
            StructType csv = new StructType();
            for (String name : ClassificationCsv.header(false)) {
                csv = csv.add(name, DataTypes.StringType, false);
            }
            return csv;
        }
        StructType typed = new StructType();
        for (StructField f : input.fields()) {
            if (!RESULT_COLUMNS.contains(f.name()) && !f.name().equals(RowDocuments.CORRUPT_RECORD)) {
                typed = typed.add(f);
            }
        }
        return typed
                .add("fields", DataTypes.createArrayType(DataTypes.StringType, false), false)
                .add("sources", DataTypes.createArrayType(DataTypes.StringType, false), false)
                .add("field_scores", DataTypes.createArrayType(SCORE, false), false)
                .add("source_scores", DataTypes.createArrayType(SCORE, false), false)
                .add("status", DataTypes.StringType, false);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        OsceClassifier classifier = bundle.classifier();
        return new Iterator<>() {
            private Row next;
            private int logged;

            @Override
            public boolean hasNext() {
                while (next == null && rows.hasNext()) {
                    Row row = rows.next();
                    OsceDocument doc;
                    try {
                        doc = documents.document(row);
                    } catch (CorpusException e) {
                        counters.skipped().add(1);
                        if (logged++ < LOGGED_PER_PARTITION) {
                            LOG.warn("row skipped: {}", e.getMessage());
                        }
                        continue;
                    }
                    next = result(row, classifier.scores(doc));
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = next;
                next = null;
                return row;
            }
        };
    }

    private Row result(Row row, Classification c) {
        counters.classified().add(1);
        switch (c.status().kind()) {
            case UNSUPPORTED_LANGUAGE -> counters.otherLanguage().add(1);
            case NO_KNOWN_WORDS -> counters.noKnownWords().add(1);
            case OK -> { }
        }
        if (form == Form.CSV) {
            return RowFactory.create(ClassificationCsv.record(c, topSources, false, ScoredLabel::probability)
                    .toArray());
        }
        List<ScoredLabel> sources = c.sources().subList(0, Math.min(topSources, c.sources().size()));
        Object[] values = new Object[keptColumns.length + RESULT_COLUMNS.size()];
        for (int i = 0; i < keptColumns.length; i++) {
            values[i] = row.get(keptColumns[i]);
        }
        int at = keptColumns.length;
        values[at] = labels(c.fields());
        values[at + 1] = labels(sources);
        values[at + 2] = scores(c.fields());
        values[at + 3] = scores(sources);
        values[at + 4] = c.status().toString();
        return RowFactory.create(values);
    }

    private static String[] labels(List<ScoredLabel> labels) {
        return labels.stream().map(ScoredLabel::label).toArray(String[]::new);
    }

    private static Row[] scores(List<ScoredLabel> labels) {
        return labels.stream().map(l -> RowFactory.create(l.label(), l.probability())).toArray(Row[]::new);
    }
}
