package org.osceclassify.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.osceclassify.model.OsceDocument;

/**
 * A corpus split into training and test items, each part in corpus order, to be written out and used by other
 * tools or by {@code evaluate}. The same corpus and arguments always give the same parts.
 *
 * @param train the items to train on
 * @param test  the items to test on
 */
public record CorpusSplit(List<OsceDocument> train, List<OsceDocument> test) {

    public CorpusSplit {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /**
     * A seeded random share {@code testFraction} of the items for testing (at least one, at most all but one):
     * the items that {@link Evaluations#holdout} with the same seed tests on.
     *
     * @throws IllegalArgumentException when the fraction is not strictly between 0 and 1, or there are fewer
     *                                  than two items
     */
    public static CorpusSplit random(List<OsceDocument> corpus, double testFraction, long seed) {
        Splits.Split split = Splits.holdout(corpus.size(), testFraction, seed);
        return new CorpusSplit(split.train(corpus), split.test(corpus));
    }

    /**
     * The newest share {@code testFraction} of the items for testing (at least one, at most all but one), by
     * date; items of the same day in corpus order, the later ones tested on. Undated items are trained on.
     *
     * @throws IllegalArgumentException when the fraction is not strictly between 0 and 1, there are fewer than two
     *                                  items, or fewer dated items than the test share needs
     */
    public static CorpusSplit newest(List<OsceDocument> corpus, double testFraction) {
        Objects.requireNonNull(corpus, "corpus");
        int testSize = Splits.holdout(corpus.size(), testFraction, 0).test().size();
        List<Integer> dated = IntStream.range(0, corpus.size()).filter(i -> corpus.get(i).date().isPresent())
                .boxed().sorted(Comparator.comparing((Integer i) -> corpus.get(i).date().orElseThrow()))
                .toList();
        if (dated.size() < testSize) {
            throw new IllegalArgumentException("a split by time tests on the newest " + testSize + " items, and only "
                    + dated.size() + " of the " + corpus.size() + " items have a date");
        }
        boolean[] tested = new boolean[corpus.size()];
        dated.subList(dated.size() - testSize, dated.size()).forEach(i -> tested[i] = true);
        List<OsceDocument> train = new ArrayList<>();
        List<OsceDocument> test = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            (tested[i] ? test : train).add(corpus.get(i));
        }
        return new CorpusSplit(train, test);
    }
}
