package org.osceclassify.model;

import java.util.Arrays;
import java.util.List;

/**
 * A list of values in one CSV cell, as the corpus and the taxonomy files write the labels, locations, topics and
 * aliases: the values separated by {@value #SEPARATOR}.
 */
final class ListCells {

    static final String SEPARATOR = ";";

    private ListCells() {
    }

    /** The values of a cell, each stripped of white space; blank values are dropped, so a blank cell is empty. */
    static List<String> split(String cell) {
        if (cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(SEPARATOR)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The cell of a list; a value should not contain {@value #SEPARATOR}, or it reads back as two. */
    static String join(List<String> values) {
        return String.join(SEPARATOR, values);
    }
}
