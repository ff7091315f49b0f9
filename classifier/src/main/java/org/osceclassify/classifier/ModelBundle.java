package org.osceclassify.classifier;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.osceclassify.features.FeaturePipeline;
import org.osceclassify.features.SentenceEncoder;
import org.osceclassify.model.CorpusException;
import org.osceclassify.model.Taxonomy;

/**
 * Maps a {@link TrainedClassifier} and its evaluation to the named entries of a {@link BundleFile} and back.
 *
 * <p>Each task's {@link LinearModel} is stored in its own byte format ({@link LinearModelCodec}), the feature
 * pipeline in its own ({@code FeaturePipeline.toBytes}), the taxonomy as its CSV files, and settings, summary and
 * evaluation as JSON. Reading parses each with bounds checks and checks that each model fits its pipeline; nothing
 * in it is Java deserialisation or reflection. No wall-clock time is stored, so the same corpus and settings give
 * the same bundle bytes.
 */
final class ModelBundle {

    static final String MANIFEST = "manifest.json";
    static final String FIELDS_PIPELINE = "fields-pipeline.bin";
    static final String SOURCES_PIPELINE = "sources-pipeline.bin";
    static final String FIELDS_MODEL = "fields-model.bin";
    static final String SOURCES_MODEL = "sources-model.bin";
    static final String FIELDS_SENTENCES_MODEL = "fields-sentences-model.bin";
    static final String SOURCES_SENTENCES_MODEL = "sources-sentences-model.bin";
    static final String FIELDS_COMBINERS = "fields-combiners.bin";
    static final String SOURCES_COMBINERS = "sources-combiners.bin";
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
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(MANIFEST, manifest(c).getBytes(StandardCharsets.UTF_8));
        c.fieldsPipeline().ifPresent(p -> entries.put(FIELDS_PIPELINE, p.toBytes()));
        c.sourcesPipeline().ifPresent(p -> entries.put(SOURCES_PIPELINE, p.toBytes()));
        c.fieldsModel().ifPresent(m -> entries.put(FIELDS_MODEL, LinearModelCodec.encode(m)));
        c.sourcesModel().ifPresent(m -> entries.put(SOURCES_MODEL, LinearModelCodec.encode(m)));
        c.fieldsStack().ifPresent(st -> {
            entries.put(FIELDS_SENTENCES_MODEL, LinearModelCodec.encode(st.sentences()));
            entries.put(FIELDS_COMBINERS, CombinerCodec.encode(st.combiners()));
        });
        c.sourcesStack().ifPresent(st -> {
            entries.put(SOURCES_SENTENCES_MODEL, LinearModelCodec.encode(st.sentences()));
            entries.put(SOURCES_COMBINERS, CombinerCodec.encode(st.combiners()));
        });
        c.taxonomy().toCsv().forEach((name, csv) ->
                entries.put(TAXONOMY_PREFIX + name, csv.getBytes(StandardCharsets.UTF_8)));
        evaluation.ifPresent(e -> entries.put(EVALUATION,
                EvaluationReports.toJson(e.withoutWorstErrors()).getBytes(StandardCharsets.UTF_8)));
        return entries;
    }

    static Contents read(Path file) throws IOException {
        return read(BundleFile.read(file), file.toString());
    }

    /** The classifier in a bundle's entries; {@code name} names the bundle in messages. */
    static Contents read(Map<String, byte[]> entries, String name) throws BundleException {
        try {
            ManifestJson manifest = ManifestJson.parse(require(entries, MANIFEST, name));
            Set<TrainedClassifier.Task> tasks = tasks(manifest.strings("tasks"));
            boolean hasFields = tasks.contains(TrainedClassifier.Task.FIELDS_OF_WORK);
            boolean hasSources = tasks.contains(TrainedClassifier.Task.SOURCE_BODIES);
            byte[] fieldsBytes = taskEntry(entries, FIELDS_PIPELINE, hasFields, name);
            byte[] sourcesBytes = taskEntry(entries, SOURCES_PIPELINE, hasSources, name);
            FeaturePipeline fieldsPipeline = fieldsBytes == null ? null : FeaturePipeline.fromBytes(fieldsBytes);
            // One object for two equal pipelines, so that a document's features are extracted once.
            FeaturePipeline sourcesPipeline = sourcesBytes == null ? null
                    : fieldsBytes != null && Arrays.equals(fieldsBytes, sourcesBytes)
                    ? fieldsPipeline : FeaturePipeline.fromBytes(sourcesBytes);
            byte[] fieldsModel = taskEntry(entries, FIELDS_MODEL, hasFields, name);
            byte[] sourcesModel = taskEntry(entries, SOURCES_MODEL, hasSources, name);
            LinearModel fields = fieldsModel == null ? null : model(fieldsModel, FIELDS_MODEL, false);
            LinearModel sources = sourcesModel == null ? null : model(sourcesModel, SOURCES_MODEL, true);
            Map<String, String> taxonomyFiles = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                if (entry.getKey().startsWith(TAXONOMY_PREFIX)) {
                    taxonomyFiles.put(entry.getKey().substring(TAXONOMY_PREFIX.length()),
                            new String(entry.getValue(), StandardCharsets.UTF_8));
                }
            }
            Taxonomy taxonomy = Taxonomy.fromCsv(taxonomyFiles);
            TrainingSettings settings = settings(manifest.object("settings"), fieldsPipeline, sourcesPipeline);
            boolean stacked = settings.ensemble() == TrainingSettings.Ensemble.WORDS_SENTENCES;
            SentenceEncoder encoder = stacked ? encoder(manifest, name) : null;
            SentenceStack fieldsStack = !stacked || fields == null ? null : stack(entries, FIELDS_SENTENCES_MODEL,
                    FIELDS_COMBINERS, false, encoder, name);
            SentenceStack sourcesStack = !stacked || sources == null ? null : stack(entries, SOURCES_SENTENCES_MODEL,
                    SOURCES_COMBINERS, true, encoder, name);
            TrainedClassifier classifier = new TrainedClassifier(fieldsPipeline, fields, sourcesPipeline, sources,
                    taxonomy, settings, summary(manifest.object("summary")), fieldsStack, sourcesStack, encoder);
            byte[] evaluation = entries.get(EVALUATION);
            return new Contents(classifier, () -> evaluation == null ? Optional.empty()
                    : Optional.of(evaluation(evaluation, name)));
        } catch (BundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // The checksum matched, so the bytes are as written: a bundle from another build, or made by hand.
            throw new BundleException(name + ": the model bundle cannot be read by this osce-classify ("
                    + oneLine(e instanceof CorpusException ce ? ce.reason() : e.getMessage()) + ")", e);
        }
    }

    /**
     * The sentence encoder a bundle trained with sentence embeddings names, which must be on the class path with
     * the very model (by checksum) it was trained with: otherwise one clear message, not wrong probabilities.
     */
    private static SentenceEncoder encoder(ManifestJson manifest, String name) throws BundleException {
        ManifestJson recorded = manifest.object("encoder");
        String encoderName = recorded.text("name");
        String checksum = recorded.text("checksum");
        SentenceEncoder encoder = SentenceEncoder.named(encoderName).orElseThrow(() -> new BundleException(name
                + ": the model was trained with sentence embeddings by " + encoderName + ", and no such sentence "
                + "encoder is on the class path: add the osce-classify-embeddings module, or use a model trained "
                + "with --profile fast"));
        if (!encoder.checksum().equals(checksum)) {
            throw new BundleException(name + ": the model was trained with sentence embeddings by " + encoderName
                    + " " + checksum + ", but the encoder on the class path is " + encoder.checksum()
                    + "; train the model again with this osce-classify");
        }
        return encoder;
    }

    private static SentenceStack stack(Map<String, byte[]> entries, String modelEntry, String combinersEntry,
                                       boolean exclusive, SentenceEncoder encoder, String name) throws IOException {
        LinearModel sentences = model(require(entries, modelEntry, name), modelEntry, exclusive);
        List<Combiner> combiners;
        try {
            combiners = CombinerCodec.decode(require(entries, combinersEntry, name));
        } catch (BundleException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(combinersEntry + ": " + e.getMessage(), e);
        }
        return new SentenceStack(encoder.name(), encoder.checksum(), sentences, combiners);
    }

    private static LinearModel model(byte[] bytes, String entry, boolean exclusive) throws IOException {
        LinearModel model;
        try {
            model = LinearModelCodec.decode(bytes);
        } catch (IOException e) {
            throw new IOException(entry + ": " + e.getMessage(), e);
        }
        if (model.exclusive() != exclusive) {
            throw new IOException(entry + " holds a model of the other task");
        }
        return model;
    }

    /** A message on one line, at most 200 characters, whatever the bytes it quotes. */
    private static String oneLine(String message) {
        String line = String.valueOf(message).replaceAll("[\\r\\n\\t]+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    private static Evaluation evaluation(byte[] json, String name) {
        try {
            return EvaluationReports.fromJson(new String(json, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(name + ": the evaluation in the model bundle cannot be read by this "
                    + "osce-classify (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The tasks the manifest lists: at least one, each once, by their {@link TrainedClassifier.Task#id() ids}. A task
     * not listed was left out in training, and its entries must be absent.
     */
    private static Set<TrainedClassifier.Task> tasks(List<String> ids) {
        Set<TrainedClassifier.Task> tasks = EnumSet.noneOf(TrainedClassifier.Task.class);
        for (String id : ids) {
            TrainedClassifier.Task task = Arrays.stream(TrainedClassifier.Task.values())
                    .filter(t -> t.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the manifest lists an unknown task \""
                            + id + "\""));
            if (!tasks.add(task)) {
                throw new IllegalArgumentException("the manifest lists the task \"" + id + "\" twice");
            }
        }
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("the manifest lists no task");
        }
        return tasks;
    }

    /** A task's entry: required when the manifest lists the task, refused when it does not (then null). */
    private static byte[] taskEntry(Map<String, byte[]> entries, String entry, boolean trained, String name)
            throws BundleException {
        if (trained) {
            return require(entries, entry, name);
        }
        if (entries.containsKey(entry)) {
            throw new BundleException(name + ": the model bundle has " + entry + " for a task its manifest says "
                    + "was left out");
        }
        return null;
    }

    private static byte[] require(Map<String, byte[]> entries, String entry, String name) throws BundleException {
        byte[] bytes = entries.get(entry);
        if (bytes == null) {
            throw new BundleException(name + ": the model bundle has no " + entry);
        }
        return bytes;
    }

    private static String manifest(TrainedClassifier c) {
        StringWriter out = new StringWriter();
        TrainingSettings s = c.settings();
        TrainedClassifier.Summary summary = c.summary();
        try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeNumberField("format", BundleFile.FORMAT_VERSION);
            g.writeArrayFieldStart("tasks");
            for (TrainedClassifier.Task task : c.tasks()) {
                g.writeString(task.id());
            }
            g.writeEndArray();
            g.writeObjectFieldStart("settings");
            for (Map.Entry<String, String> setting : s.asText().entrySet()) {
                g.writeStringField(setting.getKey(), setting.getValue());
            }
            g.writeEndObject();
            Optional<SentenceEncoder> encoder = c.encoder();
            if (encoder.isPresent()) {
                g.writeObjectFieldStart("encoder");
                g.writeStringField("name", encoder.get().name());
                g.writeStringField("checksum", encoder.get().checksum());
                g.writeNumberField("dimension", encoder.get().dimension());
                g.writeEndObject();
            }
            g.writeObjectFieldStart("summary");
            g.writeNumberField("items", summary.items());
            g.writeNumberField("fields_items", summary.fieldsItems());
            g.writeNumberField("sources_items", summary.sourcesItems());
            writeCounts(g, "field_counts", summary.fieldCounts());
            writeCounts(g, "source_counts", summary.sourceCounts());
            g.writeArrayFieldStart("languages");
            for (String language : summary.languages()) {
                g.writeString(language);
            }
            g.writeEndArray();
            g.writeStringField("corpus", summary.corpus());
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

    /** The settings, which must name the feature configurations the pipelines were fitted with. */
    private static TrainingSettings settings(ManifestJson s, FeaturePipeline fieldsPipeline,
                                             FeaturePipeline sourcesPipeline) throws IOException {
        Map<String, String> text = new LinkedHashMap<>();
        s.values().forEach((name, value) -> text.put(name, String.valueOf(value)));
        TrainingSettings settings = TrainingSettings.fromText(text);
        if (fieldsPipeline != null && !fieldsPipeline.config().equals(settings.fieldsFeatures())
                || sourcesPipeline != null && !sourcesPipeline.config().equals(settings.sourcesFeatures())) {
            throw new IOException("the settings name other features than the pipelines were fitted with");
        }
        return settings;
    }

    /** The training summary; its duration is not stored (it would make bundles differ), so it reads as zero. */
    private static TrainedClassifier.Summary summary(ManifestJson s) {
        return new TrainedClassifier.Summary(s.number("items").intValue(), s.number("fields_items").intValue(),
                s.number("sources_items").intValue(), counts(s.object("field_counts")),
                counts(s.object("source_counts")), s.strings("languages"), s.text("corpus"), Duration.ZERO);
    }

    private static Map<String, Integer> counts(ManifestJson counts) {
        Map<String, Integer> out = new TreeMap<>();
        counts.values().forEach((key, value) -> out.put(key, ((Number) value).intValue()));
        return out;
    }
}
