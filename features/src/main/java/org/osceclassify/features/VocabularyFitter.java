package org.osceclassify.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osceclassify.model.OsceDocument;

/**
 * Learns the text features from a training corpus: counts each term's document frequency per namespace, keeps
 * the terms (or hash buckets) in at least {@link FeatureConfig#minDf()} documents, at most
 * {@link FeatureConfig#maxVocabulary()} of the most frequent, and gives each the smooth IDF weight
 * {@code ln((1 + n) / (1 + df)) + 1} over the {@code n} training documents (scikit-learn's), or 1 without IDF.
 */
final class VocabularyFitter {

    private VocabularyFitter() {
    }

    /** The text features learned from a corpus and the number of documents they were learned from. */
    record Fitted(TermWeighting text, int documents) {
    }

    /** A term (or bucket, as decimal text) of a namespace with its document frequency. */
    private record Candidate(String prefix, String key, int df) {
    }

    /**
     * Learns the vocabulary and IDF weights of {@code training}.
     *
     * @throws IllegalArgumentException if {@code training} holds no document
     */
    static Fitted fit(FeatureConfig config, Iterable<OsceDocument> training) {
        Set<String> stop = config.stopWords() ? StopWordRemoval.english() : Set.of();
        AnalysisChain normalizer = AnalysisChain.normalizing();
        AnalysisChain terms = AnalysisChain.terms(config, stop);
        boolean split = config.titleNamespace();
        Map<String, int[]> bodyDf = new HashMap<>();
        Map<String, int[]> titleDf = new HashMap<>();
        Map<String, Optional<String>> termOf = new HashMap<>();
        int n = 0;
        for (OsceDocument doc : training) {
            n++;
            List<String> titleTerms = terms.filter(normalizer.analyze(doc.title()), termOf);
            List<String> bodyTerms = terms.filter(normalizer.analyze(doc.body()), termOf);
            if (split) {
                countDistinct(titleTerms, List.of(), titleDf, config.hashBuckets());
                countDistinct(bodyTerms, List.of(), bodyDf, config.hashBuckets());
            } else {
                countDistinct(titleTerms, bodyTerms, bodyDf, config.hashBuckets());
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit a feature pipeline on no training documents");
        }
        List<Candidate> kept = new ArrayList<>();
        collect(split ? TextSpace.BODY : TextSpace.TEXT, bodyDf, config.minDf(), kept);
        if (split) {
            collect(TextSpace.TITLE, titleDf, config.minDf(), kept);
        }
        if (config.maxVocabulary() > 0 && kept.size() > config.maxVocabulary()) {
            kept.sort((a, b) -> a.df != b.df ? Integer.compare(b.df, a.df)
                    : (a.prefix + a.key).compareTo(b.prefix + b.key));
            kept = new ArrayList<>(kept.subList(0, config.maxVocabulary()));
        }
        TextSpace body = space(split ? TextSpace.BODY : TextSpace.TEXT, kept, n, config);
        TextSpace title = split ? space(TextSpace.TITLE, kept, n, config) : null;
        return new Fitted(new TermWeighting(config, List.copyOf(stop), body, title), n);
    }

    /** Counts each term of {@code a} and {@code b} (or its bucket) once in {@code df}, however often it occurs. */
    private static void countDistinct(List<String> a, List<String> b, Map<String, int[]> df, int buckets) {
        Set<String> seen = new HashSet<>();
        for (List<String> list : List.of(a, b)) {
            for (String t : list) {
                String key = buckets > 0 ? Integer.toString(TextSpace.bucket(t, buckets)) : t;
                if (seen.add(key)) {
                    df.computeIfAbsent(key, k -> new int[1])[0]++;
                }
            }
        }
    }

    private static void collect(String prefix, Map<String, int[]> df, int minDf, List<Candidate> out) {
        df.forEach((key, count) -> {
            if (count[0] >= minDf) {
                out.add(new Candidate(prefix, key, count[0]));
            }
        });
    }

    /** The features of namespace {@code prefix} among the kept candidates, in name order, with their IDF. */
    private static TextSpace space(String prefix, List<Candidate> kept, int n, FeatureConfig config) {
        List<Candidate> mine = new ArrayList<>();
        for (Candidate c : kept) {
            if (c.prefix.equals(prefix)) {
                mine.add(c);
            }
        }
        double[] idf = new double[mine.size()];
        if (config.hashBuckets() > 0) {
            mine.sort((a, b) -> Integer.compare(Integer.parseInt(a.key), Integer.parseInt(b.key)));
            int[] buckets = new int[mine.size()];
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = Integer.parseInt(mine.get(i).key);
                idf[i] = idf(config, n, mine.get(i).df);
            }
            return TextSpace.ofBuckets(prefix, config.hashBuckets(), buckets, idf);
        }
        mine.sort((a, b) -> a.key.compareTo(b.key));
        String[] terms = new String[mine.size()];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = mine.get(i).key;
            idf[i] = idf(config, n, mine.get(i).df);
        }
        return TextSpace.ofTerms(prefix, terms, idf);
    }

    private static double idf(FeatureConfig config, int n, int df) {
        return config.idf() ? Math.log((1.0 + n) / (1.0 + df)) + 1.0 : 1.0;
    }
}
