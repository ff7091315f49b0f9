package org.osceclassify.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.osceclassify.classifier.FeatureWeight;
import org.osceclassify.classifier.LinearModel;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.classifier.TrainedClassifier;
import org.osceclassify.classifier.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code osce-classify inspect}: what a model bundle holds. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show what a model bundle holds: its labels and thresholds, training summary, evaluation, "
                + "provenance, and the strongest features of each label.",
        footer = {"", "Examples:",
                "  osce-classify inspect                    (the default model of classify)",
                "  osce-classify inspect --model model.osce",
                "  osce-classify inspect --model model.osce --features 20 --provenance"})
final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = "--model", paramLabel = "FILE",
            description = "The model bundle. Default: the default model that classify uses without --model.")
    Path model;

    @Option(names = "--features", paramLabel = "N", defaultValue = "8",
            description = "Strongest features to show per label. Default: ${DEFAULT-VALUE}.")
    int features;

    @Option(names = "--provenance", description = "Print the models' full Tribuo provenance.")
    boolean fullProvenance;

    @Override
    public Integer call() throws Exception {
        // The default model is loaded as classify loads it: one cached by an older build is trained again.
        OsceClassifier classifier = model != null ? OsceClassifier.load(model) : DefaultModel.load(main.terminal);
        Path bundle = model != null ? model : DefaultModel.bundle(main.terminal);
        TrainedClassifier t = classifier.trained();
        PrintStream out = main.terminal.out();
        TrainingSettings s = t.settings();
        TrainedClassifier.Summary summary = t.summary();

        out.println("model bundle " + bundle + (model != null ? "" : " (the default model)"));
        out.println();
        out.println("training");
        out.println("  items:          " + summary.items() + " (" + summary.fieldsItems() + " with fields, "
                + summary.sourcesItems() + " with sources)");
        out.println("  algorithm:      " + s.algorithm().name().toLowerCase(Locale.ROOT) + ", fields C="
                + s.fieldsCost() + ", sources C=" + s.sourcesCost() + ", seed " + s.seed());
        out.println("  ensemble:       " + s.ensemble().text() + t.encoder().map(e -> ", sentence embeddings by "
                + e.name() + " (" + e.checksum() + "), C=" + s.sentencesCost() + ", stacked on held-out margins")
                .orElse(""));
        out.println("  fields level:   " + s.fieldsLevel().name().toLowerCase(Locale.ROOT) + ", at least "
                + s.minFields() + " per document");
        for (TrainedClassifier.Task task : TrainedClassifier.Task.values()) {
            if (!t.tasks().contains(task)) {
                out.println("  left out:       the " + task.description() + " task (the corpus had no labels for "
                        + "it); classify gives no " + (task == TrainedClassifier.Task.FIELDS_OF_WORK ? "fields"
                        : "sources"));
            }
        }
        t.fieldsPipeline().ifPresent(p -> out.println("  fields features:  " + p.config() + "; vocabulary "
                + p.vocabularySize()));
        t.sourcesPipeline().ifPresent(p -> out.println("  sources features: " + p.config() + "; vocabulary "
                + p.vocabularySize()));
        out.println("  corpus:         " + summary.corpus());
        out.println("  languages:      " + (summary.languages().isEmpty() ? "not known (no item long enough to "
                + "judge)" : String.join(", ", summary.languages()))
                + "; a document clearly in another language is not classified");
        out.println();

        t.fieldsModel().ifPresent(fields -> {
            out.println("fields of work (" + summary.fieldCounts().size() + "): label, training items, threshold "
                    + "(a probability), strongest features");
            for (int l = 0; l < fields.labels().size(); l++) {
                String label = fields.labels().get(l);
                out.println(String.format(Locale.ROOT, "  %-50s %5d  %.3f", label,
                        summary.fieldCounts().getOrDefault(label, 0), fields.threshold(l)));
                printFeatures(out, fields.strongest(l, features, t.fieldsPipeline().orElseThrow()::textFeatureName));
            }
            out.println();
        });

        t.sourcesModel().ifPresent(sources -> {
            out.println("source bodies (" + summary.sourceCounts().size() + "): class, training items, strongest "
                    + "features");
            for (int l = 0; l < sources.labels().size(); l++) {
                String label = sources.labels().get(l);
                out.println(String.format(Locale.ROOT, "  %-70s %5d", label,
                        summary.sourceCounts().getOrDefault(label, 0)));
                printFeatures(out, sources.strongest(l, features,
                        t.sourcesPipeline().orElseThrow()::textFeatureName));
            }
        });

        classifier.evaluation().ifPresent(evaluation -> {
            out.println();
            out.println("evaluation");
            MetricsTable.print(evaluation, out);
        });

        out.println();
        out.println("provenance");
        t.fieldsModel().ifPresent(m -> printProvenance(out, "fields model", m));
        t.sourcesModel().ifPresent(m -> printProvenance(out, "sources model", m));
        return 0;
    }

    private static void printFeatures(PrintStream out, List<FeatureWeight> top) {
        if (top.isEmpty()) {
            return;
        }
        out.println("      " + top.stream()
                .map(w -> w.feature() + String.format(Locale.ROOT, " %+.2f", w.weight()))
                .collect(Collectors.joining(", ")));
    }

    private void printProvenance(PrintStream out, String name, LinearModel m) {
        out.println("  " + name + ": " + m.solver().name().toLowerCase(Locale.ROOT) + ", one-vs-rest over "
                + m.labels().size() + " labels and " + m.columns() + " features, each trained by Tribuo's "
                + "LibLinear trainer and calibrated (Platt scaling on held-out folds)");
        if (fullProvenance) {
            out.println(m.provenance());
        }
    }
}
