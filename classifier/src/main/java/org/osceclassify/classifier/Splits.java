package org.osceclassify.classifier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.osceclassify.model.OsceDocument;

/**
 * The deterministic ways of splitting a corpus into training and test items. A split is a pair of disjoint index
 * lists into the corpus, each in corpus order, so that the same corpus and seed always give the same items in the
 * same order.
 */
final class Splits {

    /** Training and test items, as indices into the corpus in corpus order. */
    record Split(List<Integer> train, List<Integer> test) {
        Split {
            train = List.copyOf(train);
            test = List.copyOf(test);
        }

        <T> List<T> train(List<T> items) {
            return train.stream().map(items::get).toList();
        }

        <T> List<T> test(List<T> items) {
            return test.stream().map(items::get).toList();
        }
    }

    private Splits() {
    }

    /**
     * Fold numbers for k-fold cross-validation: the items are shuffled with the seed and dealt round-robin into
     * {@code k} folds, so fold sizes differ by at most one.
     */
    static int[] foldOf(int items, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, was " + k);
        }
        if (items < k) {
            throw new IllegalArgumentException("cannot split " + items + " items into " + k + " folds");
        }
        List<Integer> order = shuffled(items, seed);
        int[] fold = new int[items];
        for (int position = 0; position < items; position++) {
            fold[order.get(position)] = position % k;
        }
        return fold;
    }

    /** The {@code k} splits of k-fold cross-validation; split i tests on fold i. */
    static List<Split> kFold(int items, int k, long seed) {
        int[] fold = foldOf(items, k, seed);
        List<Split> splits = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int current = f;
            splits.add(new Split(
                    IntStream.range(0, items).filter(i -> fold[i] != current).boxed().toList(),
                    IntStream.range(0, items).filter(i -> fold[i] == current).boxed().toList()));
        }
        return splits;
    }

    /** A random share {@code testFraction} of the items (at least one, at most all but one) for testing. */
    static Split holdout(int items, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("the test fraction must be between 0 and 1, was " + testFraction);
        }
        if (items < 2) {
            throw new IllegalArgumentException("cannot split " + items + " items into training and test");
        }
        int testSize = (int) Math.min(items - 1, Math.max(1, Math.round(items * testFraction)));
        List<Integer> order = shuffled(items, seed);
        List<Integer> test = new ArrayList<>(order.subList(0, testSize));
        List<Integer> train = new ArrayList<>(order.subList(testSize, items));
        Collections.sort(test);
        Collections.sort(train);
        return new Split(train, test);
    }

    /** Items dated before {@code from} (and undated items) for training, the rest for testing. */
    static Split byDate(List<OsceDocument> docs, LocalDate from) {
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            boolean later = docs.get(i).date().map(d -> !d.isBefore(from)).orElse(false);
            (later ? test : train).add(i);
        }
        return new Split(train, test);
    }

    private static List<Integer> shuffled(int items, long seed) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, items).boxed().toList());
        Collections.shuffle(order, new Random(seed));
        return order;
    }
}
