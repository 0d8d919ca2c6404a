package dev.explainer.yaml;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;
import dev.explainer.text.Suggestions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed settings out of a YAML mapping, recording an error (rather than throwing) for each
 * missing, mistyped or unknown key. Used for configuration, where the engine itself is the schema.
 */
public final class MappingReader {
    private final YamlNode.Mapping mapping;
    private final String where;
    private final List<Diagnostic> problems;

    /**
     * @param where    how messages name this mapping, e.g. "collection 'quotes'"
     * @param problems where errors go
     */
    public MappingReader(YamlNode.Mapping mapping, String where, List<Diagnostic> problems) {
        this.mapping = mapping;
        this.where = where;
        this.problems = problems;
    }

    public Position position() {
        return mapping.position();
    }

    public Optional<YamlNode> node(String key) {
        return mapping.get(key);
    }

    public Optional<String> string(String key) {
        Optional<YamlNode> node = mapping.get(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlNode.Scalar scalar && scalar.value() instanceof String text) {
            return Optional.of(text);
        }
        problems.add(Diagnostic.error(DiagnosticCode.CONFIG, node.get().position(),
                "'" + key + "' of " + where + " must be a string, not " + node.get().describe()));
        return Optional.empty();
    }

    public String requiredString(String key) {
        if (mapping.get(key).isEmpty()) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, mapping.position(), where + " needs a '" + key + "'"));
            return "";
        }
        return string(key).orElse("");
    }

    public boolean bool(String key, boolean fallback) {
        Optional<YamlNode> node = mapping.get(key);
        if (node.isEmpty()) {
            return fallback;
        }
        if (node.get() instanceof YamlNode.Scalar scalar && scalar.value() instanceof Boolean value) {
            return value;
        }
        problems.add(Diagnostic.error(DiagnosticCode.CONFIG, node.get().position(),
                "'" + key + "' of " + where + " must be true or false, not " + node.get().describe()));
        return fallback;
    }

    /** A list of strings; a single string is accepted as a list of one. */
    public List<Positioned> stringList(String key) {
        Optional<YamlNode> node = mapping.get(key);
        List<Positioned> values = new ArrayList<>();
        if (node.isEmpty()) {
            return values;
        }
        List<YamlNode> items = node.get() instanceof YamlNode.Sequence sequence ? sequence.items() : List.of(node.get());
        for (YamlNode item : items) {
            if (item instanceof YamlNode.Scalar scalar && scalar.value() instanceof String text) {
                values.add(new Positioned(text, item.position()));
            } else {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, item.position(),
                        "'" + key + "' of " + where + " must list strings, not " + item.describe()));
            }
        }
        return values;
    }

    public Optional<YamlNode.Mapping> mapping(String key) {
        Optional<YamlNode> node = mapping.get(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlNode.Mapping inner) {
            return Optional.of(inner);
        }
        problems.add(Diagnostic.error(DiagnosticCode.CONFIG, node.get().position(),
                "'" + key + "' of " + where + " must be a mapping of names to values, not " + node.get().describe()));
        return Optional.empty();
    }

    /** A mapping whose values are all strings, in the order written. */
    public Map<String, Positioned> stringMap(String key) {
        Map<String, Positioned> values = new LinkedHashMap<>();
        mapping(key).ifPresent(inner -> {
            for (YamlNode.Member member : inner.members().values()) {
                if (member.value() instanceof YamlNode.Scalar scalar && scalar.value() instanceof String text) {
                    values.put(member.key(), new Positioned(text, scalar.position()));
                } else {
                    problems.add(Diagnostic.error(DiagnosticCode.CONFIG, member.value().position(), "'" + key + "." + member.key()
                            + "' of " + where + " must be a string, not " + member.value().describe()));
                }
            }
        });
        return values;
    }

    /** Records an error for every key not in {@code known}, suggesting the closest known one. */
    public void rejectUnknownKeys(Set<String> known) {
        for (YamlNode.Member member : mapping.members().values()) {
            if (!known.contains(member.key())) {
                String message = "unknown key '" + member.key() + "' in " + where;
                Optional<String> near = Suggestions.closest(member.key(), known);
                message += near.map(s -> "; did you mean '" + s + "'?")
                        .orElse("; known keys are " + String.join(", ", new TreeSet<>(known)));
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, member.keyPosition(), message));
            }
        }
    }

    /** A string value with where it was written. */
    public record Positioned(String value, Position position) {
    }
}
