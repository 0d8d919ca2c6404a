package dev.explainer.link;

import dev.explainer.config.CollectionConfig;
import dev.explainer.config.SiteConfig;
import dev.explainer.markdown.LinkTargets;
import dev.explainer.markdown.RenderedMarkdown;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole linked site, immutable: entries by collection in their declared order, every
 * reference resolvable in both directions, the pages and assets by path. Renderers share it
 * between threads.
 */
public final class Site implements LinkTargets {
    private final SiteConfig config;
    private final Map<String, List<Entry>> collections;
    private final Map<String, Entry> byKey;
    private final Map<String, Map<String, List<Entry>>> referrers;
    private final Map<String, Map<String, Map<String, Entry>>> matrices;
    private final List<Page> pages;
    private final Map<String, Page> pagesByPath;
    private final Map<String, String> assets;
    private final List<RenderedMarkdown.FragmentLink> fragmentLinks;
    private final SitePaths paths;
    private final List<Change> changelog;

    Site(SiteConfig config, Map<String, List<Entry>> collections, Map<String, Entry> byKey,
         Map<String, Map<String, List<Entry>>> referrers, Map<String, Map<String, Map<String, Entry>>> matrices,
         List<Page> pages, Map<String, Page> pagesByPath, Map<String, String> assets, SitePaths paths,
         List<RenderedMarkdown.FragmentLink> fragmentLinks, List<Change> changelog) {
        this.paths = paths;
        this.changelog = changelog;
        this.config = config;
        this.collections = collections;
        this.byKey = byKey;
        this.referrers = referrers;
        this.matrices = matrices;
        this.pages = pages;
        this.pagesByPath = pagesByPath;
        this.assets = assets;
        this.fragmentLinks = fragmentLinks;
    }

    public SiteConfig config() {
        return config;
    }

    /** Collection names to their entries, in the order the config declares and each collection sorts. */
    public Map<String, List<Entry>> collections() {
        return collections;
    }

    public Optional<Entry> entry(String collection, String id) {
        return Optional.ofNullable(byKey.get(Entry.key(collection, id)));
    }

    /**
     * The entry or entries a reference field names: an {@link Entry}, a list of them, or
     * {@code null} when the field is empty. For fields that are not references, the raw value.
     */
    public Object reference(Entry entry, String field) {
        Object value = entry.data().get(field);
        Optional<CollectionConfig.Reference> reference = config.collection(entry.collection())
                .map(c -> c.references().get(field));
        if (value == null || reference.isEmpty()) {
            return value;
        }
        String target = reference.get().target();
        if (value instanceof String id) {
            return byKey.get(Entry.key(target, id));
        }
        List<Entry> targets = new ArrayList<>();
        if (value instanceof List<?> ids) {
            for (Object id : ids) {
                Entry found = byKey.get(Entry.key(target, String.valueOf(id)));
                if (found != null) {
                    targets.add(found);
                }
            }
        }
        return List.copyOf(targets);
    }

    /** The entries that refer to {@code entry}, by their collection, each list in collection order. */
    public Map<String, List<Entry>> referrers(Entry entry) {
        return referrers.getOrDefault(entry.key(), Map.of());
    }

    /** Every entry that something refers to, by key, with its referrers as {@link #referrers} gives them. */
    public Map<String, Map<String, List<Entry>>> referrersByKey() {
        return Collections.unmodifiableMap(referrers);
    }

    /** For a collection declared with a matrix: first field's id, then second field's id, to the entry. */
    public Map<String, Map<String, Map<String, Entry>>> matrices() {
        return matrices;
    }

    /** Every page, ordered by site path. */
    public List<Page> pages() {
        return pages;
    }

    public Optional<Page> page(String sitePath) {
        return Optional.ofNullable(pagesByPath.get(sitePath));
    }

    /** Asset site paths ({@code /assets/style.css}) to their output files. */
    public Map<String, String> assets() {
        return assets;
    }

    /** Every entry's dated changes, newest first. */
    public List<Change> changelog() {
        return changelog;
    }

    /** Markdown links to fragments, checked against the rendered pages. */
    public List<RenderedMarkdown.FragmentLink> fragmentLinks() {
        return fragmentLinks;
    }

