package org.osceclassify.server;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.osceclassify.classifier.Classification;
import org.osceclassify.classifier.FeatureWeight;
import org.osceclassify.classifier.ScoredLabel;

/**
 * A classification as the API answers it (the {@code Classification} schema of {@code openapi.json}): the
 * document's {@code id}, the {@code model} id, its {@code status}, the {@code fields} with their probabilities and
 * thresholds, the {@code sources} ranked, and with {@code explain} the {@code words} per label.
 */
final class ClassificationJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private ClassificationJson() {
    }

    static ObjectNode of(Classification c, ServedModel model, boolean explain) {
        Map<String, Double> thresholds = model.classifier().trained().thresholds();
        ObjectNode out = MAPPER.createObjectNode();
        out.put("id", c.id());
        out.put("model", model.id());
        out.put("status", c.status().toString());
        ArrayNode fields = out.putArray("fields");
        for (ScoredLabel f : c.fields()) {
            ObjectNode field = fields.addObject().put("label", f.label()).put("probability", f.probability());
            Double threshold = thresholds.get(f.label());
            if (threshold != null) {
                field.put("threshold", threshold);
            }
        }
        ArrayNode sources = out.putArray("sources");
        for (ScoredLabel s : c.sources()) {
            sources.addObject().put("label", s.label()).put("probability", s.probability());
        }
        if (explain) {
            ObjectNode words = out.putObject("words");
            for (Map.Entry<String, List<FeatureWeight>> label : c.words().entrySet()) {
                ArrayNode list = words.putArray(label.getKey());
                for (FeatureWeight w : label.getValue()) {
                    list.addObject().put("feature", w.feature()).put("weight", w.weight());
                }
            }
        }
        return out;
    }

    /** {@code {"error": "one line"}}. */
    static String error(String message) {
        return MAPPER.createObjectNode().put("error", ModelHolder.oneLine(new RuntimeException(message)))
                .toString();
    }
}
