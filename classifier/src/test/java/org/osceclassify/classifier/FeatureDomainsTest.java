package org.osceclassify.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osceclassify.model.Taxonomy;
import org.tribuo.CategoricalIDInfo;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableFeatureMap;
import org.tribuo.RealIDInfo;
import org.tribuo.VariableInfo;

/** A feature domain serialises to the very bytes of Tribuo's own {@code ImmutableFeatureMap.serialize()}. */
class FeatureDomainsTest {

    @Test
    @DisplayName("the domains of trained fields and sources models: Tribuo's bytes")
    void trainedDomainsGiveTribuosBytes() {
        TrainedClassifier trained = Training.train(TrainingSettings.builder().minSourceCount(2).build(),
                Taxonomy.bundled(), TestCorpus.themed(60, 5));
        for (ImmutableFeatureMap domain : List.of(trained.fieldsModel().getFeatureIDMap(),
                trained.sourcesModel().getFeatureIDMap())) {
            assertArrayEquals(domain.serialize().toByteArray(), FeatureDomains.serialize(domain).toByteArray());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    @DisplayName("random domains of categorical and real features: Tribuo's bytes")
    void randomDomainsGiveTribuosBytes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        MutableFeatureMap observed = new MutableFeatureMap();
        for (int feature = 0; feature < 200; feature++) {
            String name = "f" + random.nextInt(1_000_000);
            int observations = random.nextInt(4) == 0 ? 60 + random.nextInt(40) : 1 + random.nextInt(8);
            boolean oneValue = random.nextInt(3) == 0;
            double value = random.nextDouble(-2, 2);
            for (int i = 0; i < observations; i++) {
                observed.add(name, oneValue ? value : random.nextInt(5) == 0 ? 0.0 : random.nextDouble(-2, 2));
            }
        }
        ImmutableFeatureMap domain = new ImmutableFeatureMap(observed);
        assertTrue(kinds(domain).contains("categorical") && kinds(domain).contains("real"), kinds(domain));

        assertArrayEquals(domain.serialize().toByteArray(), FeatureDomains.serialize(domain).toByteArray());
    }

    private static String kinds(ImmutableFeatureMap domain) {
        StringBuilder kinds = new StringBuilder();
        for (VariableInfo info : domain) {
            if (info instanceof CategoricalIDInfo) {
                kinds.append("categorical ");
            } else if (info instanceof RealIDInfo) {
                kinds.append("real ");
            }
        }
        return kinds.toString();
    }
}
