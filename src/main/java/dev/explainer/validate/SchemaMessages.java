package dev.explainer.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.RawEntry;
import dev.explainer.text.Suggestions;
import dev.explainer.yaml.YamlNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The schema validator's messages in an editor's words, one per problem, each at the key or value
 * that causes it.
 *
 * <p>One mistake often breaks several rules of a schema: a relative address in a URL field fails
 * its {@code format} and its {@code pattern}; an entry with neither of two fields of a
 * {@code oneOf} fails the {@code oneOf} and the {@code required} of each of its branches. Only
 * the most telling message of a value is kept, and a {@code oneOf} or {@code anyOf} speaks for
 * its branches. Raw regular expressions and JSON Pointers never reach an editor.
 */
final class SchemaMessages {
    /** The rules about one value, most telling first: of several broken at one value, only the first is reported. */
    private static final List<String> VALUE_RULES = List.of("type", "const", "enum", "format", "pattern", "minLength",
            "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems",
            "uniqueItems");
    private static final Set<String> COMBINATORS = Set.of("oneOf", "anyOf");

    private final RawEntry entry;
    private final CollectionSchema schema;
    private final String where;

    private SchemaMessages(RawEntry entry, CollectionSchema schema) {
        this.entry = entry;
        this.schema = schema;
        this.where = "collection '" + entry.collection() + "'";
    }

    /**
     * The diagnostics for an entry's validation messages.
     *
     * @param reported JSON Pointers of values the engine has already reported (an id that is no
     *                 slug, a refused URL): the schema's messages about them would say it again
     */
    static List<Diagnostic> describe(RawEntry entry, CollectionSchema schema, Collection<ValidationMessage> messages,
                                     Set<String> reported) {
        return new SchemaMessages(entry, schema).describe(messages, reported);
    }

    private List<Diagnostic> describe(Collection<ValidationMessage> all, Set<String> reported) {
        List<ValidationMessage> messages = new ArrayList<>(all);
        messages.sort(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                .thenComparing(ValidationMessage::getMessage));
        List<String> combinators = messages.stream().filter(m -> COMBINATORS.contains(m.getType()))
                .map(m -> m.getEvaluationPath() + "/").toList();
        Map<String, ValidationMessage> valueRule = new HashMap<>();
        List<ValidationMessage> kept = new ArrayList<>();
        for (ValidationMessage message : messages) {
            String location = message.getInstanceLocation().toString();
            String evaluation = message.getEvaluationPath().toString();
            if (reported.contains(location) || combinators.stream().anyMatch(evaluation::startsWith)) {
                continue;
            }
            int weight = VALUE_RULES.indexOf(message.getType());
            if (weight >= 0) {
                ValidationMessage other = valueRule.get(location);
                if (other != null && VALUE_RULES.indexOf(other.getType()) <= weight) {
                    continue;
                }
                if (other != null) {
                    kept.remove(other);
                }
                valueRule.put(location, message);
            }
            kept.add(message);
        }
        List<Diagnostic> diagnostics = new ArrayList<>(kept.size());
        for (ValidationMessage message : kept) {
            diagnostics.add(describe(message, messages));
        }
        return diagnostics;
    }

    private Diagnostic describe(ValidationMessage message, List<ValidationMessage> all) {
        JsonNodePath path = message.getInstanceLocation();
        YamlNode node = locate(entry.fields(), path);
        String field = fieldName(path);
        String type = message.getType() == null ? "" : message.getType();
        switch (type) {
            case "required": {
                String missing = message.getProperty();
                return Diagnostic.error(DiagnosticCode.MISSING_FIELD, node.position(), (field.isEmpty() ? "" : "in '" + field + "': ")
                        + "missing required field '" + missing + "' (" + where + "); add '" + missing + ": ...'");
            }
            case "dependentRequired": {
                // A field that only makes sense with another (a quote's wording_of and its
                // wording_note): reported at the field that is given.
                String given = message.getProperty();
                Object[] arguments = message.getArguments();
                String missing = arguments != null && arguments.length > 0 ? String.valueOf(arguments[0]) : "";
                Position at = node instanceof YamlNode.Mapping mapping && mapping.member(given).isPresent()
                        ? mapping.member(given).get().keyPosition() : node.position();
                return Diagnostic.error(DiagnosticCode.MISSING_FIELD, at, (field.isEmpty() ? "" : "in '" + field + "': ") + "'" + given
                        + "' needs the field '" + missing + "' beside it (" + where + "); add '" + missing + ": ...'");
            }
            case "additionalProperties":
            case "unevaluatedProperties": {
                String unknown = message.getProperty();
                Position at = node instanceof YamlNode.Mapping mapping && mapping.member(unknown).isPresent()
                        ? mapping.member(unknown).get().keyPosition() : node.position();
                String hint = field.isEmpty()
                        ? Suggestions.closest(unknown, schema.fields()).map(s -> "; did you mean '" + s + "'?")
                                .orElse("; known fields are " + String.join(", ", schema.fields()))
                        : "";
                return Diagnostic.error(DiagnosticCode.UNKNOWN_FIELD, at, "unknown field '" + (field.isEmpty() ? "" : field + ".") + unknown
                        + "' (" + where + ")" + hint);
            }
            case "oneOf":
            case "anyOf":
                return combinator(message, node, field, all);
            case "format":
                return Diagnostic.error(DiagnosticCode.FIELD_FORMAT, node.position(), subject(field) + FormatProblems.describe(message, node));
            case "pattern": {
                Optional<String> description = declaredDescription(message);
                return Diagnostic.error(DiagnosticCode.FIELD, node.position(), subject(field) + FormatProblems.quoted(node)
                        + " does not have the form this field needs" + description.map(d -> ": " + d)
                                .orElse(" (see its \"pattern\" in " + schemaFile() + ")"));
            }
            default: {
                if ("type".equals(type) && node instanceof YamlNode.Scalar empty && empty.value() == null) {
                    // A key with nothing after it, as 'new' leaves a field to fill in: "null found" is no help.
                    return Diagnostic.error(DiagnosticCode.FIELD, node.position(), subject(field) + "has no value; fill it in ("
                            + text(message).replace("null found, ", "") + ")");
                }
                String hint = "";
                if ("type".equals(type) && node instanceof YamlNode.Scalar scalar && !(scalar.value() instanceof String)
                        && text(message).contains("string expected")) {
                    hint = "; put the value in quotes to make it a string";
                }
                return Diagnostic.error(DiagnosticCode.FIELD, node.position(), subject(field) + text(message) + hint);
            }
        }
    }

