package dev.explainer.validate;

import com.fasterxml.jackson.databind.JsonNode;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.text.LinkSchemes;
import dev.explainer.yaml.YamlNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's own check of fields a schema declares as URLs ({@code "format": "uri"} or
 * {@code "uri-reference"}): templates print them into {@code href}, so they must pass the rule
 * links in Markdown pass ({@link LinkSchemes}), whatever else the schema says of them. A schema's
 * {@code pattern} is the site's choice, and a loose one must not let {@code javascript:} through.
 */
final class UrlFields {
    /** Fields declared below {@code $ref}s are followed this deep; schemas that refer to themselves end here. */
    private static final int MOST_REFERENCES = 16;

    private UrlFields() {
    }

    /** Every refused URL of an entry, by the JSON Pointer of its value ({@code /url}, {@code /links/0}). */
    static Map<String, Diagnostic> check(YamlNode.Mapping fields, JsonNode schema) {
        Map<String, Diagnostic> problems = new LinkedHashMap<>();
        visit(fields, schema, schema, "", "", 0, problems);
        return problems;
    }

    private static void visit(YamlNode node, JsonNode declared, JsonNode root, String pointer, String field, int references,
                              Map<String, Diagnostic> problems) {
        if (declared == null || !declared.isObject()) {
            return;
        }
        JsonNode ref = declared.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith("#") && references < MOST_REFERENCES) {
            visit(node, root.at(ref.asText().substring(1)), root, pointer, field, references + 1, problems);
        }
        JsonNode all = declared.get("allOf");
        if (all != null && all.isArray()) {
            all.forEach(part -> visit(node, part, root, pointer, field, references, problems));
        }
        String format = declared.path("format").asText("");
        if ((format.equals("uri") || format.equals("uri-reference"))
                && node instanceof YamlNode.Scalar scalar && scalar.value() instanceof String url) {
            Optional<String> problem = LinkSchemes.problemOfField(url);
            if (problem.isPresent() && !problems.containsKey(pointer)) {
                problems.put(pointer, Diagnostic.error(DiagnosticCode.UNSAFE_URL, node.position(), "field '" + field + "': " + problem.get()));
            }
        }
        if (node instanceof YamlNode.Mapping mapping) {
            JsonNode properties = declared.path("properties");
            for (YamlNode.Member member : mapping.members().values()) {
                visit(member.value(), properties.get(member.key()), root, pointer + "/" + JsonPositions.escape(member.key()),
                        field.isEmpty() ? member.key() : field + "." + member.key(), references, problems);
            }
        } else if (node instanceof YamlNode.Sequence sequence) {
            JsonNode items = declared.get("items");
            for (int i = 0; i < sequence.items().size(); i++) {
                visit(sequence.items().get(i), items, root, pointer + "/" + i, field + "[" + i + "]", references, problems);
            }
        }
    }
}
