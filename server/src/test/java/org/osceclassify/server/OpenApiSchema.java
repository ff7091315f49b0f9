package org.osceclassify.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A hand check of JSON against the schemas of the served OpenAPI 3 document: the keywords the document uses
 * ({@code $ref}, {@code type}, {@code nullable}, {@code required}, {@code properties}, {@code additionalProperties},
 * {@code items}, {@code maxItems}, {@code enum}, {@code minimum}, {@code maximum}, {@code pattern}, {@code oneOf}).
 * A keyword it does not know fails the check, so the document cannot outgrow it unnoticed.
 */
final class OpenApiSchema {

    private static final List<String> KNOWN = List.of("$ref", "type", "nullable", "required", "properties",
            "additionalProperties", "items", "maxItems", "enum", "minimum", "maximum", "pattern", "oneOf",
            "description", "format");
    private final JsonNode document;

    OpenApiSchema(JsonNode document) {
        this.document = document;
    }

    /** The schema of a response, or null when the document declares none for that status and media type. */
    JsonNode responseSchema(String path, String method, int status, String mediaType) {
        JsonNode response = document.path("paths").path(path).path(method).path("responses").path(
                Integer.toString(status));
        response = resolve(response);
        JsonNode schema = response.path("content").path(mediaType).path("schema");
        return schema.isMissingNode() ? null : schema;
    }

    /** What is wrong with {@code value} against {@code schema}: empty when it conforms. */
    List<String> check(JsonNode value, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        check(value, schema, "$", problems);
        return problems;
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String[] parts = node.get("$ref").asText().substring(2).split("/");
            JsonNode target = document;
            for (String part : parts) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }

    private void check(JsonNode value, JsonNode schema, String at, List<String> problems) {
        schema = resolve(schema);
        for (Iterator<String> keys = schema.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KNOWN.contains(key)) {
                problems.add(at + ": the checker does not know the keyword " + key);
            }
        }
        if (value.isNull() && schema.path("nullable").asBoolean(false)) {
            return;
        }
        if (schema.has("oneOf")) {
            int matching = 0;
            for (JsonNode option : schema.get("oneOf")) {
                matching += check(value, option).isEmpty() ? 1 : 0;
            }
            if (matching != 1) {
                problems.add(at + ": matches " + matching + " of oneOf, not exactly one");
            }
            return;
        }
        String type = schema.path("type").asText("");
        boolean typed = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "" -> true;
            default -> false;
        };
        if (!typed) {
            problems.add(at + ": expected " + type + ", got " + value.getNodeType());
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.equals(value);
            }
            if (!listed) {
                problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()
                || schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
            problems.add(at + ": " + value + " out of range");
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
            problems.add(at + ": \"" + value.asText() + "\" does not match " + schema.get("pattern").asText());
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                problems.add(at + ": more than " + schema.get("maxItems") + " items");
            }
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.path("items"), at + "[" + i + "]", problems);
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(at + ": missing " + required.asText());
                }
            }
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String where = at + "." + field.getKey();
                if (properties.has(field.getKey())) {
                    check(field.getValue(), properties.get(field.getKey()), where, problems);
                } else if (additional.isObject()) {
                    check(field.getValue(), additional, where, problems);
                } else if (additional.isBoolean() && !additional.asBoolean()) {
                    problems.add(where + ": not in the schema");
                }
            }
        }
    }
}
