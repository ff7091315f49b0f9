package org.osceclassify.features;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fitted features of one text namespace ({@code title:}, {@code body:} or {@code text:}): which terms (or
 * hash buckets) are features, in name order, and the IDF weight of each. Immutable.
 */
final class TextSpace {

    /** The namespace prefixes: title and body apart, or the whole text in one namespace. */
    static final String TITLE = "title:";
    static final String BODY = "body:";
    static final String TEXT = "text:";

    final String prefix;
    /** Vocabulary mode: the terms, sorted and unique; hashing mode: null. */
    final String[] terms;
    /** Hashing mode: the buckets kept, ascending; vocabulary mode: null. */
    final int[] buckets;
    /** The number of hash buckets, or 0 in vocabulary mode. */
    final int bucketCount;
    /** The IDF weight of each feature, by slot. */
    final double[] idf;
    /** The feature name of each slot: the prefix and the term or zero-padded bucket, so slot order is name order. */
    final String[] names;

    private final Map<String, Integer> slotByTerm;
    private final int[] slotByBucket;

    private TextSpace(String prefix, String[] terms, int[] buckets, int bucketCount, double[] idf) {
        this.prefix = prefix;
        this.terms = terms;
        this.buckets = buckets;
        this.bucketCount = bucketCount;
        this.idf = idf;
        if (terms != null) {
            names = new String[terms.length];
            slotByTerm = new HashMap<>(terms.length * 2);
            for (int i = 0; i < terms.length; i++) {
                if (i > 0 && terms[i - 1].compareTo(terms[i]) >= 0) {
                    throw new IllegalArgumentException("terms not sorted and unique at " + i + " in " + prefix);
                }
                names[i] = prefix + terms[i];
                slotByTerm.put(terms[i], i);
            }
            slotByBucket = null;
        } else {
            slotByTerm = null;
            int width = Integer.toString(Math.max(0, bucketCount - 1)).length();
            names = new String[buckets.length];
            slotByBucket = new int[bucketCount];
            Arrays.fill(slotByBucket, -1);
            for (int i = 0; i < buckets.length; i++) {
                if (buckets[i] < 0 || buckets[i] >= bucketCount || (i > 0 && buckets[i - 1] >= buckets[i])) {
                    throw new IllegalArgumentException("buckets not ascending within 0.." + bucketCount + " in " + prefix);
                }
                names[i] = prefix + "#" + String.format(Locale.ROOT, "%0" + width + "d", buckets[i]);
                slotByBucket[buckets[i]] = i;
            }
        }
        for (double w : idf) {
            if (!(w > 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("IDF weight must be positive and finite, was " + w + " in " + prefix);
            }
        }
    }

    static TextSpace ofTerms(String prefix, String[] terms, double[] idf) {
        if (terms.length != idf.length) {
            throw new IllegalArgumentException("terms and weights differ in length");
        }
        return new TextSpace(prefix, terms.clone(), null, 0, idf.clone());
    }

    static TextSpace ofBuckets(String prefix, int bucketCount, int[] buckets, double[] idf) {
        if (buckets.length != idf.length) {
            throw new IllegalArgumentException("buckets and weights differ in length");
        }
        return new TextSpace(prefix, null, buckets.clone(), bucketCount, idf.clone());
    }

    boolean hashing() {
        return terms == null;
    }

    int size() {
        return idf.length;
    }

    /** The slot of a term, or -1 when it is not a feature. */
    int slot(String term) {
        if (slotByTerm != null) {
            Integer s = slotByTerm.get(term);
            return s == null ? -1 : s;
        }
        return slotByBucket[bucket(term, bucketCount)];
    }

    /**
     * The hash bucket of a term: {@link String#hashCode()}, which the Java specification fixes, mixed by the
     * MurmurHash3 finaliser so that similar terms spread out. The same on every machine and run.
     */
    static int bucket(String term, int bucketCount) {
        int h = term.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Integer.remainderUnsigned(h, bucketCount);
    }
}
