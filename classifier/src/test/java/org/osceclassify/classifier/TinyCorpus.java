package org.osceclassify.classifier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.osceclassify.model.Labels;
import org.osceclassify.model.Origin;
import org.osceclassify.model.OsceDocument;

/**
 * A small hand-written corpus with three fields of work and three source bodies, each with its own vocabulary
 * and dateline, so that a classifier trained on it has something real to learn.
 */
final class TinyCorpus {

    private record Topic(String field, String source, String place, String[] words) {
    }

    private static final List<Topic> TOPICS = List.of(
            new Topic("Elections", "OSCE Office for Democratic Institutions and Human Rights", "Warsaw",
                    new String[] {"election", "observers", "ballot", "polling", "voters", "candidates", "campaign"}),
            new Topic("Policing", "OSCE Mission to Serbia", "Belgrade",
                    new String[] {"police", "officers", "training", "crime", "investigation", "forensic", "patrol"}),
            new Topic("Media freedom and development", "OSCE Representative on Freedom of the Media", "Vienna",
                    new String[] {"journalists", "media", "press", "freedom", "reporters", "broadcast", "censorship"}));

    private static final String[] COMMON = {"the", "OSCE", "today", "said", "support", "project", "experts"};

    private TinyCorpus() {
    }

    /** {@code perTopic} documents for each of the three topics, made with a fixed seed. */
    static List<OsceDocument> documents(int perTopic) {
        Random random = new Random(7);
        List<OsceDocument> docs = new ArrayList<>();
        for (int i = 0; i < perTopic; i++) {
            for (Topic topic : TOPICS) {
                docs.add(document("tiny-" + docs.size(), topic, random));
            }
        }
        return docs;
    }

    private static OsceDocument document(String id, Topic topic, Random random) {
        StringBuilder body = new StringBuilder(topic.place().toUpperCase() + ", 4 May 2021 - ");
        for (int w = 0; w < 25; w++) {
            String[] pool = random.nextInt(3) == 0 ? COMMON : topic.words();
            body.append(pool[random.nextInt(pool.length)]).append(' ');
        }
        String title = "OSCE " + topic.words()[random.nextInt(topic.words().length)] + " "
                + topic.words()[random.nextInt(topic.words().length)];
        return new OsceDocument(id, title, body.toString().strip(), Optional.of(LocalDate.of(2021, 5, 4)),
                topic.place(), "Press release", List.of(),
                new Labels(List.of(topic.source()), List.of(topic.field())), Origin.of("tiny.csv", 2));
    }
}
