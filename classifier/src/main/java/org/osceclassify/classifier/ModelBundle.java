package org.osceclassify.classifier;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

    private static final JsonFactory JSON = new JsonFactory();

    private ModelBundle() {
    }

    /**
     * A classifier as read back from a bundle, with the evaluation that was saved beside it, if any. The evaluation
     * is read when asked for: only {@code inspect} and saving again need it, and reading it would set up Jackson's
     * data binding for every command that loads a bundle.
     */
    record Contents(TrainedClassifier classifier, Supplier<Optional<Evaluation>> evaluation) {
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
        evaluation.ifPresent(e -> entries.put(EVALUATION,
                EvaluationReports.toJson(e).getBytes(StandardCharsets.UTF_8)));
        return entries;
    }

    static Contents read(Path file) throws IOException {
        Map<String, byte[]> entries = BundleFile.read(file);
        String name = file.toString();
        try {
            Json manifest = Json.parse(require(entries, MANIFEST, name));
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
            TrainingSettings settings = settings(manifest.object("settings"), fieldsPipeline, sourcesPipeline);
            Map<String, Double> thresholds = new LinkedHashMap<>();
            manifest.object("thresholds").values().forEach((field, threshold) ->
                    thresholds.put(field, ((Number) threshold).doubleValue()));
            TrainedClassifier classifier = new TrainedClassifier(fieldsPipeline, fields, thresholds,
                    sourcesPipeline, sources, taxonomy, settings, summary(manifest.object("summary")));
            byte[] evaluation = entries.get(EVALUATION);
            return new Contents(classifier, () -> evaluation == null ? Optional.empty()
                    : Optional.of(evaluation(evaluation, name)));
        } catch (BundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // The checksum matched, so the bytes are as written: this is a bundle from another build.
            throw new BundleException(name + ": the model bundle cannot be read by this osce-classify ("
                    + (e instanceof CorpusException ce ? ce.reason() : e.getMessage()) + ")", e);
        }
    }

    private static Evaluation evaluation(byte[] json, String name) {
        try {
            return EvaluationReports.fromJson(new String(json, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(name + ": the evaluation in the model bundle cannot be read by this "
                    + "osce-classify (" + e.getMessage() + ")", e);
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
        StringWriter out = new StringWriter();
        TrainingSettings s = c.settings();
        TrainedClassifier.Summary summary = c.summary();
        try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeNumberField("format", BundleFile.FORMAT_VERSION);
            g.writeObjectFieldStart("settings");
            g.writeStringField("algorithm", s.algorithm().name());
            g.writeStringField("sources_algorithm", s.sourcesAlgorithm().name());
            g.writeNumberField("fields_cost", s.fieldsCost());
            g.writeNumberField("sources_cost", s.sourcesCost());
            g.writeNumberField("class_weighting", s.classWeighting());
            g.writeNumberField("seed", s.seed());
            g.writeStringField("fields_level", s.fieldsLevel().name());
            g.writeNumberField("min_fields", s.minFields());
            g.writeNumberField("threshold_folds", s.thresholdFolds());
            g.writeNumberField("min_threshold_support", s.minThresholdSupport());
            g.writeNumberField("threshold_shrinkage", s.thresholdShrinkage());
            g.writeNumberField("ensemble_size", s.ensembleSize());
            g.writeNumberField("min_source_count", s.minSourceCount());
            g.writeStringField("source_examples", s.sourceExamples().name());
            g.writeStringField("fields_features", s.fieldsFeatures().toString());
            g.writeStringField("sources_features", s.sourcesFeatures().toString());
            g.writeEndObject();
            g.writeObjectFieldStart("thresholds");
            for (Map.Entry<String, Double> t : new TreeMap<>(c.thresholds()).entrySet()) {
                g.writeNumberField(t.getKey(), t.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("items", summary.items());
            g.writeNumberField("fields_items", summary.fieldsItems());
            g.writeNumberField("sources_items", summary.sourcesItems());
            writeCounts(g, "field_counts", summary.fieldCounts());
            writeCounts(g, "source_counts", summary.sourceCounts());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void writeCounts(JsonGenerator g, String name, Map<String, Integer> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Integer> e : new TreeMap<>(counts).entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** The settings; the feature configurations are those the pipelines were fitted with. */
    private static TrainingSettings settings(Json s, FeaturePipeline fieldsPipeline,
                                             FeaturePipeline sourcesPipeline) {
        return TrainingSettings.builder()
                .algorithm(TrainingSettings.Algorithm.valueOf(s.text("algorithm")))
                .sourcesAlgorithm(TrainingSettings.Algorithm.valueOf(s.text("sources_algorithm")))
                .fieldsCost(s.number("fields_cost").doubleValue())
                .sourcesCost(s.number("sources_cost").doubleValue())
                .classWeighting(s.number("class_weighting").doubleValue())
                .seed(s.number("seed").longValue())
                .fieldsLevel(TrainingSettings.FieldsLevel.valueOf(s.text("fields_level")))
                .minFields(s.number("min_fields").intValue())
                .thresholdFolds(s.number("threshold_folds").intValue())
                .minThresholdSupport(s.number("min_threshold_support").intValue())
                .thresholdShrinkage(s.number("threshold_shrinkage").doubleValue())
                .ensembleSize(s.number("ensemble_size").intValue())
                .minSourceCount(s.number("min_source_count").intValue())
                .sourceExamples(TrainingSettings.SourceExamples.valueOf(s.text("source_examples")))
                .fieldsFeatures(fieldsPipeline.config())
                .sourcesFeatures(sourcesPipeline.config())
                .build();
    }

    /** The training summary; its duration is not stored (it would make bundles differ), so it reads as zero. */
    private static TrainedClassifier.Summary summary(Json s) {
        return new TrainedClassifier.Summary(s.number("items").intValue(), s.number("fields_items").intValue(),
                s.number("sources_items").intValue(), counts(s.object("field_counts")),
                counts(s.object("source_counts")), Duration.ZERO);
    }

    private static Map<String, Integer> counts(Json counts) {
        Map<String, Integer> out = new TreeMap<>();
        counts.values().forEach((key, value) -> out.put(key, ((Number) value).intValue()));
        return out;
    }

    /**
     * A JSON object of the manifest, read with Jackson's streaming parser into its members: strings, numbers and
     * nested objects. Jackson's tree model would do the same, but setting up its data binding took a tenth of a
     * second or more of every command that loads a bundle.
     */
    private record Json(Map<String, Object> values) {

        static Json parse(byte[] json) throws IOException {
            try (JsonParser p = JSON.createParser(json)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new JsonParseException(p, "the manifest is not a JSON object");
                }
                return object(p);
            }
        }

        private static Json object(JsonParser p) throws IOException {
            Map<String, Object> values = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT) {
                    values.put(name, object(p));
                } else if (value.isNumeric()) {
                    values.put(name, p.getNumberValue());
                } else if (value == JsonToken.VALUE_STRING) {
                    values.put(name, p.getText());
                } else {
                    throw new JsonParseException(p, "unexpected " + value + " for \"" + name + "\"");
                }
            }
            return new Json(values);
        }

        String text(String name) {
            return (String) require(name);
        }

        Number number(String name) {
            return (Number) require(name);
        }

        Json object(String name) {
            return (Json) require(name);
        }

        private Object require(String name) {
            Object value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("the manifest has no \"" + name + "\"");
            }
            return value;
        }
    }
}
