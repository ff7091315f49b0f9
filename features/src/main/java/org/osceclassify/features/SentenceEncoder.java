package org.osceclassify.features;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

import org.osceclassify.model.OsceDocument;

/**
 * Turns a text into a dense vector, a sentence embedding, with a model fixed at build time: the semantic feature
 * family of the {@code words+sentences} ensemble. Implementations (the {@code embeddings} module's) are found at
 * run time through {@link ServiceLoader}, so that a module that needs none of them, and an application that only
 * embeds the word model, does not carry the encoder's model and runtime on its class path.
 *
 * <p>A model trained on one encoder's vectors is meaningless on another's: {@link #checksum()} names the exact
 * model bytes, and a bundle records it. An encoder is thread-safe, and the same text gives the same vector.
 */
public interface SentenceEncoder {

    /** The model's name, as a bundle's manifest records it, such as {@code bge-small-en-v1.5-q}. */
    String name();

    /** {@code sha256:} and the hex SHA-256 of the model's bytes: which model exactly, for the bundle to check. */
    String checksum();

    /** The length of every vector {@link #encode} returns. */
    int dimension();

    /** The text's vector, {@link #dimension()} long; a blank text gives the zero vector. */
    float[] encode(String text);

    /**
     * The text of a document that its embedding is of: its title, a line break and its text (the title alone or
     * the text alone when the other is blank), as the probe that measured embeddings on this corpus read them.
     */
    static String documentText(OsceDocument doc) {
        if (doc.title().isBlank()) {
            return doc.body();
        }
        return doc.body().isBlank() ? doc.title() : doc.title() + "\n" + doc.body();
    }

    /**
     * The encoders on the class path, by name; empty when no encoder module is there. Each is made once per call
     * of the service loader; implementations load their model lazily, on the first {@link #encode} or
     * {@link #checksum}.
     */
    static List<SentenceEncoder> installed() {
        return Installed.ENCODERS;
    }

    /** The installed encoder of this name, if any. */
    static Optional<SentenceEncoder> named(String name) {
        return installed().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The encoders the service loader found, once per class loader of this interface. */
    final class Installed {
        private static final List<SentenceEncoder> ENCODERS = ServiceLoader.load(SentenceEncoder.class,
                        SentenceEncoder.class.getClassLoader()).stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(SentenceEncoder::name)).toList();

        private Installed() {
        }
    }
}
