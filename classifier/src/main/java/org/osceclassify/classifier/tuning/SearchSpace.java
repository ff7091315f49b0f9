package org.osceclassify.classifier.tuning;

import static org.osceclassify.classifier.TrainingSettings.FIELDS_FEATURES;
import static org.osceclassify.classifier.TrainingSettings.SOURCES_FEATURES;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.classifier.TrainingSettings.Algorithm;
import org.osceclassify.classifier.TrainingSettings.Ensemble;
import org.osceclassify.features.FeatureConfig;
import org.osceclassify.features.FeatureConfig.MetadataFamily;

/**
 * The settings that {@code tune} searches, each a {@link Dimension} with the values it tries, declared here and
 * nowhere else. A new dimension (a training setting added later, such as the members of an ensemble) is one more
 * line of {@link #DIMENSIONS}; the search, the report's columns and the bundle's manifest follow from it.
 *
 * <p>The ensemble's members are the profile's, not searched: a trial with the sentence model costs several times
 * one without, and a time budget is turned into a number of trials from what trial 1 cost, so every trial must
 * cost about the same. Within the accurate profile the sentence model's cost is searched.
 *
 * <p>The values straddle the defaults by a factor of two to three either way, where cross-validation of the
 * bundled corpus found the defaults; a trial's settings not named here stay those of the starting settings.
 */
public final class SearchSpace {

    /** Every dimension, in the order of the report's columns. */
    public static final List<Dimension<?>> DIMENSIONS = List.of(
            Dimension.of(TrainingSettings.ALGORITHM, List.of(Algorithm.SVM, Algorithm.LOGISTIC)),
            Dimension.of(TrainingSettings.FIELDS_COST, List.of(0.1, 0.2, 0.3, 0.5, 1.0)),
            Dimension.of(TrainingSettings.SOURCES_ALGORITHM, List.of(Algorithm.SVM, Algorithm.LOGISTIC)),
            Dimension.of(TrainingSettings.SOURCES_COST, List.of(0.2, 0.5, 1.0, 2.0)),
            Dimension.of(TrainingSettings.CLASS_WEIGHTING, List.of(0.0, 0.5, 0.75, 1.0)),
            Dimension.of(TrainingSettings.MIN_FIELDS, List.of(0, 1)),
            Dimension.of(TrainingSettings.TUNE_THRESHOLDS, List.of(false, true)),
            Dimension.of(TrainingSettings.THRESHOLD_SHRINKAGE, List.of(0.0, 20.0, 60.0, 200.0))
                    .onlyWhen(TrainingSettings::tuneThresholds),
            Dimension.of(FIELDS_FEATURES, FeatureConfig.NGRAMS, List.of(1, 2)),
            Dimension.of(FIELDS_FEATURES, FeatureConfig.TITLE_NAMESPACE, List.of(false, true)),
            Dimension.of(FIELDS_FEATURES, FeatureConfig.STEMMING, List.of(false, true)),
            Dimension.of(FIELDS_FEATURES, FeatureConfig.MIN_DF, List.of(1, 2, 3)),
            Dimension.of(FIELDS_FEATURES, FeatureConfig.METADATA, List.of(families(),
                    families(MetadataFamily.PERIOD), families(MetadataFamily.values()))),
            Dimension.of(FIELDS_FEATURES, FeatureConfig.METADATA_WEIGHT, List.of(0.25, 0.5, 1.0))
                    .onlyWhen(s -> !s.fieldsFeatures().metadata().isEmpty()),
            Dimension.of(SOURCES_FEATURES, FeatureConfig.NGRAMS, List.of(1, 2)),
            Dimension.of(SOURCES_FEATURES, FeatureConfig.MIN_DF, List.of(1, 2, 3)),
            Dimension.of(SOURCES_FEATURES, FeatureConfig.METADATA_WEIGHT, List.of(0.25, 0.5, 1.0))
                    .onlyWhen(s -> !s.sourcesFeatures().metadata().isEmpty()),
            Dimension.of(SOURCES_FEATURES, FeatureConfig.PLACE_KNOWLEDGE, List.of(false, true)),
            Dimension.of(TrainingSettings.SENTENCES_COST, List.of(1.0, 3.0, 10.0))
                    .onlyWhen(s -> s.ensemble() == Ensemble.WORDS_SENTENCES));

    private SearchSpace() {
    }

    private static Set<MetadataFamily> families(MetadataFamily... families) {
        EnumSet<MetadataFamily> set = EnumSet.noneOf(MetadataFamily.class);
        set.addAll(List.of(families));
        return Collections.unmodifiableSet(set);
    }
}
