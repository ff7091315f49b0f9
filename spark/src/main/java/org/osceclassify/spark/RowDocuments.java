package org.osceclassify.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.CorpusException;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Origin;

/**
 * Turns the rows of a dataset into documents, as the command line reads the same data from files.
 *
 * <p>A dataset with a {@code text} column holds corpus rows: {@code id} and {@code text} are required,
 * {@code title}, {@code date}, {@code dateline} and {@code content_type} optional, read as {@link Corpora#csvRow}
 * reads a CSV corpus's row (label columns are never read). A dataset with a {@code page} column instead holds
 * whole scraped pages ({@link OsceSpark#readPages}), parsed as {@code classify} parses a page file. Any column's
 * value is taken as text, so a numeric id in JSON or Parquet works. A row that Spark's reader could not parse
 * (its {@value #CORRUPT_RECORD} column is set), that has an empty id, that has neither title nor text, or whose page is empty is bad:
 * {@link #document} throws.
 */
final class RowDocuments implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The column in which Spark's CSV and JSON readers keep a row they could not parse. */
    static final String CORRUPT_RECORD = "_corrupt_record";
    /** The columns read from a corpus row besides {@code id} and {@code text}. */
    static final List<String> OPTIONAL = List.of("title", "date", "dateline", "content_type");

    private final String[] names;
    private final int[] indexes;
    private final int idIndex;
    private final int pageIndex;
    private final int corruptIndex;

    private RowDocuments(String[] names, int[] indexes, int idIndex, int pageIndex, int corruptIndex) {
        this.names = names;
        this.indexes = indexes;
        this.idIndex = idIndex;
        this.pageIndex = pageIndex;
        this.corruptIndex = corruptIndex;
    }

    /**
     * The reader of rows of {@code schema}.
     *
     * @throws IllegalArgumentException when a required column is missing, naming it and the columns found
     */
    static RowDocuments of(StructType schema) {
        List<String> found = Arrays.asList(schema.fieldNames());
        boolean pages = !found.contains("text") && found.contains("page");
        for (String required : pages ? List.of("id", "page") : List.of("id", "text")) {
            if (!found.contains(required)) {
                throw new IllegalArgumentException("the documents have no column '" + required
                        + "' (they need id and text; title, date, dateline and content_type are optional; found "
                        + String.join(", ", found) + ")");
            }
        }
        int corrupt = found.indexOf(CORRUPT_RECORD);
        int id = found.indexOf("id");
        if (pages) {
            return new RowDocuments(new String[0], new int[0], id, found.indexOf("page"), corrupt);
        }
        List<String> read = new java.util.ArrayList<>(List.of("id", "text"));
        OPTIONAL.stream().filter(found::contains).forEach(read::add);
        return new RowDocuments(read.toArray(String[]::new), read.stream().mapToInt(found::indexOf).toArray(), id,
                -1, corrupt);
    }

    /**
     * The document of a row.
     *
     * @throws CorpusException when the row is bad, saying why
     */
    OsceDocument document(Row row) {
        String id = text(row, idIndex);
        Origin origin = Origin.of(id == null || id.isBlank() ? "<row>" : id.strip());
        if (corruptIndex >= 0 && !row.isNullAt(corruptIndex)) {
            throw new CorpusException(origin, "malformed row: " + oneLine(row.get(corruptIndex).toString()));
        }
        if (pageIndex >= 0) {
            String page = text(row, pageIndex);
            if (id == null || id.isBlank()) {
                throw new CorpusException(origin, "empty id");
            }
            if (page == null || page.isBlank()) {
                throw new CorpusException(origin, "empty page");
            }
            OsceDocument doc = OsceClassifier.pageDocument(id.strip(), page);
            if (doc.title().isBlank() && doc.body().isBlank()) {
                throw new CorpusException(origin, "empty page: no title and no body");
            }
            return doc;
        }
        OsceDocument doc = Corpora.csvRow(column -> {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(column)) {
                    return text(row, indexes[i]);
                }
            }
            return null;
        }, origin);
        if (doc.title().isBlank() && doc.body().isBlank()) {
            throw new CorpusException(origin, "empty document " + doc.id() + ": no title and no text");
        }
        return doc;
    }

    private static String text(Row row, int index) {
        return row.isNullAt(index) ? null : row.get(index).toString();
    }

    private static String oneLine(String text) {
        String line = text.replace("\r", "\\r").replace("\n", "\\n");
        return line.length() <= 160 ? line : line.substring(0, 160) + "...";
    }
}
