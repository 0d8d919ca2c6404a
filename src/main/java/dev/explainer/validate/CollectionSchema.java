package dev.explainer.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;

import java.util.Set;

/**
 * A collection's schema file, its compiled JSON Schema, its JSON text (for what messages quote from it), and the
 * facts about its top-level fields that the engine uses: which fields exist, and which hold dates
 * or plain strings.
 */
record CollectionSchema(String file, JsonSchema schema, JsonNode root, Set<String> fields, Set<String> dateFields, Set<String> stringFields) {

    static CollectionSchema of(String file, JsonSchema schema, JsonNode root) {
        JsonNode properties = root.path("properties");
        Set<String> fields = new java.util.TreeSet<>();
        Set<String> dates = new java.util.HashSet<>();
        Set<String> strings = new java.util.HashSet<>();
        properties.fieldNames().forEachRemaining(name -> {
            fields.add(name);
            JsonNode property = properties.get(name);
            JsonNode typed = property.path("type").asText().equals("array") ? property.path("items") : property;
            if (typed.path("type").asText().equals("string")) {
                if (typed.path("format").asText().equals("date")) {
                    dates.add(name);
                } else {
                    strings.add(name);
                }
            }
        });
        return new CollectionSchema(file, schema, root, fields, dates, strings);
    }
}
