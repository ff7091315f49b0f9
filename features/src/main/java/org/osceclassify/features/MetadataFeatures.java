package org.osceclassify.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.osceclassify.features.FeatureConfig.MetadataFamily;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/**
 * The metadata features of a fitted pipeline: indicator names under {@code meta:} for a document's content type,
 * place (its place field, or else the dateline that opens its body), period, the States and OSCE bodies its
 * text names, the bodies whose home city is its place, and its length, each family only when the
 * {@link FeatureConfig} switches it on. A value that is missing adds nothing.
 *
 * <p>Names of States and bodies are found in the text as {@link NameTable} describes. The place also yields
 * {@code meta:home_of=B} for every body {@code B} whose home city it is: the one signal of the issuing body that
 * survives the loss of word order intact. With {@link FeatureConfig#placeKnowledge()}, a place that names several
 * cities ({@code Warsaw/Vienna}) is read as each of them, and each also yields {@code meta:home_kind=K} for the
 * kind of every body at home there ({@code field-operation}, {@code institution}, ...): the static knowledge of
 * {@code labels/sources.csv}, never a label of the document. Immutable and thread-safe.
 */
final class MetadataFeatures {

    /** The prefix of every metadata feature name. */
    static final String META = "meta:";

    private final FeatureConfig config;
    private final NameTable states;
    private final NameTable bodies;
    /** Body names by the key of their home city, each list sorted. */
    private final SortedMap<String, List<String>> homes;
    /** The kinds of the bodies at home in a city, by the key of the city, each list sorted and unique. */
    private final SortedMap<String, List<String>> kinds;

    MetadataFeatures(FeatureConfig config, NameTable states, NameTable bodies, SortedMap<String, List<String>> homes,
                     SortedMap<String, List<String>> kinds) {
        this.config = config;
        this.states = states;
        this.bodies = bodies;
        this.homes = sortedUnique(homes);
        this.kinds = sortedUnique(kinds);
    }

    private static SortedMap<String, List<String>> sortedUnique(SortedMap<String, List<String>> map) {
        TreeMap<String, List<String>> copy = new TreeMap<>();
        map.forEach((key, values) -> copy.put(key, List.copyOf(new TreeSet<>(values))));
        return Collections.unmodifiableSortedMap(copy);
    }

    /** The names of the States and bodies of {@code taxonomy}, with their aliases, and the bodies' home cities. */
    static MetadataFeatures of(FeatureConfig config, Taxonomy taxonomy) {
        AnalysisChain normalizer = AnalysisChain.normalizing();
        List<NameTable.Phrase> statePhrases = new ArrayList<>();
        for (Taxonomy.State s : taxonomy.states()) {
            statePhrases.addAll(NameTable.phrases(s.name(), withAliases(s.name(), s.aliases()), normalizer));
        }
        List<NameTable.Phrase> bodyPhrases = new ArrayList<>();
        SortedMap<String, List<String>> homes = new TreeMap<>();
        SortedMap<String, List<String>> kinds = new TreeMap<>();
        for (Taxonomy.SourceBody s : taxonomy.sources()) {
            bodyPhrases.addAll(NameTable.phrases(s.name(), withAliases(s.name(), s.aliases()), normalizer));
            String city = Taxonomy.key(s.homeCity());
            if (!city.isEmpty()) {
                homes.computeIfAbsent(city, k -> new ArrayList<>()).add(s.name());
                String kind = Taxonomy.key(s.kind());
                if (!kind.isEmpty()) {
                    kinds.computeIfAbsent(city, k -> new ArrayList<>()).add(kind);
                }
            }
        }
        return new MetadataFeatures(config, new NameTable(statePhrases), new NameTable(bodyPhrases), homes, kinds);
    }

    private static List<String> withAliases(String name, List<String> aliases) {
        List<String> all = new ArrayList<>(aliases.size() + 1);
        all.add(name);
        all.addAll(aliases);
        return all;
    }

    NameTable states() {
        return states;
    }

    NameTable bodies() {
        return bodies;
    }

