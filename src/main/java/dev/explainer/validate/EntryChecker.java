package dev.explainer.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.RawEntry;
import dev.explainer.load.ReservedFields;
import dev.explainer.yaml.YamlNode;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks one entry against its collection's schema: the engine's own rule for URL fields first,
 * then the schema, its messages in editors' words; and types the entry's data as the schema
 * declares it. The result depends only on the entry and the schema.
 */
final class EntryChecker {
    private EntryChecker() {
    }

    /** The entry, checked against {@code schema} (null if its collection has none that can be used). */
    static ValidEntry check(RawEntry entry, CollectionSchema schema, Diagnostics problems) {
        if (schema != null) {
            ObjectNode instance = (ObjectNode) toJson(entry.fields());
            // A schema may declare the engine's own fields, so that editors' tooling knows them.
            if (schema.fields().contains(ReservedFields.ID) && entry.body().isEmpty()) {
                instance.put(ReservedFields.ID, entry.id());
            }
            if (schema.fields().contains(ReservedFields.DRAFT) && entry.draft()) {
                instance.put(ReservedFields.DRAFT, true);
            }
            // The engine's own checks come first; the schema's messages about the same values would repeat them.
            Map<String, Diagnostic> urls = UrlFields.check(entry.fields(), schema.root());
            urls.values().forEach(problems::add);
            Set<String> reported = new HashSet<>(urls.keySet());
            if (!EntryIds.isSlug(entry.id())) {
                reported.add("/" + ReservedFields.ID); // reported by the id rules, in words
            }
            Set<ValidationMessage> messages;
            try {
                messages = schema.schema().validate(instance);
            } catch (StackOverflowError e) {
                // References the compile-time check does not follow, or a chain of them thousands long.
                problems.error(DiagnosticCode.SCHEMA_INVALID, Position.startOf(schema.file()), "checking the entry at " + entry.idPosition()
                        + " against this schema went deeper than the tool has room for: its \"$ref\"s lead from schema to schema"
                        + " without end (or thousands of times) without stepping into a field or an item; point them at schemas"
                        + " that do not lead back, or put them inside \"properties\" or \"items\"");
                return new ValidEntry(entry, TypedData.of(entry.fields(), schema));
            }
            problems.addAll(SchemaMessages.describe(entry, schema, messages, reported));
        }
        return new ValidEntry(entry, TypedData.of(entry.fields(), schema));
    }

    /** YAML data as the JSON the schema validator reads; a date as its ISO text, which "format": "date" checks. */
    static JsonNode toJson(YamlNode node) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node instanceof YamlNode.Mapping mapping) {
            ObjectNode object = nodes.objectNode();
            mapping.members().forEach((key, member) -> object.set(key, toJson(member.value())));
            return object;
        }
        if (node instanceof YamlNode.Sequence sequence) {
            ArrayNode array = nodes.arrayNode();
            sequence.items().forEach(item -> array.add(toJson(item)));
            return array;
        }
        Object value = ((YamlNode.Scalar) node).value();
        if (value == null) {
            return nodes.nullNode();
        } else if (value instanceof String text) {
            return nodes.textNode(text);
        } else if (value instanceof Boolean bool) {
            return nodes.booleanNode(bool);
        } else if (value instanceof Long number) {
            return nodes.numberNode(number);
        } else if (value instanceof Double number) {
            return nodes.numberNode(number);
        }
        return nodes.textNode(value.toString());
    }
}
