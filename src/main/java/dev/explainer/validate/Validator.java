package dev.explainer.validate;

import dev.explainer.diagnostic.DiagnosticCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import dev.explainer.config.CollectionConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.LoadedSite;
import dev.explainer.load.RawEntry;
import dev.explainer.load.ReservedFields;
import dev.explainer.parallel.Parallel;
import dev.explainer.text.SourceFile;
import dev.explainer.yaml.YamlNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validate stage: every entry against its collection's JSON Schema, every id a URL slug and
 * unique in its collection. Schema errors are reported at the exact key or value that causes
 * them, using the positions kept by the YAML parser.
 */
public final class Validator {
    /** Lowercase letters and digits in words joined by single hyphens: safe in any URL and file system. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> KNOWN_DRAFTS = Set.of(
            "https://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft-07/schema#",
            "http://json-schema.org/draft-07/schema", "https://json-schema.org/draft/2019-09/schema");

    private final ObjectMapper json = new ObjectMapper();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig schemaConfig = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER)
            .locale(Locale.ENGLISH)
            .build();

    /** Schemas compiled by earlier runs, by file, with the text they were compiled from. */
    private final Map<String, CompiledSchema> compiled = new HashMap<>();
    private record CompiledSchema(String text, Optional<CollectionSchema> schema, List<Diagnostic> problems) {
    }

    private record CheckedEntry(CollectionSchema schema, ValidEntry entry, List<Diagnostic> problems) {
    }

    /**
     * The previous run: its input, schemas, id problems, results in checking order and each
     * entry's place in that order, for a run that changes only a few entries in place.
     */
    private record LastRun(List<RawEntry> input, Map<String, CollectionSchema> schemas, List<Diagnostic> idProblems,
                           List<CheckedEntry> results, Map<RawEntry, Integer> positions) {
    }

    private LastRun last;
    private static final int MOST_REVALIDATED = 64;

    /** The entries that passed (or partly passed) and every problem found. */
    public record Result(List<ValidEntry> entries, List<Diagnostic> diagnostics) {
    }

