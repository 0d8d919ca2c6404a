package dev.explainer.render;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The pages that read each entry, collection and referrer list, by site path: the reverse of
 * every page's {@link PageInputs}. It turns "which pages does this edit touch?" into a few
 * lookups instead of a question put to every page of the site.
 */
final class PageReaders {
    private final Map<String, Set<String>> byEntry = new HashMap<>();
    private final Map<String, Set<String>> byCollection = new HashMap<>();
    private final Map<String, Set<String>> byReferrers = new HashMap<>();

    void clear() {
        byEntry.clear();
        byCollection.clear();
        byReferrers.clear();
    }

    void add(String page, PageInputs inputs) {
        inputs.entryKeys().forEach(key -> byEntry.computeIfAbsent(key, k -> new HashSet<>(4)).add(page));
        inputs.collections().forEach(name -> byCollection.computeIfAbsent(name, k -> new HashSet<>(4)).add(page));
        inputs.referrers().forEach(key -> byReferrers.computeIfAbsent(key, k -> new HashSet<>(4)).add(page));
    }

    void remove(String page, PageInputs inputs) {
        inputs.entryKeys().forEach(key -> removeFrom(byEntry, key, page));
        inputs.collections().forEach(name -> removeFrom(byCollection, name, page));
        inputs.referrers().forEach(key -> removeFrom(byReferrers, key, page));
    }

    private static void removeFrom(Map<String, Set<String>> index, String key, String page) {
        Set<String> pages = index.get(key);
        if (pages != null && pages.remove(page) && pages.isEmpty()) {
            index.remove(key);
        }
    }

    /** The pages that read something the changes name: each still to be asked whether the change touches what it read. */
    Set<String> candidates(SiteChanges changes) {
        Set<String> pages = new HashSet<>();
        changes.fields().keySet().forEach(key -> pages.addAll(byEntry.getOrDefault(key, Set.of())));
        changes.collections().forEach(name -> pages.addAll(byCollection.getOrDefault(name, Set.of())));
        changes.referrers().forEach(key -> pages.addAll(byReferrers.getOrDefault(key, Set.of())));
        return pages;
    }
}
