package dev.explainer.render;

import dev.explainer.link.Change;
import dev.explainer.link.Entry;
import dev.explainer.link.Site;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between two linked sites with the same config and paths, in the terms pages record
 * as their inputs ({@link PageInput}): the inputs whose values differ, and the entries added or
 * removed (every input of theirs differs). Decided by comparing values, never by whether two
 * objects are the same one: an entry is compared field by field with the entry of the same
 * collection and id, lists and matrices entry by entry by collection and id. Equal values (a
 * list of equal entries, say) are passed over first: {@code equals} on lists, maps and records is
 * quick for what did not change.
 *
 * <p>This class and {@link SiteReads} are the two halves of one contract, and the only classes of
 * the render stage that read entries' content: each value {@code SiteReads} hands a template is
 * recorded as the input that this class compares ({@code RecordedInputsTest} holds them to it).
 *
 * @param inputs   the inputs whose values differ
 * @param replaced the entries that are in one site and not in the other
 */
record SiteChanges(Set<PageInput> inputs, Set<EntryRef> replaced) {

    static SiteChanges between(Site before, Site after) {
        Set<PageInput> inputs = new HashSet<>();
        Set<EntryRef> replaced = new HashSet<>();
        Set<String> names = new HashSet<>(before.collections().keySet());
        names.addAll(after.collections().keySet());
        for (String name : names) {
            List<Entry> old = before.collections().getOrDefault(name, List.of());
            List<Entry> now = after.collections().getOrDefault(name, List.of());
            if (comparedInPlace(old, now, inputs)) {
                continue;
            }
            inputs.add(new PageInput.Listing(name));
            Map<EntryRef, Entry> oldByRef = new HashMap<>(old.size() * 2);
            old.forEach(entry -> oldByRef.put(EntryRef.of(entry), entry));
            for (Entry entry : now) {
                Entry previous = oldByRef.remove(EntryRef.of(entry));
                if (previous == null) {
                    replaced.add(EntryRef.of(entry));
                } else {
                    compare(previous, entry, inputs);
                }
            }
            replaced.addAll(oldByRef.keySet());
        }
        // Only entries that something refers to have referrers: compare those, not every entry.
        Set<String> targets = new HashSet<>(before.referrersByKey().keySet());
        targets.addAll(after.referrersByKey().keySet());
        Set<String> differing = new HashSet<>();
        for (String target : targets) {
            Map<String, List<Entry>> old = before.referrersByKey().getOrDefault(target, Map.of());
            Map<String, List<Entry>> now = after.referrersByKey().getOrDefault(target, Map.of());
            if (!old.equals(now) && !sameReferrers(old, now)) {
                differing.add(target);
            }
        }
        if (!differing.isEmpty()) {
            // Rare (a reference was edited): find which entries those are.
            for (Site site : List.of(before, after)) {
                site.collections().values().forEach(list -> list.stream().filter(entry -> differing.contains(entry.key()))
                        .forEach(entry -> inputs.add(new PageInput.Referrers(EntryRef.of(entry)))));
            }
        }
        Set<String> matrices = new HashSet<>(before.matrices().keySet());
        matrices.addAll(after.matrices().keySet());
        for (String name : matrices) {
            if (!sameCells(before.matrices().get(name), after.matrices().get(name))) { // maps' equals would not see the order
                inputs.add(new PageInput.Matrix(name));
            }
        }
        if (!before.textLanguages().equals(after.textLanguages())) {
            Set<String> keys = new HashSet<>(before.textLanguages().keySet());
            keys.addAll(after.textLanguages().keySet());
            for (Site site : List.of(before, after)) {
                site.collections().values().forEach(list -> list.stream()
                        .filter(entry -> keys.contains(entry.key()) && !before.textLanguage(entry).equals(after.textLanguage(entry)))
                        .forEach(entry -> inputs.add(new PageInput.EntryLanguage(EntryRef.of(entry)))));
            }
        }
        if (!before.changelog().equals(after.changelog()) && !sameChangelog(before.changelog(), after.changelog())) {
            inputs.add(new PageInput.Changelog());
        }
        return new SiteChanges(inputs, replaced);
    }

    /** Adds what differs between two versions of one entry, as the inputs {@link SiteReads} records. */
    private static void compare(Entry previous, Entry entry, Set<PageInput> inputs) {
        if (previous.equals(entry)) {
            return; // every component equal: nothing a template can read differs
        }
        EntryRef ref = EntryRef.of(entry);
        Set<String> keys = new HashSet<>(previous.data().keySet());
        keys.addAll(entry.data().keySet());
        for (String key : keys) {
            if (!Objects.equals(previous.data().get(key), entry.data().get(key))) {
                inputs.add(new PageInput.EntryField(ref, key));
            }
        }
        if (!previous.data().keySet().equals(entry.data().keySet())) {
            inputs.add(new PageInput.EntryKeys(ref));
        }
        if (!previous.html().equals(entry.html()) || !previous.shortcodes().equals(entry.shortcodes())) {
            inputs.add(new PageInput.EntryBody(ref));
        }
        if (!previous.sitePath().equals(entry.sitePath())) {
            inputs.add(new PageInput.EntryPath(ref));
        }
        if (!previous.position().path().equals(entry.position().path())) {
            inputs.add(new PageInput.EntryFile(ref));
        }
    }

    /**
     * If the two lists hold the same entries (by collection and id) in the same order, adds what
     * differs between each pair, in one pass, and says so; otherwise adds nothing.
     */
    private static boolean comparedInPlace(List<Entry> old, List<Entry> now, Set<PageInput> inputs) {
        if (old.size() != now.size()) {
            return false;
        }
        Set<PageInput> found = new HashSet<>();
        for (int i = 0; i < now.size(); i++) {
            Entry before = old.get(i);
            Entry after = now.get(i);
            if (before.equals(after)) {
                continue; // every component equal: nothing a template can read differs
            }
            if (!sameEntry(before, after)) {
                return false;
            }
            compare(before, after, found);
        }
        inputs.addAll(found);
        return true;
    }

    private static boolean sameEntry(Entry a, Entry b) {
        return a.id().equals(b.id()) && a.collection().equals(b.collection());
    }

    /** The same entries (by collection and id) in the same order. */
    private static boolean sameEntries(List<Entry> a, List<Entry> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameEntry(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameReferrers(Map<String, List<Entry>> a, Map<String, List<Entry>> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, List<Entry>> list : a.entrySet()) {
            if (!sameEntries(list.getValue(), b.get(list.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The same rows, each with the same columns, in the same order, each cell the same entry. */
    private static boolean sameCells(Map<String, Map<String, Entry>> a, Map<String, Map<String, Entry>> b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<Map.Entry<String, Map<String, Entry>>> rows = b.entrySet().iterator();
        for (Map.Entry<String, Map<String, Entry>> row : a.entrySet()) {
            Map.Entry<String, Map<String, Entry>> other = rows.next();
            if (!row.getKey().equals(other.getKey()) || row.getValue().size() != other.getValue().size()) {
                return false;
            }
            Iterator<Map.Entry<String, Entry>> cells = other.getValue().entrySet().iterator();
            for (Map.Entry<String, Entry> cell : row.getValue().entrySet()) {
                Map.Entry<String, Entry> otherCell = cells.next();
                if (!cell.getKey().equals(otherCell.getKey()) || !sameEntry(cell.getValue(), otherCell.getValue())) {
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
            if (!x.date().equals(y.date()) || !x.text().equals(y.text()) || !sameEntry(x.entry(), y.entry())) {
                return false;
            }
        }
        return true;
    }
}
