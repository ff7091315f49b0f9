package org.osceclassify.model;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open corpus, read one document at a time: iterate it (once) or {@link #stream()} it, then look at its
 * {@link #report()}. Close it to release the file, e.g. with try-with-resources:
 *
 * <pre>{@code
 * try (CorpusReader corpus = Corpora.open(Path.of("seeds/osce-items.csv"), ReadOptions.defaults())) {
 *     for (OsceDocument doc : corpus) { ... }
 *     LoadReport report = corpus.report();
 * }
 * }</pre>
 *
 * <p>Documents come with their labels normalised through the options' taxonomy. Bad items are skipped with a
 * warning or fail the read, as {@link ReadOptions#errorPolicy()} says; an error that makes the rest of the
 * source unreadable is always thrown as a {@link CorpusException}. When the end is reached, each unknown label
 * is logged once as a warning with its count. Not thread-safe.
 */
public final class CorpusReader implements Iterable<OsceDocument>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusReader.class);

    private final String name;
    private final DocumentSource source;
    private final ReadOptions options;
    private final LoadReport.Tally tally = new LoadReport.Tally();
    private final LabelNormaliser normaliser;
    private boolean iterated;
    private boolean finished;
    private boolean closed;

    CorpusReader(String name, DocumentSource source, ReadOptions options) {
        this.name = name;
        this.source = source;
        this.options = options;
        this.normaliser = new LabelNormaliser(options, tally);
    }

    /** The file or folder being read, as the user named it. */
    public String name() {
        return name;
    }

    public ReadOptions options() {
        return options;
    }

    /**
     * The documents, read lazily from the source. A corpus is a stream, not a collection: this can be called
     * only once.
     *
     * @throws IllegalStateException on a second call, or after {@link #close()}
     */
    @Override
    public Iterator<OsceDocument> iterator() {
        if (iterated || closed) {
            throw new IllegalStateException(name + " can be read only once" + (closed ? " and is closed" : ""));
        }
        iterated = true;
        return new Iterator<>() {
            private OsceDocument next;

            @Override
            public boolean hasNext() {
                if (next == null && !finished) {
                    next = advance();
                }
                return next != null;
            }

            @Override
            public OsceDocument next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                OsceDocument doc = next;
                next = null;
                return doc;
            }
        };
    }

    /** The documents as a sequential stream; closing the stream closes this reader. */
    public Stream<OsceDocument> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }

    private OsceDocument advance() {
        while (true) {
            OsceDocument doc;
            try {
                doc = source.next(tally);
                if (doc == null) {
                    finish();
                    return null;
                }
                if (doc.title().isBlank() && doc.body().isBlank()) {
                    throw new DocumentSource.BadItem(new CorpusException(doc.origin(),
                            "empty document " + doc.id() + ": no title and no text"));
                }
            } catch (DocumentSource.BadItem bad) {
                if (options.errorPolicy() == ReadOptions.ErrorPolicy.FAIL) {
                    throw bad.error();
                }
                LOG.warn("{} (skipped)", bad.getMessage());
                tally.skipped(bad.error());
                continue;
            }
            tally.read();
            return normaliser.normalise(doc);
        }
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        LoadReport report = tally.snapshot();
        warnUnknown("field of work", report.unknownFields());
        warnUnknown("source", report.unknownSources());
        warnUnknown("location", report.unknownLocations());
        if (report.itemsSkipped() > 0) {
            LOG.warn("{}: {} items skipped", name, report.itemsSkipped());
        }
    }

    private void warnUnknown(String kind, Map<String, Long> unknown) {
        unknown.forEach((label, count) -> LOG.warn("{}: {} '{}' is not in the taxonomy; kept as written ({} items)",
                name, kind, label, count));
    }

    /** What has happened so far; complete once the documents have been read to the end. */
    public LoadReport report() {
        return tally.snapshot();
    }

    /** Releases the source. Reading stops; the report stays available. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            source.close();
        }
    }
}
