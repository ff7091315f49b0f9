package org.osceclassify.model;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CSV corpus format, read as a stream of rows and written atomically.
 *
 * <p>UTF-8, RFC 4180, one header line; columns are found by name, so their order is free and extra columns are
 * ignored. {@code id}, {@code title} and {@code text} are required; {@code date} (ISO {@code YYYY-MM-DD}),
 * {@code content_type}, {@code dateline}, {@code sources}, {@code fields} and {@code locations} are optional, the
 * last three holding {@code ;}-separated lists. Rows are parsed one at a time, so a corpus of any size is read in
 * constant memory.
 *
 * <p>A row with the wrong number of fields or an empty id is a bad item (skipped or fatal as the reader's
 * {@link ReadOptions.ErrorPolicy} says). An unparseable date is only a warning: the row is kept without a
 * date. An unclosed quote, invalid UTF-8 or a missing required column ends the read with an error, because
 * what follows cannot be trusted.
 */
final class CsvCorpus implements DocumentSource {

    private static final Logger LOG = LoggerFactory.getLogger(CsvCorpus.class);

    static final List<String> COLUMNS = List.of(
            "id", "date", "content_type", "title", "text", "dateline", "sources", "fields", "locations");
    static final List<String> REQUIRED = List.of("id", "title", "text");
    private static final int QUOTE_LIMIT = 160;

    private static final CSVFormat READ_FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
    private static final CSVFormat WRITE_FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(COLUMNS.toArray(String[]::new)).get();

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int columns;
    private long lastLine;