    SitePaths sitePaths() {
        return paths;
    }

    Map<String, Entry> byKey() {
        return byKey;
    }

    Map<String, Page> pagesByPath() {
        return pagesByPath;
    }

    /**
     * This site with some entries replaced by new versions (same key, same data, another body)
     * wherever it holds them: collections, referrer lists, matrices, pages, the change log. What
     * holds none of them is shared, not copied. The link stage's quick run for edits of bodies
     * only: it decides which entries those are by their bodies' sources and gives each a new
     * {@link Entry#revision}.
     */
    Site withEntries(Map<String, Entry> replaced, List<RenderedMarkdown.FragmentLink> fragmentLinks) {
        if (replaced.isEmpty()) {
            return new Site(config, collections, byKey, referrers, matrices, pages, pagesByPath, assets, paths, fragmentLinks, changelog);
        }
        Map<String, List<Entry>> newCollections = new LinkedHashMap<>();
        collections.forEach((name, list) -> newCollections.put(name, replaceIn(list, replaced).orElse(list)));
        Map<String, Entry> newByKey = new HashMap<>(byKey);
        newByKey.putAll(replaced);
        Map<String, Map<String, List<Entry>>> newReferrers = new HashMap<>();
        referrers.forEach((target, lists) -> {
            Map<String, List<Entry>> copy = null;
            for (Map.Entry<String, List<Entry>> list : lists.entrySet()) {
                Optional<List<Entry>> now = replaceIn(list.getValue(), replaced);
                if (now.isPresent()) {
                    copy = copy == null ? new LinkedHashMap<>(lists) : copy;
                    copy.put(list.getKey(), now.get());
                }
            }
            newReferrers.put(target, copy == null ? lists : Collections.unmodifiableMap(copy));
        });
        Map<String, Map<String, Map<String, Entry>>> newMatrices = new LinkedHashMap<>();
        matrices.forEach((name, rows) -> {
            Map<String, Map<String, Entry>> newRows = new LinkedHashMap<>();
            rows.forEach((row, cells) -> {
                Map<String, Entry> newCells = new LinkedHashMap<>();
                cells.forEach((column, entry) -> newCells.put(column, replaced.getOrDefault(entry.key(), entry)));
                newRows.put(row, Collections.unmodifiableMap(newCells));
            });
            newMatrices.put(name, Collections.unmodifiableMap(newRows));
        });
        List<Page> newPages = new ArrayList<>(pages.size());
        Map<String, Page> newPagesByPath = new HashMap<>(pagesByPath);
        for (Page page : pages) {
            Entry entry = replaced.get(page.entry().key());
            if (entry != null) {
                page = new Page(page.sitePath(), page.outputFile(), page.template(), entry);
                newPagesByPath.put(page.sitePath(), page);
            }
            newPages.add(page);
        }
        List<Change> newChangelog = new ArrayList<>(changelog.size());
        for (Change change : changelog) {
            Entry entry = replaced.get(change.entry().key());
            newChangelog.add(entry == null ? change : new Change(change.date(), change.text(), entry));
        }
        return new Site(config, Collections.unmodifiableMap(newCollections), Collections.unmodifiableMap(newByKey),
                newReferrers, Collections.unmodifiableMap(newMatrices), List.copyOf(newPages), newPagesByPath, assets, paths,
                fragmentLinks, List.copyOf(newChangelog));
    }

    /** The list with replaced entries swapped in, if it holds any of them. */
    private static Optional<List<Entry>> replaceIn(List<Entry> list, Map<String, Entry> replaced) {
        List<Entry> copy = null;
        for (int i = 0; i < list.size(); i++) {
            Entry entry = replaced.get(list.get(i).key());
            if (entry != null) {
                copy = copy == null ? new ArrayList<>(list) : copy;
                copy.set(i, entry);
            }
        }
        return copy == null ? Optional.empty() : Optional.of(List.copyOf(copy));
    }

    /** Whether every page and asset path, and so every link, is the same in both sites. */
    public boolean samePaths(Site other) {
        return paths.sameAs(other.paths);
    }

    @Override
    public Optional<Target> find(String sitePath) {
        return paths.find(sitePath);
    }

    @Override
    public Collection<String> paths() {
        return paths.paths();
    }
}