    /**
     * A {@code oneOf} or {@code anyOf}. Where each branch only requires one field (a person has
     * a party or an organisation), the message names the fields; otherwise it names what each
     * branch asked for.
     */
    private Diagnostic combinator(ValidationMessage message, YamlNode node, String field, List<ValidationMessage> all) {
        boolean exactlyOne = "oneOf".equals(message.getType());
        List<String> names = requiredOneEach(message.getSchemaNode());
        String in = field.isEmpty() ? "" : "in '" + field + "': ";
        Object[] arguments = message.getArguments();
        boolean tooMany = exactlyOne && arguments != null && arguments.length > 0 && !"0".equals(String.valueOf(arguments[0]));
        if (names != null) {
            String give = "give " + (exactlyOne ? "exactly" : "at least") + " one of " + list(names, "or");
            YamlNode.Mapping mapping = node instanceof YamlNode.Mapping m ? m : null;
            List<String> given = mapping == null ? List.of() : names.stream().filter(n -> mapping.member(n).isPresent()).toList();
            if (tooMany && given.size() > 1) {
                Position at = mapping.member(given.get(given.size() - 1)).get().keyPosition();
                String both = given.size() == 2 ? "both " + list(given, "and") + " are given" : list(given, "and") + " are all given";
                return Diagnostic.error(DiagnosticCode.ONE_OF, at, in + both + " (" + where + "); " + give);
            }
            String none = names.size() == 2 ? "neither '" + names.get(0) + "' nor '" + names.get(1) + "' is given"
                    : "none of " + list(names, "or") + " is given";
            return Diagnostic.error(DiagnosticCode.ONE_OF, node.position(), in + none + " (" + where + "); " + give);
        }
        if (tooMany) {
            return Diagnostic.error(DiagnosticCode.ONE_OF, node.position(), subject(field)
                    + "fits more than one of the forms the schema allows, and must fit exactly one");
        }
        String branches = message.getEvaluationPath() + "/";
        List<String> asked = all.stream().filter(m -> m.getEvaluationPath().toString().startsWith(branches))
                .map(SchemaMessages::text).distinct().toList();
        return Diagnostic.error(DiagnosticCode.ONE_OF, node.position(), subject(field) + "fits none of the forms the schema allows"
                + (asked.isEmpty() ? "" : " (" + String.join("; or ", asked) + ")"));
    }

    /** The field each branch requires, if every branch of the combinator only requires one field; else null. */
    private static List<String> requiredOneEach(JsonNode branches) {
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode branch : branches) {
            JsonNode required = branch.path("required");
            if (branch.size() != 1 || !required.isArray() || required.size() != 1 || !required.get(0).isTextual()) {
                return null;
            }
            names.add(required.get(0).asText());
        }
        return names;
    }

    /** The description the schema gives the value's own declaration, if any. */
    private Optional<String> declaredDescription(ValidationMessage message) {
        String location = String.valueOf(message.getSchemaLocation());
        int hash = location.indexOf('#');
        if (hash < 0) {
            return Optional.empty();
        }
        String pointer = location.substring(hash + 1);
        int last = pointer.lastIndexOf('/');
        if (last < 0) {
            return Optional.empty();
        }
        JsonNode description = schema.root().at(pointer.substring(0, last)).path("description");
        return description.isTextual() && !description.asText().isBlank() ? Optional.of(description.asText()) : Optional.empty();
    }

    private String schemaFile() {
        return "the schema of " + where;
    }

    /** How a message names what it is about: the field, or the entry itself at the top level (never "field ''"). */
    private static String subject(String field) {
        return field.isEmpty() ? "this entry: " : "field '" + field + "': ";
    }

    /** networknt's text without the JSON Pointer it starts with. */
    private static String text(ValidationMessage message) {
        String text = message.getMessage();
        String prefix = message.getInstanceLocation().toString() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    private static String list(List<String> names, String conjunction) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            text.append(i == 0 ? "" : i == names.size() - 1 ? " " + conjunction + " " : ", ").append('\'').append(names.get(i)).append('\'');
        }
        return text.toString();
    }

    static String fieldName(JsonNodePath path) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                name.append('[').append(index).append(']');
            } else {
                name.append(name.length() == 0 ? "" : ".").append(element);
            }
        }
        return name.toString();
    }

    private static YamlNode locate(YamlNode root, JsonNodePath path) {
        YamlNode node = root;
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            YamlNode next = null;
            if (element instanceof Integer index && node instanceof YamlNode.Sequence sequence
                    && index < sequence.items().size()) {
                next = sequence.items().get(index);
            } else if (node instanceof YamlNode.Mapping mapping) {
                next = mapping.get(String.valueOf(element)).orElse(null);
            }
            if (next == null) {
                return node;
            }
            node = next;
        }
        return node;
    }
}
