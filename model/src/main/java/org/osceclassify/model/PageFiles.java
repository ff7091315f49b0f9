package org.osceclassify.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scraped pages read from files: one page, or every {@code .txt} file under a folder.
 *
 * <p>A folder is walked recursively and its pages are read in the order of their paths relative to the folder,
 * so that the same folder always gives the same corpus. Only {@code .txt} files are pages; other files (and
 * anything hidden, whose name starts with a dot) are passed over with a debug message, so a folder can hold
 * notes or the CSV files of other corpora. A page that cannot be read (binary, not UTF-8, empty, unreadable, or
 * a {@code .txt} name that is not a regular file: a broken link, a named pipe, a device) is a bad item
 * that the reader's {@link ReadOptions.ErrorPolicy} decides about; a single page given on its own is not, since
 * then it is the whole corpus, and its error is thrown.
 */
final class PageFiles implements DocumentSource {

    private static final Logger LOG = LoggerFactory.getLogger(PageFiles.class);

    private final Iterator<Path> files;
    private final boolean single;

    private PageFiles(List<Path> files, boolean single) {
        this.files = files.iterator();
        this.single = single;
    }

    static PageFiles page(Path file) {
        return new PageFiles(List.of(file), true);
    }

    static PageFiles folder(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> pages = walk
                    .filter(p -> !p.equals(dir))
                    .filter(p -> !isHidden(dir.relativize(p)))
                    .filter(p -> !Files.isDirectory(p))
                    .filter(p -> {
                        boolean page = p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
                        if (!page) {
                            LOG.debug("{}: not a .txt page, passed over", p);
                        }
                        return page;
                    })
                    .sorted(Comparator.comparing(p -> dir.relativize(p).toString()))
                    .toList();
            return new PageFiles(pages, false);
        } catch (IOException | UncheckedIOException e) {
            throw new CorpusException(Origin.of(dir.toString()), "cannot list the folder: " + e.getMessage(), e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The id of a page: its file name without the extension. */
    static String idOf(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Override
    public OsceDocument next(LoadReport.Tally tally) throws BadItem {
        if (!files.hasNext()) {
            return null;
        }
        Path file = files.next();
        try {
            if (!single && !Files.isRegularFile(file)) {
                throw new CorpusException(Origin.of(file.toString()),
                        "not a regular file (a broken link, a named pipe or a device)");
            }
            String text = StrictUtf8.read(file);
            OsceDocument doc = PageParser.parse(text, idOf(file.getFileName().toString()),
                    Origin.of(file.toString()));
            if (doc.title().isBlank() && doc.body().isBlank()) {
                throw new CorpusException(Origin.of(file.toString(), 1),
                        text.isBlank() ? "empty file" : "empty page: no title and no body");
            }
            return doc;
        } catch (CorpusException e) {
            if (single) {
                throw e;
            }
            throw new BadItem(e);
        }
    }

    @Override
    public void close() {
        // nothing is held open between pages
    }
}
