package dev.explainer.yaml;

import dev.explainer.diagnostic.Position;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plain YAML data that remembers where each value stood in its file, so that a later stage can
 * point an editor at the exact key or value it objects to.
 *
 * <p>Scalar values are {@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code java.time.LocalDate} or {@code null}: nothing else can be produced.
 */
public sealed interface YamlNode {

    Position position();

    /** The value as plain, unmodifiable Java data: maps, lists and scalars. */
    Object toPlain();

    /** A short name of the node's kind for messages: "a string", "a list", ... */
    String describe();

    record Scalar(Object value, Position position) implements YamlNode {
        @Override
        public Object toPlain() {
            return value;
        }

        @Override
        public String describe() {
            return describeValue(value);
        }
    }

    record Sequence(List<YamlNode> items, Position position) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public Object toPlain() {
            List<Object> values = new ArrayList<>(items.size());
            for (YamlNode item : items) {
                values.add(item.toPlain());
            }
            return Collections.unmodifiableList(values);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A key of a mapping, with the position of the key itself (not of its value). */
    record Member(String key, Position keyPosition, YamlNode value) {
    }

    record Mapping(Map<String, Member> members, Position position) implements YamlNode {
        public Mapping {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public Optional<Member> member(String key) {
            return Optional.ofNullable(members.get(key));
        }

        public Optional<YamlNode> get(String key) {
            return member(key).map(Member::value);
        }

        @Override
        public Object toPlain() {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Member member : members.values()) {
                values.put(member.key(), member.value().toPlain());
            }
            return Collections.unmodifiableMap(values);
        }

        @Override
        public String describe() {
            return "a mapping";
        }

        /** A copy without the given keys, keeping positions. */
        public Mapping without(Collection<String> keys) {
            Map<String, Member> copy = new LinkedHashMap<>(members);
            for (String key : keys) {
                copy.remove(key);
            }
            return new Mapping(copy, position);
        }
    }

    static String describeValue(Object value) {
        if (value == null) {
            return "an empty value";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof Long) {
            return "an integer";
        } else if (value instanceof Double) {
            return "a number";
        } else if (value instanceof java.time.LocalDate) {
            return "a date";
        }
        return "a value";
    }
}
