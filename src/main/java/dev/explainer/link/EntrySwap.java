package dev.explainer.link;

import dev.explainer.config.CollectionConfig;
import dev.explainer.markdown.RenderedMarkdown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A site with some entries replaced by new versions with the same key, position, data and site
 * path (only their HTML differs), wherever it holds them: collections, referrer lists, matrices,
 * pages, the change log. For the link stage's quick run ({@link BodyRelink}). Because the data is
 * the same, so is every place an entry holds: its index in its collection, the referrer lists of
 * the entries it names, its matrix cell and its page are found directly, and what holds none of
 * the replaced entries is shared, not copied.
 */
final class EntrySwap {
    private static final Comparator<Page> BY_PATH = Comparator.comparing(Page::sitePath);

    private EntrySwap() {
    }

    static Site swap(Site site, Map<String, Entry> replaced, List<RenderedMarkdown.FragmentLink> fragmentLinks) {
        Map<String, List<Entry>> collections = site.collections();
        Map<String, Map<String, List<Entry>>> referrers = site.referrersByKey();
        Map<String, Map<String, Map<String, Entry>>> matrices = site.matrices();
        List<Page> pages = site.pages();
        Map<String, Page> pagesByPath = site.pagesByPath();
        List<Change> changelog = site.changelog();
        Map<String, Entry> byKey = site.byKey();
        if (!replaced.isEmpty()) {
            collections = swapInCollections(site, replaced);
            referrers = swapInReferrers(site, replaced);
            matrices = swapInMatrices(site, replaced);
            List<Page> newPages = new ArrayList<>(pages);
            Map<String, Page> newPagesByPath = new HashMap<>();
            for (Entry entry : replaced.values()) {
                Page page = entry.sitePath().map(pagesByPath::get).orElse(null);
                if (page != null && page.entry().key().equals(entry.key())) {
                    Page now = new Page(page.sitePath(), page.outputFile(), page.template(), entry);
                    newPages.set(Collections.binarySearch(pages, page, BY_PATH), now);
                    newPagesByPath.put(page.sitePath(), now);
                }
            }
            pages = List.copyOf(newPages);
            pagesByPath = Overlay.of(pagesByPath, newPagesByPath);
            List<Change> newChangelog = new ArrayList<>(changelog.size());
            for (Change change : changelog) {
                Entry entry = replaced.get(change.entry().key());
                newChangelog.add(entry == null ? change : new Change(change.date(), change.text(), entry));
            }
            changelog = List.copyOf(newChangelog);
            byKey = Overlay.of(byKey, replaced);
        }
        return new Site(site.config(), collections, byKey, referrers, matrices, pages, pagesByPath, site.assets(), site.sitePaths(),
                fragmentLinks, changelog, site.places(), site.redirects(), site.textLanguages());
    }

    private static Map<String, List<Entry>> swapInCollections(Site site, Map<String, Entry> replaced) {
        Map<String, List<Entry>> copies = new HashMap<>();
        for (Entry entry : replaced.values()) {
            copies.computeIfAbsent(entry.collection(), name -> new ArrayList<>(site.collections().get(name)))
                    .set(site.places().get(entry.key()), entry);
        }
        Map<String, List<Entry>> collections = new LinkedHashMap<>(site.collections());
        copies.forEach((name, list) -> collections.put(name, List.copyOf(list)));
        return Collections.unmodifiableMap(collections);
    }

    /** An entry is among the referrers of exactly the entries its reference fields name, in its collection's list. */
    private static Map<String, Map<String, List<Entry>>> swapInReferrers(Site site, Map<String, Entry> replaced) {
        Map<String, Map<String, List<Entry>>> referrers = new HashMap<>(site.referrersByKey());
        for (Entry entry : replaced.values()) {
            for (String target : namedBy(site, entry)) {
                Map<String, List<Entry>> lists = referrers.get(target);
                List<Entry> list = lists == null ? null : lists.get(entry.collection());
                int at = list == null ? -1 : indexOf(list, entry.key());
                if (at >= 0) {
                    List<Entry> copy = new ArrayList<>(list);
                    copy.set(at, entry);
                    Map<String, List<Entry>> newLists = new LinkedHashMap<>(lists);
                    newLists.put(entry.collection(), List.copyOf(copy));
                    referrers.put(target, Collections.unmodifiableMap(newLists));
                }
            }
        }
        return referrers;
    }

    /** The keys of the entries an entry's reference fields name (as {@link References} resolves them). */
    private static Set<String> namedBy(Site site, Entry entry) {
        Set<String> targets = new HashSet<>();
        Optional<CollectionConfig> collection = site.config().collection(entry.collection());
        for (CollectionConfig.Reference reference : collection.map(c -> c.references().values()).orElse(List.of())) {
            for (ReferenceValues.Found found : ReferenceValues.of(reference, entry.data(), null)) {
                for (Object id : found.value() instanceof List<?> list ? list : List.of(found.value())) {
                    if (id instanceof String text) {
                        targets.add(Entry.key(reference.target(), text));
                    }
                }
            }
        }
        return targets;
    }

    private static int indexOf(List<Entry> list, String key) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The matrices of the collections that hold a replaced entry made again; the rest shared. */
    private static Map<String, Map<String, Map<String, Entry>>> swapInMatrices(Site site, Map<String, Entry> replaced) {
        Set<String> touched = new HashSet<>();
        replaced.values().forEach(entry -> touched.add(entry.collection()));
        Map<String, Map<String, Map<String, Entry>>> matrices = new LinkedHashMap<>();
        site.matrices().forEach((name, rows) -> {
            if (!touched.contains(name)) {
                matrices.put(name, rows);
                return;
            }
            Map<String, Map<String, Entry>> newRows = new LinkedHashMap<>();
            rows.forEach((row, cells) -> {
                Map<String, Entry> newCells = new LinkedHashMap<>();
                cells.forEach((column, entry) -> newCells.put(column, replaced.getOrDefault(entry.key(), entry)));
                newRows.put(row, Collections.unmodifiableMap(newCells));
            });
            matrices.put(name, Collections.unmodifiableMap(newRows));
        });
        return Collections.unmodifiableMap(matrices);
    }
}
