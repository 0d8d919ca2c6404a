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
import java.util.Set;

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
    /** Each entry's index in its collection's list, so that one can be swapped in place ({@link EntrySwap}). */
    private final Map<String, Integer> places;
    private final List<Redirect> redirects;
    /**
     * In an edition, by entry key, the language of each entry's text where it is not simply the
     * edition's own, current translation: the original's where there is no translation, the
     * edition's with {@code stale} where the translation is behind. Empty for the original.
     */
    private final Map<String, TextLanguage> textLanguages;

    Site(SiteConfig config, Map<String, List<Entry>> collections, Map<String, Entry> byKey,
         Map<String, Map<String, List<Entry>>> referrers, Map<String, Map<String, Map<String, Entry>>> matrices,
         List<Page> pages, Map<String, Page> pagesByPath, Map<String, String> assets, SitePaths paths,
         List<RenderedMarkdown.FragmentLink> fragmentLinks, List<Change> changelog, Map<String, Integer> places,
         List<Redirect> redirects, Map<String, TextLanguage> textLanguages) {
        this.textLanguages = textLanguages;
        this.places = places;
        this.redirects = redirects;
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
     * {@code null} when the field is empty. For a field with references inside its objects
     * ({@code signatories[].country}), its value with the entries in place of those ids. For
     * other fields, the raw value.
     */
    public Object reference(Entry entry, String field) {
        Object value = entry.data().get(field);
        Optional<CollectionConfig> collection = config.collection(entry.collection());
        if (value == null || collection.isEmpty() || collection.get().references().isEmpty()) {
            return value;
        }
        CollectionConfig.Reference direct = collection.get().references().get(field);
        if (direct != null && direct.topLevel()) {
            return entries(value, direct.target());
        }
        for (CollectionConfig.Reference reference : collection.get().references().values()) {
            if (!reference.topLevel() && reference.topField().equals(field)) {
                value = resolvedAt(value, reference.path().get(0).eachItem(), reference.path().subList(1, reference.path().size()),
                        reference.target());
            }
        }
        return value;
    }

    /** An id's entry ({@code null} if there is none), or a list of ids' entries (those there are). */
    private Object entries(Object value, String target) {
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

    /** A copy of an object (or of each object of a list) with the ids at {@code rest} replaced by their entries. */
    private Object resolvedAt(Object value, boolean eachItem, List<CollectionConfig.Step> rest, String target) {
        if (!eachItem) {
            return resolvedInside(value, rest, target);
        }
        if (!(value instanceof List<?> items)) {
            return value;
        }
        List<Object> copy = new ArrayList<>(items.size());
        for (Object item : items) {
            copy.add(resolvedInside(item, rest, target));
        }
        return Collections.unmodifiableList(copy);
    }

    private Object resolvedInside(Object value, List<CollectionConfig.Step> rest, String target) {
        CollectionConfig.Step step = rest.get(0);
        if (!(value instanceof Map<?, ?> object) || object.get(step.field()) == null) {
            return value;
        }
        Object inner = object.get(step.field());
        Map<Object, Object> copy = new LinkedHashMap<>(object);
        copy.put(step.field(), rest.size() == 1 ? entries(inner, target) : resolvedAt(inner, step.eachItem(), rest.subList(1, rest.size()), target));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The language of the text {@code entry} shows in this site's edition, and whether it is a
     * translation behind its original: the edition's own language, current, unless
     * {@link #withTextLanguages} said otherwise.
     */
    public TextLanguage textLanguage(Entry entry) {
        TextLanguage given = textLanguages.get(entry.key());
        return given != null ? given : new TextLanguage(config.language(), false);
    }

    /** By entry key, every entry's language that is not the edition's own, current translation ({@link #textLanguage}). */
    public Map<String, TextLanguage> textLanguages() {
        return textLanguages;
    }

    /**
     * This site as an edition whose entries' texts are in these languages, by entry key (those
     * not named show the edition's own, current translation); the same site in every other part.
     */
    public Site withTextLanguages(Map<String, TextLanguage> languages) {
        return new Site(config, collections, byKey, referrers, matrices, pages, pagesByPath, assets, paths, fragmentLinks, changelog,
                places, redirects, Map.copyOf(languages));
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

    /** The former addresses of entries, each with where it leads, ordered by former path. */
    public List<Redirect> redirects() {
        return redirects;
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

    Map<String, Integer> places() {
        return places;
    }

    /** Each entry's index in its collection's list. */
    static Map<String, Integer> placesIn(Map<String, List<Entry>> collections) {
        Map<String, Integer> places = new HashMap<>();
        collections.values().forEach(list -> {
            for (int i = 0; i < list.size(); i++) {
                places.put(list.get(i).key(), i);
            }
        });
        return places;
    }

    /**
     * The language codes of the editions that leave out the page at {@code sitePath}, having no
     * translation of its entry ({@code translations: {missing: omit}}); empty for most pages.
     */
    public Set<String> editionsWithout(String sitePath) {
        return paths.absentFrom(sitePath);
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

    @Override
    public Optional<dev.explainer.load.ImageFile> image(String path) {
        return paths.image(path);
    }

    @Override
    public Collection<String> imagePaths() {
        return paths.imagePaths();
    }

    @Override
    public Optional<String> mediaFolder() {
        return paths.mediaFolder();
    }
}
