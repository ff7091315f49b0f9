package org.osceclassify.classifier.tuning;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.features.FeatureConfig;
import org.osceclassify.features.Setting;

/**
 * One dimension of the {@link SearchSpace}: a setting of {@link TrainingSettings}, or a setting of one of its
 * {@link FeatureConfig}s, and the values the search tries for it. It reads and sets its value in a whole
 * {@link TrainingSettings}, so that the search handles every dimension alike.
 *
 * @param <T> the type of the setting's value
 */
public final class Dimension<T> {

    private final String name;
    private final Setting<FeatureConfig> features;
    private final Setting<T> setting;
    private final List<T> candidates;
    private final Predicate<TrainingSettings> relevant;

    private Dimension(Setting<FeatureConfig> features, Setting<T> setting, List<T> candidates,
                      Predicate<TrainingSettings> relevant) {
        this.features = features;
        this.setting = Objects.requireNonNull(setting, "setting");
        this.name = features == null ? setting.name() : features.name() + "." + setting.name();
        this.candidates = List.copyOf(candidates);
        this.relevant = Objects.requireNonNull(relevant, "relevant");
        if (this.candidates.size() < 2) {
            throw new IllegalArgumentException(name + ": a dimension needs at least two candidate values");
        }
        this.candidates.forEach(setting::checked);
    }

    /** A setting of {@link TrainingSettings} tried at each of {@code candidates}. */
    public static <T> Dimension<T> of(Setting<T> setting, List<T> candidates) {
        return new Dimension<>(null, setting, candidates, s -> true);
    }

    /**
     * A setting of the {@link FeatureConfig} held by {@code features} ({@link TrainingSettings#FIELDS_FEATURES} or
     * {@link TrainingSettings#SOURCES_FEATURES}) tried at each of {@code candidates}.
     */
    public static <T> Dimension<T> of(Setting<FeatureConfig> features, Setting<T> setting, List<T> candidates) {
        return new Dimension<>(Objects.requireNonNull(features, "features"), setting, candidates, s -> true);
    }

    /**
     * This dimension, searched only in settings where {@code relevant} holds: a setting that another one switches
     * off (the shrinkage of thresholds that are not tuned) would only repeat a trial.
     */
    public Dimension<T> onlyWhen(Predicate<TrainingSettings> relevant) {
        return new Dimension<>(features, setting, candidates, relevant);
    }

    /** {@code fields_cost}, or {@code fields_features.ngrams} for a feature setting: a column of the report. */
    public String name() {
        return name;
    }

    public List<T> candidates() {
        return candidates;
    }

    /** Whether changing this dimension can change a trial's result from {@code settings}. */
    public boolean relevantIn(TrainingSettings settings) {
        return relevant.test(settings);
    }

    /** The value of this dimension in {@code settings}. */
    public T valueIn(TrainingSettings settings) {
        return features == null ? settings.get(setting) : settings.get(features).get(setting);
    }

    /** The text form of this dimension's value in {@code settings}, as the bundle's manifest writes it. */
    public String textIn(TrainingSettings settings) {
        return features == null ? settings.asText().get(setting.name())
                : settings.get(features).asText().get(setting.name());
    }

    /** {@code settings} with this dimension at {@code value}. */
    public TrainingSettings with(TrainingSettings settings, T value) {
        if (features == null) {
            return settings.toBuilder().set(setting, value).build();
        }
        FeatureConfig config = settings.get(features).toBuilder().set(setting, value).build();
        return settings.toBuilder().set(features, config).build();
    }

    /** {@code settings} with this dimension at its candidate number {@code index}. */
    TrainingSettings withCandidate(TrainingSettings settings, int index) {
        return with(settings, candidates.get(index));
    }

    @Override
    public String toString() {
        return name + candidates;
    }
}
