package dev.explainer.validate;

import com.fasterxml.jackson.databind.JsonNode;

import dev.explainer.config.CollectionConfig;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.text.Suggestions;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every reference the config declares, held to its collection's schema, so that a misspelt field
 * or a path that does not fit the data is an error at the config rather than a reference that is
 * never checked. Each field on the path must be declared in {@code properties} (of the schema or
 * of the object it is inside, directly or through {@code $ref}, {@code allOf}, {@code anyOf} or
 * {@code oneOf}), even where {@code additionalProperties} would let an entry have it: a field
 * that holds ids is one the schema should name. A step written with {@code []} must be a list of
 * objects, a step without it that the path goes on from an object, and the last field must not
 * hold objects itself.
 */
final class ReferenceFields {
    private ReferenceFields() {
    }

    static void check(CollectionConfig collection, CollectionSchema schema, Diagnostics problems) {
        for (CollectionConfig.Reference reference : collection.references().values()) {
            problem(reference, schema).ifPresent(message -> problems.error(DiagnosticCode.CONFIG, reference.keyPosition(),
                    "collection '" + collection.name() + "': " + message));
        }
    }

    private static Optional<String> problem(CollectionConfig.Reference reference, CollectionSchema schema) {
        JsonNode root = schema.root();
        List<CollectionConfig.Step> path = reference.path();
        JsonNode object = root;
        String reached = "";
        for (int i = 0; i < path.size(); i++) {
            CollectionConfig.Step step = path.get(i);
            Map<String, JsonNode> properties = properties(root, object);
            String here = reached + step.field();
            String rest = written(path.subList(i + 1, path.size()));
            JsonNode property = properties.get(step.field());
            if (property == null) {
                String where = reached.isEmpty() ? "" : " inside '" + reached.substring(0, reached.length() - 1) + "'";
                String prefix = reached;
                String hint = Suggestions.closest(step.field(), properties.keySet()).map(s -> "; did you mean '" + prefix + s + rest + "'?")
                        .orElse(properties.isEmpty() ? "" : "; the fields declared there are " + String.join(", ", properties.keySet()));
                return Optional.of("reference '" + reference.field() + "' names field '" + step.field() + "', which its schema "
                        + schema.file() + " does not declare" + where + hint);
            }
            JsonNode items = listItems(root, property);
            boolean listOfObjects = items != null && isObject(root, items);
            if (i == path.size() - 1) {
                if (isObject(root, property) || listOfObjects) {
                    String example = here + (listOfObjects ? "[]" : "") + "." + firstField(root, listOfObjects ? items : property);
                    return Optional.of("reference '" + reference.field() + "' names '" + here + "', which its schema " + schema.file()
                            + " declares as " + (listOfObjects ? "a list of objects" : "an object") + ", not ids; name the field"
                            + " inside that holds the id, such as '" + example + "'");
                }
                break;
            }
            if (step.eachItem() && !listOfObjects) {
                return Optional.of("reference '" + reference.field() + "' goes into each item of '" + here + "', but its schema "
                        + schema.file() + (isObject(root, property)
                        ? " declares it as an object, not a list; write '" + here + "." + rest.substring(1) + "'"
                        : " does not declare it as a list of objects"));
            }
            if (!step.eachItem() && !isObject(root, property)) {
                return Optional.of("reference '" + reference.field() + "' goes into '" + here + "', but its schema " + schema.file()
                        + (listOfObjects ? " declares it as a list of objects; write '" + here + "[]" + rest + "'"
                        : " does not declare it as an object with fields"));
            }
            object = step.eachItem() ? items : CollectionSchema.resolved(root, property);
            reached = here + (step.eachItem() ? "[]" : "") + ".";
        }
        return Optional.empty();
    }

    /** The steps as the config writes them, each after a '.'. */
    private static String written(List<CollectionConfig.Step> steps) {
        StringBuilder text = new StringBuilder();
        for (CollectionConfig.Step step : steps) {
            text.append('.').append(step.field()).append(step.eachItem() ? "[]" : "");
        }
        return text.toString();
    }

    /** The properties an object schema declares, its own first, then those of the schemas it combines, in their order. */
    private static Map<String, JsonNode> properties(JsonNode root, JsonNode node) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        collectProperties(root, node, properties, Collections.newSetFromMap(new IdentityHashMap<>()));
        return properties;
    }

    /** Each subschema is visited once, so that combinators that lead back to a schema (through {@code $ref}) end. */
    private static void collectProperties(JsonNode root, JsonNode node, Map<String, JsonNode> properties, Set<JsonNode> visited) {
        JsonNode schema = CollectionSchema.resolved(root, node);
        if (!schema.isObject() || !visited.add(schema)) {
            return;
        }
        schema.path("properties").fields().forEachRemaining(member -> properties.putIfAbsent(member.getKey(), member.getValue()));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode parts = schema.path(combinator);
            if (parts.isArray()) {
                for (JsonNode part : parts) {
                    collectProperties(root, part, properties, visited);
                }
            }
        }
    }

    /** Whether a schema describes an object with fields: it says "type": "object", or declares properties. */
    private static boolean isObject(JsonNode root, JsonNode node) {
        JsonNode schema = CollectionSchema.resolved(root, node);
        return hasType(schema, "object") || !properties(root, schema).isEmpty();
    }

    /** The schema of a list's items, if the schema describes a list with one schema for all its items. */
    private static JsonNode listItems(JsonNode root, JsonNode node) {
        JsonNode schema = CollectionSchema.resolved(root, node);
        JsonNode items = schema.path("items");
        return items.isObject() ? CollectionSchema.resolved(root, items) : null;
    }

    private static boolean hasType(JsonNode schema, String type) {
        JsonNode declared = schema.path("type");
        if (declared.isArray()) {
            for (JsonNode each : declared) {
                if (each.asText().equals(type)) {
                    return true;
                }
            }
            return false;
        }
        return declared.asText().equals(type);
    }

    private static String firstField(JsonNode root, JsonNode object) {
        return properties(root, object).keySet().stream().findFirst().orElse("FIELD");
    }
}
