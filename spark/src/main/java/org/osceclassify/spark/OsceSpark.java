package org.osceclassify.spark;

import java.io.IOException;
import java.util.Objects;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.osceclassify.model.Corpora;
import org.osceclassify.model.CorpusException;

/**
 * The Spark API of osce-classify: classifies a dataset of documents with a model bundle, on the cluster.
 *
 * <pre>{@code
 * Dataset<Row> docs = spark.read().parquet("archive/");          // columns id and text; title, date, dateline optional
 * Dataset<Row> tagged = OsceSpark.classify(docs, "hdfs:///models/model.osce");
 * tagged.select("id", "fields", "sources", "status").show();
 * }</pre>
 *
 * <p>The bundle is read once, on the driver, which checks it and broadcasts its bytes; each executor JVM loads it
 * once, on first use, and shares it between its tasks. Documents are classified in {@code mapPartitions}, with the
 * same results as {@code osce-classify classify} gives for the same rows of a CSV corpus or the same pages.
 */
public final class OsceSpark {

    /** How many source bodies a result lists, best first, unless told: as {@code classify --top}'s default. */
    public static final int DEFAULT_TOP_SOURCES = 3;

    private OsceSpark() {
    }

    /** {@link #classify(Dataset, String, int)} with the {@value #DEFAULT_TOP_SOURCES} best sources. */
    public static Dataset<Row> classify(Dataset<Row> documents, String bundlePath) throws IOException {
        return classify(documents, bundlePath, DEFAULT_TOP_SOURCES);
    }

    /**
     * Classifies documents: the result has the documents' columns (but any named like a result column) and
     * {@code fields} and {@code sources} (arrays of labels, most probable first), {@code field_scores} and
     * {@code source_scores} (arrays of {@code struct<label: string, probability: double>}, in the same order) and
     * {@code status} ({@code ok}, {@code no-known-words} or {@code unsupported-language:xx}). A document that could
     * not be classified has empty arrays.
     *
     * <p>{@code documents} needs columns {@code id} and {@code text}; {@code title}, {@code date} ({@code
     * YYYY-MM-DD}), {@code dateline} and {@code content_type} are optional, as in the corpus CSV, and other columns
     * are passed through; or, instead of {@code text}, a {@code page} column of whole scraped pages, as
     * {@link #readPages} gives. Rows without an id or without any text, and rows Spark's reader could not parse
     * (a {@code _corrupt_record} column set) are left out, with a warning in the executor's log.
     *
     * @param bundlePath a model bundle written by {@code osce-classify train}, on any file system Hadoop reads
     * @param topSources how many source bodies to give, best first
     * @throws IllegalArgumentException when a required column is missing, or {@code topSources} is below 1
     * @throws IOException              when the bundle cannot be read or is not a model bundle (a
     *                                  {@link org.osceclassify.classifier.BundleException})
     */
    public static Dataset<Row> classify(Dataset<Row> documents, String bundlePath, int topSources)
            throws IOException {
        SparkSession spark = documents.sparkSession();
        return classify(documents, SharedBundle.share(spark, bundlePath), PartitionClassifier.Form.TYPED, topSources,
                Counters.register(spark));
    }

    /** Classifies {@code documents} into rows of {@code form}, counting into {@code counters}. */
    static Dataset<Row> classify(Dataset<Row> documents, SharedBundle bundle, PartitionClassifier.Form form,
                                 int topSources, Counters counters) {
        Objects.requireNonNull(documents, "documents");
        if (topSources < 1) {
            throw new IllegalArgumentException("topSources must be at least 1, was " + topSources);
        }
        StructType input = documents.schema();
        PartitionClassifier classifier = new PartitionClassifier(bundle, input, form, topSources, counters);
        return documents.mapPartitions(classifier, Encoders.row(PartitionClassifier.schema(input, form)));
    }

    /**
     * The scraped pages in a folder and its sub-folders (every {@code .txt} file; hidden ones and those starting
     * with {@code _} are passed over, as Spark does), as rows of {@code id} (the file name without its extension,
     * as {@code classify} names a page), {@code path} and {@code page} (its text), ready for {@link #classify}.
     * A page that is not valid UTF-8 has no text and a {@code _corrupt_record} saying so, and is left out there.
     */
    public static Dataset<Row> readPages(SparkSession spark, String folder) {
        StructType schema = new StructType()
                .add("id", DataTypes.StringType, false)
                .add("path", DataTypes.StringType, false)
                .add("page", DataTypes.StringType, true)
                .add(RowDocuments.CORRUPT_RECORD, DataTypes.StringType, true);
        return spark.read().format("binaryFile")
                .option("pathGlobFilter", "*.txt")
                .option("recursiveFileLookup", "true")
                .load(folder)
                .select("path", "content")
                .map((MapFunction<Row, Row>) file -> {
                    String path = file.getString(0);
                    String name = path.substring(path.lastIndexOf('/') + 1);
                    String id = name.lastIndexOf('.') > 0 ? name.substring(0, name.lastIndexOf('.')) : name;
                    byte[] content = file.getAs(1);
                    try {
                        return RowFactory.create(id, path, Corpora.decodeUtf8(content, path), null);
                    } catch (CorpusException e) {
                        return RowFactory.create(id, path, null, e.getMessage());
                    }
                }, Encoders.row(schema));
    }
}
