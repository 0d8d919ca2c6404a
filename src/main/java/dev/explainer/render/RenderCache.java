package dev.explainer.render;

import dev.explainer.link.Page;
import dev.explainer.link.Site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a render may reuse of the one before it, handed to {@link SiteRenderer#render} and handed
 * back, updated, in its result; the builder owns it and drops it after a run that failed part
 * way. It holds the site the last render rendered, the revision of each template then, every
 * page's outcome with what the page read ({@link PageInputs}), the reverse index from what was
 * read to the pages that read it ({@link PageReaders}), the link counts, the sitemap and what the
 * search index read of each page ({@link SearchPages}).
 *
 * <p>A render reuses a page if the config and the set of paths are equal to the cached site's, the
 * page shows the same entry with the same template at the same path, that template's
 * {@link TemplateRevision} is equal, the page rendered without error, and none of the inputs it
 * recorded differs between the cached site and the new one ({@link SiteChanges}). Every decision
 * compares values; none asks whether two objects are the same one. A page kept that way renders to
 * the same bytes: it would read the same values by the same route.
 *
 * <p>A cache is used once: the render that takes it hands back its successor, which shares and
 * updates its indexes, so the builder keeps only the successor. A cache made
 * {@linkplain #forOneBuild() for one build} keeps nothing and records nothing.
 */
public final class RenderCache {
    private final boolean recording;
    /** The site the last render rendered, or null before the first. */
    private final Site site;
    private final Map<String, TemplateRevision> templates;
    /** Every page's outcome, in site order, and each site path's place in that list. */
    private final List<PageResult> pages;
    private final Map<String, Integer> index;
    private final PageReaders readers;
    private final LinkCounts links;
    private final GeneratedFile sitemap;
    private final SearchPages search;
    private boolean used;

    private RenderCache(boolean recording, Site site, Map<String, TemplateRevision> templates, List<PageResult> pages,
                        Map<String, Integer> index, PageReaders readers, LinkCounts links, GeneratedFile sitemap,
                        SearchPages search) {
        this.recording = recording;
        this.site = site;
        this.templates = templates;
        this.pages = pages;
        this.index = index;
        this.readers = readers;
        this.links = links;
        this.sitemap = sitemap;
        this.search = search;
    }

    /** For a build that will not be followed by another: every page is rendered, and nothing is kept. */
    public static RenderCache forOneBuild() {
        return new RenderCache(false, null, Map.of(), List.of(), Map.of(), new PageReaders(), new LinkCounts(), null,
                SearchPages.none());
    }

    /** For the first of a series of builds (the live preview): pages record what they read, for the next. */
    public static RenderCache forRebuilds() {
        return new RenderCache(true, null, Map.of(), List.of(), Map.of(), new PageReaders(), new LinkCounts(), null,
                SearchPages.kept());
    }

    /** An empty cache of the same kind, for a builder that starts afresh. */
    public RenderCache emptied() {
        return recording ? forRebuilds() : forOneBuild();
    }

    boolean recording() {
        return recording;
    }

    /** Marks this cache taken by a render; a second render of the same cache is a bug. */
    void take() {
        if (used) {
            throw new IllegalStateException("a render cache was handed to a second render; use the one its result holds");
        }
        used = true;
    }

    /** The pages of {@code now} to render, in site order: every page if nothing of this cache can be reused. */
    List<Page> toRender(Site now, Map<String, TemplateRevision> revisions) {
        if (reusesNothing(now)) {
            return now.pages();
        }
        Set<String> changedTemplates = new HashSet<>();
        revisions.forEach((name, revision) -> {
            if (!revision.equals(templates.get(name))) {
                changedTemplates.add(name);
            }
        });
        templates.keySet().stream().filter(name -> !revisions.containsKey(name)).forEach(changedTemplates::add);
        Set<String> dirty = new HashSet<>();
        List<Page> list = now.pages();
        for (int i = 0; i < list.size(); i++) {
            Page page = list.get(i);
            PageResult before = pages.get(i);
            if (before.failed() || !before.page().equals(page) && !samePage(before.page(), page)
                    || changedTemplates.contains(page.template())) {
                dirty.add(page.sitePath());
            }
        }
        SiteChanges changes = SiteChanges.between(site, now);
        for (String path : readers.candidates(changes)) {
            if (pages.get(index.get(path)).inputs().touchedBy(changes)) {
                dirty.add(path);
            }
        }
        return list.stream().filter(page -> dirty.contains(page.sitePath())).toList();
    }

    /** Whether every page must be rendered: nothing rendered before, or the config or the set of paths changed. */
    private boolean reusesNothing(Site now) {
        return !recording || site == null || !now.config().equals(site.config()) || !now.samePaths(site);
    }

    /** The same entry (by collection and id) shown with the same template at the same path. */
    private static boolean samePage(Page a, Page b) {
        return a.sitePath().equals(b.sitePath()) && a.outputFile().equals(b.outputFile()) && a.template().equals(b.template())
                && a.entry().id().equals(b.entry().id()) && a.entry().collection().equals(b.entry().collection());
    }

    /**
     * The cache after rendering {@code fresh} (the pages {@link #toRender} named, in its order)
     * for {@code now}, its pages in site order; this one is not to be used again.
     */
    RenderCache next(Site now, Map<String, TemplateRevision> revisions, List<PageResult> fresh) {
        if (!recording) {
            return new RenderCache(false, null, Map.of(), fresh, indexOf(fresh), readers, countAll(fresh), null, search);
        }
        if (reusesNothing(now)) {
            PageReaders newReaders = new PageReaders();
            fresh.forEach(page -> newReaders.add(page.page().sitePath(), page.inputs()));
            return new RenderCache(true, now, revisions, fresh, indexOf(fresh), newReaders, countAll(fresh),
                    SiteIndexFiles.sitemap(now.pages(), now.config()), search);
        }
        List<PageResult> list = new ArrayList<>(pages);
        for (PageResult page : fresh) {
            String path = page.page().sitePath();
            PageResult before = list.set(index.get(path), page);
            links.count(before.page().outputFile(), before.links(), -1);
            links.count(page.page().outputFile(), page.links(), 1);
            readers.remove(path, before.inputs());
            readers.add(path, page.inputs());
        }
        return new RenderCache(true, now, revisions, list, index, readers, links, sitemap, search);
    }

    private static Map<String, Integer> indexOf(List<PageResult> pages) {
        Map<String, Integer> index = new HashMap<>(pages.size() * 2);
        for (int i = 0; i < pages.size(); i++) {
            index.put(pages.get(i).page().sitePath(), i);
        }
        return index;
    }

    private static LinkCounts countAll(List<PageResult> pages) {
        LinkCounts counts = new LinkCounts();
        pages.forEach(page -> counts.count(page.page().outputFile(), page.links(), 1));
        return counts;
    }

    // ---- what the last render made, for its result ----

    /** Every page's outcome, in site order. */
    List<PageResult> pages() {
        return pages;
    }

    /** The outcome of the page at a site path, or null if the site has no such page. */
    PageResult page(String sitePath) {
        Integer at = index.get(sitePath);
        return at == null ? null : pages.get(at);
    }

    LinkCounts links() {
        return links;
    }

    /** What the search index read of each page, for the next index. */
    SearchPages search() {
        return search;
    }

    /** The sitemap of the cached site, or null if none was kept. */
    GeneratedFile sitemap() {
        return sitemap;
    }
}
