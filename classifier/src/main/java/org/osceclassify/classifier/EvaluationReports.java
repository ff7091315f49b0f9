package org.osceclassify.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.osceclassify.model.AtomicFile;
import org.osceclassify.model.CsvTable;

/**
 * Writes an {@link Evaluation} as reports a person or a program reads: {@value #JSON} (everything),
 * {@value #FIELDS_CSV}, {@value #SOURCES_CSV} and {@value #CONFUSION_CSV} (tables), and {@value #HTML}, one
 * self-contained page with SVG charts that opens from disk with no network.
 *
 * <p>Every report is rendered in memory first and each file is then written atomically, so a failed run
 * leaves either the previous report or the new one, never half of one.
 */
public final class EvaluationReports {

    public static final String JSON = "report.json";
    public static final String FIELDS_CSV = "fields.csv";
    public static final String SOURCES_CSV = "sources.csv";
    public static final String CONFUSION_CSV = "confusion.csv";
    public static final String HTML = "report.html";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluationReports() {
    }

    /** Writes all five reports into {@code dir}, creating it if needed; returns the files written. */
    public static List<Path> write(Evaluation evaluation, Path dir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(JSON, toJson(evaluation));
        files.put(FIELDS_CSV, labelScoresCsv(evaluation.fields().perLabel()));
        files.put(SOURCES_CSV, labelScoresCsv(evaluation.sources().perLabel()));
        files.put(CONFUSION_CSV, confusionCsv(evaluation.sources()));
        files.put(HTML, HtmlReport.render(evaluation));
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : files.entrySet()) {
            AtomicFile.write(dir.resolve(file.getKey()), file.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return files.keySet().stream().map(dir::resolve).toList();
    }

    /** The whole evaluation as JSON; a threshold that does not apply is {@code null}. */
    public static String toJson(Evaluation evaluation) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("method", evaluation.method());
        root.put("train_items", evaluation.trainItems());
        root.put("test_items", evaluation.testItems());

        FieldsEvaluation f = evaluation.fields();
        ObjectNode fields = root.putObject("fields");
        fields.put("items", f.items());
        fields.put("micro_f1", f.microF1());
        fields.put("macro_f1", f.macroF1());
        fields.put("micro_precision", f.microPrecision());
        fields.put("micro_recall", f.microRecall());
        fields.put("jaccard", f.jaccard());
        fields.put("hamming_loss", f.hammingLoss());
        putLabelScores(fields.putArray("per_label"), f.perLabel());

        SourcesEvaluation s = evaluation.sources();
        ObjectNode sources = root.putObject("sources");
        sources.put("items", s.items());
        sources.put("top1", s.top1());
        sources.put("top3", s.top3());
        sources.put("macro_f1", s.macroF1());
        putLabelScores(sources.putArray("per_label"), s.perLabel());
        ObjectNode confusion = sources.putObject("confusion");
        ArrayNode labels = confusion.putArray("labels");
        s.labels().forEach(labels::add);
        ArrayNode rows = confusion.putArray("rows");
        for (List<Integer> row : s.confusion()) {
            ArrayNode r = rows.addArray();
            row.forEach(r::add);
        }
        putSpread(root, evaluation.spread());
        putErrors(root.putArray("worst_errors"), evaluation.worstErrors());
        putReliability(root.putObject("fields_calibration"), evaluation.fieldsCalibration());
        putReliability(root.putObject("sources_calibration"), evaluation.sourcesCalibration());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads back what {@link #toJson(Evaluation)} wrote. */
    public static Evaluation fromJson(String json) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        JsonNode f = root.get("fields");
        JsonNode s = root.get("sources");
        List<List<Integer>> confusion = new ArrayList<>();
        s.at("/confusion/rows").forEach(row -> {
            List<Integer> counts = new ArrayList<>();
            row.forEach(n -> counts.add(n.asInt()));
            confusion.add(counts);
        });
        List<String> labels = new ArrayList<>();
        s.at("/confusion/labels").forEach(n -> labels.add(n.asText()));
        return new Evaluation(root.get("method").asText(), root.get("train_items").asInt(),
                root.get("test_items").asInt(),
                new FieldsEvaluation(f.get("items").asInt(), f.get("micro_f1").asDouble(),
                        f.get("macro_f1").asDouble(), f.get("micro_precision").asDouble(),
                        f.get("micro_recall").asDouble(), f.get("jaccard").asDouble(),
                        f.get("hamming_loss").asDouble(), labelScores(f.get("per_label"))),
                new SourcesEvaluation(s.get("items").asInt(), s.get("top1").asDouble(), s.get("top3").asDouble(),
                        s.get("macro_f1").asDouble(), labels, confusion, labelScores(s.get("per_label"))),
                reliability(root.get("fields_calibration")), reliability(root.get("sources_calibration")),
                spread(root.get("fold_spread")), errors(root.get("worst_errors")));
    }

    private static void putErrors(ArrayNode array, List<LabelError> errors) {
        for (LabelError e : errors) {
            ObjectNode o = array.addObject();
            o.put("id", e.id());
            o.put("origin", e.origin());
            o.put("title", e.title());
            o.put("task", e.task());
            o.put("wrong_label", e.wrongLabel());
            o.put("probability", e.probability());
            e.predicted().forEach(o.putArray("predicted")::add);
            e.expected().forEach(o.putArray("expected")::add);
        }
    }

    private static List<LabelError> errors(JsonNode array) {
        List<LabelError> errors = new ArrayList<>();
        if (array != null) {
            array.forEach(o -> errors.add(new LabelError(o.get("id").asText(), o.get("origin").asText(),
                    o.get("title").asText(), o.get("task").asText(), o.get("wrong_label").asText(),
                    o.get("probability").asDouble(), texts(o.get("predicted")), texts(o.get("expected")))));
        }
        return errors;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    /** The spread over folds, when there is one: the sample standard deviation of each headline metric. */
    private static void putSpread(ObjectNode root, FoldSpread spread) {
        if (!spread.present()) {
            return;
        }
        ObjectNode node = root.putObject("fold_spread");
        node.put("folds", spread.folds());
        node.put("statistic", "sample standard deviation over the folds of each fold's own figure");
        ObjectNode fields = node.putObject("fields");
        fields.put("micro_f1", spread.fieldsMicroF1());
        fields.put("macro_f1", spread.fieldsMacroF1());
        fields.put("jaccard", spread.fieldsJaccard());
        ObjectNode sources = node.putObject("sources");
        sources.put("top1", spread.sourcesTop1());
        sources.put("top3", spread.sourcesTop3());
        sources.put("macro_f1", spread.sourcesMacroF1());
    }

    private static FoldSpread spread(JsonNode node) {
        if (node == null) {
            return FoldSpread.NONE;
        }
        JsonNode f = node.get("fields");
        JsonNode s = node.get("sources");
        return new FoldSpread(node.get("folds").asInt(), f.get("micro_f1").asDouble(), f.get("macro_f1").asDouble(),
                f.get("jaccard").asDouble(), s.get("top1").asDouble(), s.get("top3").asDouble(),
                s.get("macro_f1").asDouble());
    }

    private static void putReliability(ObjectNode node, Reliability r) {
        node.put("expected_calibration_error", r.expectedCalibrationError());
        ArrayNode bins = node.putArray("bins");
        for (Reliability.Bin b : r.bins()) {
            ObjectNode bin = bins.addObject();
            bin.put("lower", b.lower());
            bin.put("upper", b.upper());
            bin.put("count", b.count());
            bin.put("mean_probability", b.meanProbability());
            bin.put("observed", b.observed());
        }
    }

    private static Reliability reliability(JsonNode node) {
        if (node == null) {
            return Reliability.NONE;
        }
        List<Reliability.Bin> bins = new ArrayList<>();
        node.get("bins").forEach(b -> bins.add(new Reliability.Bin(b.get("lower").asDouble(),
                b.get("upper").asDouble(), b.get("count").asInt(), b.get("mean_probability").asDouble(),
                b.get("observed").asDouble())));
        return new Reliability(node.get("expected_calibration_error").asDouble(), bins);
    }

    private static List<LabelScores> labelScores(JsonNode array) {
        List<LabelScores> scores = new ArrayList<>();
        array.forEach(o -> scores.add(new LabelScores(o.get("label").asText(), o.get("precision").asDouble(),
                o.get("recall").asDouble(), o.get("f1").asDouble(), o.get("support").asInt(),
                o.get("threshold").isNull() ? Double.NaN : o.get("threshold").asDouble())));
        return scores;
    }

    private static void putLabelScores(ArrayNode array, List<LabelScores> scores) {
        for (LabelScores l : scores) {
            ObjectNode o = array.addObject();
            o.put("label", l.label());
            o.put("precision", l.precision());
            o.put("recall", l.recall());
            o.put("f1", l.f1());
            o.put("support", l.support());
            if (Double.isNaN(l.threshold())) {
                o.putNull("threshold");
            } else {
                o.put("threshold", l.threshold());
            }
        }
    }

    /** Per-label scores as CSV: {@code label,precision,recall,f1,support,threshold}. */
    static String labelScoresCsv(List<LabelScores> scores) {
        return CsvTable.text(List.of("label", "precision", "recall", "f1", "support", "threshold"), printer -> {
            for (LabelScores l : scores) {
                printer.printRecord(l.label(), decimal(l.precision()), decimal(l.recall()), decimal(l.f1()),
                        l.support(), Double.isNaN(l.threshold()) ? "" : decimal(l.threshold()));
            }
        });
    }

    /** The confusion matrix as CSV: one row per actual source, one column per predicted source. */
    static String confusionCsv(SourcesEvaluation sources) {
        List<String> header = new ArrayList<>(List.of("actual\\predicted"));
        header.addAll(sources.labels());
        return CsvTable.text(header, printer -> {
            for (int i = 0; i < sources.labels().size(); i++) {
                printer.print(sources.labels().get(i));
                for (Integer count : sources.confusion().get(i)) {
                    printer.print(count);
                }
                printer.println();
            }
        });
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
