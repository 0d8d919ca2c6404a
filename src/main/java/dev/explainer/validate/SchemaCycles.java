package dev.explainer.validate;

import dev.explainer.diagnostic.DiagnosticCode;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.text.SourceFile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Schemas that refer to themselves without end: a {@code "$ref"} that leads, through other
 * references and {@code allOf}, {@code anyOf}, {@code oneOf}, {@code not}, {@code if},
 * {@code then}, {@code else} or {@code dependentSchemas}, back to a schema it started from,
 * never stepping into a field or an item. Checking a value against such a schema means checking
 * the same value against the same schema again, for ever. A reference inside {@code properties}
 * or {@code items} (a tree whose nodes have children) describes a deeper value each time, ends
 * with the data, and is fine.
 */
final class SchemaCycles {
    /** Keywords whose schemas apply to the very value the schema is checking. */
    private static final List<String> SAME_VALUE_ONE = List.of("not", "if", "then", "else");
    private static final List<String> SAME_VALUE_LIST = List.of("allOf", "anyOf", "oneOf");
    private static final List<String> SAME_VALUE_MAP = List.of("dependentSchemas");
    /** Keywords whose schemas apply to a field or item of the value, or are only definitions. */
    private static final List<String> NESTED_ONE = List.of("items", "additionalItems", "additionalProperties", "unevaluatedItems",
            "unevaluatedProperties", "contains", "propertyNames");
    private static final List<String> NESTED_LIST = List.of("prefixItems", "items");
    private static final List<String> NESTED_MAP = List.of("properties", "patternProperties", "$defs", "definitions");

    private final JsonNode root;
    private final SourceFile file;
    /**
     * Every schema of the file in the order it is written, with its JSON Pointer. By identity: a
     * node here is a place in the file, and two subschemas written alike are two places.
     */
    private final Map<JsonNode, String> pointers = new IdentityHashMap<>();
    private final List<JsonNode> schemas = new ArrayList<>();
    private final Map<String, JsonNode> anchors = new HashMap<>();

    private SchemaCycles(JsonNode root, SourceFile file) {
        this.root = root;
        this.file = file;
    }

    /** One error for each cycle of references in the schema, at the {@code "$ref"} that closes it. */
    static List<Diagnostic> find(JsonNode root, SourceFile file) {
        return new SchemaCycles(root, file).find();
    }

    private record Step(JsonNode schema, Iterator<Edge> next) {
    }

    /** From a schema to one that checks the same value; {@code ref} is the pointer of the "$ref" it takes, or null. */
    private record Edge(JsonNode target, String ref) {
    }

    private List<Diagnostic> find() {
        collect(root, "");
        Map<JsonNode, Boolean> done = new IdentityHashMap<>(); // false while on the current path, true when finished
        Set<String> reported = new LinkedHashSet<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (JsonNode start : schemas) {
            if (done.containsKey(start)) {
                continue;
            }
            // Depth first, without recursion: a long chain of references must not exhaust the stack here either.
            Deque<Step> path = new ArrayDeque<>();
            List<String> refs = new ArrayList<>(); // the "$ref" (or null) taken into each schema of the path after the first
            path.push(new Step(start, edges(start).iterator()));
            done.put(start, false);
            while (!path.isEmpty()) {
                Step step = path.peek();
                if (!step.next().hasNext()) {
                    done.put(step.schema(), true);
                    path.pop();
                    if (!refs.isEmpty()) {
                        refs.remove(refs.size() - 1);
                    }
                    continue;
                }
                Edge edge = step.next().next();
                Boolean state = done.get(edge.target());
                if (state == null) {
                    done.put(edge.target(), false);
                    refs.add(edge.ref());
                    path.push(new Step(edge.target(), edges(edge.target()).iterator()));
                } else if (!state) {
                    cycle(path, refs, edge).ifPresent(problem -> {
                        if (reported.add(problem.line() + ":" + problem.column())) {
                            problems.add(problem);
                        }
                    });
                }
            }
        }
        return problems;
    }

