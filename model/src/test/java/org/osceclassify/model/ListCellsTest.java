package org.osceclassify.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Lists in one CSV cell")
class ListCellsTest {

    @Test
    @DisplayName("split at ; into stripped values, dropping blank ones")
    void split() {
        assertEquals(List.of("Elections", "Media freedom"), ListCells.split(" Elections ;; Media freedom; "));
        assertEquals(List.of(), ListCells.split(""));
        assertEquals(List.of(), ListCells.split(" ; "));
    }

    @Test
    @DisplayName("join with ; and split back to the same values")
    void join() {
        List<String> values = List.of("OSCE Mission to Serbia", "ODIHR");
        assertEquals("OSCE Mission to Serbia;ODIHR", ListCells.join(values));
        assertEquals(values, ListCells.split(ListCells.join(values)));
    }
}