    private CsvCorpus(Path file, CSVParser parser) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
        this.columns = parser.getHeaderNames().size();
        this.lastLine = parser.getCurrentLineNumber();
    }

    /** Opens a CSV corpus and checks its header; nothing else is read yet. */
    static CsvCorpus open(Path file) {
        Reader reader = StrictUtf8.open(file);
        CSVParser parser;
        try {
            parser = CSVParser.parse(reader, READ_FORMAT);
        } catch (CharacterCodingException e) {
            closeQuietly(reader);
            throw StrictUtf8.invalidAt(file);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            closeQuietly(reader);
            throw new CorpusException(Origin.of(file.toString(), 1), "bad CSV header: " + oneLine(e.getMessage()),
                    e);
        }
        List<String> header = parser.getHeaderNames();
        if (header.isEmpty()) {
            closeQuietly(parser);
            throw new CorpusException(Origin.of(file.toString(), 1),
                    "empty file: expected a header line " + String.join(",", COLUMNS));
        }
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                closeQuietly(parser);
                throw new CorpusException(Origin.of(file.toString(), 1), "missing column '" + column
                        + "' (a corpus needs " + String.join(", ", REQUIRED) + "; found "
                        + oneLine(String.join(",", header)) + ")");
            }
        }
        return new CsvCorpus(file, parser);
    }

    @Override
    public OsceDocument next(LoadReport.Tally tally) throws BadItem {
        CSVRecord record;
        long line = lastLine + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw StrictUtf8.invalidAt(file);
            }
            String reason = e.getCause() instanceof CSVException && quoteNeverClosed(file, line)
                    ? "a quoted field is never closed" : oneLine(rootMessage(e));
            throw new CorpusException(Origin.of(file.toString(), line), "malformed CSV: " + reason, e);
        }
        lastLine = parser.getCurrentLineNumber();
        Origin origin = Origin.of(file.toString(), line);
        if (record.size() != columns) {
            throw new BadItem(new CorpusException(origin,
                    "expected " + columns + " fields as in the header, found " + record.size()));
        }
        try {
            return document(column -> get(record, column), origin, tally);
        } catch (CorpusException e) {
            throw new BadItem(e);
        }
    }

    /**
     * The document of one row, given its cells by column name ({@code null} for a missing column): the id, title,
     * text, content type and lists as written (stripped), the date parsed (an unparseable one is logged and
     * counted, and the document kept without a date), the dateline's place normalised.
     *
     * @throws CorpusException when the id is empty
     */
    static OsceDocument document(Function<String, String> cells, Origin origin, LoadReport.Tally tally) {
        Function<String, String> cell = column -> {
            String value = cells.apply(column);
            return value == null ? "" : value.strip();
        };
        String id = cell.apply("id");
        if (id.isEmpty()) {
            throw new CorpusException(origin, "empty id");
        }
        Optional<LocalDate> date = Optional.empty();
        String dateText = cell.apply("date");
        if (!dateText.isEmpty()) {
            try {
                date = Optional.of(LocalDate.parse(dateText));
            } catch (DateTimeParseException e) {
                tally.invalidDate();
                LOG.warn("{}: date '{}' is not YYYY-MM-DD; item {} kept without a date", origin, dateText, id);
            }
        }
        return new OsceDocument(id, cell.apply("title"), cell.apply("text"), date,
                Datelines.normalisePlace(cell.apply("dateline")), cell.apply("content_type"),
                ListCells.split(cell.apply("locations")),
                new Labels(ListCells.split(cell.apply("sources")), ListCells.split(cell.apply("fields"))), origin);
    }

    /**
     * Whether a quote opened on line {@code line} or after is never closed: whether an odd number of quote
     * characters stand between the start of that line and the end of the file. Commons CSV throws one exception
     * type, {@link CSVException}, for a quoted field left open at the end of the file and for text after a
     * closing quote, so the file itself is asked, as {@link StrictUtf8#invalidAt} does for encoding errors.
     * Quotes come in pairs in RFC 4180 (around a field, and doubled inside one); a stray quote inside an unquoted
     * field can make the answer wrong, and then only the wording of the error changes. Lines end as Commons CSV
     * counts them: at {@code \n}, {@code \r\n} or a lone {@code \r}; a quote byte is never part of another
     * character in UTF-8.
     */
    private static boolean quoteNeverClosed(Path file, long line) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            long current = 1;
            boolean odd = false;
            int previous = -1;
            for (int b = in.read(); b != -1; previous = b, b = in.read()) {
                if (b == '\r' || b == '\n' && previous != '\r') {
                    current++;
                } else if (b == '"' && current >= line) {
                    odd = !odd;
                }
            }
            return odd;
        } catch (IOException e) {
            return false;
        }
    }

    private static String get(CSVRecord record, String column) {
        return record.isMapped(column) ? record.get(column).strip() : "";
    }

    /**
     * Text taken from the file for an error message, which must stay one line: line breaks (a quoted header name
     * may hold one) are shown as {@code \n}, and anything past {@value #QUOTE_LIMIT} characters is cut.
     */
    static String oneLine(String text) {
        String line = String.valueOf(text).replace("\r", "\\r").replace("\n", "\\n");
        if (line.codePointCount(0, line.length()) <= QUOTE_LIMIT) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, QUOTE_LIMIT)) + "...";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    @Override
    public void close() {
        closeQuietly(parser);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing", e);
        }
    }

    /** Looks like a corpus: a {@code .csv} name, or a first line that is a header with the required columns. */
    static boolean isCsv(Path file) {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            return true;
        }
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null) {
                return false;
            }
            List<String> names = Arrays.stream(first.replace("\uFEFF", "").split(",")).map(String::strip).toList();
            return names.containsAll(REQUIRED);
        } catch (IOException | UncheckedIOException e) {
            return false; // not text: let the page reader report what is wrong with it
        }
    }

    /**
     * Writes documents in this format to a temporary file beside {@code target}, then moves it into place
     * atomically, so a reader never sees half a corpus and a failed write leaves the old file as it was.
     *
     * @return the number of documents written
     */
    static long write(Path target, Iterable<OsceDocument> documents) {
        long written = 0;
        try (AtomicFile file = AtomicFile.beside(target)) {
            try (BufferedWriter out = Files.newBufferedWriter(file.path(), StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(out, WRITE_FORMAT)) {
                for (OsceDocument doc : documents) {
                    printer.printRecord(cells(doc));
                    written++;
                }
            }
            file.commit();
            return written;
        } catch (IOException | UncheckedIOException e) {
            throw new CorpusException(Origin.of(target.toString()), "cannot write: " + rootMessage(e), e);
        }
    }

    /** The header line of the format, with its line break. */
    static String headerLine() {
        return CSVFormat.RFC4180.format(COLUMNS.toArray()) + CSVFormat.RFC4180.getRecordSeparator();
    }

    /** One document as one complete row of the format, with its line break, as {@link #write} writes it. */
    static String row(OsceDocument doc) {
        return CSVFormat.RFC4180.format(cells(doc)) + CSVFormat.RFC4180.getRecordSeparator();
    }

    /** The cells of a document's row, in the order of {@link #COLUMNS}. */
    private static Object[] cells(OsceDocument doc) {
        return new Object[] {doc.id(), doc.date().map(LocalDate::toString).orElse(""), doc.contentType(),
                doc.title(), doc.body(), doc.place(), join(doc.labels().sources(), doc),
                join(doc.labels().fields(), doc), join(doc.locations(), doc)};
    }

    private static String join(List<String> values, OsceDocument doc) {
        for (String v : values) {
            if (v.contains(ListCells.SEPARATOR)) {
                throw new IllegalArgumentException(doc.origin() + ": the label '" + v + "' of " + doc.id()
                        + " contains '" + ListCells.SEPARATOR + "', the list separator of the CSV format");
            }
        }
        return ListCells.join(values);
    }
}
