package org.osceclassify.classifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import org.osceclassify.features.FeaturePipeline;
import org.osceclassify.model.CorpusException;
import org.osceclassify.model.Taxonomy;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.protos.core.ModelProto;

/**
 * Maps a {@link TrainedClassifier} and its evaluation to the named entries of a {@link BundleFile} and back.
 *
 * <p>The Tribuo models are stored with Tribuo's protobuf serialisation, the label models of a one-vs-rest model
 * without their copies of its feature domain ({@link ModelSerialization#forBundle()}); the feature pipeline in its
 * own versioned byte format, the taxonomy as its CSV files, and settings, thresholds, summary and evaluation as
 * JSON. The only Java deserialisation is Tribuo's own, of the LibLinear weights inside its models, and it runs
 * only on a bundle whose checksum matched. No wall-clock time is stored, so the same corpus and settings give the
 * same bundle bytes.
 */
final class ModelBundle {

    static final String MANIFEST = "manifest.json";
    static final String FIELDS_PIPELINE = "fields-pipeline.bin";
    static final String SOURCES_PIPELINE = "sources-pipeline.bin";
    static final String FIELDS_MODEL = "fields-model.pb";
    static final String SOURCES_MODEL = "sources-model.pb";
    static final String EVALUATION = "evaluation.json";
    static final String TAXONOMY_PREFIX = "taxonomy/";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ModelBundle() {
    }

    /** A classifier as read back from a bundle, with the evaluation that was saved beside it, if any. */
    record Contents(TrainedClassifier classifier, Optional<Evaluation> evaluation) {
    }

    static void write(Path file, TrainedClassifier classifier, Optional<Evaluation> evaluation) throws IOException {
        BundleFile.write(file, entries(classifier, evaluation));
    }

    static Map<String, byte[]> entries(TrainedClassifier c, Optional<Evaluation> evaluation) {
        // The two models take the longest to serialise, each its own feature domain: the sources model on
        // another thread meanwhile.
        CompletableFuture<byte[]> sourcesModel = CompletableFuture.supplyAsync(
                () -> Reproducible.serialize(c.sourcesModel()).toByteArray());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(MANIFEST, manifest(c).getBytes(StandardCharsets.UTF_8));
        entries.put(FIELDS_PIPELINE, c.fieldsPipeline().toBytes());
        entries.put(SOURCES_PIPELINE, c.sourcesPipeline().toBytes());
        entries.put(FIELDS_MODEL, Reproducible.serialize(c.fieldsModel()).toByteArray());
        entries.put(SOURCES_MODEL, sourcesModel.join());
        c.taxonomy().toCsv().forEach((name, csv) ->
                entries.put(TAXONOMY_PREFIX + name, csv.getBytes(StandardCharsets.UTF_8)));
        evaluation.ifPresent(e -> entries.put(EVALUATION, EvaluationReports.toJson(e).getBytes(StandardCharsets.UTF_8)));
        return entries;
    }

    static Contents read(Path file) throws IOException {
        Map<String, byte[]> entries = BundleFile.read(file);
        String name = file.toString();
        try {
            JsonNode manifest = MAPPER.readTree(require(entries, MANIFEST, name));
            byte[] fieldsBytes = require(entries, FIELDS_PIPELINE, name);
            byte[] sourcesBytes = require(entries, SOURCES_PIPELINE, name);
            FeaturePipeline fieldsPipeline = FeaturePipeline.fromBytes(fieldsBytes);
            // One object for two equal pipelines, so that a document's features are extracted once.
            FeaturePipeline sourcesPipeline = Arrays.equals(fieldsBytes, sourcesBytes)
                    ? fieldsPipeline : FeaturePipeline.fromBytes(sourcesBytes);
            byte[] sourcesModelBytes = require(entries, SOURCES_MODEL, name);
            // The two models take the longest to read: the sources model on another thread meanwhile.
            CompletableFuture<Model<Label>> sourcesModel = CompletableFuture.supplyAsync(() -> {
                try {
                    return model(sourcesModelBytes, Label.class, name);
                } catch (BundleException e) {
                    throw new CompletionException(e);
                }
            });
            Model<MultiLabel> fields = model(require(entries, FIELDS_MODEL, name), MultiLabel.class, name);
            Model<Label> sources;
            try {
                sources = sourcesModel.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof BundleException be) {
                    throw be;
                }
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
            Map<String, String> taxonomyFiles = new LinkedHashMap<>();
            entries.forEach((key, value) -> {
                if (key.startsWith(TAXONOMY_PREFIX)) {
                    taxonomyFiles.put(key.substring(TAXONOMY_PREFIX.length()),
                            new String(value, StandardCharsets.UTF_8));
                }
            });
            Taxonomy taxonomy = Taxonomy.fromCsv(taxonomyFiles);
            TrainingSettings settings = settings(manifest.get("settings"), fieldsPipeline, sourcesPipeline);
            Map<String, Double> thresholds = new LinkedHashMap<>();
            manifest.get("thresholds").fields().forEachRemaining(e -> thresholds.put(e.getKey(),
                    e.getValue().doubleValue()));
            TrainedClassifier classifier = new TrainedClassifier(fieldsPipeline, fields, thresholds,
                    sourcesPipeline, sources, taxonomy, settings, summary(manifest.get("summary")));
            Optional<Evaluation> evaluation = entries.containsKey(EVALUATION)
                    ? Optional.of(EvaluationReports.fromJson(new String(entries.get(EVALUATION),
                    StandardCharsets.UTF_8)))
                    : Optional.empty();
            return new Contents(classifier, evaluation);
        } catch (BundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // The checksum matched, so the bytes are as written: this is a bundle from another build.
            throw new BundleException(name + ": the model bundle cannot be read by this osce-classify ("
                    + (e instanceof CorpusException ce ? ce.reason() : e.getMessage()) + ")", e);
        }
    }

