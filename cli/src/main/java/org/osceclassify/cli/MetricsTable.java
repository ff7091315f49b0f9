package org.osceclassify.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import org.osceclassify.classifier.Evaluation;
import org.osceclassify.classifier.EvaluationReports;
import org.osceclassify.classifier.FieldsEvaluation;
import org.osceclassify.classifier.SourcesEvaluation;

/** Prints the headline metrics of an evaluation as a small text table. */
final class MetricsTable {

    private MetricsTable() {
    }

    static void print(Evaluation e, PrintStream out) {
        FieldsEvaluation f = e.fields();
        SourcesEvaluation s = e.sources();
        out.println(e.method() + ": trained on " + e.trainItems() + ", tested on " + e.testItems() + " items");
        out.println();
        out.println("task            metric                   value");
        out.println("--------------  -----------------------  -----");
        row(out, "fields of work", "micro-F1", f.microF1());
        row(out, "", "macro-F1", f.macroF1());
        row(out, "", "micro precision", f.microPrecision());
        row(out, "", "micro recall", f.microRecall());
        row(out, "", "example-based Jaccard", f.jaccard());
        row(out, "", "Hamming loss", f.hammingLoss());
        row(out, "source bodies", "top-1 accuracy", s.top1());
        row(out, "", "top-3 accuracy", s.top3());
        row(out, "", "macro-F1", s.macroF1());
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

    private static void row(PrintStream out, String task, String metric, double value) {
        out.println(String.format(Locale.ROOT, "%-14s  %-23s  %.3f", task, metric, value));
    }
}