    SortedMap<String, List<String>> homes() {
        return homes;
    }

    SortedMap<String, List<String>> kinds() {
        return kinds;
    }

    /**
     * The metadata feature names of {@code doc}, sorted and unique; {@code titleTokens} and {@code bodyTokens} are
     * its normalised tokens, where names are looked for.
     */
    List<String> names(OsceDocument doc, List<String> titleTokens, List<String> bodyTokens) {
        List<String> out = new ArrayList<>();
        if (config.has(MetadataFamily.CONTENT_TYPE)) {
            String type = Taxonomy.key(doc.contentType());
            if (!type.isEmpty()) {
                out.add(META + "type=" + type);
            }
        }
        boolean wantPlace = config.has(MetadataFamily.PLACE) || config.has(MetadataFamily.BODIES);
        String place = wantPlace ? Taxonomy.key(doc.place()) : "";
        if (wantPlace && place.isEmpty()) {
            place = Corpora.datelinePlace(doc.body()).map(Taxonomy::key).orElse("");
        }
        if (config.has(MetadataFamily.PLACE) && !place.isEmpty()) {
            out.add(META + "place=" + place);
        }
        if (config.has(MetadataFamily.PERIOD) && doc.date().isPresent()) {
            int year = doc.date().get().getYear();
            int width = config.periodYears();
            if (width == 1) {
                out.add(META + "year=" + year);
            } else {
                int start = Math.floorDiv(year, width) * width;
                out.add(META + "period=" + start + "-" + (start + width - 1));
            }
        }
        boolean names = config.has(MetadataFamily.STATES) || config.has(MetadataFamily.BODIES);
        boolean titleBag = names && NameTable.isBag(titleTokens);
        boolean bodyBag = names && NameTable.isBag(bodyTokens);
        if (config.has(MetadataFamily.STATES)) {
            states.find(titleTokens, titleBag, META + "state=", out);
            states.find(bodyTokens, bodyBag, META + "state=", out);
        }
        if (config.has(MetadataFamily.BODIES)) {
            bodies.find(titleTokens, titleBag, META + "body=", out);
            bodies.find(bodyTokens, bodyBag, META + "body=", out);
            for (String city : config.placeKnowledge() ? cities(place) : List.of(place)) {
                for (String b : homes.getOrDefault(city, List.of())) {
                    out.add(META + "home_of=" + b);
                }
                if (config.placeKnowledge()) {
                    for (String k : kinds.getOrDefault(city, List.of())) {
                        out.add(META + "home_kind=" + k);
                    }
                }
            }
        }
        if (config.has(MetadataFamily.LENGTH)) {
            int words = titleTokens.size() + bodyTokens.size();
            if (words > 0) {
                out.add(META + "length=" + lengthBucket(words));
            }
        }
        sortUnique(out);
        return out;
    }

    /** The cities of a place key: {@code warsaw/vienna} and {@code vienna / berlin} name two; blank ones dropped. */
    static List<String> cities(String place) {
        if (place.indexOf('/') < 0) {
            return place.isEmpty() ? List.of() : List.of(place);
        }
        List<String> cities = new ArrayList<>();
        for (String city : place.split("/")) {
            String c = city.strip();
            if (!c.isEmpty()) {
                cities.add(c);
            }
        }
        return cities;
    }

    private static void sortUnique(List<String> names) {
        if (names.size() > 1) {
            names.sort(null);
            int u = 1;
            for (int i = 1; i < names.size(); i++) {
                if (!names.get(i).equals(names.get(u - 1))) {
                    names.set(u++, names.get(i));
                }
            }
            names.subList(u, names.size()).clear();
        }
    }

    /** Doubling buckets of a word count: 1-15, 16-31, 32-63, ..., 256-511, 512+. */
    static String lengthBucket(int words) {
        if (words < 16) {
            return "1-15";
        }
        int low = Integer.highestOneBit(words);
        return low >= 512 ? "512+" : low + "-" + (2 * low - 1);
    }
}
