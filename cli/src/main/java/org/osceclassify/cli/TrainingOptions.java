package org.osceclassify.cli;

import org.osceclassify.classifier.TrainingProfile;
import org.osceclassify.classifier.TrainingSettings;
import org.osceclassify.model.ReadOptions;
import picocli.CommandLine.Option;

/** The options that choose how to train, shared by train, cross-validate and demo. */
final class TrainingOptions {

    @Option(names = "--profile", paramLabel = "NAME", converter = ProfileConverter.class,
            description = "A preset of the settings, which the options below override: fast (the word model, "
                    + "tens of thousands of documents a second) or accurate (stacked with sentence embeddings: "
                    + "better on rare fields and running text, about a hundred documents a second). Default: "
                    + "fast.")
    TrainingProfile profile;

    @Option(names = "--algorithm", paramLabel = "NAME",
            description = "The fields-of-work learner: ${COMPLETION-CANDIDATES}. Default: the best measured, "
                    + "svm.")
    TrainingSettings.Algorithm algorithm;

    @Option(names = "--fields-level", paramLabel = "LEVEL",
            description = "Predict the 23 fields of work, or the site's finer sub-topics: ${COMPLETION-CANDIDATES}. "
                    + "Default: fields.")
    ReadOptions.FieldsLevel fieldsLevel;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice. Default: 42.")
    Long seed;

    @Option(names = "--min-source-count", paramLabel = "N",
            description = "Sources with fewer training items fold into \"Other\". Default: 5.")
    Integer minSourceCount;

    TrainingSettings settings() {
        TrainingSettings.Builder b = (profile != null ? profile : TrainingProfile.DEFAULT).settings().toBuilder();
        if (algorithm != null) {
            b.algorithm(algorithm);
        }
        if (fieldsLevel != null) {
            b.fieldsLevel(fieldsLevel);
        }
        if (seed != null) {
            b.seed(seed);
        }
        if (minSourceCount != null) {
            b.minSourceCount(minSourceCount);
        }
        return b.build();
    }

    /** Reads {@code --profile} by its lower-case name. */
    static final class ProfileConverter implements picocli.CommandLine.ITypeConverter<TrainingProfile> {
        @Override
        public TrainingProfile convert(String value) {
            try {
                return TrainingProfile.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
