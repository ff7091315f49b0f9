package org.osceclassify.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a small labelled CSV corpus in the shared corpus's format: three fields of work, three source bodies,
 * each with words and a dateline of its own, dated across 2019 to 2023 so that a time split has both sides.
 */
final class TestCorpus {

    static final String HEADER = "id,date,content_type,title,text,dateline,sources,fields,locations\n";

    private static final String[][] TOPICS = {
            {"Elections", "OSCE Office for Democratic Institutions and Human Rights", "Warsaw",
                    "election observers ballot polling voters candidates campaign"},
            {"Policing", "OSCE Mission to Serbia", "Belgrade",
                    "police officers training crime investigation forensic patrol"},
            {"Media freedom and development", "OSCE Representative on Freedom of the Media", "Vienna",
                    "journalists media press freedom reporters broadcast censorship"}};

    private TestCorpus() {
    }

    /** Trains a model on {@code corpus} through the command line, with {@code options}, and returns it. */
    static Path trainedModel(Path corpus, Path model, String... options) {
        List<String> args = new ArrayList<>(List.of("train", "--corpus", corpus.toString(), "--model",
                model.toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        if (run.exitCode() != 0) {
            throw new AssertionError("train failed: " + run.err());
        }
        return model;
    }

    /** A corpus of {@code perTopic} items per topic at {@code file}. */
    static Path write(Path file, int perTopic) throws IOException {
        Files.writeString(file, csv(perTopic), StandardCharsets.UTF_8);
        return file;
    }

    static String csv(int perTopic) {
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder(HEADER);
        int n = 0;
        for (int i = 0; i < perTopic; i++) {
            for (String[] topic : TOPICS) {
                String[] words = topic[3].split(" ");
                StringBuilder text = new StringBuilder(topic[2].toUpperCase());
                for (int w = 0; w < 20; w++) {
                    text.append(' ').append(random.nextInt(4) == 0 ? "the OSCE said".split(" ")[random.nextInt(3)]
                            : words[random.nextInt(words.length)]);
                }
                int year = 2019 + (i * 5 / perTopic);
                csv.append(String.format("test-%04d,%d-0%d-1%d,Press release,OSCE %s %s,%s,%s,%s,%s,%n", n++, year,
                        1 + random.nextInt(9), random.nextInt(10), words[random.nextInt(words.length)],
                        words[random.nextInt(words.length)], text, topic[2], topic[1], topic[0]));
            }
        }
        return csv.toString();
    }
}
