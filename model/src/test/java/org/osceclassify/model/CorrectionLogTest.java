package org.osceclassify.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CorrectionLogTest {

    @TempDir
    Path dir;

    private static OsceDocument statement(String title, String body, List<String> fields, List<String> sources) {
        return new OsceDocument("given-id", title, body, Optional.of(LocalDate.of(2024, 5, 3)), "Belgrade",
                "Press release", List.of("Serbia"), new Labels(sources, fields), Origin.of("request"));
    }

    @Test
    void correctionsAreCorpusRowsThatTheCorpusReaderReadsAsTheyAre() {
        Path file = dir.resolve("corrections.csv");
        OsceDocument written = Corpora.appendCorrection(file, statement("Police training",
                "The Mission trained \"police\" officers,\nin Belgrade.", List.of("Policing"),
                List.of("OSCE Mission to Serbia")));
        Corpora.appendCorrection(file, statement("Elections", "Observers watched the vote.",
                List.of("Elections"), List.of("ODIHR")));

        List<OsceDocument> read = Corpora.open(file).stream().toList();
        assertEquals(2, read.size());
        assertEquals(written.id(), read.get(0).id());
        assertTrue(read.get(0).id().matches("fb-[0-9a-f]{16}"), read.get(0).id());
        assertEquals("The Mission trained \"police\" officers, in Belgrade.", read.get(0).body(),
                "one physical line: the line break became a space");
        assertEquals(List.of("Policing"), read.get(0).labels().fields());
        assertEquals(List.of("OSCE Mission to Serbia"), read.get(0).labels().sources());
        assertEquals(Optional.of(LocalDate.of(2024, 5, 3)), read.get(0).date());
        assertEquals("id,date,content_type,title,text,dateline,sources,fields,locations",
                firstLine(file), "the columns of seeds/osce-items.csv");
    }

    @Test
    void aLaterCorrectionOfTheSameStatementSupersedesTheEarlierOne() {
        Path file = dir.resolve("corrections.csv");
        Corpora.appendCorrection(file, statement("T", "Same  text", List.of("Policing"), List.of()));
        Corpora.appendCorrection(file, statement("Other", "Another text", List.of("Elections"), List.of()));
        Corpora.appendCorrection(file, statement("T", "Same\ntext", List.of("Gender equality"), List.of()));

        assertEquals(3, Corpora.open(file).stream().count(), "the file keeps every correction");
        List<OsceDocument> corrections = Corpora.readCorrections(file, ReadOptions.defaults());
        assertEquals(2, corrections.size());
        assertEquals("Another text", corrections.get(0).body());
        assertEquals(List.of("Gender equality"), corrections.get(1).labels().fields());
    }

    @Test
    @Timeout(60)
    void concurrentWritersEachAppendCompleteRows() throws Exception {
        Path file = dir.resolve("corrections.csv");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> posts = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int writer = t;
            posts.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    Corpora.appendCorrection(file, statement("writer " + writer + " item " + i,
                            "text, with \"quotes\" ".repeat(50 + i), List.of("Policing"), List.of()));
                }
            }));
        }
        for (Future<?> post : posts) {
            post.get();
        }
        pool.shutdown();
        List<OsceDocument> read = Corpora.open(file, ReadOptions.builder()
                .errorPolicy(ReadOptions.ErrorPolicy.FAIL).build()).stream().toList();
        assertEquals(200, read.size());
        for (OsceDocument doc : read) {
            assertEquals(CorrectionLog.idOf(doc.title(), doc.body()), doc.id(), "row complete: " + doc.title());
        }
        assertEquals(1, Files.readAllLines(file).stream().filter(l -> l.startsWith("id,")).count(), "one header");
    }

    @Test
    void aTornLastLineIsCutOffWithAWarningAndTheNextAppendFollowsCleanly() throws Exception {
        Path file = dir.resolve("corrections.csv");
        Corpora.appendCorrection(file, statement("One", "First text", List.of("Policing"), List.of()));
        Files.writeString(file, "fb-0000000000000000,,,Torn,\"half a quoted te", StandardOpenOption.APPEND);

        assertEquals(1, Corpora.readCorrections(file, ReadOptions.defaults()).size());
        assertTrue(Files.readString(file).endsWith("\n"), "the torn line is gone");
        Files.writeString(file, "fb-0000000000000000,,,Torn,\"half", StandardOpenOption.APPEND);
        Corpora.appendCorrection(file, statement("Two", "Second text", List.of("Elections"), List.of()));
        List<OsceDocument> read = Corpora.open(file, ReadOptions.builder()
                .errorPolicy(ReadOptions.ErrorPolicy.FAIL).build()).stream().toList();
        assertEquals(List.of("One", "Two"), read.stream().map(OsceDocument::title).toList());
    }

    @Test
    @Timeout(120)
    void writersKilledMidWritingLeaveOnlyCompleteRows() throws Exception {
        Path file = dir.resolve("corrections.csv");
        List<Process> writers = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            writers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CorrectionWriter.class.getName(), file.toString(),
                    name).redirectError(ProcessBuilder.Redirect.DISCARD).start());
        }
        for (Process writer : writers) {
            assertEquals("writing", new BufferedReader(new InputStreamReader(writer.getInputStream(), UTF_8))
                    .readLine());
        }
        Thread.sleep(300);
        for (Process writer : writers) {
            writer.destroyForcibly();   // SIGKILL, whatever it is doing
            assertTrue(writer.waitFor(20, TimeUnit.SECONDS));
        }
        List<OsceDocument> corrections = Corpora.readCorrections(file, ReadOptions.defaults());
        assertTrue(corrections.size() >= 2, "both wrote: " + corrections.size());
        List<OsceDocument> read = Corpora.open(file, ReadOptions.builder()
                .errorPolicy(ReadOptions.ErrorPolicy.FAIL).build()).stream().toList();
        for (OsceDocument doc : read) {
            assertEquals(CorrectionLog.idOf(doc.title(), doc.body()), doc.id(), "row complete: " + doc.title());
            assertEquals(List.of("Policing"), doc.labels().fields());
        }
        assertEquals(read.size(), corrections.size(), "every statement is different");
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file, UTF_8).get(0);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
