package org.osceclassify.features;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osceclassify.model.Labels;
import org.osceclassify.model.Origin;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Taxonomy;

/** Hand-written documents and a small taxonomy for the feature tests. */
final class Docs {

    private Docs() {
    }

    static OsceDocument doc(String title, String body) {
        return new OsceDocument("test", title, body, Optional.empty(), "", "", List.of(), Labels.NONE,
                Origin.of("test"));
    }

    static OsceDocument doc(String title, String body, String place, String contentType, LocalDate date) {
        return new OsceDocument("test", title, body, Optional.ofNullable(date), place, contentType, List.of(),
                Labels.NONE, Origin.of("test"));
    }

    /** A taxonomy of a few States and bodies, enough to exercise multi-word names, aliases and home cities. */
    static Taxonomy taxonomy() {
        return new Taxonomy(
                List.of(new Taxonomy.Field("Elections", List.of("Election observation"), List.of()),
                        new Taxonomy.Field("Media freedom and development", List.of("Safety of journalists"),
                                List.of())),
                List.of(new Taxonomy.SourceBody("OSCE Mission to Serbia", "field operation", "Belgrade", List.of()),
                        new Taxonomy.SourceBody("OSCE Office for Democratic Institutions and Human Rights",
                                "institution", "Warsaw", List.of("ODIHR")),
                        new Taxonomy.SourceBody("OSCE Special Monitoring Mission to Ukraine (closed)",
                                "field operation", "Kyiv", List.of("SMM")),
                        new Taxonomy.SourceBody("OSCE Representative on Freedom of the Media", "institution",
                                "Vienna", List.of("RFoM")),
                        new Taxonomy.SourceBody("OSCE Secretariat", "secretariat", "Vienna", List.of())),
                List.of(new Taxonomy.State("Serbia", List.of()),
                        new Taxonomy.State("Bosnia and Herzegovina", List.of("BiH")),
                        new Taxonomy.State("Moldova", List.of("Republic of Moldova")),
                        new Taxonomy.State("Ukraine", List.of())));
    }

    /** The Tribuo-free view of a feature list: names to values, in order. */
    static java.util.Map<String, Double> asMap(List<org.tribuo.Feature> features) {
        java.util.Map<String, Double> map = new java.util.LinkedHashMap<>();
        for (org.tribuo.Feature f : features) {
            map.put(f.getName(), f.getValue());
        }
        return map;
    }

    static List<String> names(List<org.tribuo.Feature> features) {
        return features.stream().map(org.tribuo.Feature::getName).toList();
    }
}
