package org.osceclassify.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of the model module: opens corpora, parses scraped pages, writes CSV corpora.
 *
 * <p>A corpus is any of: a CSV file (see the README for its columns), a folder of scraped pages ({@code .txt},
 * read recursively in path order), or a single scraped page. Every document comes out with its labels and
 * locations normalised through the taxonomy of the {@link ReadOptions}.
 */
public final class Corpora {

    private static final Logger LOG = LoggerFactory.getLogger(Corpora.class);

    private Corpora() {
    }

    /**
     * Opens a corpus for streaming: a folder of pages, a CSV file (a {@code .csv} name, or a first line that is
     * a CSV header with the columns {@code id}, {@code title} and {@code text}), or else a single page.
     *
     * @throws CorpusException when the path does not exist, or a CSV file has no usable header
     */
    public static CorpusReader open(Path path, ReadOptions options) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        if (Files.isDirectory(path)) {
            return new CorpusReader(path.toString(), PageFiles.folder(path), options);
        }
        if (!Files.exists(path)) {
            throw new CorpusException(Origin.of(path.toString()), "no such file or folder");
        }
        if (!Files.isReadable(path)) {
            throw new CorpusException(Origin.of(path.toString()), "cannot read: permission denied");
        }
        DocumentSource source = CsvCorpus.isCsv(path) ? CsvCorpus.open(path) : PageFiles.page(path);
        return new CorpusReader(path.toString(), source, options);
    }

    /** {@link #open(Path, ReadOptions)} with {@link ReadOptions#defaults()}. */
    public static CorpusReader open(Path path) {
        return open(path, ReadOptions.defaults());
    }

    /**
     * Parses the text of a scraped page, keeping its labels exactly as the page writes them. The document's id is
     * the origin's file name without its extension.
     *
     * @throws CorpusException when the page has neither a title nor a body
     */
    public static OsceDocument parsePage(String text, Origin origin) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
        OsceDocument doc = PageParser.parse(text, PageFiles.idOf(origin.source()), origin);
        if (doc.title().isBlank() && doc.body().isBlank()) {
            throw new CorpusException(origin, "empty page: no title and no body");
        }
        return doc;
    }

    /**
     * Parses the text of a scraped page and normalises its labels through the options' taxonomy, as
     * {@link #open} does; labels the taxonomy does not know are kept and logged as a warning.
     */
    public static OsceDocument parsePage(String text, Origin origin, ReadOptions options) {
        LoadReport.Tally tally = new LoadReport.Tally();
        OsceDocument doc = new LabelNormaliser(options, tally).normalise(parsePage(text, origin));
        LoadReport report = tally.snapshot();
        report.unknownFields().keySet().forEach(l -> LOG.warn("{}: field of work '{}' is not in the taxonomy", origin, l));
        report.unknownSources().keySet().forEach(l -> LOG.warn("{}: source '{}' is not in the taxonomy", origin, l));
        return doc;
    }

    /**
     * The document of one row of a CSV corpus held elsewhere (a Spark dataset, say), exactly as {@link #open}
     * reads that row from a file: {@code cells} gives a column's value by its name, {@code null} for a column the
     * row does not have. Cells are stripped, the date parsed (an unparseable one is logged as a warning and left
     * out), the dateline's place normalised; labels are kept as written, not normalised through a taxonomy.
     *
     * @throws CorpusException when the id is empty, naming {@code origin}
     */
    public static OsceDocument csvRow(Function<String, String> cells, Origin origin) {
        return CsvCorpus.document(Objects.requireNonNull(cells, "cells"), Objects.requireNonNull(origin, "origin"),
                new LoadReport.Tally());
    }

    /**
     * The place named by the dateline that opens {@code body}, in title case as a page's place is:
     * "BELGRADE, 3 December 2015 - ..." gives {@code Belgrade}. Empty when the body opens with no dateline (a
     * place of one to four capitalised words, a comma, a date and a dash), or with one that gives only a date.
     */
    public static Optional<String> datelinePlace(String body) {
        return Datelines.find(Objects.requireNonNull(body, "body")).map(Datelines.Dateline::place)
                .filter(place -> !place.isEmpty());
    }

    /**
     * Text given as bytes, such as standard input, decoded as UTF-8 the way corpus files are: strictly, so that
     * invalid UTF-8 is refused rather than replaced, with an error naming {@code source} and the line of the first
     * bad byte ({@code <stdin>:2: invalid UTF-8 (byte 0xFF)}).
     *
     * @throws CorpusException when the bytes are not valid UTF-8
     */
    public static String decodeUtf8(byte[] bytes, String source) {
        return StrictUtf8.decode(Objects.requireNonNull(bytes, "bytes"), Objects.requireNonNull(source, "source"));
    }

    /**
     * The documents with their labels normalised as {@link #open} normalises what it reads, through {@code options}'
     * taxonomy at its fields level: a sub-topic becomes its field (or stays one, at the topics level), a former name
     * the current one, repeats dropped, unknown names kept as written. For documents read at another level, or made
     * in code.
     */
    public static List<OsceDocument> normaliseLabels(List<OsceDocument> documents, ReadOptions options) {
        LabelNormaliser normaliser = new LabelNormaliser(Objects.requireNonNull(options, "options"),
                new LoadReport.Tally());
        return documents.stream().map(normaliser::normalise).toList();
    }

    /**
     * Writes documents as a CSV corpus that {@link #open} reads back to the same documents. The file is written
     * to a temporary file in the same folder and moved into place atomically, so a failed write leaves any
     * earlier file untouched.
     *
     * @return the number of documents written
     * @throws CorpusException when the file cannot be written
     */
    public static long writeCsv(Path file, Iterable<OsceDocument> documents) {
        return CsvCorpus.write(Objects.requireNonNull(file, "file"), Objects.requireNonNull(documents, "documents"));
    }

    /**
     * Appends an analyst's correction (a document with the labels it should have) to a CSV corpus of corrections,
     * durably: when this returns, the complete row is on disk. Safe with concurrent writers, threads or processes.
     * The row's id is derived from the document's text ({@code fb-} and a hash), so that a later correction of the
     * same statement supersedes it in {@link #readCorrections}; its text is written on one line.
     *
     * @return the correction as written
     * @throws CorpusException when the file cannot be written
     */
    public static OsceDocument appendCorrection(Path file, OsceDocument correction) {
        return CorrectionLog.append(Objects.requireNonNull(file, "file"),
                Objects.requireNonNull(correction, "correction"));
    }

    /**
     * Reads a file of corrections written by {@link #appendCorrection}, keeping the last correction of each
     * statement. A last row cut short by a writer that was killed (never acknowledged) is dropped from the file
     * with a warning.
     *
     * @throws CorpusException when the file is missing or not a CSV corpus
     */
    public static List<OsceDocument> readCorrections(Path file, ReadOptions options) {
        return CorrectionLog.read(Objects.requireNonNull(file, "file"), Objects.requireNonNull(options, "options"));
    }

    /**
     * The id {@link #appendCorrection} gives a correction of this document: {@code fb-} and a hash of its title and
     * body (white space runs counted as one space), so a corpus item and its correction can be matched.
     */
    public static String correctionId(OsceDocument document) {
        return CorrectionLog.idOf(document.title(), document.body());
    }
}
