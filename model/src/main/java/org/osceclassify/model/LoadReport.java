package org.osceclassify.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened while a corpus was read: how many items were read and skipped (with the first few reasons),
 * how many dates could not be parsed, and which labels the taxonomy did not know, with how often each occurred.
 *
 * <p>Immutable: {@link CorpusReader#report()} returns a snapshot, complete once the reader has been iterated to
 * the end. Unknown labels are kept on the documents as they were written, so a user can extend the taxonomy
 * ({@code labels/}) from this report.
 */
public final class LoadReport {

    /** How many skip reasons a report keeps; the count of skipped items is always exact. */
    public static final int MAX_REASONS = 10;

    private final long itemsRead;
    private final long itemsSkipped;
    private final List<String> skipReasons;
    private final long invalidDates;
    private final Map<String, Long> unknownFields;
    private final Map<String, Long> unknownSources;
    private final Map<String, Long> unknownLocations;

    LoadReport(long itemsRead, long itemsSkipped, List<String> skipReasons, long invalidDates,
               Map<String, Long> unknownFields, Map<String, Long> unknownSources,
               Map<String, Long> unknownLocations) {
        this.itemsRead = itemsRead;
        this.itemsSkipped = itemsSkipped;
        this.skipReasons = List.copyOf(skipReasons);
        this.invalidDates = invalidDates;
        this.unknownFields = Collections.unmodifiableMap(new LinkedHashMap<>(unknownFields));
        this.unknownSources = Collections.unmodifiableMap(new LinkedHashMap<>(unknownSources));
        this.unknownLocations = Collections.unmodifiableMap(new LinkedHashMap<>(unknownLocations));
    }

    /** Documents delivered to the caller. */
    public long itemsRead() {
        return itemsRead;
    }

    /** Items (CSV rows, page files) left out because they could not be read or were empty. */
    public long itemsSkipped() {
        return itemsSkipped;
    }

    /** The first {@value #MAX_REASONS} skip reasons, each {@code file:line: reason}. */
    public List<String> skipReasons() {
        return skipReasons;
    }

    /** Dates that could not be parsed; those documents were kept without a date. */
    public long invalidDates() {
        return invalidDates;
    }

    /** Field-of-work labels the taxonomy did not know, in order of first appearance, with their counts. */
    public Map<String, Long> unknownFields() {
        return unknownFields;
    }

    /** Source labels the taxonomy did not know, with their counts. */
    public Map<String, Long> unknownSources() {
        return unknownSources;
    }

    /** Location labels that are not a participating State the taxonomy knows, with their counts. */
    public Map<String, Long> unknownLocations() {
        return unknownLocations;
    }

    /** Whether any field or source label was unknown (locations outside the OSCE area are normal). */
    public boolean hasUnknownLabels() {
        return !unknownFields.isEmpty() || !unknownSources.isEmpty();
    }

    /** One line, e.g. {@code 1039 items read, 2 skipped, 0 invalid dates, 1 unknown field, 0 unknown sources}. */
    @Override
    public String toString() {
        return itemsRead + " items read, " + itemsSkipped + " skipped, " + invalidDates + " invalid dates, "
                + unknownFields.size() + " unknown fields, " + unknownSources.size() + " unknown sources, "
                + unknownLocations.size() + " unknown locations";
    }

    /** The mutable tally a reader keeps while it reads; {@link #snapshot()} freezes it. */
    static final class Tally {
        private long itemsRead;
        private long itemsSkipped;
        private final List<String> skipReasons = new ArrayList<>();
        private long invalidDates;
        private final Map<String, Long> unknownFields = new LinkedHashMap<>();
        private final Map<String, Long> unknownSources = new LinkedHashMap<>();
        private final Map<String, Long> unknownLocations = new LinkedHashMap<>();

        void read() {
            itemsRead++;
        }

        void skipped(CorpusException reason) {
            itemsSkipped++;
            if (skipReasons.size() < MAX_REASONS) {
                skipReasons.add(reason.getMessage());
            }
        }

        void invalidDate() {
            invalidDates++;
        }

        void unknownField(String label) {
            unknownFields.merge(label, 1L, Long::sum);
        }

        void unknownSource(String label) {
            unknownSources.merge(label, 1L, Long::sum);
        }

        void unknownLocation(String label) {
            unknownLocations.merge(label, 1L, Long::sum);
        }

        LoadReport snapshot() {
            return new LoadReport(itemsRead, itemsSkipped, skipReasons, invalidDates, unknownFields,
                    unknownSources, unknownLocations);
        }
    }
}
