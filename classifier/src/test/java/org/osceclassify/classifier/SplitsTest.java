package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osceclassify.model.Labels;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Origin;

class SplitsTest {

    @Test
    @DisplayName("k-fold: every item is tested exactly once, never in its own training set; folds differ by ≤ 1")
    void kFoldIsAPartition() {
        List<Splits.Split> splits = Splits.kFold(23, 5, 42);
        assertEquals(5, splits.size());
        List<Integer> tested = new ArrayList<>();
        for (Splits.Split s : splits) {
            Set<Integer> train = new HashSet<>(s.train());
            s.test().forEach(i -> assertTrue(!train.contains(i), "item " + i + " is in both training and test"));
            assertEquals(23, s.train().size() + s.test().size());
            assertTrue(s.test().size() == 4 || s.test().size() == 5);
            tested.addAll(s.test());
        }
        tested.sort(null);
        assertEquals(java.util.stream.IntStream.range(0, 23).boxed().toList(), tested);
    }

    @Test
    @DisplayName("the same seed gives the same folds; another seed gives other folds")
    void kFoldIsSeeded() {
        assertEquals(Splits.kFold(100, 5, 42), Splits.kFold(100, 5, 42));
        assertNotEquals(Splits.kFold(100, 5, 42), Splits.kFold(100, 5, 7));
    }

    @Test
    @DisplayName("holdout: disjoint, the asked share tested, deterministic for a seed, in corpus order")
    void holdout() {
        Splits.Split split = Splits.holdout(50, 0.2, 42);
        assertEquals(10, split.test().size());
        assertEquals(40, split.train().size());
        Set<Integer> all = new HashSet<>(split.train());
        all.addAll(split.test());
        assertEquals(50, all.size());
        assertEquals(split, Splits.holdout(50, 0.2, 42));
        assertEquals(split.test().stream().sorted().toList(), split.test());
        assertThrows(IllegalArgumentException.class, () -> Splits.holdout(50, 1.0, 42));
    }

    @Test
    @DisplayName("time split: items before the date and undated ones train, items on or after it test")
    void timeSplit() {
        LocalDate from = LocalDate.of(2020, 1, 1);
        List<OsceDocument> docs = List.of(
                dated("a", LocalDate.of(2019, 12, 31)),
                dated("b", from),
                dated("c", null),
                dated("d", LocalDate.of(2021, 5, 1)));
        Splits.Split split = Splits.byDate(docs, from);
        assertEquals(List.of(0, 2), split.train());
        assertEquals(List.of(1, 3), split.test());
    }

    private static OsceDocument dated(String id, LocalDate date) {
        return new OsceDocument(id, "t", "b", Optional.ofNullable(date), "", "", List.of(), Labels.NONE,
                Origin.of("test"));
    }
}
