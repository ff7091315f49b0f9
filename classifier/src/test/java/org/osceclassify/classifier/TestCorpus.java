package org.osceclassify.classifier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.osceclassify.model.Labels;
import org.osceclassify.model.Origin;
import org.osceclassify.model.OsceDocument;

/** Small hand-made corpora for the classifier's tests: three themes, each with its own words, place and body. */
public final class TestCorpus {

    static final String ELECTIONS = "Elections";
    static final String MEDIA = "Media freedom and development";
    static final String POLICING = "Policing";
    static final String ODIHR = "OSCE Office for Democratic Institutions and Human Rights";
    static final String RFOM = "OSCE Representative on Freedom of the Media";
    static final String SERBIA = "OSCE Mission to Serbia";
    static final String MINSK_GROUP = "Minsk Group";

    private record Theme(String field, String source, String place, String[] words) {
    }

    private static final Theme[] THEMES = {
        new Theme(ELECTIONS, ODIHR, "Warsaw",
                new String[] {"ballot", "vote", "polling", "observers", "candidates", "electoral", "turnout"}),
        new Theme(MEDIA, RFOM, "Vienna",
                new String[] {"journalist", "press", "broadcast", "editor", "newspaper", "reporters", "censorship"}),
        new Theme(POLICING, SERBIA, "Belgrade",
                new String[] {"police", "officers", "crime", "patrol", "investigation", "community", "cadets"}),
    };

    private static final String[] COMMON = {"the", "osce", "today", "said", "and", "of", "in", "to", "project"};

    private TestCorpus() {
    }

    /**
     * {@code n} documents cycling through the three themes, dated one a month from January 2015. Every fifth
     * document has no known fields, every seventh no known source; document 4 is issued by the Minsk Group.
     */
    public static List<OsceDocument> themed(int n, long seed) {
        Random random = new Random(seed);
        List<OsceDocument> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Theme theme = THEMES[i % THEMES.length];
            List<String> fields = i % 5 == 4 ? List.of() : List.of(theme.field());
            List<String> sources = i % 7 == 6 ? List.of() : i == 4 ? List.of(MINSK_GROUP) : List.of(theme.source());
            docs.add(new OsceDocument("doc-" + i, words(theme, 4, random), words(theme, 25, random),
                    Optional.of(LocalDate.of(2015, 1, 1).plusMonths(i)), theme.place(), "Press release", List.of(),
                    new Labels(sources, fields), Origin.of("test-corpus", i + 1)));
        }
        return docs;
    }

    private static String words(Theme theme, int count, Random random) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < count; w++) {
            String[] pool = random.nextInt(3) == 0 ? COMMON : theme.words();
            text.append(w == 0 ? "" : " ").append(pool[random.nextInt(pool.length)]);
        }
        return text.toString();
    }
}
