package org.osceclassify.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** Where the test data lives, and small helpers the tests share. */
final class TestFiles {

    private TestFiles() {
    }

    /** The repository root: the parent of the model module. */
    static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        return Files.isDirectory(dir.resolve("labels")) ? dir : dir.getParent();
    }

    static Path seedCorpus() {
        return repository().resolve("seeds/osce-items.csv");
    }

    static Path seedPage() {
        return repository().resolve("seeds/pages/000_a9c4aad380b505f8.txt");
    }

    static Path page(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/pages/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything read from a corpus, with the reader closed. */
    static List<OsceDocument> readAll(Path path, ReadOptions options) {
        try (CorpusReader reader = Corpora.open(path, options)) {
            List<OsceDocument> docs = new ArrayList<>();
            reader.forEach(docs::add);
            return docs;
        }
    }

    /** Captures what a class logs while a test runs; call {@link LogCapture#close()} when done. */
    static final class LogCapture implements AutoCloseable {
        private final Logger logger;
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        LogCapture(Class<?> type) {
            logger = (Logger) LoggerFactory.getLogger(type);
            appender.start();
            logger.addAppender(appender);
        }

        List<String> warnings() {
            return appender.list.stream()
                    .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }

        @Override
        public void close() {
            logger.detachAppender(appender);
        }
    }
}
