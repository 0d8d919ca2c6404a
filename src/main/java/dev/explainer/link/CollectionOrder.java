package dev.explainer.link;

import dev.explainer.config.CollectionConfig;
import dev.explainer.config.SiteConfig;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Each collection in the order its config declares ({@code sort: [-date, name]}), ending with the
 * id so that the order is total.
 */
final class CollectionOrder {
    private CollectionOrder() {
    }

    /**
     * Each collection sorted. Because the order is total, the previous run's order, with this
     * run's entries in it, is the order if it is still in order: checking that costs one
     * comparison per entry instead of a sort.
     *
     * @param previous the previous run's collections, by name (their keys are what is reused)
     */
    static Map<String, List<Entry>> sorted(SiteConfig config, List<Entry> entries, Map<String, Entry> byKey,
                                           Map<String, List<Entry>> previous) {
        Map<String, List<Entry>> grouped = entries.stream().collect(Collectors.groupingBy(Entry::collection));
        Map<String, List<Entry>> sorted = new LinkedHashMap<>();
        for (CollectionConfig collection : config.collections()) {
            List<Entry> members = grouped.getOrDefault(collection.name(), List.of());
            Comparator<Entry> order = order(collection);
            List<Entry> kept = stillInOrder(previous.get(collection.name()), members.size(), byKey, order);
            if (kept != null) {
                sorted.put(collection.name(), kept);
                continue;
            }
            List<Entry> list = new ArrayList<>(members);
            list.sort(order);
            sorted.put(collection.name(), List.copyOf(list));
        }
        return Collections.unmodifiableMap(sorted);
    }

    private static Comparator<Entry> order(CollectionConfig collection) {
        Comparator<Entry> order = (a, b) -> 0;
        for (CollectionConfig.SortKey key : collection.sort()) {
            Comparator<Entry> byField = (a, b) -> compareValues(a.data().get(key.field()), b.data().get(key.field()));
            order = order.thenComparing(key.descending() ? byField.reversed() : byField);
        }
        return order.thenComparing(Entry::id);
    }

    /** The previous order with the current entries, if it has the same members and is still in order; else null. */
    private static List<Entry> stillInOrder(List<Entry> previous, int size, Map<String, Entry> byKey, Comparator<Entry> order) {
        if (previous == null || previous.size() != size) {
            return null;
        }
        List<Entry> now = new ArrayList<>(size);
        for (Entry before : previous) {
            Entry entry = byKey.get(before.key());
            if (entry == null || !entry.collection().equals(before.collection())) {
                return null;
            }
            if (!now.isEmpty() && order.compare(now.get(now.size() - 1), entry) >= 0) {
                return null;
            }
            now.add(entry);
        }
        return List.copyOf(now);
    }

    /** A total order over field values: empty values last, then by type, then by value. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable comparable
                && (a instanceof String || a instanceof LocalDate || a instanceof Boolean)) {
            return comparable.compareTo(b);
        }
        return a.getClass().getName().compareTo(b.getClass().getName());
    }
}
