package org.osceclassify.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Scraped pages read from files")
class PageFilesTest {

    private static final ReadOptions FAIL = ReadOptions.builder().errorPolicy(ReadOptions.ErrorPolicy.FAIL).build();

    @TempDir
    Path dir;

    private static final String PAGE = "News\nA title\n- Source:\n- ODIHR\nWARSAW, 1 June 2020 - Some text.\n";

    @Test
    @DisplayName("a folder is read recursively, in path order, .txt pages only, hidden files passed over")
    void folder() throws Exception {
        TestFiles.write(dir.resolve("b.txt"), PAGE);
        TestFiles.write(dir.resolve("a/z.txt"), PAGE);
        TestFiles.write(dir.resolve("a/y.TXT"), PAGE);
        TestFiles.write(dir.resolve("c.csv"), "id,title,text\nx,t,x\n");
        TestFiles.write(dir.resolve("notes.md"), "not a page");
        TestFiles.write(dir.resolve(".hidden.txt"), PAGE);
        TestFiles.write(dir.resolve(".git/HEAD.txt"), PAGE);
        List<OsceDocument> docs = TestFiles.readAll(dir, FAIL);
        assertEquals(List.of("y", "z", "b"), docs.stream().map(OsceDocument::id).toList());
        assertEquals(dir.resolve("a/y.TXT").toString(), docs.get(0).origin().toString());
        assertEquals(List.of("OSCE Office for Democratic Institutions and Human Rights"),
                docs.get(0).labels().sources(), "labels are normalised as for a CSV corpus");
    }

    @Test
    @DisplayName("the test pages and the seed page all load from a folder with known labels only")
    void testPagesFolder() throws Exception {
        Path pages = TestFiles.page("daily-report.txt").getParent();
        try (CorpusReader reader = Corpora.open(pages)) {
            assertEquals(6, reader.stream().count());
            assertEquals(0, reader.report().itemsSkipped());
            assertEquals(false, reader.report().hasUnknownLabels(), reader.report().toString());
        }
        Path seeds = TestFiles.seedPage().getParent();
        assertEquals(List.of("000_a9c4aad380b505f8"),
                TestFiles.readAll(seeds, FAIL).stream().map(OsceDocument::id).toList());
    }

    @Test
    @DisplayName("a binary, non-UTF-8 or empty page in a folder is skipped with its reason, the rest loads")
    void badFilesSkipped() {
        TestFiles.write(dir.resolve("1-good.txt"), PAGE);
        TestFiles.write(dir.resolve("2-binary.txt"), new byte[] {'a', '\n', 'b', 0, 'c'});
        TestFiles.write(dir.resolve("3-latin1.txt"), new byte[] {'N', 'e', 'w', 's', '\n', 'c', 'a', 'f', (byte) 0xE9});
        TestFiles.write(dir.resolve("4-empty.txt"), "");
        TestFiles.write(dir.resolve("5-menu-only.txt"), "-\nOur work\n- Elections\n");
        TestFiles.write(dir.resolve("6-good.txt"), PAGE);
        try (TestFiles.LogCapture log = new TestFiles.LogCapture(CorpusReader.class);
             CorpusReader reader = Corpora.open(dir)) {
            assertEquals(List.of("1-good", "6-good"), reader.stream().map(OsceDocument::id).toList());
            LoadReport report = reader.report();
            assertEquals(2, report.itemsRead());
            assertEquals(4, report.itemsSkipped());
            assertEquals(List.of(
                    dir.resolve("2-binary.txt") + ":2: binary file (NUL byte), not UTF-8 text",
                    dir.resolve("3-latin1.txt") + ":2: invalid UTF-8 (byte 0xE9); save the file as UTF-8",
                    dir.resolve("4-empty.txt") + ":1: empty file",
                    dir.resolve("5-menu-only.txt") + ":1: empty page: no title and no body"), report.skipReasons());
            assertTrue(log.warnings().contains(dir.resolve("4-empty.txt") + ":1: empty file (skipped)"));
        }
    }

    @Test
    @DisplayName("under FAIL the first bad page stops the read with its file and line")
    void badFileFails() {
        TestFiles.write(dir.resolve("1-good.txt"), PAGE);
        TestFiles.write(dir.resolve("2-binary.txt"), new byte[] {0});
        CorpusException e = assertThrows(CorpusException.class, () -> TestFiles.readAll(dir, FAIL));
        assertEquals(dir.resolve("2-binary.txt") + ":1", e.origin().toString());
    }

    @Test
    @DisplayName("a single page is a corpus of one; if it is bad, that is an error whatever the policy")
    void singlePage() throws Exception {
        Path page = dir.resolve("seed.txt");
        Files.copy(TestFiles.seedPage(), page, StandardCopyOption.REPLACE_EXISTING);
        assertEquals("seed", TestFiles.readAll(page, ReadOptions.defaults()).get(0).id());

        Path empty = TestFiles.write(dir.resolve("empty.txt"), "  \n\n");
        CorpusException e = assertThrows(CorpusException.class, () -> TestFiles.readAll(empty, ReadOptions.defaults()));
        assertEquals(empty + ":1: empty file", e.getMessage());
    }

    @Test
    @DisplayName("a missing file or folder is an error naming it")
    void missing() {
        Path missing = dir.resolve("nope.csv");
        CorpusException e = assertThrows(CorpusException.class, () -> Corpora.open(missing));
        assertEquals(missing + ": no such file or folder", e.getMessage());
    }

    @Test
    @DisplayName("an unreadable file is an error naming it (as root too: root's file access dropped)")
    void unreadable() throws Exception {
        Path file = TestFiles.write(dir.resolve("secret.txt"), PAGE);
        assertTrue(file.toFile().setReadable(false));
        if (!Files.isReadable(file)) {
            CorpusException e = assertThrows(CorpusException.class, () -> Corpora.open(file));
            assertEquals(file + ": cannot read: permission denied", e.getMessage());
            return;
        }
        // root reads any file: open it in a child JVM without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH
        Path setpriv = Path.of("/usr/bin/setpriv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(setpriv), "as root this needs setpriv");
        Process child = new ProcessBuilder(setpriv.toString(), "--bounding-set=-dac_override,-dac_read_search",
                "--inh-caps=-all", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), OpenCorpus.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String said = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), said);
        assertEquals(file + ": cannot read: permission denied", said.strip());
    }
}
