package org.osceclassify.spark;

import org.apache.spark.sql.SparkSession;

/** A Spark session in {@code local[2]} mode for one test class: no web UI, two shuffle partitions. */
final class LocalSpark {

    private LocalSpark() {
    }

    static SparkSession start() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("osce-classify-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .getOrCreate();
    }
}
