package dev.explainer.validate;

import dev.explainer.diagnostic.Position;
import dev.explainer.load.RawEntry;
import dev.explainer.yaml.YamlNode;

import java.util.Map;
import java.util.Optional;

/**
 * An entry that has been checked against its collection's schema.
 *
 * <p>Later stages read its values from {@link #data} and, for their messages, where each field
 * was written from {@link #positionOf}; a value deep inside a field (an id in a list of objects)
 * has its node, with its position, in {@code raw().fields()}.
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

    /** Where the value of {@code field} was written, if the entry has that field. */
    public Optional<Position> positionOf(String field) {
        return raw.fields().get(field).map(YamlNode::position);
    }

    /**
     * Where item {@code index} of the list in {@code field} was written; for a field that holds a
     * single value, where that value was written. Empty if the entry has no such field.
     */
    public Optional<Position> positionOf(String field, int index) {
        return raw.fields().get(field).map(value -> value instanceof YamlNode.Sequence list && index < list.items().size()
                ? list.items().get(index).position() : value.position());
    }

    /**
     * Whether {@code other} has the same id, draft flag and fields, typed alike and written at the
     * same places: every value and position a later stage reads, but the Markdown body. Compares
     * values (and positions), not objects.
     */
    public boolean sameFieldsAs(ValidEntry other) {
        return raw.key().equals(other.raw.key()) && raw.draft() == other.raw.draft()
                && raw.idPosition().equals(other.raw.idPosition()) && raw.body().isPresent() == other.raw.body().isPresent()
                && data.equals(other.data) && raw.fields().equals(other.raw.fields());
    }
}
