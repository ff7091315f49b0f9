package org.osceclassify.features;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.BooleanProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.EnumProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.osceclassify.features.FeatureConfig.MetadataFamily;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * Turns an {@link OsceDocument} into a sparse feature vector for Tribuo: weighted terms of its title and body,
 * plus metadata indicators. Fitted once on a training corpus by {@link #fit}, then applied unchanged; immutable
 * and thread-safe, and a value: {@link #toBytes()} writes everything it learned and {@link #fromBytes} reads it
 * back, with no taxonomy needed.
 *
 * <h2>Text features</h2>
 * Title and body are each analysed by {@link Tokenizer}, {@link NfkcFilter}, {@link LowerCaseFilter},
 * {@link StopWordFilter}, {@link StemFilter} and {@link NGramFilter} as the {@link FeatureConfig} asks. A term
 * becomes feature {@code title:term} or {@code body:term} (or {@code text:term} with one namespace) with value
 * {@code (1 + ln tf) * idf}, where {@code idf = ln((1 + n) / (1 + df)) + 1} over the {@code n} training documents
 * (scikit-learn's smooth IDF), then scaled to unit L2 length per namespace or per document.
 *
 * <p>IDF is learned here rather than with Tribuo's {@code TransformTrainer} and {@code IDFTransformation}: those
 * would save the weights inside the Tribuo model, apart from the vocabulary, term weighting and normalisation
 * they depend on, and would normalise after the fact in a second pass over every example. Keeping the whole
 * text transformation in one fitted object lets the model bundle carry it as one unit (Tribuo issue 283) and
 * makes extraction a single pass.
 *
 * <h2>Metadata features</h2>
 * Each {@link MetadataFamily} that is switched on adds indicator features under {@code meta:}, all of the value
 * {@link FeatureConfig#metadataWeight()}; a value that is missing adds nothing. Names of States and OSCE bodies
 * are found in the text as {@link NameTable} describes; a bag of words cannot say which words were adjacent, so
 * there all of a name's words must merely be present. The dateline place also yields {@code meta:home_of=B} for
 * every body {@code B} whose home city it is: the one signal of the issuing body that survives the loss of word
 * order intact.
 *
 * <h2>Labels</h2>
 * Only the title, body, date, place and content type are read. A document's labels, and its location tags (also
 * given by the site, not the author), never become features.
 *
 * <h2>Determinism</h2>
 * Features come out sorted by name, with unique names. Nothing depends on hash iteration order, the default
 * locale or the machine: the same document gives the same features on every run.
 */
public final class FeaturePipeline {

    private static final Logger LOG = LoggerFactory.getLogger(FeaturePipeline.class);
    /** The most tokens {@link #slotsOf} remembers, bounding its memory on an endless stream of new words. */
    private static final int MEMO_LIMIT = 1 << 17;

    /** Feature name prefixes. */
    static final String TITLE = "title:";
    static final String BODY = "body:";
    static final String TEXT = "text:";
    static final String META = "meta:";

    private final FeatureConfig config;
    private final int trainingDocuments;
    private final List<String> stopWords;
    /** The body (or, with one namespace, the whole text) features. */
    private final TextSpace body;
    /** The title features, or null with one namespace. */
    private final TextSpace title;
    private final NameTable states;
    private final NameTable bodies;
    /** Body names by the key of their home city, each list sorted. */
    private final SortedMap<String, List<String>> homes;

    /** The first step of every pipeline, the same for all: see {@link #analyze}. */
    private static final Analyzer NORMALIZER = Analyzer.normalizing();
    private final Analyzer terms;
    private final byte[] encoded;

    /** Normalised token to slots, see {@link #slotsOf}; safe to share between threads. */
    private final ConcurrentHashMap<String, int[]> memo = new ConcurrentHashMap<>();

    FeaturePipeline(FeatureConfig config, int trainingDocuments, List<String> stopWords, TextSpace body,
                    TextSpace title, NameTable states, NameTable bodies, SortedMap<String, List<String>> homes) {
        this.config = config;
        this.trainingDocuments = trainingDocuments;
        this.stopWords = List.copyOf(new TreeSet<>(stopWords));
        this.body = body;
        this.title = title;
        this.states = states;
        this.bodies = bodies;
        TreeMap<String, List<String>> h = new TreeMap<>();
        homes.forEach((city, names) -> h.put(city, List.copyOf(new TreeSet<>(names))));
        this.homes = Collections.unmodifiableSortedMap(h);
        this.terms = Analyzer.terms(config, new HashSet<>(this.stopWords));
        this.encoded = PipelineCodec.encode(this);
    }

    /**
     * Learns the vocabulary and IDF weights from {@code training}, and the names to match from {@code taxonomy}.
     *
     * @throws IllegalArgumentException if {@code training} holds no document
     */
    public static FeaturePipeline fit(FeatureConfig config, Taxonomy taxonomy, Iterable<OsceDocument> training) {
        Set<String> stop = config.stopWords() ? StopWordFilter.english() : Set.of();
        Analyzer terms = Analyzer.terms(config, stop);
        boolean split = config.titleNamespace();
        Map<String, int[]> bodyDf = new HashMap<>();
        Map<String, int[]> titleDf = new HashMap<>();
        Map<String, Optional<String>> termOf = new HashMap<>();
        int n = 0;
        for (OsceDocument doc : training) {
            n++;
            List<String> titleTerms = terms.filter(NORMALIZER.analyze(doc.title()), termOf);
            List<String> bodyTerms = terms.filter(NORMALIZER.analyze(doc.body()), termOf);
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
        collect(split ? BODY : TEXT, bodyDf, config.minDf(), kept);
        if (split) {
            collect(TITLE, titleDf, config.minDf(), kept);
        }
        if (config.maxVocabulary() > 0 && kept.size() > config.maxVocabulary()) {
            kept.sort((a, b) -> a.df != b.df ? Integer.compare(b.df, a.df)
                    : (a.prefix + a.key).compareTo(b.prefix + b.key));
            kept = new ArrayList<>(kept.subList(0, config.maxVocabulary()));
        }
        TextSpace bodySpace = space(split ? BODY : TEXT, kept, n, config);
        TextSpace titleSpace = split ? space(TITLE, kept, n, config) : null;

        List<NameTable.Phrase> statePhrases = new ArrayList<>();
        for (Taxonomy.State s : taxonomy.states()) {
            statePhrases.addAll(NameTable.phrases(s.name(), withAliases(s.name(), s.aliases()), NORMALIZER));
        }
        List<NameTable.Phrase> bodyPhrases = new ArrayList<>();
        SortedMap<String, List<String>> homes = new TreeMap<>();
        for (Taxonomy.SourceBody s : taxonomy.sources()) {
            bodyPhrases.addAll(NameTable.phrases(s.name(), withAliases(s.name(), s.aliases()), NORMALIZER));
            String city = Names.key(s.homeCity());
            if (!city.isEmpty()) {
                homes.computeIfAbsent(city, k -> new ArrayList<>()).add(s.name());
            }
        }
        FeaturePipeline fitted = new FeaturePipeline(config, n, List.copyOf(stop), bodySpace, titleSpace,
                new NameTable(statePhrases), new NameTable(bodyPhrases), homes);
        LOG.debug("fitted features on {} documents: {} text features, {} State and {} body names; {}", n,
                fitted.vocabularySize(), fitted.states.phrases().size(), fitted.bodies.phrases().size(), config);
        return fitted;
    }

    private static List<String> withAliases(String name, List<String> aliases) {
        List<String> all = new ArrayList<>(aliases.size() + 1);
        all.add(name);
        all.addAll(aliases);
        return all;
    }

    /** A term (or bucket, as decimal text) of a namespace with its document frequency. */
    private record Candidate(String prefix, String key, int df) {
    }

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
        String[] termArray = new String[mine.size()];
        for (int i = 0; i < termArray.length; i++) {
            termArray[i] = mine.get(i).key;
            idf[i] = idf(config, n, mine.get(i).df);
        }
        return TextSpace.ofTerms(prefix, termArray, idf);
    }

    private static double idf(FeatureConfig config, int n, int df) {
        return config.idf() ? Math.log((1.0 + n) / (1.0 + df)) + 1.0 : 1.0;
    }

    // ---------------------------------------------------------------------------------------------- extraction

    /** The features of {@code doc}, sorted by name, with unique names; never from its labels. */
    public List<Feature> features(OsceDocument doc) {
        Vector v = vector(doc);
        List<Feature> out = new ArrayList<>(v.size);
        for (int i = 0; i < v.size; i++) {
            out.add(new Feature(v.names[i], v.values[i]));
        }
        return out;
    }

    /** A Tribuo example of {@code doc}'s features with the given output (the label, or the unknown output). */
    public <T extends Output<T>> Example<T> example(OsceDocument doc, T output) {
        Vector v = vector(doc);
        return new ArrayExample<>(output, v.size == v.names.length ? v.names : Arrays.copyOf(v.names, v.size),
                v.size == v.values.length ? v.values : Arrays.copyOf(v.values, v.size));
    }

    /** Feature names and values, sorted by name, in arrays possibly longer than {@code size}. */
    private record Vector(String[] names, double[] values, int size) {
    }

    /** The weighted slots of one namespace. */
    private static final class Weights {
        final int[] slots;
        final double[] values;
        int size;

        Weights(int capacity) {
            this.slots = new int[capacity];
            this.values = new double[capacity];
        }

        double sumOfSquares() {
            double s = 0;
            for (int i = 0; i < size; i++) {
                s += values[i] * values[i];
            }
            return s;
        }

        void scale(double factor) {
            for (int i = 0; i < size; i++) {
                values[i] *= factor;
            }
        }
    }

    /** A document's weighted text slots per namespace and its metadata feature names: what both outputs share. */
    private record Parts(Weights body, Weights title, List<String> meta) {
    }

    /**
     * A document with its title and body tokenised and normalised: the first step of every pipeline, which is the
     * same for all pipelines, so that one analysis can feed several of them through {@link #extract(Analysis,
     * FeatureSink)}. Immutable.
     */
    public static final class Analysis {
        private final OsceDocument doc;
        private final List<String> titleTokens;
        private final List<String> bodyTokens;

        private Analysis(OsceDocument doc) {
            this.doc = doc;
            this.titleTokens = NORMALIZER.analyze(doc.title());
            this.bodyTokens = NORMALIZER.analyze(doc.body());
        }
    }

    /** The analysis of {@code doc} that every pipeline starts from. */
    public static Analysis analyze(OsceDocument doc) {
        return new Analysis(doc);
    }

    private Parts parts(Analysis analysis) {
        OsceDocument doc = analysis.doc;
        List<String> titleTokens = analysis.titleTokens;
        List<String> bodyTokens = analysis.bodyTokens;

        Weights bodyW;
        Weights titleW = null;
        if (terms.ngrams() == 1) {
            // Unigrams: each normalised token maps to its slots through the memo, skipping stop words and stems.
            if (title != null) {
                bodyW = weigh(body, 0, bodyTokens, List.of());
                titleW = weigh(title, 1, titleTokens, List.of());
            } else {
                bodyW = weigh(body, 0, titleTokens, bodyTokens);
            }
        } else {
            List<String> titleTerms = terms.filter(titleTokens);
            List<String> bodyTerms = terms.filter(bodyTokens);
            if (title != null) {
                bodyW = weigh(body, -1, bodyTerms, List.of());
                titleW = weigh(title, -1, titleTerms, List.of());
            } else {
                bodyW = weigh(body, -1, titleTerms, bodyTerms);
            }
        }
        switch (config.normalization()) {
            case PER_NAMESPACE -> {
                unit(bodyW, bodyW.sumOfSquares());
                if (titleW != null) {
                    unit(titleW, titleW.sumOfSquares());
                }
            }
            case PER_DOCUMENT -> {
                double ss = bodyW.sumOfSquares() + (titleW == null ? 0 : titleW.sumOfSquares());
                unit(bodyW, ss);
                if (titleW != null) {
                    unit(titleW, ss);
                }
            }
            case NONE -> { }
        }
        return new Parts(bodyW, titleW, metadata(doc, titleTokens, bodyTokens));
    }

    private Vector vector(OsceDocument doc) {
        Parts parts = parts(analyze(doc));
        int size = parts.body().size + parts.meta().size() + (parts.title() == null ? 0 : parts.title().size);
        String[] names = new String[size];
        double[] values = new double[size];
        int[] k = {0};
        emit(parts, new FeatureSink() {
            @Override
            public void text(int index, double value) {
                names[k[0]] = textFeatureName(index);
                values[k[0]++] = value;
            }

            @Override
            public void meta(String name, double value) {
                names[k[0]] = name;
                values[k[0]++] = value;
            }
        });
        return new Vector(names, values, k[0]);
    }

    /**
     * Receives a document's features from {@link #extract} in name order, the order of {@link #features}: text
     * features by index (see {@link #textFeatureName}), metadata features, of the configured
     * {@link FeatureConfig#metadataWeight() weight}, by name.
     */
    public interface FeatureSink {
        /** A text feature: its index in {@code [0, vocabularySize())} and its weight. */
        void text(int index, double value);

        /** A metadata feature and its value, the configured metadata weight. */
        void meta(String name, double value);
    }

    /**
     * The features of {@code doc} as {@link #features} gives them, without naming the text features: for scoring
     * many documents against a model whose feature indices were looked up once through {@link #textFeatureName}.
     */
    public void extract(OsceDocument doc, FeatureSink sink) {
        extract(analyze(doc), sink);
    }

    /** {@link #extract(OsceDocument, FeatureSink)} from a document's {@link #analyze analysis}. */
    public void extract(Analysis analysis, FeatureSink sink) {
        emit(parts(analysis), sink);
    }

    /** A document's parts to {@code sink} in name order: "body:" (or "text:" after "meta:"), "meta:", "title:". */
    private void emit(Parts parts, FeatureSink sink) {
        if (title != null) {
            emit(parts.body(), 0, sink);
        }
        for (String m : parts.meta()) {
            sink.meta(m, config.metadataWeight());
        }
        if (title == null) {
            emit(parts.body(), 0, sink);
        } else {
            emit(parts.title(), body.size(), sink);
        }
    }

    private static void emit(Weights w, int offset, FeatureSink sink) {
        for (int i = 0; i < w.size; i++) {
            sink.text(offset + w.slots[i], w.values[i]);
        }
    }

    /**
     * The name of text feature {@code index}, {@code 0 <= index < vocabularySize()}: the body (or text) features
     * first, then the title features, each in name order.
     */
    public String textFeatureName(int index) {
        Objects.checkIndex(index, vocabularySize());
        return index < body.size() ? body.names[index] : title.names[index - body.size()];
    }

    private static void unit(Weights w, double sumOfSquares) {
        if (sumOfSquares > 0) {
            w.scale(1.0 / Math.sqrt(sumOfSquares));
        }
    }

    /**
     * Counts and weighs the features of one namespace. With {@code memoIndex >= 0} the lists hold normalised
     * tokens, looked up through {@link #slotsOf}; with -1 they hold finished terms.
     */
    private Weights weigh(TextSpace space, int memoIndex, List<String> a, List<String> b) {
        int[] slots = new int[a.size() + b.size()];
        int k = collect(space, memoIndex, a, slots, 0);
        k = collect(space, memoIndex, b, slots, k);
        Arrays.sort(slots, 0, k);
        Weights w = new Weights(k);
        for (int i = 0; i < k; ) {
            int j = i + 1;
            while (j < k && slots[j] == slots[i]) {
                j++;
            }
            int tf = j - i;
            w.slots[w.size] = slots[i];
            w.values[w.size++] = (config.sublinearTf() ? 1.0 + Math.log(tf) : tf) * space.idf[slots[i]];
            i = j;
        }
        return w;
    }

    /**
     * Appends the slot of each token of {@code tokens} that is a feature of {@code space} to {@code slots} from
     * {@code k}; returns the new end. A token equal to the one before it (a bag of words repeats a word in a row)
     * reuses that token's slot instead of being looked up again.
     */
    private int collect(TextSpace space, int memoIndex, List<String> tokens, int[] slots, int k) {
        String previous = null;
        int previousSlot = -1;
        for (int i = 0, n = tokens.size(); i < n; i++) {
            String token = tokens.get(i);
            int s;
            if (token.equals(previous)) {
                s = previousSlot;
            } else {
                s = memoIndex >= 0 ? slotsOf(token)[memoIndex] : space.slot(token);
                previous = token;
                previousSlot = s;
            }
            if (s >= 0) {
                slots[k++] = s;
            }
        }
        return k;
    }

    /**
     * The slots of a normalised token in the body (or text) space and the title space, -1 where it is no
     * feature. Stop-word removal, stemming and the vocabulary look-up are a pure function of the token, so their
     * result is memoised, up to {@value #MEMO_LIMIT} tokens; the memo changes speed, never output.
     */
    private int[] slotsOf(String token) {
        int[] slots = memo.get(token);
        if (slots == null) {
            String term = terms.term(token);
            slots = new int[] {term == null ? -1 : body.slot(term),
                    term == null || title == null ? -1 : title.slot(term)};
            if (memo.size() < MEMO_LIMIT) {
                memo.putIfAbsent(token, slots);
            }
        }
        return slots;
    }

    /** The metadata feature names of {@code doc}, sorted and unique. */
    private List<String> metadata(OsceDocument doc, List<String> titleTokens, List<String> bodyTokens) {
        List<String> out = new ArrayList<>();
        if (config.has(MetadataFamily.CONTENT_TYPE)) {
            String type = Names.key(doc.contentType());
            if (!type.isEmpty()) {
                out.add(META + "type=" + type);
            }
        }
        boolean wantPlace = config.has(MetadataFamily.PLACE) || config.has(MetadataFamily.BODIES);
        String place = wantPlace ? Names.key(doc.place()) : "";
        if (wantPlace && place.isEmpty()) {
            place = Names.dateline(doc.body());
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
            List<String> home = place.isEmpty() ? null : homes.get(place);
            if (home != null) {
                for (String b : home) {
                    out.add(META + "home_of=" + b);
                }
            }
        }
        if (config.has(MetadataFamily.LENGTH)) {
            int words = titleTokens.size() + bodyTokens.size();
            if (words > 0) {
                out.add(META + "length=" + lengthBucket(words));
            }
        }
        if (out.size() > 1) {
            out.sort(null);
            int u = 1;
            for (int i = 1; i < out.size(); i++) {
                if (!out.get(i).equals(out.get(u - 1))) {
                    out.set(u++, out.get(i));
                }
            }
            out.subList(u, out.size()).clear();
        }
        return out;
    }

    /** Doubling buckets of a word count: 1-15, 16-31, 32-63, ..., 256-511, 512+. */
    static String lengthBucket(int words) {
        if (words < 16) {
            return "1-15";
        }
        int low = Integer.highestOneBit(words);
        return low >= 512 ? "512+" : low + "-" + (2 * low - 1);
    }

    // ---------------------------------------------------------------------------------------------- accessors

    public FeatureConfig config() {
        return config;
    }

    /** The number of text features (terms or hash buckets, over all namespaces); metadata features excluded. */
    public int vocabularySize() {
        return body.size() + (title == null ? 0 : title.size());
    }

    /** The number of documents the pipeline was fitted on. */
    public int trainingDocuments() {
        return trainingDocuments;
    }

    List<String> stopWords() {
        return stopWords;
    }

    TextSpace body() {
        return body;
    }

    TextSpace title() {
        return title;
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

    /**
     * The configuration and what was learned, as Tribuo provenance to pass to
     * {@code Trainer.train(dataset, runProvenance)}, so that a model records how its features were made. Keys
     * start with {@code features.}; {@code features.sha256} fingerprints the whole fitted pipeline.
     */
    public Map<String, Provenance> provenance() {
        Map<String, Provenance> p = new TreeMap<>();
        put(p, new StringProvenance("features.format", PipelineCodec.FORMAT_NAME + "/" + PipelineCodec.VERSION));
        put(p, new BooleanProvenance("features.stemming", config.stemming()));
        put(p, new IntProvenance("features.ngrams", config.ngrams()));
        put(p, new BooleanProvenance("features.stopWords", config.stopWords()));
        put(p, new BooleanProvenance("features.titleNamespace", config.titleNamespace()));
        put(p, new IntProvenance("features.minDf", config.minDf()));
        put(p, new IntProvenance("features.maxVocabulary", config.maxVocabulary()));
        put(p, new IntProvenance("features.hashBuckets", config.hashBuckets()));
        put(p, new BooleanProvenance("features.sublinearTf", config.sublinearTf()));
        put(p, new BooleanProvenance("features.idf", config.idf()));
        put(p, new EnumProvenance<>("features.normalization", config.normalization()));
        put(p, new IntProvenance("features.periodYears", config.periodYears()));
        put(p, new StringProvenance("features.metadata",
                String.join(",", config.metadata().stream().map(Enum::name).toList())));
        put(p, new DoubleProvenance("features.metadataWeight", config.metadataWeight()));
        put(p, new IntProvenance("features.vocabularySize", vocabularySize()));
        put(p, new IntProvenance("features.trainingDocuments", trainingDocuments));
        put(p, new StringProvenance("features.sha256", sha256(encoded)));
        return Collections.unmodifiableMap(p);
    }

    private static void put(Map<String, Provenance> map, PrimitiveProvenance<?> p) {
        map.put(p.getKey(), p);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Everything the pipeline learned and its settings, in the versioned format {@link #fromBytes} reads. */
    public byte[] toBytes() {
        return encoded.clone();
    }

    /**
     * Reads a pipeline written by {@link #toBytes()}. Never runs Java deserialisation.
     *
     * @throws IOException if the bytes are not a pipeline of a known version, are truncated or corrupted
     */
    public static FeaturePipeline fromBytes(byte[] bytes) throws IOException {
        return PipelineCodec.decode(bytes);
    }

    /** Two pipelines are equal when they were fitted alike: same settings, vocabulary, weights and name tables. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FeaturePipeline p && Arrays.equals(encoded, p.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "FeaturePipeline{" + config + ", vocabularySize=" + vocabularySize() + ", trainingDocuments="
                + trainingDocuments + "}";
    }
}