    private static byte[] require(Map<String, byte[]> entries, String entry, String name) throws BundleException {
        byte[] bytes = entries.get(entry);
        if (bytes == null) {
            throw new BundleException(name + ": the model bundle has no " + entry);
        }
        return bytes;
    }

    private static <T extends org.tribuo.Output<T>> Model<T> model(byte[] bytes, Class<T> output, String name)
            throws BundleException {
        try {
            Model<?> model = ModelSerialization.deserialize(ModelProto.parseFrom(bytes));
            if (!model.validate(output)) {
                throw new BundleException(name + ": the model bundle holds a model of the wrong kind");
            }
            return model.castModel(output);
        } catch (InvalidProtocolBufferException e) {
            throw new BundleException(name + ": the model bundle holds an unreadable model", e);
        }
    }

    private static String manifest(TrainedClassifier c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", BundleFile.FORMAT_VERSION);
        TrainingSettings s = c.settings();
        ObjectNode settings = root.putObject("settings");
        settings.put("algorithm", s.algorithm().name());
        settings.put("sources_algorithm", s.sourcesAlgorithm().name());
        settings.put("fields_cost", s.fieldsCost());
        settings.put("sources_cost", s.sourcesCost());
        settings.put("class_weighting", s.classWeighting());
        settings.put("seed", s.seed());
        settings.put("fields_level", s.fieldsLevel().name());
        settings.put("min_fields", s.minFields());
        settings.put("threshold_folds", s.thresholdFolds());
        settings.put("min_threshold_support", s.minThresholdSupport());
        settings.put("threshold_shrinkage", s.thresholdShrinkage());
        settings.put("ensemble_size", s.ensembleSize());
        settings.put("min_source_count", s.minSourceCount());
        settings.put("source_examples", s.sourceExamples().name());
        settings.put("fields_features", s.fieldsFeatures().toString());
        settings.put("sources_features", s.sourcesFeatures().toString());
        ObjectNode thresholds = root.putObject("thresholds");
        new TreeMap<>(c.thresholds()).forEach(thresholds::put);
        TrainedClassifier.Summary summary = c.summary();
        ObjectNode sum = root.putObject("summary");
        sum.put("items", summary.items());
        sum.put("fields_items", summary.fieldsItems());
        sum.put("sources_items", summary.sourcesItems());
        ObjectNode fieldCounts = sum.putObject("field_counts");
        new TreeMap<>(summary.fieldCounts()).forEach(fieldCounts::put);
        ObjectNode sourceCounts = sum.putObject("source_counts");
        new TreeMap<>(summary.sourceCounts()).forEach(sourceCounts::put);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The settings; the feature configurations are those the pipelines were fitted with. */
    private static TrainingSettings settings(JsonNode s, FeaturePipeline fieldsPipeline,
                                             FeaturePipeline sourcesPipeline) {
        return TrainingSettings.builder()
                .algorithm(TrainingSettings.Algorithm.valueOf(s.get("algorithm").asText()))
                .sourcesAlgorithm(TrainingSettings.Algorithm.valueOf(s.get("sources_algorithm").asText()))
                .fieldsCost(s.get("fields_cost").asDouble())
                .sourcesCost(s.get("sources_cost").asDouble())
                .classWeighting(s.get("class_weighting").asDouble())
                .seed(s.get("seed").asLong())
                .fieldsLevel(TrainingSettings.FieldsLevel.valueOf(s.get("fields_level").asText()))
                .minFields(s.get("min_fields").asInt())
                .thresholdFolds(s.get("threshold_folds").asInt())
                .minThresholdSupport(s.get("min_threshold_support").asInt())
                .thresholdShrinkage(s.get("threshold_shrinkage").asDouble())
                .ensembleSize(s.get("ensemble_size").asInt())
                .minSourceCount(s.get("min_source_count").asInt())
                .sourceExamples(TrainingSettings.SourceExamples.valueOf(s.get("source_examples").asText()))
                .fieldsFeatures(fieldsPipeline.config())
                .sourcesFeatures(sourcesPipeline.config())
                .build();
    }

    /** The training summary; its duration is not stored (it would make bundles differ), so it reads as zero. */
    private static TrainedClassifier.Summary summary(JsonNode s) {
        return new TrainedClassifier.Summary(s.get("items").asInt(), s.get("fields_items").asInt(),
                s.get("sources_items").asInt(), counts(s.get("field_counts")), counts(s.get("source_counts")),
                Duration.ZERO);
    }

    private static Map<String, Integer> counts(JsonNode node) {
        Map<String, Integer> counts = new TreeMap<>();
        node.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }
}
