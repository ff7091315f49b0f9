package org.osceclassify.classifier.tuning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osceclassify.model.AtomicFile;
import org.osceclassify.model.CsvTable;

/**
 * Writes the report of a {@link Tuning} into a folder, each file atomically: {@value #TRIALS_CSV}, one row per
 * trial with every searched setting, the three measures and their standard deviation over the folds and the
 * objective, the same bytes for the same command; {@value #TIMINGS_CSV}, each trial's seconds, kept apart because
 * they differ from run to run; and {@value #HTML}, a self-contained page with the table and a chart.
 */
public final class TuningReport {

    public static final String TRIALS_CSV = "trials.csv";
    public static final String TIMINGS_CSV = "timings.csv";
    public static final String HTML = "tune.html";

    /** The columns after the searched settings, in order. */
    static final List<String> MEASURES = List.of("fields_micro_f1", "fields_micro_f1_sd", "fields_macro_f1",
            "fields_macro_f1_sd", "source_top1", "source_top1_sd", "objective");

    private TuningReport() {
    }

    /** Writes the three files into {@code dir}, creating it if needed; returns the files written. */
    public static List<Path> write(Tuning tuning, Path dir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(TRIALS_CSV, trialsCsv(tuning));
        files.put(TIMINGS_CSV, timingsCsv(tuning));
        files.put(HTML, TuningHtml.render(tuning));
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : files.entrySet()) {
            AtomicFile.write(dir.resolve(file.getKey()), file.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return files.keySet().stream().map(dir::resolve).toList();
    }

    /** The header of {@value #TRIALS_CSV}: {@code trial}, each dimension's name, then {@link #MEASURES}. */
    static List<String> header(Tuning tuning) {
        List<String> header = new ArrayList<>(List.of("trial"));
        tuning.dimensions().forEach(d -> header.add(d.name()));
        header.addAll(MEASURES);
        return header;
    }

    /** A trial's row of {@value #TRIALS_CSV}, in {@link #header} order. */
    static List<String> row(Tuning tuning, Trial trial) {
        List<String> row = new ArrayList<>(List.of(String.valueOf(trial.number())));
        tuning.dimensions().forEach(d -> row.add(d.textIn(trial.settings())));
        double[] measures = {trial.fieldsMicroF1(), trial.sd().get(0), trial.fieldsMacroF1(), trial.sd().get(1),
                trial.sourceTop1(), trial.sd().get(2), trial.objective()};
        for (double m : measures) {
            row.add(decimal(m));
        }
        return row;
    }

    static String trialsCsv(Tuning tuning) {
        List<List<String>> rows = tuning.trials().stream().map(t -> row(tuning, t)).toList();
        return CsvTable.text(header(tuning), rows);
    }

    static String timingsCsv(Tuning tuning) {
        List<List<String>> rows = tuning.trials().stream()
                .map(t -> List.of(String.valueOf(t.number()), String.format(Locale.ROOT, "%.2f", t.seconds())))
                .toList();
        return CsvTable.text(List.of("trial", "seconds"), rows);
    }

    /** Four decimals; empty for a measure that does not apply (NaN). */
    static String decimal(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }
}
