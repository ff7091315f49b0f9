package org.osceclassify.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osceclassify.classifier.Classification;
import org.osceclassify.classifier.ScoredLabel;
import org.osceclassify.model.OsceDocument;

/** {@link OsceSpark#classify}'s typed columns in {@code local[2]}, against the classifier in process. */
class OsceSparkTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        BundledModel.classifier();
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void theBundledCorpusGetsTheLabelsAndProbabilitiesOfTheClassifier() throws IOException {
        Dataset<Row> corpus = JobInput.CSV.read(spark, BundledModel.CORPUS.toString());
        Dataset<Row> tagged = OsceSpark.classify(corpus, BundledModel.bundle().toString());

        assertEquals(List.of("id", "date", "content_type", "title", "text", "dateline", "locations", "fields",
                "sources", "field_scores", "source_scores", "status"), List.of(tagged.schema().fieldNames()),
                "the input's label columns give way to the results");
        Map<String, Row> byId = tagged.collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("id"), Function.identity()));
        List<OsceDocument> docs = BundledModel.documents(BundledModel.CORPUS);
        assertEquals(docs.size(), byId.size());
        for (OsceDocument doc : docs) {
            Classification expected = BundledModel.classifier().scores(doc);
            Row row = byId.get(doc.id());
            assertEquals(doc.title(), row.getAs("title"));
            assertEquals(expected.status().toString(), row.getAs("status"));
            assertScores(expected.fields(), row.getList(row.fieldIndex("field_scores")), doc.id());
            assertScores(expected.sources().subList(0, Math.min(3, expected.sources().size())),
                    row.getList(row.fieldIndex("source_scores")), doc.id());
            assertEquals(expected.fields().stream().map(ScoredLabel::label).toList(),
                    row.getList(row.fieldIndex("fields")));
            assertEquals(expected.topSource(), row.getList(row.fieldIndex("sources")).get(0));
        }
    }

    private static void assertScores(List<ScoredLabel> expected, List<Row> actual, String id) {
        assertEquals(expected.stream().map(ScoredLabel::label).toList(),
                actual.stream().map(r -> r.getString(0)).toList(), id);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).probability(), actual.get(i).getDouble(1), 1e-9, id);
        }
    }

    @Test
    void documentsWithoutAnIdOrTextColumnAreRefusedNamingIt() {
        Dataset<Row> noText = spark.sql("SELECT 'a' AS id, 'Police training' AS title");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OsceSpark.classify(noText, BundledModel.bundle().toString()));
        assertTrue(e.getMessage().startsWith("the documents have no column 'text'"), e.getMessage());
        Dataset<Row> noId = spark.sql("SELECT 'Police officers trained' AS text");
        e = assertThrows(IllegalArgumentException.class,
                () -> OsceSpark.classify(noId, BundledModel.bundle().toString()));
        assertTrue(e.getMessage().startsWith("the documents have no column 'id'"), e.getMessage());
    }

    @Test
    void textInAnotherLanguageOrWithNoKnownWordsGetsNoLabelsAndItsStatus() throws IOException {
        Dataset<Row> docs = spark.sql("SELECT * FROM VALUES "
                + "('ru', 'Сотрудники полиции прошли курс по расследованию преступлений, организованный ОБСЕ в Белграде.'), "
                + "('gibberish', 'qwxz zzvv kkqq') AS t(id, text)");
        Map<String, Row> byId = OsceSpark.classify(docs, BundledModel.bundle().toString()).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("id"), Function.identity()));
        assertEquals("unsupported-language:ru", byId.get("ru").getAs("status"));
        assertEquals("no-known-words", byId.get("gibberish").getAs("status"));
        assertTrue(byId.get("ru").getList(byId.get("ru").fieldIndex("fields")).isEmpty());
    }

    @Test
    void theBundleIsLoadedOncePerJvm() throws IOException {
        SharedBundle first = SharedBundle.share(spark, BundledModel.bundle().toString());
        SharedBundle second = SharedBundle.share(spark, BundledModel.bundle().toString());
        assertSame(first.classifier(), second.classifier());
    }
}
