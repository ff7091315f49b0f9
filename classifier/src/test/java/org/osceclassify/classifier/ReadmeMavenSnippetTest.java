package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osceclassify.model.Taxonomy;

/**
 * The {@code pom.xml} snippet of README.md builds a project that embeds the classifier, with Maven, against this
 * build's artifacts installed into a temporary local repository, and the README's Java example then runs in it.
 *
 * <p>The artifacts are this build's classes, jarred, with the modules' POMs, written into
 * {@code target/readme-m2} in the local repository's layout (never into {@code ~/.m2}). Third-party artifacts
 * come from the user's local repository, read as a file repository, and from Maven Central only for what it
 * lacks; once {@code target/readme-m2} is populated, Maven runs offline ({@code -o}) and falls back to online
 * only when that fails.
 */
class ReadmeMavenSnippetTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theReadmeSnippetBuildsAProjectThatClassifies(@TempDir Path tmp) throws Exception {
        Optional<Path> mvn = onPath("mvn");
        Assumptions.assumeTrue(mvn.isPresent(), "ReadmeMavenSnippetTest skipped: no mvn on the PATH");
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String pom = block(readme, "<!-- maven-snippet", "```xml\n");
        String example = block(readme, "<!-- embedding-example", "```java\n");
        String version = parentVersion();
        assertTrue(pom.contains("<artifactId>osce-classify-classifier</artifactId>\n      <version>" + version
                + "</version>"), "the snippet names this build's version, " + version);

        Path repo = Files.createDirectories(Path.of("target", "readme-m2").toAbsolutePath());
        install(repo, version);
        Path settings = tmp.resolve("settings.xml");
        Files.writeString(settings, settings(), StandardCharsets.UTF_8);

        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
        Path source = Files.createDirectories(project.resolve("src/main/java")).resolve("EmbeddingExample.java");
        Files.writeString(source, example, StandardCharsets.UTF_8);
        List<String> build = new ArrayList<>(List.of(mvn.get().toString(), "-B", "-q", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repo, "compile",
                "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath",
                "-Dmdep.outputFile=classpath.txt"));
        build.add(2, "-o");
        Result offline = run(project, build);
        if (offline.code() != 0) {
            build.remove("-o"); // the first run, or the snippet needs something new: fetch it once
            Result online = run(project, build);
            assertEquals(0, online.code(), "mvn compile of the README's snippet:\n" + online.output());
        }

        Path bundle = tmp.resolve("model.osce");
        OsceClassifier.train(TrainingSettings.defaults(), Taxonomy.bundled(), TestCorpus.themed(60, 7)).save(bundle);
        String classpath = project.resolve("target/classes") + File.pathSeparator
                + Files.readString(project.resolve("classpath.txt"), StandardCharsets.UTF_8).strip();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Result example1 = run(project, List.of(java.toString(), "-cp", classpath, "EmbeddingExample",
                bundle.toString()));

        assertEquals(0, example1.code(), example1.output());
        List<String> lines = example1.stdout().lines().toList();
        assertEquals(3, lines.size(), example1.output());
        assertTrue(lines.get(0).startsWith("[Policing (0."), example1.output());
        assertEquals("OSCE Mission to Serbia", lines.get(1));
        assertEquals("", example1.stderr(), "with the snippet's SLF4J provider, no 'No SLF4J providers were found' "
                + "and no log line of the library");
    }

    /** The text of the fenced block that follows {@code marker}. */
    static String block(String readme, String marker, String fence) {
        int at = readme.indexOf(marker);
        assertTrue(at >= 0, "README.md has " + marker);
        int start = readme.indexOf(fence, at) + fence.length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    private static String parentVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>osce-classify-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8));
        assertTrue(m.find());
        return m.group(1);
    }

    /** This build's parent POM and its model, features and classifier modules, in the local repository's layout. */
    private static void install(Path repo, String version) throws IOException {
        Path group = repo.resolve("org/osceclassify");
        Path parent = Files.createDirectories(group.resolve("osce-classify-parent").resolve(version));
        Files.copy(ROOT.resolve("pom.xml"), parent.resolve("osce-classify-parent-" + version + ".pom"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        for (String module : List.of("model", "features", "classifier")) {
            String artifact = "osce-classify-" + module;
            Path dir = Files.createDirectories(group.resolve(artifact).resolve(version));
            Files.copy(ROOT.resolve(module).resolve("pom.xml"), dir.resolve(artifact + "-" + version + ".pom"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            jar(ROOT.resolve(module).resolve("target/classes"), dir.resolve(artifact + "-" + version + ".jar"));
        }
    }

    private static void jar(Path classes, Path jar) throws IOException {
        assertTrue(Files.isDirectory(classes), classes + " is built");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (Path file : files) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    /** The user's local repository as a file repository, read only and releases only, before Maven Central. */
    private static String settings() {
        Path userRepo = Path.of(System.getProperty("user.home"), ".m2", "repository");
        String repository = "<id>user-m2</id><url>" + userRepo.toUri() + "</url>"
                + "<releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots>";
        return "<settings><profiles><profile><id>user-m2</id>"
                + "<repositories><repository>" + repository + "</repository></repositories>"
                + "<pluginRepositories><pluginRepository>" + repository + "</pluginRepository></pluginRepositories>"
                + "</profile></profiles><activeProfiles><activeProfile>user-m2</activeProfile></activeProfiles>"
                + "</settings>\n";
    }

    /** A process's exit code, stdout and stderr. */
    private record Result(int code, String stdout, String stderr) {
        String output() {
            return stdout + stderr;
        }
    }

    private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "run", ".out");
        Path err = Files.createTempFile(dir, "run", ".err");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    /** The first executable of one of these names in a folder of the PATH. */
    static Optional<Path> onPath(String... names) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(folder -> Stream.of(names).map(name -> Path.of(folder, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
