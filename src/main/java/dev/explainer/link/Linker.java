package dev.explainer.link;

import dev.explainer.config.Language;
import dev.explainer.config.MediaFolder;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.load.Asset;
import dev.explainer.load.LoadedSite;
import dev.explainer.markdown.MarkdownRenderer;
import dev.explainer.markdown.RenderedMarkdown;
import dev.explainer.markdown.ShortcodeCall;
import dev.explainer.markdown.Shortcodes;
import dev.explainer.validate.ValidEntry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The link stage: gives every entry its URL and its page ({@link Routes}, {@link PagePlacement}),
 * renders the Markdown bodies with their links checked ({@link Bodies}), sorts the collections
 * ({@link CollectionOrder}), resolves every reference both ways ({@link References}), and
 * gathers matrices ({@link Matrices}) and the change log ({@link Changelog}) into an immutable
 * {@link Site}. The checks that need the whole linked site (quotes, unique fields, complete
 * matrices, menu links, unreferenced entries) are the next step, {@code dev.explainer.check}.
 *
 * <p>A function of its inputs: what a run may reuse of the last one comes in as a
 * {@link LinkCache} and the next one goes out with the result. The linker itself holds only the
 * Markdown renderer, which is built once per raw-HTML setting and keeps nothing from a run.
 */
public final class Linker {
    static final Comparator<RenderedMarkdown.FragmentLink> FRAGMENT_ORDER =
            Comparator.comparing((RenderedMarkdown.FragmentLink f) -> f.position().path())
                    .thenComparingInt(f -> f.position().line()).thenComparingInt(f -> f.position().column());

    private final MarkdownRenderer markdown;

