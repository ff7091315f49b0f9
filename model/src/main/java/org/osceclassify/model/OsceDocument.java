package org.osceclassify.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One OSCE release: its text, its metadata and, held apart in {@link Labels}, the labels the site gave it.
 *
 * <p>Keeping the labels in their own component means code that builds features from a document reads
 * {@link #title()}, {@link #body()} and the metadata, and has to reach for {@link #labels()} on purpose.
 *
 * @param id          a stable identifier: the corpus id, or the file name for a scraped page
 * @param title       the title, possibly empty
 * @param body        the body text (running text or, for the shared corpus, a bag of words), possibly empty
 * @param date        the publication date, if known
 * @param place       the dateline city, normalised ("Belgrade"), or empty when unknown
 * @param contentType the site's content type ("Press release", "News", ...), or empty when unknown
 * @param locations   the countries the site tagged, normalised through the taxonomy where it knows them
 * @param labels      the fields of work and source bodies; never a feature
 * @param origin      where the document was read from
 */
public record OsceDocument(
        String id,
        String title,
        String body,
        Optional<LocalDate> date,
        String place,
        String contentType,
        List<String> locations,
        Labels labels,
        Origin origin) {

    public OsceDocument {
        Objects.requireNonNull(id, "id");
        title = Objects.requireNonNullElse(title, "");
        body = Objects.requireNonNullElse(body, "");
        date = Objects.requireNonNullElse(date, Optional.empty());
        place = Objects.requireNonNullElse(place, "");
        contentType = Objects.requireNonNullElse(contentType, "");
        locations = List.copyOf(Objects.requireNonNullElse(locations, List.of()));
        labels = Objects.requireNonNullElse(labels, Labels.NONE);
        Objects.requireNonNull(origin, "origin");
    }

    /** A document of plain text with no metadata and no labels, as a user types or pipes it in. */
    public static OsceDocument ofText(String id, String text, Origin origin) {
        return new OsceDocument(id, "", text, Optional.empty(), "", "", List.of(), Labels.NONE, origin);
    }

    /** This document with other labels; everything else is kept. */
    public OsceDocument withLabels(Labels newLabels) {
        return new OsceDocument(id, title, body, date, place, contentType, locations, newLabels, origin);
    }

    /** This document without its labels, as a classifier must see it. */
    public OsceDocument withoutLabels() {
        return withLabels(Labels.NONE);
    }
}
