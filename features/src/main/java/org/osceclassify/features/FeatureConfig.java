package org.osceclassify.features;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settings of a {@link FeaturePipeline}: how text is analysed, weighted and pruned, and which metadata
 * features are added. Immutable; build one with {@link #builder()}, or take {@link #defaults()}.
 *
 * <p>The defaults suit the project's corpus, whose title and text are bags of words: unigrams only, English
 * stop words removed, Snowball English stemming, separate title and body namespaces, sublinear TF times
 * smooth IDF, L2 normalisation per namespace, terms in at least two training documents, every metadata family
 * on, with the publication date coarsened to five-year periods, metadata indicators of value 0.5, and no place
 * knowledge beyond the bodies' home cities ({@link #placeKnowledge()}: it measured no better).
 *
 * <p>Each setting is declared once, as a {@link Setting} in {@link #SETTINGS}; equality, the text form and copies go
 * through that list, and an accessor and a builder method give each its Java name.
 */
public final class FeatureConfig {

    /** A family of metadata features, each switched on or off as a whole. */
    public enum MetadataFamily {
        /** The site's content type: {@code meta:type=press release}. */
        CONTENT_TYPE,
        /** The dateline place, normalised: {@code meta:place=belgrade}. */
        PLACE,
        /** The publication year or a coarser period: {@code meta:year=2015}, {@code meta:period=2015-2019}. */
        PERIOD,
        /** Participating States named in the title or body: {@code meta:state=Serbia}. */
        STATES,
        /**
         * OSCE bodies named in the title or body ({@code meta:body=...}), and the bodies whose home city is the
         * dateline place ({@code meta:home_of=...}).
         */
        BODIES,
        /** The document's length in words, in doubling buckets: {@code meta:length=32-63}. */
        LENGTH
    }

    /** How the text feature values of a document are scaled to unit length. */
    public enum Normalization {
        /** Values are left as TF times IDF. */
        NONE,
        /** The title features and the body features are each scaled to unit L2 length. */
        PER_NAMESPACE,
        /** All text features of a document together are scaled to unit L2 length. */
        PER_DOCUMENT
    }

    /** The largest n-gram length accepted. */
    public static final int MAX_NGRAMS = 5;
    /** The largest number of hash buckets accepted. */
    public static final int MAX_HASH_BUCKETS = 1 << 22;

    public static final Setting<Boolean> STEMMING = Setting.of("stemming", true, v -> { }, FeatureConfig::bool);
    public static final Setting<Integer> NGRAMS = Setting.of("ngrams", 1, v -> Setting.require(v >= 1 && v <= MAX_NGRAMS,
            "ngrams must be between 1 and " + MAX_NGRAMS + ", was " + v), Integer::valueOf);
    public static final Setting<Boolean> STOP_WORDS = Setting.of("stopWords", true, v -> { }, FeatureConfig::bool);
    public static final Setting<Boolean> TITLE_NAMESPACE = Setting.of("titleNamespace", true, v -> { },
            FeatureConfig::bool);
    public static final Setting<Integer> MIN_DF = Setting.of("minDf", 2,
            v -> Setting.require(v >= 1, "minDf must be at least 1, was " + v), Integer::valueOf);
    public static final Setting<Integer> MAX_VOCABULARY = Setting.of("maxVocabulary", 0,
            v -> Setting.require(v >= 0, "maxVocabulary must be 0 (no cap) or more, was " + v), Integer::valueOf);
    public static final Setting<Integer> HASH_BUCKETS = Setting.of("hashBuckets", 0,
            v -> Setting.require(v >= 0 && v <= MAX_HASH_BUCKETS,
                    "hashBuckets must be between 0 (off) and " + MAX_HASH_BUCKETS + ", was " + v), Integer::valueOf);
    public static final Setting<Boolean> SUBLINEAR_TF = Setting.of("sublinearTf", true, v -> { },
            FeatureConfig::bool);
    public static final Setting<Boolean> IDF = Setting.of("idf", true, v -> { }, FeatureConfig::bool);
    public static final Setting<Normalization> NORMALIZATION = Setting.of("normalization",
            Normalization.PER_NAMESPACE, v -> { }, Normalization::valueOf);
    public static final Setting<Integer> PERIOD_YEARS = Setting.of("periodYears", 5,
            v -> Setting.require(v >= 1 && v <= 100, "periodYears must be between 1 and 100, was " + v),
            Integer::valueOf);
    public static final Setting<Set<MetadataFamily>> METADATA = Setting.of("metadata",
            Collections.unmodifiableSet(EnumSet.allOf(MetadataFamily.class)), v -> { },
            v -> v.stream().map(Enum::name).collect(Collectors.joining(",")), FeatureConfig::families);
    public static final Setting<Boolean> PLACE_KNOWLEDGE = Setting.of("placeKnowledge", false, v -> { },
            FeatureConfig::bool);
    public static final Setting<Double> METADATA_WEIGHT = Setting.of("metadataWeight", 0.5,
            v -> Setting.require(v > 0 && !v.isInfinite(), "metadataWeight must be a finite number above 0, was " + v),
            Double::valueOf);

    /** Every setting, in the order of the text form. */
    public static final List<Setting<?>> SETTINGS = List.of(STEMMING, NGRAMS, STOP_WORDS, TITLE_NAMESPACE, MIN_DF,
            MAX_VOCABULARY, HASH_BUCKETS, SUBLINEAR_TF, IDF, NORMALIZATION, PERIOD_YEARS, METADATA, METADATA_WEIGHT,
            PLACE_KNOWLEDGE);

    /** The settings that configurations written before them lack: a text form without one reads as its default. */
    private static final List<Setting<?>> ADDED_LATER = List.of(PLACE_KNOWLEDGE);

    private static final FeatureConfig DEFAULTS = builder().build();

    private final SettingValues values;

    private FeatureConfig(SettingValues values) {
        this.values = values;
    }

    public static Builder builder() {
        return new Builder(SettingValues.defaults(SETTINGS));
    }

    /** The project's default settings, described in the class comment. */
    public static FeatureConfig defaults() {
        return DEFAULTS;
    }

    /** A builder holding this configuration's settings, to derive a variant. */
    public Builder toBuilder() {
        return new Builder(values);
    }

    /** The value of a setting. */
    public <T> T get(Setting<T> setting) {
        return values.get(setting);
    }

    /** Whether terms are reduced to their Snowball English stem. */
    public boolean stemming() {
        return get(STEMMING);
    }

    /** Word n-grams up to this length are terms, unigrams included. */
    public int ngrams() {
        return get(NGRAMS);
    }

    /** Whether English stop words are dropped. */
    public boolean stopWords() {
        return get(STOP_WORDS);
    }

    /** Whether title words are features of their own ({@code title:}), apart from the body's ({@code body:}). */
    public boolean titleNamespace() {
        return get(TITLE_NAMESPACE);
    }

    /** Terms in fewer training documents than this are dropped. */
    public int minDf() {
        return get(MIN_DF);
    }

    /** At most this many terms are kept, the most frequent; 0 for no cap. */
    public int maxVocabulary() {
        return get(MAX_VOCABULARY);
    }

    /** Terms are hashed into this many buckets instead of a vocabulary; 0 for a vocabulary. */
    public int hashBuckets() {
        return get(HASH_BUCKETS);
    }

    /** Whether term frequency is {@code 1 + log(tf)} rather than the raw count. */
    public boolean sublinearTf() {
        return get(SUBLINEAR_TF);
    }

    /** Whether term frequencies are weighted by the smooth inverse document frequency. */
    public boolean idf() {
        return get(IDF);
    }

    public Normalization normalization() {
        return get(NORMALIZATION);
    }

    /** The width of a publication period in years. */
    public int periodYears() {
        return get(PERIOD_YEARS);
    }

    /** The metadata families switched on; unmodifiable. */
    public Set<MetadataFamily> metadata() {
        return get(METADATA);
    }

    /** The value of every metadata feature. */
    public double metadataWeight() {
        return get(METADATA_WEIGHT);
    }

    /**
     * Whether the place is read with what the taxonomy knows of the bodies' home cities beyond their names: a
     * place of several cities ({@code Warsaw/Vienna}) as each of them, and the kind of every body at home there
     * ({@code meta:home_kind=field-operation}); with the {@link MetadataFamily#BODIES} family only.
     */
    public boolean placeKnowledge() {
        return get(PLACE_KNOWLEDGE);
    }

    public boolean has(MetadataFamily family) {
        return metadata().contains(family);
    }

    /** Each setting's name and the text form of its value. */
    public Map<String, String> asText() {
        return values.asText();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureConfig c && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** {@code FeatureConfig{stemming=true, ngrams=1, ...}}: every setting; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return PREFIX + values;
    }

    private static final String PREFIX = "FeatureConfig";

    /**
     * A configuration from its {@link #toString()} form.
     *
     * @throws IllegalArgumentException when the text is not that form, or names a value a setting does not take
     */
    public static FeatureConfig parse(String text) {
        Setting.require(text.startsWith(PREFIX + "{") && text.endsWith("}"), "not a feature configuration: " + text);
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        String inner = text.substring(PREFIX.length() + 1, text.length() - 1);
        for (String pair : inner.isEmpty() ? new String[0] : inner.split(", ")) {
            int equals = pair.indexOf('=');
            Setting.require(equals > 0, "not a setting: " + pair);
            settings.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return new Builder(SettingValues.defaults(SETTINGS).withText(settings, ADDED_LATER)).build();
    }

    private static boolean bool(String text) {
        Setting.require(text.equals("true") || text.equals("false"), "not true or false: " + text);
        return Boolean.parseBoolean(text);
    }

    /** Metadata families from their text form, names joined by commas. */
    private static Set<MetadataFamily> families(String text) {
        EnumSet<MetadataFamily> families = EnumSet.noneOf(MetadataFamily.class);
        if (!text.isEmpty()) {
            Arrays.stream(text.split(",")).map(MetadataFamily::valueOf).forEach(families::add);
        }
        return Collections.unmodifiableSet(families);
    }

    /** Builds a {@link FeatureConfig}; every setter checks its value at once. */
    public static final class Builder {
        private SettingValues values;

        private Builder(SettingValues values) {
            this.values = values;
        }

        /** Sets a setting. */
        public <T> Builder set(Setting<T> setting, T value) {
            values = values.with(setting, value);
            return this;
        }

        public Builder stemming(boolean on) {
            return set(STEMMING, on);
        }

        public Builder ngrams(int n) {
            return set(NGRAMS, n);
        }

        public Builder stopWords(boolean on) {
            return set(STOP_WORDS, on);
        }

        public Builder titleNamespace(boolean on) {
            return set(TITLE_NAMESPACE, on);
        }

        public Builder minDf(int documents) {
            return set(MIN_DF, documents);
        }

        public Builder maxVocabulary(int size) {
            return set(MAX_VOCABULARY, size);
        }

        public Builder hashBuckets(int buckets) {
            return set(HASH_BUCKETS, buckets);
        }

        public Builder sublinearTf(boolean on) {
            return set(SUBLINEAR_TF, on);
        }

        public Builder idf(boolean on) {
            return set(IDF, on);
        }

        public Builder normalization(Normalization n) {
            return set(NORMALIZATION, n);
        }

        /** The width of a publication period: 1 for the year itself, 5 for 2015-2019 and so on. */
        public Builder periodYears(int years) {
            return set(PERIOD_YEARS, years);
        }

        /** Switches one metadata family on or off. */
        public Builder metadata(MetadataFamily family, boolean on) {
            Objects.requireNonNull(family, "family");
            EnumSet<MetadataFamily> families = EnumSet.noneOf(MetadataFamily.class);
            families.addAll(values.get(METADATA));
            if (on) {
                families.add(family);
            } else {
                families.remove(family);
            }
            return metadata(families);
        }

        /** Switches exactly these metadata families on, and the others off. */
        public Builder metadata(Set<MetadataFamily> families) {
            EnumSet<MetadataFamily> copy = EnumSet.noneOf(MetadataFamily.class);
            copy.addAll(families);
            return set(METADATA, Collections.unmodifiableSet(copy));
        }

        /** The value of every metadata feature: a finite number above 0. */
        public Builder metadataWeight(double weight) {
            return set(METADATA_WEIGHT, weight);
        }

        /** Reads the place with the bodies' home cities and kinds; see {@link FeatureConfig#placeKnowledge()}. */
        public Builder placeKnowledge(boolean on) {
            return set(PLACE_KNOWLEDGE, on);
        }

        public FeatureConfig build() {
            if (values.get(HASH_BUCKETS) > 0 && values.get(MAX_VOCABULARY) > 0) {
                throw new IllegalArgumentException(
                        "maxVocabulary and hashBuckets cannot both be set: hashing has a fixed number of buckets");
            }
            return new FeatureConfig(values);
        }
    }
}