    public Linker(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    /**
     * What a run linked.
     *
     * @param published   the validated entries the site holds, in the order given (for the
     *                    whole-site checks, which report at their fields)
     * @param diagnostics every problem found while linking
     * @param cache       what the next run may reuse
     */
    public record Result(Site site, List<ValidEntry> published, List<Diagnostic> diagnostics, LinkCache cache) {
    }

    /**
     * Links the validated entries.
     *
     * @param includeDrafts whether entries marked {@code draft: true} are published
     * @param cache         what the previous run returned, or {@link LinkCache#empty()}
     */
    public Result link(LoadedSite loaded, List<ValidEntry> entries, boolean includeDrafts, LinkCache cache) {
        return link(loaded, entries, includeDrafts, cache, Map.of());
    }

    /**
     * Links the validated entries of one edition of a site that leaves out pages not translated
     * ({@code translations: {missing: omit}}).
     *
     * @param untranslated the keys of entries with no translation into some editions, each to
     *                     the codes of those editions: an edition among them has no page of the
     *                     entry, and links to it lead to the original's; every edition knows which
     *                     others lack a page, for its language switcher
     */
    public Result link(LoadedSite loaded, List<ValidEntry> entries, boolean includeDrafts, LinkCache cache,
                       Map<String, Set<String>> untranslated) {
        Diagnostics declarationProblems = new Diagnostics();
        Shortcodes shortcodes = !loaded.config().shortcodes() ? Shortcodes.OFF : Shortcodes.declared(loaded.templates(),
                loaded.config().collections().stream().map(c -> c.name()).toList(), declarationProblems);
        LinkCache.Inputs inputs = new LinkCache.Inputs(includeDrafts, loaded.config(), Set.copyOf(loaded.templates().keySet()),
                shortcodes, declarationProblems.sorted(), loaded.assets(), loaded.incomplete(), entries, loaded.images(),
                Map.copyOf(untranslated));
        Optional<Result> quick = BodyRelink.relink(markdown, inputs, cache);
        return quick.isPresent() ? quick.get() : linkAll(inputs, cache);
    }

    private Result linkAll(LinkCache.Inputs inputs, LinkCache cache) {
        Optional<Site> previous = cache.last.map(LinkCache.LastRun::site);
        Diagnostics problems = new Diagnostics();
        problems.addAll(inputs.shortcodeProblems());
        SiteConfig config = inputs.config();
        Set<String> excludedDrafts = new HashSet<>();
        Map<String, ValidEntry> published = new LinkedHashMap<>();
        int[] publishedAt = new int[inputs.entries().size()];
        for (int i = 0; i < inputs.entries().size(); i++) {
            ValidEntry entry = inputs.entries().get(i);
            if (entry.raw().draft() && !inputs.includeDrafts()) {
                excludedDrafts.add(entry.key());
            } else if (published.putIfAbsent(entry.key(), entry) == null) {
                publishedAt[published.size() - 1] = i;
            }
        }

        Map<String, String> assets = new TreeMap<>();
        for (Asset asset : inputs.assets()) {
            assets.put("/" + asset.sitePath(), asset.outputPath());
        }
        Set<String> badPatterns = Routes.checkUrlPatterns(config, inputs.templates(), problems);
        Routes.Made routes = Routes.of(config, inputs.templates(), published.values(), badPatterns, cache.routes, problems);
        GeneratedFiles generated = GeneratedFiles.of(config);
        Map<String, String> pagePaths = PagePlacement.pagePaths(config, published, routes.byKey(), inputs.assets(), generated, problems);
        Map<String, String> elsewhere = new HashMap<>();
        Map<String, Set<String>> absentFrom = new HashMap<>();
        omitted(config, inputs.untranslated(), pagePaths, elsewhere, absentFrom);
        SitePaths targets = targets(inputs, excludedDrafts, pagePaths, assets, badPatterns, cache.routes, elsewhere, absentFrom);
        PagePlacement.checkAnchorPages(config, union(pagePaths.values(), elsewhere.keySet()), problems);
        PagePlacement.checkErrorPage(config, pagePaths.values(), problems);
        Map<String, String> pageFiles = new HashMap<>();
        pagePaths.forEach((key, sitePath) -> pageFiles.put(routes.byKey().get(key).outputFile(), sitePath));
        PagePlacement.checkCopiedFiles(inputs.assets(), generated, pageFiles, problems);
        List<Redirect> redirects = Aliases.of(config, published, routes.byKey(), pagePaths, assets, generated, problems);

        Map<String, Bodies.Rendered> bodies = Bodies.render(markdown, published.values(),
                entry -> Optional.ofNullable(routes.byKey().get(entry.key())).map(route -> Route.pageOf(route.sitePath())), targets,
                inputs.shortcodes(), cache.bodies.validFor(targets, markdown.rawHtml(), inputs.shortcodes()));
        Diagnostics bodyProblems = new Diagnostics();
        List<RenderedMarkdown.FragmentLink> fragmentLinks = new ArrayList<>();
        for (Bodies.Rendered body : bodies.values()) {
            bodyProblems.addAll(body.markdown().diagnostics());
            fragmentLinks.addAll(body.markdown().fragmentLinks());
        }
        fragmentLinks.sort(FRAGMENT_ORDER);

        Map<String, Entry> earlier = previous.map(Site::byKey).orElse(Map.of());
        Map<String, Entry> byKey = new HashMap<>();
        List<Entry> built = new ArrayList<>(published.size());
        long revision = cache.nextRevision;
        for (ValidEntry entry : published.values()) {
            Bodies.Rendered body = bodies.get(entry.key());
            String html = body == null ? "" : body.markdown().html();
            List<ShortcodeCall> calls = body == null ? List.of() : body.markdown().shortcodes();
            Optional<String> sitePath = Optional.ofNullable(routes.byKey().get(entry.key())).map(Route::sitePath);
            Entry before = earlier.get(entry.key());
            Entry now = before != null && before.holds(entry.key(), entry.raw().idPosition(), entry.data(), html, calls, sitePath)
                    ? before : new Entry(entry.collection(), entry.id(), entry.raw().idPosition(), entry.data(), html, calls, sitePath, entry.key(),
                    revision++);
            built.add(now);
            byKey.put(now.key(), now);
        }

        Map<String, List<Entry>> collections = CollectionOrder.sorted(config, built, byKey,
                previous.map(Site::collections).orElse(Map.of()));
        Map<String, Map<String, List<Entry>>> referrers = References.resolve(config, published, collections, byKey, excludedDrafts,
                inputs.incomplete(), problems);
        Map<String, Map<String, Map<String, Entry>>> matrices = Matrices.of(config, collections, problems);
        Map<String, Page> pagesByPath = new HashMap<>();
        pagePaths.forEach((key, sitePath) -> {
            Route route = routes.byKey().get(key);
            pagesByPath.put(sitePath, new Page(sitePath, route.outputFile(), route.template().get(), byKey.get(key)));
        });
        Site site = new Site(config, collections, Map.copyOf(byKey), referrers, matrices, pages(pagesByPath, previous),
                pagesByPath, assets, targets, List.copyOf(fragmentLinks), Changelog.of(config, collections), Site.placesIn(collections),
                redirects, Map.of());

        List<Diagnostic> structural = problems.sorted();
        List<Diagnostic> inBodies = bodyProblems.sorted();
        List<ValidEntry> publishedList = List.copyOf(published.values());
        LinkCache next = new LinkCache(Optional.of(new LinkCache.LastRun(inputs, site,
                Arrays.copyOf(publishedAt, published.size()), structural, inBodies)),
                routes.cache(), new Bodies.Cache(targets, markdown.rawHtml(), inputs.shortcodes(), bodies, Map.of()), revision);
        return new Result(site, publishedList, all(structural, inBodies), next);
    }

    /**
     * Takes out of {@code pagePaths} the pages this edition leaves out, into {@code elsewhere}
     * with the original's file of each, and notes in {@code absentFrom} each page some edition
     * leaves out. The error page is never left out: servers show it for every edition.
     */
    private static void omitted(SiteConfig config, Map<String, Set<String>> untranslated, Map<String, String> pagePaths,
                                Map<String, String> elsewhere, Map<String, Set<String>> absentFrom) {
        String originalPrefix = config.languages().stream().filter(Language::original).findFirst()
                .map(language -> language.prefix().isEmpty() ? "" : language.prefix().substring(1)).orElse("");
        untranslated.forEach((key, languages) -> {
            String sitePath = pagePaths.get(key);
            if (sitePath == null || config.outputs().isErrorPage(sitePath)) {
                return;
            }
            absentFrom.put(sitePath, Set.copyOf(languages));
            if (languages.contains(config.language())) {
                pagePaths.remove(key);
                elsewhere.put(sitePath, originalPrefix + Page.outputFileOf(sitePath));
            }
        });
    }

    private static Set<String> union(Collection<String> a, Collection<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * What links may reach: every page and asset, and for messages the paths of drafts left out
     * and the URL patterns of collections that could not be read in full.
     */
    private static SitePaths targets(LinkCache.Inputs inputs, Set<String> excludedDrafts, Map<String, String> pagePaths,
                                     Map<String, String> assets, Set<String> badPatterns, Routes.Cache routeCache,
                                     Map<String, String> elsewhere, Map<String, Set<String>> absentFrom) {
        List<String> unreadPatterns = inputs.config().collections().stream()
                .filter(c -> inputs.incomplete().contains(c.name()) && c.hasPages())
                .map(c -> c.url().get())
                .toList();
        Set<String> draftPaths = new HashSet<>();
        if (!excludedDrafts.isEmpty()) {
            List<ValidEntry> drafts = inputs.entries().stream().filter(e -> excludedDrafts.contains(e.key())).toList();
            // Their problems are not the published site's: a draft is checked when it is built with --drafts.
            Routes.of(inputs.config(), inputs.templates(), drafts, badPatterns, routeCache, new Diagnostics()).byKey().values()
                    .forEach(route -> draftPaths.add(route.sitePath()));
        }
        return new SitePaths(pagePaths.values(), assets, unreadPatterns, draftPaths, inputs.images(),
                inputs.config().media().map(MediaFolder::folder), inputs.config().outputPrefix(), elsewhere, absentFrom);
    }

    /** The pages ordered by site path: in the previous run's order if they have the same paths. */
    private static List<Page> pages(Map<String, Page> pagesByPath, Optional<Site> previous) {
        if (previous.isPresent() && previous.get().pagesByPath().keySet().equals(pagesByPath.keySet())) {
            return previous.get().pages().stream().map(page -> pagesByPath.get(page.sitePath())).toList();
        }
        return pagesByPath.values().stream().sorted(Comparator.comparing(Page::sitePath)).toList();
    }

    @SafeVarargs
    static List<Diagnostic> all(List<Diagnostic>... lists) {
        Diagnostics all = new Diagnostics();
        for (List<Diagnostic> list : lists) {
            all.addAll(list);
        }
        return all.sorted();
    }
}
