package org.osceclassify.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A CSV corpus")
class CsvCorpusTest {

    private static final String HEADER = "id,date,content_type,title,text,dateline,sources,fields,locations\n";
    private static final ReadOptions FAIL = ReadOptions.builder().errorPolicy(ReadOptions.ErrorPolicy.FAIL).build();

    @TempDir
    Path dir;

    private Path csv(String text) {
        return TestFiles.write(dir.resolve("corpus.csv"), text);
    }

    @Nested
    @DisplayName("when well formed")
    class WellFormed {

        @Test
        @DisplayName("maps every column to the document, lists split on ';' and labels normalised")
        void columns() {
            Path file = csv(HEADER
                    + "osce-1,2015-12-03,Press release,A title,BELGRADE 2015 words,BELGRADE,"
                    + "OSCE Chairmanship;ODIHR;OSCE Chairpersonship,Safety of journalists;Media laws;Elections,Russia\n");
            List<OsceDocument> docs = TestFiles.readAll(file, ReadOptions.defaults());
            assertEquals(1, docs.size());
            OsceDocument doc = docs.get(0);
            assertAll(
                    () -> assertEquals("osce-1", doc.id()),
                    () -> assertEquals(Optional.of(LocalDate.of(2015, 12, 3)), doc.date()),
                    () -> assertEquals("Press release", doc.contentType()),
                    () -> assertEquals("A title", doc.title()),
                    () -> assertEquals("BELGRADE 2015 words", doc.body()),
                    () -> assertEquals("Belgrade", doc.place()),
                    () -> assertEquals(List.of("OSCE Chairpersonship",
                            "OSCE Office for Democratic Institutions and Human Rights"), doc.labels().sources(),
                            "aliases become one canonical source, deduplicated in first-seen order"),
                    () -> assertEquals(List.of("Media freedom and development", "Elections"), doc.labels().fields()),
                    () -> assertEquals(List.of("Russian Federation"), doc.locations()),
                    () -> assertEquals(file + ":2", doc.origin().toString()));
        }

        @Test
        @DisplayName("finds columns by name in any order, ignores extra ones and tolerates missing optional ones")
        void columnsByName() {
            Path file = csv("notes,text,id,title,fields\nignore me,some words,x-1,Title,Youth\n");
            OsceDocument doc = TestFiles.readAll(file, FAIL).get(0);
            assertEquals("x-1", doc.id());
            assertEquals("some words", doc.body());
            assertEquals(List.of("Youth"), doc.labels().fields());
            assertEquals(Optional.empty(), doc.date());
            assertEquals(Labels.NONE.sources(), doc.labels().sources());
        }

        @Test
        @DisplayName("the topics level keeps sub-topics apart from their field")
        void topicsLevel() {
            Path file = csv(HEADER + "a,,,t,x,,,Safety of journalists;Media freedom and development;media laws,\n");
            ReadOptions topics = ReadOptions.builder().fieldsLevel(ReadOptions.FieldsLevel.TOPICS).build();
            assertEquals(List.of("Safety of journalists", "Media freedom and development", "Media laws"),
                    TestFiles.readAll(file, topics).get(0).labels().fields());
        }

        @Test
        @DisplayName("an unknown label is kept as written, counted in the report and logged once with its count")
        void unknownLabel() {
            Path file = csv(HEADER + "a,,,t,x,,Office of Nowhere,Basket weaving,\n"
                    + "b,,,t,x,,Office of Nowhere,Elections,\n");
            try (TestFiles.LogCapture log = new TestFiles.LogCapture(CorpusReader.class);
                 CorpusReader reader = Corpora.open(file, ReadOptions.defaults())) {
                List<OsceDocument> docs = reader.stream().toList();
                assertEquals(List.of("Office of Nowhere"), docs.get(0).labels().sources());
                assertEquals(List.of("Basket weaving"), docs.get(0).labels().fields());
                LoadReport report = reader.report();
                assertEquals(2, report.itemsRead());
                assertEquals(java.util.Map.of("Office of Nowhere", 2L), report.unknownSources());
                assertEquals(java.util.Map.of("Basket weaving", 1L), report.unknownFields());
                assertTrue(report.hasUnknownLabels());
                List<String> unknownWarnings = log.warnings().stream().filter(w -> w.contains("not in the taxonomy"))
                        .toList();
                assertEquals(2, unknownWarnings.size(), unknownWarnings.toString());
                assertTrue(unknownWarnings.stream().anyMatch(w -> w.contains("'Office of Nowhere'")
                        && w.contains("2 items")), unknownWarnings.toString());
            }
        }

