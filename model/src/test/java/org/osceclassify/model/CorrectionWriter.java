package org.osceclassify.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A process appending corrections until it is killed, for {@link CorrectionLogTest}: run in a child JVM, it appends
 * long corrections numbered from 0 to the file named by its first argument (its second argument names the writer),
 * says {@code writing} on stdout after the first, and never stops by itself.
 */
final class CorrectionWriter {

    private CorrectionWriter() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String body = "Police officers trained in community policing. ".repeat(400);
        for (long i = 0; ; i++) {
            Corpora.appendCorrection(file, new OsceDocument("ignored", args[1] + " correction " + i, body, null,
                    null, null, null, new Labels(List.of("OSCE Mission to Serbia"), List.of("Policing")),
                    Origin.of("test")));
            if (i == 0) {
                System.out.println("writing");
                System.out.flush();
            }
        }
    }
}
