package org.osceclassify.spark;

import java.io.Serializable;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * What a classification counted across the cluster, read on the driver once an action has run: rows skipped as
 * bad, and documents that could not be classified, by reason. Spark counts a task run again after a failure
 * twice, so on a cluster that lost executors the figures can be too high.
 *
 * @param classified    documents classified (those that could not be included)
 * @param skipped       rows skipped: unparseable, without an id, or without any text
 * @param otherLanguage documents in a language the model was not trained on
 * @param noKnownWords  documents none of whose words the model knows
 */
record Counters(LongAccumulator classified, LongAccumulator skipped, LongAccumulator otherLanguage, LongAccumulator noKnownWords)
        implements Serializable {

    /** New counters, registered with the session's context. */
    static Counters register(SparkSession spark) {
        return new Counters(spark.sparkContext().longAccumulator("osce-classify documents"),
                spark.sparkContext().longAccumulator("osce-classify skipped rows"),
                spark.sparkContext().longAccumulator("osce-classify documents in another language"),
                spark.sparkContext().longAccumulator("osce-classify documents with no known words"));
    }
}