        @Test
        @DisplayName("a byte-order mark and Windows line endings are accepted")
        void bomAndCrlf() {
            Path file = csv("\uFEFF" + HEADER.replace("\n", "\r\n") + "a,,,t,x,,,,\r\nb,,,t,y,,,,\r\n");
            assertEquals(List.of("a", "b"), TestFiles.readAll(file, FAIL).stream().map(OsceDocument::id).toList());
        }

        @Test
        @DisplayName("a file with another extension is read as CSV when its first line is a corpus header")
        void detectedByHeader() {
            Path file = TestFiles.write(dir.resolve("corpus.data"), HEADER + "a,,,t,x,,,,\n");
            assertEquals("a", TestFiles.readAll(file, FAIL).get(0).id());
        }

        @Test
        @DisplayName("is streamed: documents before a broken row arrive before the error is raised")
        void streamed() {
            Path file = csv(HEADER + "a,,,t,x,,,,\nb,,,t,y,,,,\nc,only,three\n");
            try (CorpusReader reader = Corpora.open(file, FAIL)) {
                Iterator<OsceDocument> it = reader.iterator();
                assertEquals("a", it.next().id());
                assertEquals("b", it.next().id());
                assertEquals(2, reader.report().itemsRead());
                CorpusException e = assertThrows(CorpusException.class, it::next);
                assertEquals(file + ":4", e.origin().toString());
            }
        }

        @Test
        @DisplayName("can be iterated only once, since it is a stream and not a list")
        void onlyOnce() {
            Path file = csv(HEADER + "a,,,t,x,,,,\n");
            try (CorpusReader reader = Corpora.open(file)) {
                reader.iterator();
                assertThrows(IllegalStateException.class, reader::iterator);
            }
        }

        @Test
        @DisplayName("closing its stream closes the reader")
        void streamCloses() {
            Path file = csv(HEADER + "a,,,t,x,,,,\n");
            CorpusReader reader = Corpora.open(file);
            try (Stream<OsceDocument> docs = reader.stream()) {
                assertEquals(1, docs.count());
            }
            assertThrows(IllegalStateException.class, reader::iterator);
        }
    }

    @Nested
    @DisplayName("when malformed")
    class Malformed {

        @Test
        @DisplayName("a row with the wrong number of fields is skipped with a warning, or fails under FAIL")
        void wrongFieldCount() {
            Path file = csv(HEADER + "a,,,t,x,,,,\nb,,,t\nc,,,t,z,,,,\n");
            try (TestFiles.LogCapture log = new TestFiles.LogCapture(CorpusReader.class);
                 CorpusReader reader = Corpora.open(file, ReadOptions.defaults())) {
                assertEquals(List.of("a", "c"), reader.stream().map(OsceDocument::id).toList());
                LoadReport report = reader.report();
                assertEquals(1, report.itemsSkipped());
                assertEquals(List.of(file + ":3: expected 9 fields as in the header, found 4"), report.skipReasons());
                assertTrue(log.warnings().contains(file + ":3: expected 9 fields as in the header, found 4 (skipped)"),
                        log.warnings().toString());
            }
            CorpusException e = assertThrows(CorpusException.class, () -> TestFiles.readAll(file, FAIL));
            assertEquals(file + ":3: expected 9 fields as in the header, found 4", e.getMessage());
        }

        @Test
        @DisplayName("an unclosed quote is an error naming the line where the bad record starts")
        void unclosedQuote() {
            Path file = csv(HEADER + "a,,,t,x,,,,\nb,,,\"never closed,x,,,,\nc,,,t,z,,,,\n");
            CorpusException e = assertThrows(CorpusException.class,
                    () -> TestFiles.readAll(file, ReadOptions.defaults()));
            assertEquals(file + ":3", e.origin().toString());
            assertEquals("malformed CSV: a quoted field is never closed", e.reason());
        }

        @Test
        @DisplayName("an unclosed quote is named as such however many quoted fields follow it")
        void unclosedQuoteBeforeQuotedFields() {
            Path file = csv(HEADER + "a,,,t,x,,,,\nb,,,\"never closed,x,,,,\nc,,,\"t\",\"z \"\"q\"\"\",,,,\n");
            CorpusException e = assertThrows(CorpusException.class,
                    () -> TestFiles.readAll(file, ReadOptions.defaults()));
            assertEquals(file + ":3", e.origin().toString());
            assertEquals("malformed CSV: a quoted field is never closed", e.reason());
        }

        @Test
        @DisplayName("text after a closing quote at the very end of the file is not taken for an unclosed quote")
        void textAfterQuoteAtTheEnd() {
            Path file = csv(HEADER + "a,,,t,x,,,,\nb,,,t,x,,,,\"quoted\" then more");
            CorpusException e = assertThrows(CorpusException.class,
                    () -> TestFiles.readAll(file, ReadOptions.defaults()));
            assertEquals(file + ":3", e.origin().toString());
            assertTrue(e.reason().startsWith("malformed CSV: "), e.reason());
            assertFalse(e.reason().contains("never closed"), e.reason());
        }

