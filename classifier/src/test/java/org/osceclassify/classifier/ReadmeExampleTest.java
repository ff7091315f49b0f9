package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osceclassify.model.Taxonomy;

/** The embedding example in README.md compiles against this module and runs on a real bundle. */
class ReadmeExampleTest {

    private static final String MARKER = "<!-- embedding-example";

    @Test
    void theReadmeExampleCompilesAndClassifies(@TempDir Path tmp) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int marker = readme.indexOf(MARKER);
        assertTrue(marker >= 0, "README.md has the embedding example");
        int start = readme.indexOf("```java\n", marker) + "```java\n".length();
        String source = readme.substring(start, readme.indexOf("```", start));
        Path file = tmp.resolve("EmbeddingExample.java");
        Files.writeString(file, source, StandardCharsets.UTF_8);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, null, diagnostics, "-d", tmp.toString(),
                "-cp", System.getProperty("java.class.path"), file.toString());
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));

        Path bundle = tmp.resolve("model.osce");
        OsceClassifier.train(TrainingSettings.defaults(), Taxonomy.bundled(), TestCorpus.themed(60, 7)).save(bundle);
        String output = run(tmp, bundle);

        List<String> lines = output.lines().toList();
        assertEquals(3, lines.size(), output);
        assertTrue(lines.get(0).startsWith("[Policing (0."), output);
        assertEquals("OSCE Mission to Serbia", lines.get(1));
    }

    private static String run(Path classes, Path bundle) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeExampleTest.class.getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass("EmbeddingExample").getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {bundle.toString()});
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
