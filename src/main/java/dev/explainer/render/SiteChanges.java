package dev.explainer.render;

import dev.explainer.link.Change;
import dev.explainer.link.Entry;
import dev.explainer.link.Site;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between two linked sites, in the terms pages record as their inputs: the fields
 * of each entry that changed (every field, {@link PageInputs#ALL_FIELDS}, for an entry added or
 * removed); collections whose membership or order changed, or whose matrix moved an entry;
 * entries whose referrers changed; and the change log, as {@link #CHANGELOG}.
 */
record SiteChanges(Map<String, Set<String>> fields, Set<String> collections, Set<String> referrers) {
    /** The name under which pages that list the site's change log record it. */
    static final String CHANGELOG = "\u0000changelog";

    static SiteChanges between(Site before, Site after) {
        Map<String, Set<String>> fields = new HashMap<>();
        Set<String> collections = new HashSet<>();
        Set<String> referrers = new HashSet<>();
        Set<String> names = new HashSet<>(before.collections().keySet());
        names.addAll(after.collections().keySet());
        for (String name : names) {
            List<Entry> old = before.collections().getOrDefault(name, List.of());
            List<Entry> now = after.collections().getOrDefault(name, List.of());
            if (old == now) {
                continue;
            }
            if (sameKeys(old, now)) {
                for (int i = 0; i < now.size(); i++) { // the same entries in the same order: compare in place
                    compare(old.get(i), now.get(i), fields);
                }
                continue;
            }
            collections.add(name);
            Map<String, Entry> oldByKey = new HashMap<>(old.size() * 2);
            old.forEach(entry -> oldByKey.put(entry.key(), entry));
            for (Entry entry : now) {
                Entry previous = oldByKey.remove(entry.key());
                if (previous == null) {
                    fields.put(entry.key(), Set.of(PageInputs.ALL_FIELDS));
                } else {
                    compare(previous, entry, fields);
                }
            }
            oldByKey.keySet().forEach(key -> fields.put(key, Set.of(PageInputs.ALL_FIELDS)));
        }
        // Only entries that something refers to have referrers: compare those, not every entry.
        Set<String> targets = new HashSet<>(before.referrersByKey().keySet());
        targets.addAll(after.referrersByKey().keySet());
        for (String target : targets) {
            if (!sameReferrers(before.referrersByKey().getOrDefault(target, Map.of()),
                    after.referrersByKey().getOrDefault(target, Map.of()))) {
                referrers.add(target);
            }
        }
        Set<String> matrices = new HashSet<>(before.matrices().keySet());
        matrices.addAll(after.matrices().keySet());
        for (String name : matrices) {
            if (!sameCells(before.matrices().get(name), after.matrices().get(name))) {
                collections.add(name);
            }
        }
        if (!sameChangelog(before.changelog(), after.changelog())) {
            collections.add(CHANGELOG);
        }
        return new SiteChanges(fields, collections, referrers);
    }

    private static void compare(Entry previous, Entry entry, Map<String, Set<String>> fields) {
        if (previous != entry) {
            Set<String> changed = changedFields(previous, entry);
            if (!changed.isEmpty()) {
                fields.put(entry.key(), changed);
            }
        }
    }

    /** The names templates read that differ between two versions of an entry (see EntryModel). */
    private static Set<String> changedFields(Entry before, Entry after) {
        Set<String> changed = new HashSet<>();
        Set<String> keys = new HashSet<>(before.data().keySet());
        keys.addAll(after.data().keySet());
        for (String key : keys) {
            if (!Objects.equals(before.data().get(key), after.data().get(key))) {
                changed.add(key);
            }
        }
        if (!before.data().keySet().equals(after.data().keySet())) {
            changed.add(EntryModel.KEYS);
        }
        if (!before.html().equals(after.html())) {
            changed.add("content");
        }
        if (!before.sitePath().equals(after.sitePath())) {
            changed.addAll(List.of("href", "path", "permalink"));
        }
        if (!before.position().path().equals(after.position().path())) {
            changed.add("file");
        }
        return changed;
    }

    private static boolean sameKeys(List<Entry> a, List<Entry> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i) && !a.get(i).key().equals(b.get(i).key())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameReferrers(Map<String, List<Entry>> a, Map<String, List<Entry>> b) {
        if (a == b) {
            return true;
        }
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, List<Entry>> list : a.entrySet()) {
            if (!sameKeys(list.getValue(), b.get(list.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameCells(Map<String, Map<String, Entry>> a, Map<String, Map<String, Entry>> b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, Map<String, Entry>> row : a.entrySet()) {
            Map<String, Entry> other = b.get(row.getKey());
            if (!row.getValue().keySet().equals(other.keySet())) {
                return false;
            }
            for (Map.Entry<String, Entry> cell : row.getValue().entrySet()) {
                if (!cell.getValue().key().equals(other.get(cell.getKey()).key())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean sameChangelog(List<Change> a, List<Change> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Change x = a.get(i);
            Change y = b.get(i);
            if (!x.date().equals(y.date()) || !x.text().equals(y.text()) || !x.entry().key().equals(y.entry().key())) {
                return false;
            }
        }
        return true;
    }
}
