package org.osceclassify.classifier;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A JSON object of the manifest, read with Jackson's streaming parser into its members: strings, numbers and
 * nested objects. Jackson's tree model would do the same, but setting up its data binding took a tenth of a
 * second or more of every command that loads a bundle.
 */
record ManifestJson(Map<String, Object> values) {

    private static final JsonFactory JSON = new JsonFactory();

    static ManifestJson parse(byte[] json) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "the manifest is not a JSON object");
            }
            return object(p);
        }
    }

    private static ManifestJson object(JsonParser p) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_OBJECT) {
                values.put(name, object(p));
            } else if (value.isNumeric()) {
                values.put(name, p.getNumberValue());
            } else if (value == JsonToken.VALUE_STRING) {
                values.put(name, p.getText());
            } else if (value == JsonToken.START_ARRAY) {
                values.put(name, strings(p, name));
            } else {
                throw new JsonParseException(p, "unexpected " + value + " for \"" + name + "\"");
            }
        }
        return new ManifestJson(values);
    }

    /** An array of strings, the one kind of array a manifest holds. */
    private static List<String> strings(JsonParser p, String name) throws IOException {
        List<String> strings = new ArrayList<>();
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.VALUE_STRING) {
            strings.add(p.getText());
        }
        if (token != JsonToken.END_ARRAY) {
            throw new JsonParseException(p, "unexpected " + token + " in \"" + name + "\"");
        }
        return List.copyOf(strings);
    }

    String text(String name) {
        return (String) require(name);
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String name) {
        Object value = require(name);
        if (!(value instanceof List)) {
            throw new IllegalArgumentException("\"" + name + "\" in the manifest is not a list");
        }
        return (List<String>) value;
    }

    Number number(String name) {
        return (Number) require(name);
    }

    ManifestJson object(String name) {
        return (ManifestJson) require(name);
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the manifest has no \"" + name + "\"");
        }
        return value;
    }
}
