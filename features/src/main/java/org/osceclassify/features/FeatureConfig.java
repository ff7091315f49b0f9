package org.osceclassify.features;

import java.util.Collections;
import java.util.EnumSet;
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
 * on, with the publication date coarsened to five-year periods, and metadata indicators of value 0.5.
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

    private static final FeatureConfig DEFAULTS = builder().build();

    private final boolean stemming;
    private final int ngrams;
    private final boolean stopWords;
    private final boolean titleNamespace;
    private final int minDf;
    private final int maxVocabulary;
    private final int hashBuckets;
    private final boolean sublinearTf;
    private final boolean idf;
    private final Normalization normalization;
    private final int periodYears;
    private final Set<MetadataFamily> metadata;
    private final double metadataWeight;

    private FeatureConfig(Builder b) {
        this.stemming = b.stemming;
        this.ngrams = b.ngrams;
        this.stopWords = b.stopWords;
        this.titleNamespace = b.titleNamespace;
        this.minDf = b.minDf;
        this.maxVocabulary = b.maxVocabulary;
        this.hashBuckets = b.hashBuckets;
        this.sublinearTf = b.sublinearTf;
        this.idf = b.idf;
        this.normalization = b.normalization;
        this.periodYears = b.periodYears;
        this.metadata = Collections.unmodifiableSet(b.metadata.isEmpty()
                ? EnumSet.noneOf(MetadataFamily.class) : EnumSet.copyOf(b.metadata));
        this.metadataWeight = b.metadataWeight;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The project's default settings, described in the class comment. */
    public static FeatureConfig defaults() {
        return DEFAULTS;
    }

    /** A builder holding this configuration's settings, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.stemming = stemming;
        b.ngrams = ngrams;
        b.stopWords = stopWords;
        b.titleNamespace = titleNamespace;
        b.minDf = minDf;
        b.maxVocabulary = maxVocabulary;
        b.hashBuckets = hashBuckets;
        b.sublinearTf = sublinearTf;
        b.idf = idf;
        b.normalization = normalization;
        b.periodYears = periodYears;
        b.metadata = EnumSet.noneOf(MetadataFamily.class);
        b.metadata.addAll(metadata);
        b.metadataWeight = metadataWeight;
        return b;
    }

    /** Whether terms are reduced to their Snowball English stem. */
    public boolean stemming() {
        return stemming;
    }

    /** The longest word n-gram made from adjacent terms; 1 means unigrams only. */
    public int ngrams() {
        return ngrams;
    }

    /** Whether English stop words are removed. */
    public boolean stopWords() {
        return stopWords;
    }

    /** Whether title and body terms are separate features ({@code title:}, {@code body:}) or one ({@code text:}). */
    public boolean titleNamespace() {
        return titleNamespace;
    }

    /** The fewest training documents a term must occur in to become a feature. */
    public int minDf() {
        return minDf;
    }

    /** The most text features kept, the most frequent first; 0 means no cap. */
    public int maxVocabulary() {
        return maxVocabulary;
    }

    /** The number of hash buckets per namespace, in place of a vocabulary; 0 means a vocabulary is used. */
    public int hashBuckets() {
        return hashBuckets;
    }

    /** Whether a term count {@code tf} is weighted {@code 1 + ln(tf)} rather than {@code tf}. */
    public boolean sublinearTf() {
        return sublinearTf;
    }

    /** Whether term weights are multiplied by the smooth inverse document frequency learned in training. */
    public boolean idf() {
        return idf;
    }

    public Normalization normalization() {
        return normalization;
    }

    /** The width of a publication period in years; 1 means the year itself. */
    public int periodYears() {
        return periodYears;
    }

    /** The metadata families switched on. */
    public Set<MetadataFamily> metadata() {
        return metadata;
    }

    /**
     * The value of every metadata feature. Each namespace of text features has unit length; at weight 1 the six
     * or so indicators of a document would outweigh its words, and would make LibLinear's solver converge far
     * more slowly (bench/README.md).
     */
    public double metadataWeight() {
        return metadataWeight;
    }

    public boolean has(MetadataFamily family) {
        return metadata.contains(family);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureConfig c && stemming == c.stemming && ngrams == c.ngrams
                && stopWords == c.stopWords && titleNamespace == c.titleNamespace && minDf == c.minDf
                && maxVocabulary == c.maxVocabulary && hashBuckets == c.hashBuckets
                && sublinearTf == c.sublinearTf && idf == c.idf && normalization == c.normalization
                && periodYears == c.periodYears && metadata.equals(c.metadata)
                && Double.compare(metadataWeight, c.metadataWeight) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(stemming, ngrams, stopWords, titleNamespace, minDf, maxVocabulary, hashBuckets,
                sublinearTf, idf, normalization, periodYears, metadata, metadataWeight);
    }

    @Override
    public String toString() {
        return "FeatureConfig{stemming=" + stemming + ", ngrams=" + ngrams + ", stopWords=" + stopWords
                + ", titleNamespace=" + titleNamespace + ", minDf=" + minDf + ", maxVocabulary=" + maxVocabulary
                + ", hashBuckets=" + hashBuckets + ", sublinearTf=" + sublinearTf + ", idf=" + idf
                + ", normalization=" + normalization + ", periodYears=" + periodYears + ", metadata="
                + metadata.stream().map(Enum::name).collect(Collectors.joining(",", "[", "]")) + ", metadataWeight="
                + metadataWeight + "}";
    }

    /** Collects settings for a {@link FeatureConfig}; every setting starts at its default. */
    public static final class Builder {
        private boolean stemming = true;
        private int ngrams = 1;
        private boolean stopWords = true;
        private boolean titleNamespace = true;
        private int minDf = 2;
        private int maxVocabulary = 0;
        private int hashBuckets = 0;
        private boolean sublinearTf = true;
        private boolean idf = true;
        private Normalization normalization = Normalization.PER_NAMESPACE;
        private int periodYears = 5;
        private EnumSet<MetadataFamily> metadata = EnumSet.allOf(MetadataFamily.class);
        private double metadataWeight = 0.5;

        private Builder() {
        }

        public Builder stemming(boolean on) {
            this.stemming = on;
            return this;
        }

        /** The longest n-gram, from 1 (unigrams only, the default) to {@value FeatureConfig#MAX_NGRAMS}. */
        public Builder ngrams(int n) {
            if (n < 1 || n > MAX_NGRAMS) {
                throw new IllegalArgumentException("ngrams must be between 1 and " + MAX_NGRAMS + ", was " + n);
            }
            this.ngrams = n;
            return this;
        }

        public Builder stopWords(boolean on) {
            this.stopWords = on;
            return this;
        }

        public Builder titleNamespace(boolean on) {
            this.titleNamespace = on;
            return this;
        }

        public Builder minDf(int documents) {
            if (documents < 1) {
                throw new IllegalArgumentException("minDf must be at least 1, was " + documents);
            }
            this.minDf = documents;
            return this;
        }

        /** Keeps only the {@code size} text features in most training documents (ties by name); 0 for no cap. */
        public Builder maxVocabulary(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("maxVocabulary must be 0 (no cap) or more, was " + size);
            }
            this.maxVocabulary = size;
            return this;
        }

        /** Hashes terms into this many buckets per namespace instead of keeping a vocabulary; 0 for off. */
        public Builder hashBuckets(int buckets) {
            if (buckets < 0 || buckets > MAX_HASH_BUCKETS) {
                throw new IllegalArgumentException(
                        "hashBuckets must be between 0 (off) and " + MAX_HASH_BUCKETS + ", was " + buckets);
            }
            this.hashBuckets = buckets;
            return this;
        }

        public Builder sublinearTf(boolean on) {
            this.sublinearTf = on;
            return this;
        }

        public Builder idf(boolean on) {
            this.idf = on;
            return this;
        }

        public Builder normalization(Normalization n) {
            this.normalization = Objects.requireNonNull(n, "normalization");
            return this;
        }

        /** The width of a publication period: 1 for the year itself, 5 for 2015-2019 and so on. */
        public Builder periodYears(int years) {
            if (years < 1 || years > 100) {
                throw new IllegalArgumentException("periodYears must be between 1 and 100, was " + years);
            }
            this.periodYears = years;
            return this;
        }

        /** Switches one metadata family on or off. */
        public Builder metadata(MetadataFamily family, boolean on) {
            Objects.requireNonNull(family, "family");
            if (on) {
                metadata.add(family);
            } else {
                metadata.remove(family);
            }
            return this;
        }

        /** Switches exactly these metadata families on, and the others off. */
        public Builder metadata(Set<MetadataFamily> families) {
            metadata = EnumSet.noneOf(MetadataFamily.class);
            metadata.addAll(families);
            return this;
        }

        /** The value of every metadata feature: a finite number above 0. */
        public Builder metadataWeight(double weight) {
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("metadataWeight must be a finite number above 0, was " + weight);
            }
            this.metadataWeight = weight;
            return this;
        }

        public FeatureConfig build() {
            if (hashBuckets > 0 && maxVocabulary > 0) {
                throw new IllegalArgumentException(
                        "maxVocabulary and hashBuckets cannot both be set: hashing has a fixed number of buckets");
            }
            return new FeatureConfig(this);
        }
    }
}
