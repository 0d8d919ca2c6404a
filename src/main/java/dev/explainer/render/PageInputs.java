package dev.explainer.render;

import java.util.HashSet;
import java.util.Set;

/**
 * What one page read while it was rendered: the entries whose fields it showed, the collections
 * it listed, and the entries whose referrers it listed. A later edit re-renders the page only if
 * it touches one of these (or the page's templates). Recorded by the models of that page alone,
 * so it needs no locking.
 */
final class PageInputs {
    private final Set<String> entries = new HashSet<>();
    private final Set<String> collections = new HashSet<>();
    private final Set<String> referrers = new HashSet<>();

    void entry(String key) {
        entries.add(key);
    }

    void collection(String name) {
        collections.add(name);
    }

    void referrersOf(String key) {
        referrers.add(key);
    }

    /** Whether any of the changes touches what this page read. */
    boolean touchedBy(SiteChanges changes) {
        return intersects(entries, changes.entries()) || intersects(collections, changes.collections())
                || intersects(referrers, changes.referrers());
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