    public Result validate(LoadedSite site) {
        Diagnostics schemaProblems = new Diagnostics();
        Map<String, CollectionSchema> schemas = compileSchemas(site, schemaProblems);
        Optional<Result> quick = revalidate(site.entries(), schemas, schemaProblems);
        if (quick.isPresent()) {
            return quick.get();
        }
        // The previous run's results serve entries that were not read again (the loader hands back
        // the same objects for unchanged files), while their collection's schema is the same.
        LastRun before = last;
        last = null;
        List<RawEntry> ordered = new ArrayList<>(site.entries());
        ordered.sort(Comparator.comparing(RawEntry::path)
                .thenComparingInt(e -> e.idPosition().line())
                .thenComparingInt(e -> e.idPosition().column()));
        Diagnostics idProblems = new Diagnostics();
        checkIds(ordered, idProblems);
        List<CheckedEntry> results = Parallel.map(ordered, entry -> {
            CollectionSchema schema = schemas.get(entry.collection());
            Integer at = before == null ? null : before.positions().get(entry);
            CheckedEntry earlier = at == null ? null : before.results().get(at);
            if (earlier != null && earlier.schema() == schema) {
                return earlier;
            }
            return check(entry, schema);
        }, RawEntry::path);
        Map<RawEntry, Integer> positions = new IdentityHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            positions.put(results.get(i).entry().raw(), i);
        }
        last = new LastRun(site.entries(), schemas, idProblems.sorted(), results, positions);
        return result(results, schemaProblems, last.idProblems());
    }

    private CheckedEntry check(RawEntry entry, CollectionSchema schema) {
        Diagnostics entryProblems = new Diagnostics();
        ValidEntry valid = validateEntry(entry, schema, entryProblems);
        return new CheckedEntry(schema, valid, entryProblems.sorted());
    }

    private static Result result(List<CheckedEntry> results, Diagnostics schemaProblems, List<Diagnostic> idProblems) {
        Diagnostics problems = new Diagnostics();
        problems.addAll(schemaProblems.sorted());
        problems.addAll(idProblems);
        List<ValidEntry> valid = new ArrayList<>(results.size());
        for (CheckedEntry result : results) {
            valid.add(result.entry());
            if (!result.problems().isEmpty()) {
                problems.addAll(result.problems());
            }
        }
        return new Result(List.copyOf(valid), problems.sorted());
    }

    /**
     * The quick run, if the loader handed back the same entries as last time but for a few
     * re-read ones with the same collections, ids and id positions (an edit inside a file): the
     * order and the id checks stand, and only those entries are validated.
     */
    private Optional<Result> revalidate(List<RawEntry> entries, Map<String, CollectionSchema> schemas, Diagnostics schemaProblems) {
        LastRun before = last;
        if (before == null || entries.size() != before.input().size() || !sameSchemas(schemas, before.schemas())) {
            return Optional.empty();
        }
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            RawEntry now = entries.get(i);
            RawEntry was = before.input().get(i);
            if (now == was) {
                continue;
            }
            if (!now.collection().equals(was.collection()) || !now.id().equals(was.id()) || !now.idPosition().equals(was.idPosition())
                    || changed.size() == MOST_REVALIDATED) {
                return Optional.empty(); // the full run, which checks in parallel
            }
            changed.add(i);
        }
        List<CheckedEntry> results = changed.isEmpty() ? before.results() : new ArrayList<>(before.results());
        for (int i : changed) {
            RawEntry now = entries.get(i);
            int at = before.positions().remove(before.input().get(i));
            results.set(at, check(now, schemas.get(now.collection())));
            before.positions().put(now, at);
        }
        last = new LastRun(entries, schemas, before.idProblems(), results, before.positions());
        return Optional.of(result(results, schemaProblems, before.idProblems()));
    }

    private static boolean sameSchemas(Map<String, CollectionSchema> a, Map<String, CollectionSchema> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(entry -> b.get(entry.getKey()) == entry.getValue());
    }

    private Map<String, CollectionSchema> compileSchemas(LoadedSite site, Diagnostics problems) {
        Map<String, CollectionSchema> byCollection = new HashMap<>();
        Map<String, Optional<CollectionSchema>> byFile = new HashMap<>();
        for (CollectionConfig collection : site.config().collections()) {
            SourceFile file = site.schemas().get(collection.schema());
            if (file == null) {
                continue; // the loader has reported it missing
            }
            byFile.computeIfAbsent(collection.schema(), name -> compileOnce(name, file, problems))
                    .ifPresent(schema -> byCollection.put(collection.name(), schema));
        }
        return byCollection;
    }

    private Optional<CollectionSchema> compileOnce(String name, SourceFile file, Diagnostics problems) {
        CompiledSchema earlier = compiled.get(name);
        if (earlier == null || !earlier.text().equals(file.text())) {
            Diagnostics compiling = new Diagnostics();
            earlier = new CompiledSchema(file.text(), compile(file, compiling), compiling.sorted());
            compiled.put(name, earlier);
        }
        problems.addAll(earlier.problems());
        return earlier.schema();
    }

    private Optional<CollectionSchema> compile(SourceFile file, Diagnostics problems) {
        JsonNode root;
        try {
            root = json.readTree(file.text());
        } catch (JsonProcessingException e) {
            problems.error(DiagnosticCode.SCHEMA_INVALID, JsonPositions.of(file, e.getLocation()),
                    "schema is not valid JSON: " + e.getOriginalMessage());
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
            // Schemas are resolved offline: a remote $ref would make the build depend on the network.
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
                problems.error(DiagnosticCode.SCHEMA_INVALID, start, "schema declares field '" + name + "', a name the engine reserves ("
                        + ReservedFields.undeclarableList() + "); rename it");
            }
        });
        try {
            JsonSchema schema = factory.getSchema(root, schemaConfig);
            schema.initializeValidators();
            return Optional.of(CollectionSchema.of(file.path(), schema, root));
        } catch (RuntimeException e) {
            problems.error(DiagnosticCode.SCHEMA_INVALID, start, "schema cannot be used: " + e.getMessage());
            return Optional.empty();
        }
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

    private static void checkIds(List<RawEntry> entries, Diagnostics problems) {
        Map<String, RawEntry> seen = new HashMap<>();
        for (RawEntry entry : entries) {
            if (!SLUG.matcher(entry.id()).matches()) {
                problems.error(DiagnosticCode.ID_SLUG, entry.idPosition(), notASlug(entry));
            }
            RawEntry earlier = seen.putIfAbsent(entry.key(), entry);
            if (earlier != null) {
                problems.error(DiagnosticCode.DUPLICATE_ID, entry.idPosition(), "duplicate id '" + entry.id() + "' in collection '"
                        + entry.collection() + "' (also at " + earlier.idPosition() + "); ids must be unique");
            }
        }
    }

    private static String notASlug(RawEntry entry) {
        String suggestion = slugify(entry.id());
        String rule = "ids are lowercase words (letters a-z and digits) joined by hyphens";
        if (entry.body().isPresent()) {
            String name = entry.path().substring(entry.path().lastIndexOf('/') + 1);
            String extension = name.substring(entry.id().length());
            return "the file name '" + name + "' does not make a valid id: " + rule
                    + (suggestion.isEmpty() ? ", such as 'my-entry'; rename the file" : "; rename the file to '" + suggestion + extension + "'");
        }
        return "id '" + entry.id() + "' is not valid: " + rule + (suggestion.isEmpty() ? ", such as 'my-entry'" : "; write '" + suggestion + "'");
    }

    /** The slug an editor probably meant: "Al Jubeir" becomes "al-jubeir". */
    public static String slugify(String text) {
        String ascii = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private ValidEntry validateEntry(RawEntry entry, CollectionSchema schema, Diagnostics problems) {
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
            Set<String> reported = new java.util.HashSet<>(urls.keySet());
            if (!SLUG.matcher(entry.id()).matches()) {
                reported.add("/id"); // reported by checkIds, in words
            }
            Set<com.networknt.schema.ValidationMessage> messages;
            try {
                messages = schema.schema().validate(instance);
            } catch (StackOverflowError e) {
                // References the compile-time check does not follow, or a chain of them thousands long.
                problems.error(DiagnosticCode.SCHEMA_INVALID, Position.startOf(schema.file()), "checking the entry at " + entry.idPosition()
                        + " against this schema went deeper than the tool has room for: its \"$ref\"s lead from schema to schema"
                        + " without end (or thousands of times) without stepping into a field or an item; point them at schemas"
                        + " that do not lead back, or put them inside \"properties\" or \"items\"");
                return new ValidEntry(entry, typedData(entry.fields(), schema, problems));
            }
            problems.addAll(SchemaMessages.describe(entry, schema, messages, reported));
        }
        return new ValidEntry(entry, typedData(entry.fields(), schema, problems));
    }

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
        return nodes.textNode(value.toString()); // LocalDate: ISO text, checked by "format": "date"
    }

    /**
     * Plain data typed as the schema says: a quoted date in a date field becomes a date, and a
     * bare date in a string field stays the text it was, so templates see one type per field.
     */
    private static Map<String, Object> typedData(YamlNode.Mapping fields, CollectionSchema schema, Diagnostics problems) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (YamlNode.Member member : fields.members().values()) {
            Object value = member.value().toPlain();
            if (schema != null && schema.dateFields().contains(member.key())) {
                value = asDates(value);
            } else if (schema != null && schema.stringFields().contains(member.key())) {
                value = asText(value);
            }
            data.put(member.key(), value);
        }
        return Collections.unmodifiableMap(data);
    }

    private static Object asDates(Object value) {
        if (value instanceof String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return text; // reported by the schema's "format": "date"
            }
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Validator::asDates).toList();
        }
        return value;
    }

    private static Object asText(Object value) {
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Validator::asText).toList();
        }
        return value;
    }
}