        @Test
        @DisplayName("text after a closing quote is an error naming its line")
        void textAfterQuote() {
            Path file = csv(HEADER + "a,,,t,x,,,,\nb,,,\"quoted\" then more,x,,,,\n");
            CorpusException e = assertThrows(CorpusException.class,
                    () -> TestFiles.readAll(file, ReadOptions.defaults()));
            assertEquals(file + ":3", e.origin().toString());
            assertTrue(e.reason().startsWith("malformed CSV: "), e.reason());
        }

        @Test
        @DisplayName("a header with a line break in a quoted name is an error of one line, however long the header")
        void lineBreakInHeader() {
            // Found by CsvCorpusFuzzTest (crash-0f3587ba...): the header's quote is closed only on a later line.
            Path blankName = csv("id,\"" + "a long name ".repeat(40) + "\nwith a line break\",,title,text\n1,n,,t,x\n");
            CorpusException e = assertThrows(CorpusException.class,
                    () -> TestFiles.readAll(blankName, ReadOptions.defaults()));
            assertTrue(e.getMessage().startsWith(blankName + ":1: bad CSV header: "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().length() < 300, e.getMessage());

            Path noText = csv("id,title,\"a\nlong\nname\"\n1,t,x\n");
            e = assertThrows(CorpusException.class, () -> TestFiles.readAll(noText, ReadOptions.defaults()));
            assertEquals(noText + ":1: missing column 'text' (a corpus needs id, title, text; "
                    + "found id,title,a\\nlong\\nname)", e.getMessage());
        }

        @Test
        @DisplayName("a missing required column is an error on line 1 naming the column")
        void missingColumn() {
            Path file = csv("id,date,title,body\na,,t,x\n");
            CorpusException e = assertThrows(CorpusException.class, () -> Corpora.open(file));
            assertEquals(file + ":1", e.origin().toString());
            assertTrue(e.reason().startsWith("missing column 'text'"), e.reason());
        }

        @Test
        @DisplayName("a header naming a column twice is an error on line 1")
        void duplicateColumn() {
            Path file = csv("id,title,text,title\na,t,x,u\n");
            CorpusException e = assertThrows(CorpusException.class, () -> Corpora.open(file));
            assertEquals(file + ":1", e.origin().toString());
            assertTrue(e.reason().startsWith("bad CSV header"), e.reason());
        }

        @Test
        @DisplayName("an empty file is an error: a corpus needs its header")
        void emptyFile() {
            Path file = csv("");
            CorpusException e = assertThrows(CorpusException.class, () -> Corpora.open(file));
            assertEquals(file + ":1", e.origin().toString());
            assertTrue(e.reason().startsWith("empty file"), e.reason());
        }

        @Test
        @DisplayName("a row with neither title nor text is an empty item, skipped and counted")
        void emptyItem() {
            Path file = csv(HEADER + "a,,,,,,,Elections,\nb,,,t,x,,,,\n");
            try (CorpusReader reader = Corpora.open(file)) {
                assertEquals(List.of("b"), reader.stream().map(OsceDocument::id).toList());
                assertEquals(1, reader.report().itemsSkipped());
                assertTrue(reader.report().skipReasons().get(0).startsWith(file + ":2: empty document a"));
            }
        }

        @Test
        @DisplayName("an unparseable date is a warning: the row is kept without a date")
        void badDate() {
            Path file = csv(HEADER + "a,3rd of Smarch,,t,x,,,,\n");
            try (TestFiles.LogCapture log = new TestFiles.LogCapture(CsvCorpus.class);
                 CorpusReader reader = Corpora.open(file, FAIL)) {
                List<OsceDocument> docs = reader.stream().toList();
                assertEquals(Optional.empty(), docs.get(0).date());
                assertEquals(1, reader.report().invalidDates());
                assertEquals(0, reader.report().itemsSkipped());
                assertTrue(log.warnings().get(0).startsWith(file + ":2: date '3rd of Smarch'"), log.warnings().toString());
            }
        }

        @Test
        @DisplayName("invalid UTF-8 is an error naming its line, even far beyond the reader's buffer")
        void invalidUtf8() throws IOException {
            StringBuilder rows = new StringBuilder(HEADER);
            for (int i = 0; i < 2000; i++) {
                rows.append("id-").append(i).append(",,,title,some text words,,,,\n");
            }
            byte[] good = rows.toString().getBytes(StandardCharsets.UTF_8);
            byte[] bad = "bad,,,caf\u00e9,x,,,,\n".getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = new byte[good.length + bad.length];
            System.arraycopy(good, 0, all, 0, good.length);
            System.arraycopy(bad, 0, all, good.length, bad.length);
            Path file = TestFiles.write(dir.resolve("latin1.csv"), all);
            CorpusException e = assertThrows(CorpusException.class,
                    () -> TestFiles.readAll(file, ReadOptions.defaults()));
            assertEquals(file + ":2002", e.origin().toString());
            assertTrue(e.reason().startsWith("invalid UTF-8 (byte 0xE9)"), e.reason());
        }

        @Test
        @DisplayName("a binary file is an error, not a corpus of garbage")
        void binary() {
            Path file = TestFiles.write(dir.resolve("model.csv"), new byte[] {'i', 'd', 0, 1, 2, '\n', 3});
            CorpusException e = assertThrows(CorpusException.class, () -> Corpora.open(file));
            assertEquals(file + ":1", e.origin().toString());
            assertTrue(e.reason().contains("binary"), e.reason());
        }
    }

