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
            JsonNode property = resolved(root, properties.get(name));
            JsonNode typed = property.path("type").asText().equals("array") ? resolved(root, property.path("items")) : property;
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

    /**
     * The subschema a {@code $ref} leads to, followed to its end, so that a field declared as
     * {@code {"$ref": "#/$defs/day"}} is typed like one declared in place. Only local references
     * reach here (remote ones and cycles are refused before compiling); a reference this does not
     * follow (an anchor, a bad pointer) leaves the field untyped, and the step bound is a guard.
     */
    static JsonNode resolved(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int step = 0; step < 64 && current.path("$ref").isTextual(); step++) {
            JsonNode target = pointedAt(root, current.path("$ref").asText());
            if (target == null) {
                return current;
            }
            current = target;
        }
        return current;
    }

    private static JsonNode pointedAt(JsonNode root, String ref) {
        try {
            String fragment = java.net.URI.create(ref).getFragment();
            if (!ref.startsWith("#") || fragment == null || !(fragment.isEmpty() || fragment.startsWith("/"))) {
                return null;
            }
            JsonNode target = root.at(com.fasterxml.jackson.core.JsonPointer.compile(fragment));
            return target.isMissingNode() ? null : target;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
