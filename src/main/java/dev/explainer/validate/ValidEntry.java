package dev.explainer.validate;

import dev.explainer.load.RawEntry;

import java.util.Map;

/**
 * An entry that has been checked against its collection's schema.
 *
 * @param raw  the entry as written, kept for the positions of its values
 * @param data its fields as plain Java data, typed as the schema declares them (a field the
 *             schema calls a date is a {@code java.time.LocalDate}, however it was written)
 */
public record ValidEntry(RawEntry raw, Map<String, Object> data) {

    public String collection() {
        return raw.collection();
    }

    public String id() {
        return raw.id();
    }

    public String key() {
        return raw.key();
    }
}
