package org.osceclassify.model;

import java.io.Closeable;

/**
 * Where a {@link CorpusReader} gets its documents from, one at a time: a CSV file, a folder of pages, a page.
 * Documents come back with their labels as written; the reader normalises them.
 */
interface DocumentSource extends Closeable {

    /**
     * The next document, or {@code null} at the end.
     *
     * @throws BadItem          for an item that a reader may skip, such as a CSV row with too few fields
     * @throws CorpusException  when the source as a whole cannot be read any further
     */
    OsceDocument next(LoadReport.Tally tally) throws BadItem;

    @Override
    void close();

    /** An item that could not be read; the rest of the source can still be. */
    final class BadItem extends Exception {
        private static final long serialVersionUID = 1L;

        BadItem(CorpusException error) {
            super(error.getMessage(), error);
        }

        CorpusException error() {
            return (CorpusException) getCause();
        }
    }
}
