package org.osceclassify.model;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many documents a corpus has per field of work and per source: what a user checks before training, to see
 * which labels have enough examples. Each count is of documents, so a document counts once per label.
 */
public final class CorpusStats {

    private final long items;
    private final long itemsWithFields;
    private final long itemsWithSources;
    private final Map<String, Long> fieldCounts;
    private final Map<String, Long> sourceCounts;

    private CorpusStats(long items, long itemsWithFields, long itemsWithSources, Map<String, Long> fieldCounts,
                        Map<String, Long> sourceCounts) {
        this.items = items;
        this.itemsWithFields = itemsWithFields;
        this.itemsWithSources = itemsWithSources;
        this.fieldCounts = sorted(fieldCounts);
        this.sourceCounts = sorted(sourceCounts);
    }

    /** Counts the documents, reading them once; for a {@link CorpusReader} this reads it to the end. */
    public static CorpusStats of(Iterable<OsceDocument> documents) {
        long items = 0;
        long withFields = 0;
        long withSources = 0;
        Map<String, Long> fields = new HashMap<>();
        Map<String, Long> sources = new HashMap<>();
        for (OsceDocument doc : documents) {
            items++;
            Labels labels = doc.labels();
            if (labels.hasFields()) {
                withFields++;
            }
            if (labels.hasSources()) {
                withSources++;
            }
            labels.fields().stream().distinct().forEach(f -> fields.merge(f, 1L, Long::sum));
            labels.sources().stream().distinct().forEach(s -> sources.merge(s, 1L, Long::sum));
        }
        return new CorpusStats(items, withFields, withSources, fields, sources);
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(out);
    }

    public long items() {
        return items;
    }

    /** Documents with at least one field of work; the others' fields are unknown. */
    public long itemsWithFields() {
        return itemsWithFields;
    }

    /** Documents with at least one source. */
    public long itemsWithSources() {
        return itemsWithSources;
    }

    /** Documents per field of work, most frequent first (ties by name). */
    public Map<String, Long> fieldCounts() {
        return fieldCounts;
    }

    /** Documents per source, most frequent first (ties by name). */
    public Map<String, Long> sourceCounts() {
        return sourceCounts;
    }

    /** A plain-text table of both counts, as a command line prints it. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(items).append(" items\n");
        append(out, "fields", fieldCounts, items - itemsWithFields);
        append(out, "sources", sourceCounts, items - itemsWithSources);
        return out.toString();
    }

    private static void append(StringBuilder out, String what, Map<String, Long> counts, long without) {
        out.append('\n').append(what).append(": ").append(counts.size()).append(" distinct; items with none: ")
                .append(without).append('\n');
        counts.forEach((label, n) -> out.append(String.format("%6d  %s\n", n, label)));
    }

    @Override
    public String toString() {
        return format();
    }
}
