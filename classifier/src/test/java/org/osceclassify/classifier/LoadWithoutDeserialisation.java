package org.osceclassify.classifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;

/**
 * Run in a JVM of its own by {@link SafeLoadingTest}, under {@code -Djdk.serialFilter=!*}: proves that the filter
 * rejects Java deserialisation in this JVM, then loads the bundle named by its argument and classifies a statement,
 * printing the top field and source. Exits non-zero if the filter is not in force.
 */
public final class LoadWithoutDeserialisation {

    private LoadWithoutDeserialisation() {
    }

    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.ArrayList<>(java.util.List.of("x")));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.readObject();
            System.err.println("the serialisation filter is not in force");
            System.exit(3);
        } catch (InvalidClassException expected) {
            // rejected by the JVM-wide filter, as every class will be
        }
        OsceClassifier classifier = OsceClassifier.load(Path.of(args[0]));
        Classification c = classifier.classify(
                "Police officers completed a course in forensic crime investigation in Belgrade.");
        System.out.println(c.fields().get(0).label() + "|" + c.topSource());
    }
}
