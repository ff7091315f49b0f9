package org.osceclassify.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.osceclassify.classifier.BundleException;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.classifier.TrainingProfile;
import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/**
 * The model {@code classify} and {@code inspect} use when no {@code --model} is given: trained on the bundled corpus on first use
 * and cached under {@code ~/.cache/osce-classify/}, keyed by the corpus's contents, the version and the default
 * training settings, so that it is rebuilt when any of them changes. Each {@link TrainingProfile} has its own.
 */
final class DefaultModel {

    private DefaultModel() {
    }

    /** The default model of the default profile, trained and cached first if there is no readable one yet. */
    static OsceClassifier load(Terminal terminal) throws IOException {
        return cached(terminal, TrainingProfile.DEFAULT).classifier();
    }

    /** The cached default model's bundle file, trained first if there is no readable one yet. */
    static Path bundle(Terminal terminal) throws IOException {
        return bundle(terminal, TrainingProfile.DEFAULT);
    }

    /** The cached default model of a profile: each profile's is trained and cached on its own. */
    static Path bundle(Terminal terminal, TrainingProfile profile) throws IOException {
        return cached(terminal, profile).bundle();
    }

    private record Cached(Path bundle, OsceClassifier classifier) {
    }

    private static Cached cached(Terminal terminal, TrainingProfile profile) throws IOException {
        Path corpus = CorpusInput.defaultCorpus();
        if (!Files.isRegularFile(corpus)) {
            throw new UserInputException(corpus + ": the bundled corpus is not here, so there is no default "
                    + "model; give one with --model, or set OSCE_CLASSIFY_HOME to the osce-classify folder");
        }
        Path cached = cacheDir().resolve("default-" + key(Files.readAllBytes(corpus),
                new Main.Version().getVersion()[0], profile.settings()) + ".osce");
        if (Files.isRegularFile(cached)) {
            try {
                return new Cached(cached, OsceClassifier.load(cached));
            } catch (BundleException e) {
                // Written by an older osce-classify, or damaged: the default model is ours to rebuild, not to refuse.
            }
        }
        terminal.err().println("osce-classify: training the default model" + (profile == TrainingProfile.DEFAULT
                ? "" : " of the " + profile.text() + " profile") + " on " + corpus + " (once; cached as " + cached + ")");
        TrainingSettings settings = profile.settings();
        List<OsceDocument> docs = CorpusInput.of(List.of(corpus)).load(terminal, settings.fieldsLevel());
        OsceClassifier trained = OsceClassifier.train(settings, Taxonomy.bundled(), docs);
        trained.save(cached);
        return new Cached(cached, trained);
    }

    static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("osce-classify");
    }

    /** The cache key of a default model: what it is trained on, by which version, with which settings. */
    static String key(byte[] corpus, String version, TrainingSettings settings) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(corpus);
            sha.update((version + "\n" + settings).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
