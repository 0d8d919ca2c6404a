package dev.explainer.render;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The pages that read each entry and each other input, by site path: the reverse of every page's
 * {@link PageInputs}. It turns "which pages does this edit touch?" into a few lookups instead of a
 * question put to every page of the site. Entries are indexed whole (a page that read any part of
 * an entry is found by the entry), so each page found is then asked whether the change touches
 * what it read ({@link PageInputs#touchedBy}). Updated in place by the render that owns it.
 */
final class PageReaders {
    private final Map<EntryRef, Set<String>> byEntry = new HashMap<>();
    private final Map<PageInput, Set<String>> byInput = new HashMap<>();

    void add(String page, PageInputs inputs) {
        for (PageInput input : inputs.all()) {
            if (input instanceof PageInput.OfEntry ofEntry) {
                byEntry.computeIfAbsent(ofEntry.entry(), k -> new HashSet<>(4)).add(page);
            } else {
                byInput.computeIfAbsent(input, k -> new HashSet<>(4)).add(page);
            }
        }
    }

    void remove(String page, PageInputs inputs) {
        for (PageInput input : inputs.all()) {
            if (input instanceof PageInput.OfEntry ofEntry) {
                removeFrom(byEntry, ofEntry.entry(), page);
            } else {
                removeFrom(byInput, input, page);
            }
        }
    }

    private static <K> void removeFrom(Map<K, Set<String>> index, K key, String page) {
        Set<String> pages = index.get(key);
        if (pages != null && pages.remove(page) && pages.isEmpty()) {
            index.remove(key);
        }
    }

    /** The pages that read something the changes name: each still to be asked whether the change touches what it read. */
    Set<String> candidates(SiteChanges changes) {
        Set<String> pages = new HashSet<>();
        for (PageInput input : changes.inputs()) {
            if (input instanceof PageInput.OfEntry ofEntry) {
                pages.addAll(byEntry.getOrDefault(ofEntry.entry(), Set.of()));
            } else {
                pages.addAll(byInput.getOrDefault(input, Set.of()));
            }
        }
        changes.replaced().forEach(entry -> pages.addAll(byEntry.getOrDefault(entry, Set.of())));
        return pages;
    }
}
