package org.osceclassify.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sentence-embedding member of one task's stacked ensemble and the combiners that join it to the word model:
 * a {@link LinearModel} over the dimensions of a document's sentence embedding (no text columns; its metadata
 * columns are the dimensions, named {@code e000}, {@code e001}, ...), and for each label a {@link Combiner} of the
 * word model's margin and this model's margin, in that order. Of the fields, each combiner's probability is the
 * label's; of the sources (an exclusive task) they share one combiner and the probabilities are the softmax of
 * its log-odds.
 *
 * <p>Which encoder made the embeddings is recorded by {@link #encoder()} and {@link #checksum()}: the model means
 * nothing with another encoder's vectors. Immutable.
 *
 * @param encoder   the sentence encoder's name
 * @param checksum  the sentence encoder's model checksum
 * @param sentences the member over the embedding's dimensions, labels in the word model's order
 * @param combiners each label's combiner of the word and sentence margins
 */
public record SentenceStack(String encoder, String checksum, LinearModel sentences, List<Combiner> combiners) {

    public SentenceStack {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(checksum, "checksum");
        combiners = List.copyOf(combiners);
        if (sentences.textFeatures() != 0 || combiners.size() != sentences.labels().size()) {
            throw new IllegalArgumentException("a sentence stack has a model over the embedding only and a combiner "
                    + "for each of its labels");
        }
        List<String> dims = dimensionNames(sentences.columns());
        if (!sentences.metaFeatures().equals(dims)) {
            throw new IllegalArgumentException("the sentence model's columns are not the embedding's dimensions");
        }
        for (Combiner c : combiners) {
            if (c.members() != 2) {
                throw new IllegalArgumentException("a combiner of a sentence stack combines 2 members, has "
                        + c.members());
            }
        }
    }

    /** The embedding's dimension. */
    public int dimension() {
        return sentences.columns();
    }

    /**
     * The names of an embedding's dimensions as feature columns: {@code e} and the index, zero-padded to three
     * digits (or more for larger embeddings) so that name order is index order, the order Tribuo sorts features in.
     */
    static List<String> dimensionNames(int dimension) {
        int digits = Math.max(3, String.valueOf(Math.max(0, dimension - 1)).length());
        List<String> names = new ArrayList<>(dimension);
        for (int i = 0; i < dimension; i++) {
            names.add("e" + "0".repeat(digits - String.valueOf(i).length()) + i);
        }
        return List.copyOf(names);
    }
}
