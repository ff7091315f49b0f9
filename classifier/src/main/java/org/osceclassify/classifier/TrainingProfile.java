package org.osceclassify.classifier;

import java.util.Locale;

/**
 * Named presets of {@link TrainingSettings}, the one place they are defined: what {@code --profile} chooses
 * before any explicit option overrides a setting. bench/README.md ("Ensemble") has the measurements behind them.
 */
public enum TrainingProfile {

    /**
     * The word model alone ({@link TrainingSettings#defaults()}): tens of thousands of documents a second, and a
     * model that needs nothing beyond the classifier module.
     */
    FAST,

    /**
     * The word model stacked with a sentence-embedding model on each task: better on the rare fields and on
     * running text, at about a hundredth of the speed (the embedding of each document), and it needs the
     * embeddings module on the class path to train and to load.
     */
    ACCURATE;

    /**
     * The profile the command line uses when none is given: accurate, because users classify statements in
     * running text far more often than bags of words, and there it measured 0.58 fields micro-F1 against 0.49
     * (README, "Profiles"); bulk runs choose fast.
     */
    public static final TrainingProfile DEFAULT = ACCURATE;

    /** The profile's settings. */
    public TrainingSettings settings() {
        return switch (this) {
            case FAST -> TrainingSettings.defaults();
            case ACCURATE -> TrainingSettings.defaults().toBuilder()
                    .ensemble(TrainingSettings.Ensemble.WORDS_SENTENCES).build();
        };
    }

    /** The profile's name on the command line: {@code fast}, {@code accurate}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The profile of a name.
     *
     * @throws IllegalArgumentException for a name of none
     */
    public static TrainingProfile parse(String text) {
        for (TrainingProfile p : values()) {
            if (p.text().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no profile \"" + text + "\": fast or accurate");
    }
}
