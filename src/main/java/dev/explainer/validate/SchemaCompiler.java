package dev.explainer.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.ReservedFields;
import dev.explainer.text.SourceFile;
import dev.explainer.text.Suggestions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a schema file into a JSON Schema the validator can use, or says why it cannot: not JSON,
 * a draft other than those known, a {@code $ref} outside the file (schemas are resolved offline,
 * so a build never depends on the network), references that lead round without end, or a field
 * the engine reserves. Holds only the JSON and schema libraries' settings: compiling a file
 * depends on its path and text alone.
 */
final class SchemaCompiler {
    private static final Set<String> KNOWN_DRAFTS = Set.of(
            "https://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft-07/schema#",
            "http://json-schema.org/draft-07/schema", "https://json-schema.org/draft/2019-09/schema");

    private static final Pattern ENUMERATION = Pattern.compile("does not have a value in the enumeration \\[(.*)\\]");
    private static final String META_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private final ObjectMapper json = new ObjectMapper();
    /** The 2020-12 draft's own schema, read from the validator library's resources when first needed. */
    private JsonSchema metaSchema;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig schemaConfig = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER)
            .locale(Locale.ENGLISH)
            .build();

    /**
     * A schema file compiled, and the problems found in it.
     *
     * @param source the file it was compiled from: its revision (path and text are all a
     *               compiled schema depends on)
     * @param schema empty if the file cannot be used, as {@code problems} say
     */
    record CompiledSchema(SourceFile source, Optional<CollectionSchema> schema, List<Diagnostic> problems) {
        CompiledSchema {
            problems = List.copyOf(problems);
        }
    }

    /** Jackson's reference to a place ({@code [Source: REDACTED ...; line: 1, column: 34]}), which names parser settings. */
    private static final Pattern PARSER_PLACE =
            Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    /** Where the parser says an unclosed object or list began. */
    private static final Pattern START_MARKER = Pattern.compile("start marker at line (\\d+), column (\\d+)");

    /** The parser's message in an editor's words: places as "line 1, column 34", no parser settings. */
    static String parserMessage(String original) {
        String message = PARSER_PLACE.matcher(original).replaceAll("line $1, column $2");
        if (message.startsWith("Unexpected end-of-input: expected close marker for ")) {
            boolean object = message.contains("for Object");
            Matcher start = START_MARKER.matcher(message);
            String opened = start.find() ? " opened at line " + start.group(1) + ", column " + start.group(2) : "";
            return "the file ends before the '" + (object ? "{" : "[") + "'" + opened + " is closed; close it with '"
                    + (object ? "}" : "]") + "'";
        }
        return message;
    }

    CompiledSchema compile(SourceFile file) {
        Diagnostics problems = new Diagnostics();
        Optional<CollectionSchema> schema = compile(file, problems);
        return new CompiledSchema(file, schema, problems.sorted());
    }

    private Optional<CollectionSchema> compile(SourceFile file, Diagnostics problems) {
        JsonNode root;
        try {
            root = json.readTree(file.text());
        } catch (JsonProcessingException e) {
            problems.error(DiagnosticCode.SCHEMA_INVALID, JsonPositions.of(file, e.getLocation()),
                    "schema is not valid JSON: " + parserMessage(e.getOriginalMessage()));
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            problems.error(DiagnosticCode.SCHEMA_INVALID, Position.startOf(file.path()), "a schema must be a JSON object");
            return Optional.empty();
        }
        Position start = Position.startOf(file.path());
        JsonNode draft = root.path("$schema");
        if (!draft.isMissingNode() && !KNOWN_DRAFTS.contains(draft.asText())) {
            problems.error(DiagnosticCode.SCHEMA_INVALID, start, "unsupported \"$schema\" '" + draft.asText()
                    + "'; use https://json-schema.org/draft/2020-12/schema");
            return Optional.empty();
        }
        List<String> remote = new ArrayList<>();
        collectRemoteRefs(root, remote);
        if (!remote.isEmpty()) {
            problems.error(DiagnosticCode.SCHEMA_INVALID, start, "\"$ref\" '" + remote.get(0) + "' points outside this file; only local references (#/$defs/...) are allowed");
            return Optional.empty();
        }
        List<Diagnostic> cycles = SchemaCycles.find(root, file);
        if (!cycles.isEmpty()) {
            cycles.forEach(problems::add);
            return Optional.empty();
        }
        root.path("properties").fieldNames().forEachRemaining(name -> {
            if (ReservedFields.UNDECLARABLE.contains(name)) {
                problems.error(DiagnosticCode.SCHEMA_INVALID, JsonPositions.ofKey(file, "/properties/" + JsonPositions.escape(name)),
                        "schema declares field '" + name + "', a name the engine reserves ("
                        + ReservedFields.undeclarableList() + "); rename it");
            }
        });
        List<Diagnostic> misuse = metaSchemaProblems(file, root);
        if (!misuse.isEmpty()) {
            misuse.forEach(problems::add);
            return Optional.empty();
        }
        try {
            JsonSchema schema = factory.getSchema(root, schemaConfig);
            schema.initializeValidators();
            return Optional.of(CollectionSchema.of(file.path(), schema, root));
        } catch (RuntimeException e) {
            problems.error(DiagnosticCode.SCHEMA_INVALID, start, "schema cannot be used: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Where the schema itself breaks the rules of JSON Schema ({@code "type": "objekt"}): checked
     * against the draft's own schema, which the validator library ships, so that the mistake is
     * reported once, at the schema, and not as a puzzling message at every entry. One problem per
     * place, the first the check gives.
     */
    private List<Diagnostic> metaSchemaProblems(SourceFile file, JsonNode root) {
        String draft = root.path("$schema").asText(META_2020_12);
        if (!draft.equals(META_2020_12)) {
            return List.of(); // the older drafts' rules are left to the validator
        }
        Map<String, String> firstByPlace = new TreeMap<>();
        for (ValidationMessage message : metaSchema().validate(root)) {
            String place = message.getInstanceLocation().toString();
            String text = message.getMessage();
            if (text.startsWith(place + ": ")) {
                text = text.substring(place.length() + 2);
            }
            firstByPlace.putIfAbsent(place, text);
        }
        List<Diagnostic> problems = new ArrayList<>();
        firstByPlace.forEach((place, text) -> {
            String pointer = place.isEmpty() || place.equals("/") ? "" : place;
            String key = pointer.isEmpty() ? "the schema" : "'" + pointer.substring(pointer.lastIndexOf('/') + 1) + "'";
            Matcher choices = ENUMERATION.matcher(text);
            JsonNode value = root.at(pointer);
            if (choices.matches() && value.isTextual()) {
                List<String> allowed = Arrays.stream(choices.group(1).split(", ")).map(c -> c.replace("\"", "")).toList();
                text = "'" + value.asText() + "' is not one of " + String.join(", ", allowed)
                        + Suggestions.closest(value.asText(), allowed).map(s -> "; did you mean '" + s + "'?").orElse("");
            }
            problems.add(Diagnostic.error(DiagnosticCode.SCHEMA_INVALID, pointer.isEmpty() ? Position.startOf(file.path())
                    : JsonPositions.ofKey(file, pointer), "the value of " + key + " is not what JSON Schema allows there: " + text));
        });
        return problems;
    }

    private JsonSchema metaSchema() {
        if (metaSchema == null) {
            metaSchema = factory.getSchema(SchemaLocation.of(META_2020_12), SchemaValidatorsConfig.builder()
                    .pathType(PathType.JSON_POINTER).locale(Locale.ENGLISH).build());
        }
        return metaSchema;
    }

    private static void collectRemoteRefs(JsonNode node, List<String> remote) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
                remote.add(ref.asText());
            }
            node.elements().forEachRemaining(child -> collectRemoteRefs(child, remote));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectRemoteRefs(child, remote));
        }
    }
}
