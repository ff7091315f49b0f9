package org.osceclassify.spark;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The kinds of input {@link ClassifyJob} reads, and how Spark reads each into rows for {@link OsceSpark#classify}.
 */
enum JobInput {
    /** A CSV corpus (RFC 4180, one header line, quoted fields may span lines), or a folder of them. */
    CSV,
    /** JSON lines, one document object per line, or a folder of such files. */
    JSONL,
    /** Parquet files. */
    PARQUET,
    /** A folder of scraped pages ({@code .txt} files, recursively). */
    PAGES;

    /**
     * The kind of {@code path} as its name or, for a folder, the names of the files in it say: {@code .csv},
     * {@code .jsonl} or {@code .json}, {@code .parquet}, and a folder with {@code .txt} pages is {@link #PAGES}.
     * Empty when nothing says.
     */
    static Optional<JobInput> guess(FileSystem fs, Path path) throws IOException {
        FileStatus status = fs.getFileStatus(path);
        if (!status.isDirectory()) {
            return ofName(path.getName());
        }
        String[] names = Arrays.stream(fs.listStatus(path)).filter(FileStatus::isFile)
                .map(f -> f.getPath().getName()).filter(n -> !n.startsWith(".") && !n.startsWith("_"))
                .toArray(String[]::new);
        if (Arrays.stream(names).anyMatch(n -> n.endsWith(".txt")) || names.length == 0) {
            return Optional.of(PAGES);
        }
        return Arrays.stream(names).map(JobInput::ofName).flatMap(Optional::stream).findFirst();
    }

    private static Optional<JobInput> ofName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".json")) {
            return Optional.of(JSONL);
        }
        if (lower.endsWith(".parquet")) {
            return Optional.of(PARQUET);
        }
        return Optional.empty();
    }

    /**
     * The rows of {@code path}. Unparseable CSV and JSON rows are kept with their text in {@code _corrupt_record},
     * so that classifying counts and skips them. A CSV corpus is read whole by one task per file (its quoted
     * fields may span lines, so a file cannot be split), then spread over the cluster's cores.
     */
    Dataset<Row> read(SparkSession spark, String path) {
        return switch (this) {
            case CSV -> {
                StructType header = csv(spark).csv(path).schema();
                Dataset<Row> rows = csv(spark)
                        .schema(header.add(RowDocuments.CORRUPT_RECORD, DataTypes.StringType, true))
                        .option("mode", "PERMISSIVE")
                        .option("columnNameOfCorruptRecord", RowDocuments.CORRUPT_RECORD)
                        .csv(path);
                int cores = spark.sparkContext().defaultParallelism();
                yield rows.rdd().getNumPartitions() < cores ? rows.repartition(cores) : rows;
            }
            case JSONL -> spark.read().option("mode", "PERMISSIVE")
                    .option("columnNameOfCorruptRecord", RowDocuments.CORRUPT_RECORD).json(path);
            case PARQUET -> spark.read().parquet(path);
            case PAGES -> OsceSpark.readPages(spark, path);
        };
    }

    private static org.apache.spark.sql.DataFrameReader csv(SparkSession spark) {
        return spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
                .option("encoding", "UTF-8");
    }
}
