package org.osceclassify.model;

import java.util.Objects;

/**
 * How {@link Corpora} reads a corpus: which taxonomy normalises the labels, at which level fields of work are
 * kept, and what happens to an item that cannot be read.
 *
 * <p>Immutable; build one with {@link #builder()}, or take {@link #defaults()}: the bundled taxonomy, fields of
 * work at field level, and {@link ErrorPolicy#SKIP}, because a user loading a corpus of thousands of items
 * wants the good ones even when a few are broken, and learns about the rest from the {@link LoadReport} and a
 * warning per skipped item.
 */
public final class ReadOptions {

    /** What to do with an item (a CSV row or a page file) that cannot be read. */
    public enum ErrorPolicy {
        /** Throw a {@link CorpusException} for the first bad item. */
        FAIL,
        /** Log a warning, count the item in {@link LoadReport#itemsSkipped()} and go on with the next. */
        SKIP
    }

    /** The granularity of the fields-of-work labels after normalisation. */
    public enum FieldsLevel {
        /** The 23 fields of work: a sub-topic such as "Safety of journalists" becomes its field. */
        FIELDS,
        /** The finest label the taxonomy knows: a sub-topic stays a sub-topic, see {@link Taxonomy#topic}. */
        TOPICS
    }

    private final Taxonomy taxonomy;
    private final ErrorPolicy errorPolicy;
    private final FieldsLevel fieldsLevel;

    private ReadOptions(Builder b) {
        this.taxonomy = b.taxonomy != null ? b.taxonomy : Taxonomy.bundled();
        this.errorPolicy = b.errorPolicy;
        this.fieldsLevel = b.fieldsLevel;
    }

    /** The bundled taxonomy, fields at field level, bad items skipped with a warning. */
    public static ReadOptions defaults() {
        return Defaults.INSTANCE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these options. */
    public Builder toBuilder() {
        return new Builder().taxonomy(taxonomy).errorPolicy(errorPolicy).fieldsLevel(fieldsLevel);
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public ErrorPolicy errorPolicy() {
        return errorPolicy;
    }

    public FieldsLevel fieldsLevel() {
        return fieldsLevel;
    }

    @Override
    public String toString() {
        return "ReadOptions[errorPolicy=" + errorPolicy + ", fieldsLevel=" + fieldsLevel + "]";
    }

    /** Built on first use, so that merely loading this class never reads the bundled taxonomy. */
    private static final class Defaults {
        static final ReadOptions INSTANCE = builder().build();
    }

    /** Builds {@link ReadOptions}; every setting starts at its default. */
    public static final class Builder {
        private Taxonomy taxonomy;
        private ErrorPolicy errorPolicy = ErrorPolicy.SKIP;
        private FieldsLevel fieldsLevel = FieldsLevel.FIELDS;

        private Builder() {
        }

        /** The taxonomy that labels are normalised through; default {@link Taxonomy#bundled()}. */
        public Builder taxonomy(Taxonomy taxonomy) {
            this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
            return this;
        }

        /** Default {@link ErrorPolicy#SKIP}. */
        public Builder errorPolicy(ErrorPolicy errorPolicy) {
            this.errorPolicy = Objects.requireNonNull(errorPolicy, "errorPolicy");
            return this;
        }

        /** Default {@link FieldsLevel#FIELDS}. */
        public Builder fieldsLevel(FieldsLevel fieldsLevel) {
            this.fieldsLevel = Objects.requireNonNull(fieldsLevel, "fieldsLevel");
            return this;
        }

        public ReadOptions build() {
            return new ReadOptions(this);
        }
    }
}
