package org.osceclassify.features;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
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
 * Title and body are each analysed by {@link TextSplitter}, {@link NfkcFolding}, {@link LowerCasing},
 * {@link StopWordRemoval}, {@link Stemming} and {@link WordNGrams} as the {@link FeatureConfig} asks. A term
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
 * <h2>Parts</h2>
 * {@link VocabularyFitter} learns the text features, {@link TermWeighting} weighs a document's terms,
 * {@link MetadataFeatures} makes the {@code meta:} features, and {@link PipelineCodec} writes and reads the bytes;
 * this class puts their output together in name order.
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

    private final FeatureConfig config;
    private final int trainingDocuments;
    private final TermWeighting text;
    private final MetadataFeatures metadata;
    private final byte[] encoded;

    FeaturePipeline(FeatureConfig config, int trainingDocuments, TermWeighting text, MetadataFeatures metadata) {
        this.config = config;
        this.trainingDocuments = trainingDocuments;
        this.text = text;
        this.metadata = metadata;
        this.encoded = PipelineCodec.encode(this);
    }

    /**
     * Learns the vocabulary and IDF weights from {@code training}, and the names to match from {@code taxonomy}.
     *
     * @throws IllegalArgumentException if {@code training} holds no document
     */
    public static FeaturePipeline fit(FeatureConfig config, Taxonomy taxonomy, Iterable<OsceDocument> training) {
        VocabularyFitter.Fitted fitted = VocabularyFitter.fit(config, training);
        MetadataFeatures metadata = MetadataFeatures.of(config, taxonomy);
        FeaturePipeline pipeline = new FeaturePipeline(config, fitted.documents(), fitted.text(), metadata);
        LOG.debug("fitted features on {} documents: {} text features, {} State and {} body names; {}",
                fitted.documents(), pipeline.vocabularySize(), metadata.states().phrases().size(),
                metadata.bodies().phrases().size(), config);
        return pipeline;
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

    /** A document's weighted text and its metadata feature names: what every output is made from. */
    private record Parts(TermWeighting.Weighted text, List<String> meta) {
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
            this.titleTokens = AnalysisChain.normalizing().analyze(doc.title());
            this.bodyTokens = AnalysisChain.normalizing().analyze(doc.body());
        }

        /** How many different words the title and body have, stop words included. */
        public int distinctWords() {
            java.util.Set<String> words = new java.util.HashSet<>(titleTokens);
            words.addAll(bodyTokens);
            return words.size();
        }
    }

    /** The analysis of {@code doc} that every pipeline starts from. */
    public static Analysis analyze(OsceDocument doc) {
        return new Analysis(doc);
    }

    private Parts parts(Analysis analysis) {
        return new Parts(text.weigh(analysis.titleTokens, analysis.bodyTokens),
                metadata.names(analysis.doc, analysis.titleTokens, analysis.bodyTokens));
    }

    private Vector vector(OsceDocument doc) {
        Parts parts = parts(analyze(doc));
        TermWeighting.Weighted w = parts.text();
        int size = w.body().size + parts.meta().size() + (w.title() == null ? 0 : w.title().size);
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
        TermWeighting.Weighted w = parts.text();
        if (w.title() != null) {
            w.body().emit(0, sink);
        }
        for (String m : parts.meta()) {
            sink.meta(m, config.metadataWeight());
        }
        if (w.title() == null) {
            w.body().emit(0, sink);
        } else {
            w.title().emit(text.body().size(), sink);
        }
    }

    /**
     * The name of text feature {@code index}, {@code 0 <= index < vocabularySize()}: the body (or text) features
     * first, then the title features, each in name order.
     */
    public String textFeatureName(int index) {
        return text.featureName(index);
    }

    // ---------------------------------------------------------------------------------------------- accessors

    public FeatureConfig config() {
        return config;
    }

    /** The number of text features (terms or hash buckets, over all namespaces); metadata features excluded. */
    public int vocabularySize() {
        return text.size();
    }

    /** The number of documents the pipeline was fitted on. */
    public int trainingDocuments() {
        return trainingDocuments;
    }

    TermWeighting text() {
        return text;
    }

    MetadataFeatures metadata() {
        return metadata;
    }

    /**
     * The configuration and what was learned, as Tribuo provenance to pass to
     * {@code Trainer.train(dataset, runProvenance)}, so that a model records how its features were made. Keys
     * start with {@code features.}; {@code features.sha256} fingerprints the whole fitted pipeline.
     */
    public Map<String, Provenance> provenance() {
        return PipelineProvenance.of(this, encoded);
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
