package dev.explainer.render;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one page read while it was rendered: which fields of which entries it showed, the
 * collections it listed, and the entries whose referrers it listed. A later edit re-renders the
 * page only if it touches one of these (or the page's templates): a list page that shows titles
 * is not re-rendered when a body changes. Recorded by the models of that page alone, so it needs
 * no locking. A one-off build records nothing ({@link #NONE}).
 */
class PageInputs {
    /** The field name that stands for every field of an entry: one added or removed. */
    static final String ALL_FIELDS = "*";

    /** Records nothing: for builds that will not be followed by an incremental one. */
    static final PageInputs NONE = new PageInputs() {
        @Override
        void field(String key, String field) {
        }

        @Override
        void collection(String name) {
        }

        @Override
        void referrersOf(String key) {
        }
    };

    private final Map<String, Set<String>> fields = new HashMap<>();
    private final Set<String> collections = new HashSet<>();
    private final Set<String> referrers = new HashSet<>();

    void field(String key, String field) {
        fields.computeIfAbsent(key, k -> new HashSet<>(4)).add(field);
    }

    void collection(String name) {
        collections.add(name);
    }

    void referrersOf(String key) {
        referrers.add(key);
    }

    Set<String> entryKeys() {
        return fields.keySet();
    }

    Set<String> collections() {
        return collections;
    }

    Set<String> referrers() {
        return referrers;
    }

    /** Whether any of the changes touches what this page read. */
    boolean touchedBy(SiteChanges changes) {
        for (Map.Entry<String, Set<String>> changed : changes.fields().entrySet()) {
            Set<String> read = fields.get(changed.getKey());
            if (read != null && (changed.getValue().contains(ALL_FIELDS) || intersects(read, changed.getValue()))) {
                return true;
            }
        }
        return intersects(collections, changes.collections()) || intersects(referrers, changes.referrers());
    }

    private static boolean intersects(Set<String> read, Set<String> changed) {
        Set<String> smaller = read.size() < changed.size() ? read : changed;
        Set<String> larger = smaller == read ? changed : read;
        for (String item : smaller) {
            if (larger.contains(item)) {
                return true;
            }
        }
        return false;
    }
}