    @Nested
    @DisplayName("when written")
    class Written {

        @Test
        @DisplayName("reads back to the same documents")
        void roundTrip() {
            List<OsceDocument> docs = new ArrayList<>(TestFiles.readAll(TestFiles.seedCorpus(), ReadOptions.defaults()));
            docs.add(Corpora.parsePage(TestFiles.read(TestFiles.page("cyrillic-news.txt")), Origin.of("c.txt"),
                    ReadOptions.defaults()));
            docs.add(Corpora.parsePage(TestFiles.read(TestFiles.seedPage()), Origin.of("seed.txt"),
                    ReadOptions.defaults()));
            Path out = dir.resolve("out.csv");
            assertEquals(docs.size(), Corpora.writeCsv(out, docs));
            List<OsceDocument> back = TestFiles.readAll(out, FAIL);
            assertEquals(docs.size(), back.size());
            for (int i = 0; i < docs.size(); i++) {
                OsceDocument expected = docs.get(i);
                OsceDocument actual = back.get(i);
                assertEquals(new OsceDocument(expected.id(), expected.title(), expected.body(), expected.date(),
                        expected.place(), expected.contentType(), expected.locations(), expected.labels(),
                        actual.origin()), actual, "document " + i);
            }
        }

        @Test
        @DisplayName("the bundled corpus is written back byte for byte")
        void sameBytes() throws IOException {
            Path out = dir.resolve("copy.csv");
            try (CorpusReader reader = Corpora.open(TestFiles.seedCorpus(),
                    ReadOptions.builder().taxonomy(new Taxonomy(List.of(), List.of(), List.of())).build())) {
                Corpora.writeCsv(out, reader);
            }
            List<String> expected = Files.readAllLines(TestFiles.seedCorpus());
            List<String> actual = Files.readAllLines(out);
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                assertEquals(expected.get(i), actual.get(i), "line " + (i + 1));
            }
            assertEquals(Files.readString(TestFiles.seedCorpus()), Files.readString(out));
        }

        @Test
        @DisplayName("replaces the target atomically and leaves no temporary file behind")
        void atomic() throws IOException {
            Path out = TestFiles.write(dir.resolve("out.csv"), "old content");
            Corpora.writeCsv(out, List.of(OsceDocument.ofText("a", "words", Origin.of("x"))));
            assertTrue(Files.readString(out).startsWith(HEADER.replace("\n", "\r\n")));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(out), files.toList());
            }
        }

        @Test
        @DisplayName("a write that fails half way leaves the old file untouched and no temporary file")
        void failedWrite() throws IOException {
            Path out = TestFiles.write(dir.resolve("out.csv"), "old content");
            Iterable<OsceDocument> failing = () -> new Iterator<>() {
                private int n;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public OsceDocument next() {
                    if (n++ == 3) {
                        throw new CorpusException(Origin.of("in.csv", 5), "broken");
                    }
                    return OsceDocument.ofText("d" + n, "words", Origin.of("x"));
                }
            };
            assertThrows(CorpusException.class, () -> Corpora.writeCsv(out, failing));
            assertEquals("old content", Files.readString(out));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(out), files.toList());
            }
        }

        @Test
        @DisplayName("a missing folder is created; a path that cannot be a file is an error naming it")
        void noFolder() throws IOException {
            Path created = dir.resolve("missing/out.csv");
            Corpora.writeCsv(created, List.of(OsceDocument.ofText("a", "x", Origin.of("x"))));
            assertTrue(Files.isRegularFile(created), "a missing folder is created");

            Path file = Files.writeString(dir.resolve("a-file"), "x");
            Path out = file.resolve("out.csv");
            CorpusException e = assertThrows(CorpusException.class,
                    () -> Corpora.writeCsv(out, List.of(OsceDocument.ofText("a", "x", Origin.of("x")))));
            assertTrue(e.getMessage().startsWith(out + ": cannot write"), e.getMessage());
            assertFalse(Files.exists(out));
        }
    }
}
