package dev.explainer.link;

import dev.explainer.config.CollectionConfig;
import dev.explainer.yaml.YamlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a reference's field holds in an entry, wherever its path leads: the field itself
 * ({@code speaker}), a field inside an object ({@code mediator.country}), or a field inside
 * every item of a list of objects ({@code signatories[].country}, one value per item). Data that
 * does not have the shape the path says is passed over: the schema, which the path was held to,
 * reports it.
 */
final class ReferenceValues {
    private ReferenceValues() {
    }

    /**
     * A value the reference's last field holds (an id, a list of ids, or whatever was written), and
     * the YAML node it was written as ({@code null} when only the data was given).
     */
    record Found(Object value, YamlNode node) {
    }

    /** Every value at the reference's path in {@code data}, in the order written; {@code fields} gives their nodes, if not null. */
    static List<Found> of(CollectionConfig.Reference reference, Map<String, Object> data, YamlNode.Mapping fields) {
        List<Found> current = List.of(new Found(data, fields));
        for (CollectionConfig.Step step : reference.path()) {
            List<Found> next = new ArrayList<>();
            for (Found found : current) {
                if (!(found.value() instanceof Map<?, ?> object)) {
                    continue;
                }
                Object value = object.get(step.field());
                YamlNode node = found.node() instanceof YamlNode.Mapping mapping ? mapping.get(step.field()).orElse(null) : null;
                if (value == null) {
                    continue; // no such field, or an empty one
                }
                if (!step.eachItem()) {
                    next.add(new Found(value, node));
                } else if (value instanceof List<?> items) {
                    for (int i = 0; i < items.size(); i++) {
                        next.add(new Found(items.get(i), node instanceof YamlNode.Sequence list && i < list.items().size()
                                ? list.items().get(i) : null));
                    }
                }
            }
            current = next;
        }
        return current;
    }
}