    /** The error for the cycle that {@code closing} makes with the schemas on {@code path}. */
    private java.util.Optional<Diagnostic> cycle(Deque<Step> path, List<String> refs, Edge closing) {
        List<JsonNode> onPath = new ArrayList<>();
        path.descendingIterator().forEachRemaining(step -> onPath.add(step.schema()));
        int from = indexOf(onPath, closing.target());
        List<String> cycleRefs = new ArrayList<>(refs.subList(from, refs.size()));
        cycleRefs.add(closing.ref());
        String ref = null;
        for (String candidate : cycleRefs) {
            ref = candidate == null ? ref : candidate; // the last "$ref" of the cycle: the one that closes it
        }
        if (ref == null) {
            return java.util.Optional.empty(); // cannot happen: without references a schema is a tree
        }
        StringBuilder route = new StringBuilder();
        for (JsonNode schema : onPath.subList(from, onPath.size())) {
            route.append('\'').append(name(schema)).append("' \u2192 ");
        }
        route.append('\'').append(name(closing.target())).append('\'');
        String target = textOf(root.at(JsonPointer.compile(ref)));
        boolean direct = onPath.size() - from == 1;
        String keyword = ref.substring(ref.lastIndexOf('/') + 1);
        String message = "\"" + keyword + "\" '" + target + "' " + (direct ? "refers to the schema it is in" : "leads back to where it started ("
                + route + ")") + " without stepping into a field or an item, so a value would be checked against the same schema"
                + " again without end; point it at a schema that does not lead back here, or put the reference inside"
                + " \"properties\" or \"items\" if the value really nests";
        return java.util.Optional.of(Diagnostic.error(DiagnosticCode.SCHEMA_INVALID, JsonPositions.ofKey(file, ref), message));
    }

    private static int indexOf(List<JsonNode> nodes, JsonNode node) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) == node) {
                return i;
            }
        }
        return 0;
    }

    private String name(JsonNode schema) {
        String pointer = pointers.get(schema);
        return "#" + (pointer == null ? "" : pointer);
    }

    private static String textOf(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }

    /** Every schema below {@code schema}, found through the keywords that hold schemas. */
    private void collect(JsonNode schema, String pointer) {
        if (!schema.isObject() || pointers.containsKey(schema)) {
            return;
        }
        pointers.put(schema, pointer);
        schemas.add(schema);
        for (String keyword : List.of("$anchor", "$dynamicAnchor")) {
            JsonNode anchor = schema.get(keyword);
            if (anchor != null && anchor.isTextual()) {
                anchors.putIfAbsent(anchor.asText(), schema);
            }
        }
        schema.fields().forEachRemaining(member -> {
            String key = member.getKey();
            JsonNode value = member.getValue();
            String at = pointer + "/" + JsonPositions.escape(key);
            if (SAME_VALUE_ONE.contains(key) || NESTED_ONE.contains(key)) {
                collect(value, at);
            }
            if ((SAME_VALUE_LIST.contains(key) || NESTED_LIST.contains(key)) && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    collect(value.get(i), at + "/" + i);
                }
            }
            if ((SAME_VALUE_MAP.contains(key) || NESTED_MAP.contains(key)) && value.isObject()) {
                value.fields().forEachRemaining(entry -> collect(entry.getValue(), at + "/" + JsonPositions.escape(entry.getKey())));
            }
        });
    }

    /** The schemas that check the same value as {@code schema}. */
    private List<Edge> edges(JsonNode schema) {
        List<Edge> edges = new ArrayList<>();
        for (String keyword : List.of("$ref", "$dynamicRef")) {
            JsonNode ref = schema.get(keyword);
            if (ref != null && ref.isTextual()) {
                JsonNode target = resolve(ref.asText());
                if (target != null && target.isObject()) {
                    edges.add(new Edge(target, pointers.getOrDefault(schema, "") + "/" + keyword));
                }
            }
        }
        for (String key : SAME_VALUE_ONE) {
            JsonNode value = schema.get(key);
            if (value != null && value.isObject()) {
                edges.add(new Edge(value, null));
            }
        }
        for (String key : SAME_VALUE_LIST) {
            JsonNode value = schema.get(key);
            if (value != null && value.isArray()) {
                value.elements().forEachRemaining(branch -> {
                    if (branch.isObject()) {
                        edges.add(new Edge(branch, null));
                    }
                });
            }
        }
        for (String key : SAME_VALUE_MAP) {
            JsonNode value = schema.get(key);
            if (value != null && value.isObject()) {
                value.elements().forEachRemaining(branch -> {
                    if (branch.isObject()) {
                        edges.add(new Edge(branch, null));
                    }
                });
            }
        }
        return edges;
    }

    /** A local reference's schema ("#", "#/$defs/a", "#name" of an "$anchor"), or null if it names none. */
    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#")) {
            return null; // refused earlier: only local references are allowed
        }
        String fragment;
        try {
            fragment = java.net.URI.create(ref).getFragment();
        } catch (IllegalArgumentException e) {
            return null; // not a valid reference: the schema library reports it
        }
        if (fragment == null || fragment.isEmpty()) {
            return root;
        }
        if (!fragment.startsWith("/")) {
            return anchors.get(fragment);
        }
        try {
            JsonNode target = root.at(JsonPointer.compile(fragment));
            return target.isMissingNode() ? null : target;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
