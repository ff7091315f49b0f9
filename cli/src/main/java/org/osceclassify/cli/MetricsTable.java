package org.osceclassify.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import org.osceclassify.classifier.Evaluation;
import org.osceclassify.classifier.EvaluationReports;
import org.osceclassify.classifier.FieldsEvaluation;
import org.osceclassify.classifier.FoldSpread;
import org.osceclassify.classifier.SourcesEvaluation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Prints the headline metrics of an evaluation as a small text table. */
final class MetricsTable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsTable.class);

    private MetricsTable() {
    }

    static void print(Evaluation e, PrintStream out) {
        FieldsEvaluation f = e.fields();
        SourcesEvaluation s = e.sources();
        FoldSpread spread = e.spread();
        out.println(e.method() + ": trained on " + e.trainItems() + ", tested on " + e.testItems() + " items");
        out.println();
        if (spread.present()) {
            out.println("task            metric                   value  sd over " + spread.folds() + " folds");
            out.println("--------------  -----------------------  -----  ---------------");
        } else {
            out.println("task            metric                   value");
            out.println("--------------  -----------------------  -----");
        }
        row(out, "fields of work", "micro-F1", f.microF1(), spread.fieldsMicroF1());
        row(out, "", "macro-F1", f.macroF1(), spread.fieldsMacroF1());
        row(out, "", "micro precision", f.microPrecision());
        row(out, "", "micro recall", f.microRecall());
        row(out, "", "example-based Jaccard", f.jaccard(), spread.fieldsJaccard());
        row(out, "", "Hamming loss", f.hammingLoss());
        row(out, "source bodies", "top-1 accuracy", s.top1(), spread.sourcesTop1());
        row(out, "", "top-3 accuracy", s.top3(), spread.sourcesTop3());
        row(out, "", "macro-F1", s.macroF1(), spread.sourcesMacroF1());
        row(out, "calibration", "ECE, predicted fields", e.fieldsCalibration().expectedCalibrationError());
        row(out, "", "ECE, top source", e.sourcesCalibration().expectedCalibrationError());
    }

    /** Prints the table and, when {@code reportDir} is given, writes the reports there and says so. */
    static void printAndReport(Evaluation e, Path reportDir, PrintStream out) throws IOException {
        print(e, out);
        if (reportDir != null) {
            EvaluationReports.write(e, reportDir);
            out.println();
            out.println("reports written to " + reportDir);
        }
    }

    /**
     * Warns on stderr (a log warning, so {@code --quiet} silences it) when an evaluation of one split tested on
     * fewer than {@value Evaluation#SMALL_TEST_SET} items, whose figures move by points with the split's seed.
     */
    static void warnIfSmall(Evaluation e) {
        if (e.smallTestSet() && !e.spread().present()) {
            LOG.warn("tested on only {} items (fewer than {}): these figures can move by several points with the "
                    + "seed of the split; cross-validate shows their spread over folds", e.testItems(),
                    Evaluation.SMALL_TEST_SET);
        }
    }

    private static void row(PrintStream out, String task, String metric, double value) {
        out.println(String.format(Locale.ROOT, "%-14s  %-23s  %.3f", task, metric, value));
    }

    /** A row with the value's standard deviation over folds beside it, when there is one. */
    private static void row(PrintStream out, String task, String metric, double value, double sd) {
        if (Double.isNaN(sd)) {
            row(out, task, metric, value);
        } else {
            out.println(String.format(Locale.ROOT, "%-14s  %-23s  %.3f  ± %.3f", task, metric, value, sd));
        }
    }
}
