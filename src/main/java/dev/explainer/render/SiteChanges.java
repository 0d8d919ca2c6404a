package dev.explainer.render;

import dev.explainer.link.Entry;
import dev.explainer.link.Site;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between two linked sites, in the terms pages record as their inputs: entries
 * added, removed or changed; collections whose membership or order changed; entries whose
 * referrers changed.
 */
record SiteChanges(Set<String> entries, Set<String> collections, Set<String> referrers) {

    static SiteChanges between(Site before, Site after) {
        Set<String> entries = new HashSet<>();
        Set<String> collections = new HashSet<>();
        Set<String> referrers = new HashSet<>();
        Set<String> names = new HashSet<>(before.collections().keySet());
        names.addAll(after.collections().keySet());
        for (String name : names) {
            List<Entry> old = before.collections().getOrDefault(name, List.of());
            List<Entry> now = after.collections().getOrDefault(name, List.of());
            if (!keys(old).equals(keys(now))) {
                collections.add(name);
            }
            Map<String, Entry> oldByKey = byKey(old);
            for (Entry entry : now) {
                Entry previous = oldByKey.remove(entry.key());
                if (!entry.equals(previous)) {
                    entries.add(entry.key());
                    collections.add(name);
                }
                if (previous == null || !sameReferrers(before.referrers(previous), after.referrers(entry))) {
                    referrers.add(entry.key());
                }
            }
            entries.addAll(oldByKey.keySet());
            referrers.addAll(oldByKey.keySet());
        }
        return new SiteChanges(entries, collections, referrers);
    }

    boolean isEmpty() {
        return entries.isEmpty() && collections.isEmpty() && referrers.isEmpty();
    }

    private static List<String> keys(List<Entry> entries) {
        return entries.stream().map(Entry::key).toList();
    }

    private static Map<String, Entry> byKey(List<Entry> entries) {
        Map<String, Entry> map = new java.util.HashMap<>();
        entries.forEach(entry -> map.put(entry.key(), entry));
        return map;
    }

    private static boolean sameReferrers(Map<String, List<Entry>> a, Map<String, List<Entry>> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, List<Entry>> list : a.entrySet()) {
            if (!Objects.equals(keys(list.getValue()), keys(b.get(list.getKey())))) {
                return false;
            }
        }
        return true;
    }
}
