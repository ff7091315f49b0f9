package org.osceclassify.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.osceclassify.classifier.BundleException;
import org.osceclassify.model.CorpusException;
import org.osceclassify.model.Origin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Spark job: classifies a corpus, JSON lines, Parquet or a folder of scraped pages into a folder of
 * partitioned output with the columns of {@code osce-classify classify --format csv}. Run it with
 * {@code spark-submit --class org.osceclassify.spark.ClassifyJob osce-classify-spark-job.jar --model M --input IN
 * --output OUT}, or locally with {@code spark/run-local.sh}.
 *
 * <p>Spark writes the output as it writes any: part files, committed when the job succeeds, then a
 * {@code _SUCCESS} marker. An existing output is refused unless {@code --overwrite}. Errors are one line on stderr
 * ({@code osce-classify: model.osce: no such file}) with exit code 1 for bad input or data and 2 for a command line
 * that cannot be parsed, as the command line's; {@code --verbose} adds the stack trace.
 */
@Command(name = "ClassifyJob", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Classify documents on Spark into partitioned output with the columns of "
                + "'osce-classify classify --format csv'.",
        footer = {"", "Example:", "  spark-submit --class org.osceclassify.spark.ClassifyJob osce-classify-spark-job.jar \\",
                "      --model model.osce --input archive.parquet --output tagged/ --format parquet"})
public final class ClassifyJob implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifyJob.class);

    /** The output formats; each writes the same columns. */
    enum Format { CSV, PARQUET, JSONL }

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The model bundle.")
    String model;

    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "A CSV corpus, JSON lines, Parquet, or a folder of scraped pages (or of such files).")
    String input;

    @Option(names = "--input-format", paramLabel = "KIND",
            description = "csv, jsonl, parquet or pages. Default: as the input's name (or its files' names) says.")
    String inputFormat;

    @Option(names = "--output", required = true, paramLabel = "FOLDER", description = "The output folder.")
    String output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv, parquet or jsonl. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3",
            description = "How many source bodies to list, best first. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--overwrite", description = "Replace the output folder if it exists.")
    boolean overwrite;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    private SparkSession spark;
    private PrintStream err;

    /** Runs the job in a session of its own, and exits with a non-zero status when it fails. */
    public static void main(String[] args) {
        int status = run(args, null, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the job with its arguments, in {@code session} or, if {@code null}, in a new one stopped at the end.
     *
     * @return the exit status: 0, 1 for bad input or data, 2 for a command line that cannot be parsed
     */
    static int run(String[] args, SparkSession session, PrintStream err) {
        ClassifyJob job = new ClassifyJob();
        job.spark = session;
        job.err = err;
        CommandLine line = new CommandLine(job);
        line.setErr(new PrintWriter(err, true));
        line.setParameterExceptionHandler((e, ignored) -> {
            err.println("osce-classify: " + e.getMessage());
            err.println("Try 'ClassifyJob --help' for more.");
            return 2;
        });
        line.setExecutionExceptionHandler((e, cmd, parsed) -> job.failure(e));
        return line.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Format out = parse(Format.class, format, "--format");
        if (top < 1) {
            throw new CommandLine.ParameterException(new CommandLine(new ClassifyJob()),
                    "--top must be at least 1, was " + top);
        }
        JobInput in = inputFormat == null ? null : parse(JobInput.class, inputFormat, "--input-format");
        boolean own = spark == null;
        if (own) {
            spark = SparkSession.builder().appName("osce-classify").getOrCreate();
        }
        try {
            return classify(in, out);
        } finally {
            if (own) {
                spark.stop();
            }
        }
    }

    private int classify(JobInput kind, Format out) throws IOException {
        FileSystem inputFs = new Path(input).getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!inputFs.exists(new Path(input))) {
            throw new FileNotFoundException(input);
        }
        if (!new Path(model).getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(new Path(model))) {
            throw new FileNotFoundException(model);
        }
        Path outputPath = new Path(output);
        FileSystem outputFs = outputPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (outputFs.exists(outputPath) && !overwrite) {
            throw new CorpusException(Origin.of(output),
                    "already exists; use --overwrite to replace it");
        }
        if (kind == null) {
            kind = JobInput.guess(inputFs, new Path(input)).orElseThrow(() -> new CorpusException(
                    Origin.of(input), "cannot tell its kind from its name; say --input-format"));
        }
        SharedBundle bundle = SharedBundle.share(spark, model);
        Dataset<Row> rows = kind.read(spark, input);
        Counters counters = Counters.register(spark);
        Dataset<Row> results;
        try {
            results = OsceSpark.classify(rows, bundle, PartitionClassifier.Form.CSV, top, counters);
        } catch (IllegalArgumentException e) {
            throw new CorpusException(Origin.of(input), e.getMessage());
        }
        DataFrameWriter<Row> writer = results.write().mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists);
        switch (out) {
            case CSV -> writer.option("header", "true").option("escape", "\"").csv(output);
            case PARQUET -> writer.parquet(output);
            case JSONL -> writer.json(output);
        }
        long skipped = counters.skipped().value();
        long written = counters.classified().value();
        if (skipped > 0) {
            LOG.warn("{}: {} rows skipped (unparseable, without an id, or without text)", input, skipped);
        }
        if (written == 0) {
            outputFs.delete(outputPath, true);
            throw new CorpusException(Origin.of(input), "no documents to read");
        }
        long unclassified = counters.otherLanguage().value() + counters.noKnownWords().value();
        if (unclassified > 0) {
            LOG.warn("{} documents could not be classified ({} in another language, {} with no known words)",
                    unclassified, counters.otherLanguage().value(), counters.noKnownWords().value());
        }
        LOG.info("classified {} documents of {} into {}", written, input, output);
        return 0;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(new ClassifyJob()),
                    "unknown " + option + " '" + value + "'");
        }
    }

    /** One line on stderr for a failure, and its exit status. */
    private int failure(Exception e) {
        String message = e instanceof FileNotFoundException ? e.getMessage() + ": no such file or folder"
                : e instanceof CorpusException || e instanceof BundleException ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        err.println("osce-classify: " + message.replace('\n', ' '));
        if (verbose) {
            e.printStackTrace(err);
        }
        return 1;
    }
}
