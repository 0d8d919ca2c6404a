package dev.explainer.validate;

import dev.explainer.yaml.YamlNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entry's data as plain Java values typed as its schema says: a quoted date in a date field
 * becomes a date, and a bare date in a string field stays the text it was, so that templates
 * see one type per field whichever way an editor wrote it.
 */
final class TypedData {
    private TypedData() {
    }

    /** {@code fields} as plain data; untyped (as YAML read it) where {@code schema} is null. */
    static Map<String, Object> of(YamlNode.Mapping fields, CollectionSchema schema) {
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
            return list.stream().map(TypedData::asDates).toList();
        }
        return value;
    }

    private static Object asText(Object value) {
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TypedData::asText).toList();
        }
        return value;
    }
}
