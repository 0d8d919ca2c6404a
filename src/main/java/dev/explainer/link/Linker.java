package dev.explainer.link;

import dev.explainer.config.CollectionConfig;
import dev.explainer.config.MenuItem;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.Asset;
import dev.explainer.load.ContentLoader;
import dev.explainer.load.LoadedSite;
import dev.explainer.load.RawEntry;
import dev.explainer.markdown.LinkTargets;
import dev.explainer.markdown.MarkdownRenderer;
import dev.explainer.markdown.RenderedMarkdown;
import dev.explainer.parallel.Parallel;
import dev.explainer.validate.ValidEntry;
import dev.explainer.validate.Validator;
import dev.explainer.text.Suggestions;
import dev.explainer.yaml.YamlNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The link stage: gives every entry its URL and its page, resolves every reference (reporting
 * unknown ids with a suggestion), records who refers to whom, checks matrices and URL
 * collisions, and renders the Markdown bodies with their links checked. The result is an
 * immutable {@link Site}.
 */
public final class Linker {
    private static final Comparator<RenderedMarkdown.FragmentLink> FRAGMENT_ORDER =
            Comparator.comparing((RenderedMarkdown.FragmentLink f) -> f.position().path())
                    .thenComparingInt(f -> f.position().line()).thenComparingInt(f -> f.position().column());

    private final MarkdownRenderer markdown;
    /**
     * Bodies rendered by earlier runs, by entry, valid while the set of site paths (what links
     * may reach) is the same. The loader hands back the same body object for an unchanged file.
     */
    private Map<String, RenderedBody> renderedBodies = new HashMap<>();

    private record RenderedBody(RawEntry.Body body, Optional<String> page, RenderedMarkdown rendered) {
    }

    public Linker(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    public record Result(Site site, List<Diagnostic> diagnostics) {
    }

    /** Where an entry is shown and, if it has a page, which template renders it and into which file. */
    private record Route(String sitePath, Optional<String> template, String outputFile) {
        Route(String sitePath, Optional<String> template) {
            this(sitePath, template, Page.outputFileOf(sitePath));
        }
    }

    /**
     * Routes of the previous run, reused for entries that are the same objects (the
     * validator hands those back for unchanged files), while the config and the template names
     * are the same. Reuse keeps strings and pages identical from run to run, so comparing two
     * runs' paths and pages, as the incremental stages do, costs little.
     */
    private Map<ValidEntry, Route> knownRoutes = new java.util.IdentityHashMap<>();
    private SiteConfig knownRoutesConfig;
    private Set<String> knownRoutesTemplates = Set.of();

    /**
     * What the previous run linked: for a run in which only Markdown bodies changed (the live
     * preview's common case), every route, reference, order and page stays, and only those bodies
     * are rendered and their entries replaced ({@link #relinkBodies}); a full run reuses what it
     * can of the previous {@link Site}.
     *
     * @param structural the previous run's problems other than those of bodies and quotes
     * @param bodyProblems the problems found in bodies, which are in the bodies' own files
     */
    private record LastRun(List<ValidEntry> entries, boolean includeDrafts, SiteConfig config, Set<String> templates,
                           List<Asset> assets, Set<String> incomplete, Site site, List<Diagnostic> structural,
                           List<Diagnostic> bodyProblems) {
    }

    /** Beyond this many changed bodies, a full run is as quick. */
    private static final int MOST_BODIES_RELINKED = 64;

    private LastRun last;

    public Result link(LoadedSite loaded, List<ValidEntry> entries, boolean includeDrafts) {
        Optional<Result> quick = relinkBodies(loaded, entries, includeDrafts);
        if (quick.isPresent()) {
            return quick.get();
        }
        // The previous site: an unchanged entry, page or route is handed on as the same object
        // (so later stages can tell it is unchanged at a glance), a collection whose previous
        // order still holds is not sorted again, and bodies rendered against the same paths are kept.
        Site previous = last == null ? null : last.site();
        last = null;
        Diagnostics problems = new Diagnostics();
        Diagnostics bodyProblems = new Diagnostics();
        Diagnostics quoteProblems = new Diagnostics();
        SiteConfig config = loaded.config();
        Set<String> excludedDrafts = new HashSet<>();
        Map<String, ValidEntry> published = new LinkedHashMap<>();
        for (ValidEntry entry : entries) {
            String key = entry.key();
            if (entry.raw().draft() && !includeDrafts) {
                excludedDrafts.add(key);
            } else {
                published.putIfAbsent(key, entry);
            }
        }

        Map<String, String> assets = new TreeMap<>();
        for (Asset asset : loaded.assets()) {
            assets.put("/" + asset.sitePath(), asset.outputPath());
        }
        Set<String> badPatterns = checkUrlPatterns(config, problems);
        Map<String, Route> routes = routes(config, loaded, published.values(), badPatterns, problems, true);
        Map<String, String> ownerOfOutput = new HashMap<>();
        assets.values().forEach(file -> ownerOfOutput.put(file, "templates/" + file));
        Map<String, String> pagePaths = new HashMap<>();
        Map<String, ValidEntry> pageOfOutput = new HashMap<>();
        for (ValidEntry entry : published.values()) {
            Route route = routes.get(entry.key());
            if (route == null || route.template().isEmpty()) {
                continue;
            }
            if (GeneratedFiles.ALL.contains(route.outputFile())) {
                Position at = urlPosition(config, entry);
                problems.error(DiagnosticCode.URL_GENERATED, at, "URL " + route.sitePath() + " is the engine's own " + route.outputFile()
                        + ", which every build writes; give the page another " + (at == entry.raw().idPosition() ? "id" : "'url'"));
                continue;
            }
            // Of two pages with one file (or files whose names differ only in capitals), the one
            // that chose its URL with a 'url' field is told; the other keeps the page.
            String caseless = route.outputFile().toLowerCase(java.util.Locale.ROOT);
            ValidEntry other = pageOfOutput.get(caseless);
            String owner = ownerOfOutput.get(route.outputFile());
            if (other == null && owner != null) {
                problems.error(DiagnosticCode.URL_COLLISION, urlPosition(config, entry), "URL " + route.sitePath() + " is also the URL of " + owner
                        + "; give the page another id or 'url'");
                continue;
            }
            if (other != null) {
                boolean blameOther = !hasOwnUrl(config, entry) && hasOwnUrl(config, other);
                ValidEntry blamed = blameOther ? other : entry;
                ValidEntry kept = blameOther ? entry : other;
                String blamedPath = routes.get(blamed.key()).sitePath();
                String keptPath = routes.get(kept.key()).sitePath();
                problems.error(DiagnosticCode.URL_COLLISION, urlPosition(config, blamed), blamedPath.equals(keptPath)
                        ? "URL " + blamedPath + " is also the URL of " + kept.raw().path() + "; give one of them another id or 'url'"
                        : "URL " + blamedPath + " differs from " + keptPath + " (" + kept.raw().path() + ") only in capital letters,"
                                + " and macOS and Windows keep one file for both; give one of them another 'url'");
                if (!blameOther) {
                    continue;
                }
                pagePaths.remove(other.key());
                ownerOfOutput.remove(routes.get(other.key()).outputFile());
            }
            pageOfOutput.put(caseless, entry);
            ownerOfOutput.put(route.outputFile(), entry.raw().path());
            pagePaths.put(entry.key(), route.sitePath());
        }
        checkFolders(config, published, routes, pagePaths, ownerOfOutput, problems);
        List<String> unreadPatterns = config.collections().stream()
                .filter(c -> loaded.incomplete().contains(c.name()) && c.hasPages())
                .map(c -> c.url().get())
                .toList();
        Set<String> draftPaths = new HashSet<>();
        if (!excludedDrafts.isEmpty()) {
            List<ValidEntry> drafts = entries.stream()
                    .filter(e -> excludedDrafts.contains(e.key())).toList();
            routes(config, loaded, drafts, badPatterns, new Diagnostics(), false).values().forEach(route -> draftPaths.add(route.sitePath()));
        }
        SitePaths targets = new SitePaths(pagePaths.values(), assets, unreadPatterns, draftPaths);
        checkAnchorPages(config, pagePaths.values(), problems);
        checkMenu(config, targets, problems);

        List<RenderedMarkdown.FragmentLink> fragmentLinks = new ArrayList<>();
        Map<String, Entry> byKey = new HashMap<>();
        Map<String, RenderedBody> reusable = previous != null && targets.sameAs(previous.sitePaths()) ? renderedBodies : Map.of();
        Map<String, Entry> earlierEntries = previous == null ? Map.of() : previous.byKey();
        // Every body to render goes to the renderer at once: it renders them on threads of its own.
        Map<String, RenderedBody> bodies = new HashMap<>();
        List<MarkdownRenderer.Job> jobs = new ArrayList<>();
        List<String> jobKeys = new ArrayList<>();
        for (ValidEntry entry : published.values()) {
            if (entry.raw().body().isPresent()) {
                RawEntry.Body body = entry.raw().body().get();
                Route route = routes.get(entry.key());
                Optional<String> page = route == null ? Optional.empty() : Optional.of(pagePart(route.sitePath()));
                RenderedBody earlier = reusable.get(entry.key());
                if (earlier != null && earlier.body() == body && earlier.page().equals(page)) {
                    bodies.put(entry.key(), earlier);
                } else {
                    jobs.add(new MarkdownRenderer.Job(body, page, targets));
                    jobKeys.add(entry.key());
                }
            }
        }
        List<RenderedMarkdown> fresh = markdown.renderAll(jobs);
        for (int i = 0; i < jobs.size(); i++) {
            bodies.put(jobKeys.get(i), new RenderedBody(jobs.get(i).body(), jobs.get(i).pagePath(), fresh.get(i)));
        }
        for (RenderedBody body : bodies.values()) {
            bodyProblems.addAll(body.rendered().diagnostics());
            fragmentLinks.addAll(body.rendered().fragmentLinks());
        }
        List<Entry> built = Parallel.map(List.copyOf(published.values()), entry -> {
            String key = entry.key();
            Route route = routes.get(key);
            RenderedBody body = bodies.get(key);
            String html = body == null ? "" : body.rendered().html();
            Optional<String> sitePath = Optional.ofNullable(route).map(Route::sitePath);
            Entry earlier = earlierEntries.get(key);
            if (earlier != null && earlier.data() == entry.data() && earlier.html() == html && earlier.sitePath().equals(sitePath)
                    && earlier.position().equals(entry.raw().idPosition())) {
                return earlier;
            }
            return new Entry(entry.collection(), entry.id(), entry.raw().idPosition(), entry.data(), html, sitePath, key);
        }, entry -> entry.raw().path());
        renderedBodies = bodies;
        built.forEach(entry -> byKey.put(entry.key(), entry));

        Map<String, List<Entry>> collections = sortedCollections(config, built, byKey,
                previous == null ? Map.of() : previous.collections());
        Map<String, Map<String, List<Entry>>> referrers =
                resolveReferences(config, published, collections, byKey, excludedDrafts, loaded.incomplete(), problems);
        Map<String, Map<String, Map<String, Entry>>> matrices =
                matrices(config, collections, loaded.incomplete(), problems);
        warnUnreferenced(config, collections, referrers, problems);
        checkUnique(config, published, problems);
        checkVerbatim(config, published, byKey, quoteProblems);

        Map<String, Page> pagesByPath = new HashMap<>();
        Map<String, Page> previousPages = previous == null ? Map.of() : previous.pagesByPath();
        boolean samePages = previous != null && pagePaths.size() == previousPages.size(); // a first run of a site without pages too
        for (Map.Entry<String, String> path : pagePaths.entrySet()) {
            Route route = routes.get(path.getKey());
            Entry entry = byKey.get(path.getKey());
            Page earlier = previousPages.get(path.getValue());
            Page page = earlier != null && earlier.entry() == entry && earlier.outputFile() == route.outputFile()
                    && earlier.template().equals(route.template().get())
                    ? earlier : new Page(path.getValue(), route.outputFile(), route.template().get(), entry);
            samePages &= page == earlier;
            pagesByPath.put(page.sitePath(), page);
        }
        List<Page> pages = samePages ? previous.pages()
                : pagesByPath.values().stream().sorted(Comparator.comparing(Page::sitePath)).toList();
        fragmentLinks.sort(FRAGMENT_ORDER);
        Site site = new Site(config, collections, Map.copyOf(byKey), referrers, matrices, pages,
                pagesByPath, assets, targets, List.copyOf(fragmentLinks), changelog(config, collections));
        last = new LastRun(entries, includeDrafts, config, Set.copyOf(loaded.templates().keySet()), loaded.assets(),
                Set.copyOf(loaded.incomplete()), site, problems.sorted(), bodyProblems.sorted());
        return new Result(site, all(problems.sorted(), bodyProblems.sorted(), quoteProblems.sorted()));
    }

    @SafeVarargs
    private static List<Diagnostic> all(List<Diagnostic>... lists) {
        Diagnostics all = new Diagnostics();
        for (List<Diagnostic> list : lists) {
            all.addAll(list);
        }
        return all.sorted();
    }

    /**
     * The quick run, if only bodies changed since the last run: the same config, templates,
     * assets and entries in the same order, each the same object as before or with equal data,
     * id position and draft flag (so the same routes, references and order), and no structural
     * problem reported in a changed entry's file (its position might have moved). Renders the
     * changed bodies and replaces their entries wherever the site holds them.
     */
    private Optional<Result> relinkBodies(LoadedSite loaded, List<ValidEntry> entries, boolean includeDrafts) {
        LastRun before = last;
        if (before == null || before.includeDrafts() != includeDrafts || entries.size() != before.entries().size()
                || !loaded.config().equals(before.config()) || !loaded.templates().keySet().equals(before.templates())
                || !loaded.assets().equals(before.assets()) || !loaded.incomplete().equals(before.incomplete())) {
            return Optional.empty();
        }
        List<ValidEntry> changed = new ArrayList<>();
        Map<ValidEntry, ValidEntry> earlierOf = new java.util.IdentityHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            ValidEntry now = entries.get(i);
            ValidEntry was = before.entries().get(i);
            if (now == was) {
                continue;
            }
            if (!now.key().equals(was.key()) || now.raw().draft() != was.raw().draft()
                    || !now.raw().idPosition().equals(was.raw().idPosition()) || !now.data().equals(was.data())
                    || now.raw().body().isPresent() != was.raw().body().isPresent()
                    || changed.size() == MOST_BODIES_RELINKED) {
                return Optional.empty();
            }
            changed.add(now);
            earlierOf.put(now, was);
        }
        Set<String> changedFiles = new HashSet<>();
        changed.forEach(entry -> changedFiles.add(entry.raw().path()));
        if (before.structural().stream().anyMatch(d -> changedFiles.contains(d.path()))) {
            return Optional.empty();
        }

        Site site = before.site();
        Map<String, Entry> replaced = new HashMap<>();
        List<Diagnostic> bodyProblems = new ArrayList<>();
        before.bodyProblems().stream().filter(d -> !changedFiles.contains(d.path())).forEach(bodyProblems::add);
        List<RenderedMarkdown.FragmentLink> fragmentLinks = new ArrayList<>();
        site.fragmentLinks().stream().filter(f -> !changedFiles.contains(f.position().path())).forEach(fragmentLinks::add);
        List<MarkdownRenderer.Job> jobs = new ArrayList<>();
        List<ValidEntry> withBodies = new ArrayList<>();
        for (ValidEntry entry : changed) {
            Entry old = site.entry(entry.collection(), entry.id()).orElse(null);
            if (old != null && entry.raw().body().isPresent()) {
                jobs.add(new MarkdownRenderer.Job(entry.raw().body().get(), old.sitePath().map(Linker::pagePart), site.sitePaths()));
                withBodies.add(entry);
            }
        }
        List<RenderedMarkdown> fresh = markdown.renderAll(jobs);
        Map<ValidEntry, RenderedMarkdown> renderedOf = new java.util.IdentityHashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            renderedOf.put(withBodies.get(i), fresh.get(i));
            renderedBodies.put(withBodies.get(i).key(), new RenderedBody(jobs.get(i).body(), jobs.get(i).pagePath(), fresh.get(i)));
        }
        for (ValidEntry entry : changed) {
            Entry old = site.entry(entry.collection(), entry.id()).orElse(null);
            if (old == null) {
                continue; // a draft left out of the site
            }
            String html = "";
            RenderedMarkdown rendered = renderedOf.get(entry);
            if (rendered != null) {
                bodyProblems.addAll(rendered.diagnostics());
                fragmentLinks.addAll(rendered.fragmentLinks());
                html = rendered.html();
            }
            replaced.put(entry.key(), new Entry(entry.collection(), entry.id(), entry.raw().idPosition(), entry.data(), html,
                    old.sitePath(), entry.key()));
            Route route = knownRoutes.remove(earlierOf.get(entry));
            if (route != null) {
                knownRoutes.put(entry, route);
            }
        }
        fragmentLinks.sort(FRAGMENT_ORDER);
        Site relinked = site.withEntries(replaced, List.copyOf(fragmentLinks));
        Map<String, Entry> byKey = relinked.byKey();

        Diagnostics quoteProblems = new Diagnostics();
        if (loaded.config().collections().stream().anyMatch(c -> c.verbatim().isPresent())) {
            Map<String, ValidEntry> published = new LinkedHashMap<>();
            for (ValidEntry entry : entries) {
                if (!entry.raw().draft() || includeDrafts) {
                    published.putIfAbsent(entry.key(), entry);
                }
            }
            checkVerbatim(loaded.config(), published, byKey, quoteProblems);
        }
        List<Diagnostic> sortedBodyProblems = all(bodyProblems);
        last = new LastRun(entries, includeDrafts, before.config(), before.templates(), before.assets(), before.incomplete(),
                relinked, before.structural(), sortedBodyProblems);
        return Optional.of(new Result(relinked, all(before.structural(), sortedBodyProblems, quoteProblems.sorted())));
    }

    /**
     * @param badPatterns collections whose URL pattern is already reported: their entries' URLs
     *                    are not checked one by one
     */
    private Map<String, Route> routes(SiteConfig config, LoadedSite loaded, Collection<ValidEntry> entries,
                                      Set<String> badPatterns, Diagnostics problems, boolean remember) {
        Map<String, Route> routes = new HashMap<>();
        // (Objects.equals: a first run compares nothing, as a record's first equals() costs a few ms)
        Map<ValidEntry, Route> known = Objects.equals(knownRoutesConfig, config) && loaded.templates().keySet().equals(knownRoutesTemplates)
                ? knownRoutes : Map.of();
        Map<ValidEntry, Route> now = new java.util.IdentityHashMap<>();
        if (remember) {
            knownRoutes = now;
            knownRoutesConfig = config;
            knownRoutesTemplates = Set.copyOf(loaded.templates().keySet());
        }
        for (ValidEntry entry : entries) {
            Route earlier = known.get(entry);
            if (earlier != null) {
                routes.put(entry.key(), earlier);
                now.put(entry, earlier);
                continue;
            }
            CollectionConfig collection = config.collection(entry.collection()).orElseThrow();
            if (collection.url().isEmpty()) {
                continue;
            }
            String sitePath = collection.url().get().replace("{id}", entry.id());
            if (collection.hasPages() && entry.data().get("url") instanceof String custom) {
                Position at = entry.raw().fields().get("url").get().position();
                if (!custom.startsWith("/") || !(custom.endsWith("/") || custom.endsWith(".html") || custom.endsWith(".xml"))) {
                    problems.error(DiagnosticCode.URL, at, "url '" + custom + "' must be a site path such as '/about/' or '/404.html': "
                            + "starting with '/', ending with '/', '.html' or '.xml', made of letters, digits, '.', '_', '~' and '-'");
                    continue;
                }
                Optional<String> problem = SitePaths.problemOf(custom);
                if (problem.isPresent()) {
                    problems.error(DiagnosticCode.URL, at, "url '" + SitePaths.shorten(custom) + "' " + problem.get());
                    continue;
                }
                sitePath = custom;
            } else if (collection.hasPages() && !badPatterns.contains(collection.name()) && Validator.SLUG.matcher(entry.id()).matches()) {
                // The pattern is sound, and the id a slug (else reported as such): only the id's length can break the path.
                Optional<String> problem = SitePaths.problemOf(sitePath);
                if (problem.isPresent()) {
                    problems.error(DiagnosticCode.URL, entry.raw().idPosition(), "the URL " + SitePaths.shorten(sitePath) + " made from id '"
                            + SitePaths.shorten(entry.id()) + "' "
                            + problem.get() + " (use a shorter id, or give the entry a 'url')");
                    continue;
                }
            }
            Optional<String> template = collection.template();
            if (collection.hasPages() && entry.data().get("template") instanceof String custom) {
                template = Optional.of(custom);
            }
            if (template.isPresent() && !loaded.templates().containsKey(template.get())) {
                Position at = entry.raw().fields().get("template").map(YamlNode::position).orElse(collection.position());
                String hint = Suggestions.closest(template.get(), loaded.templates().keySet())
                        .map(s -> "; did you mean '" + s + "'?").orElse("");
                problems.error(DiagnosticCode.TEMPLATE_MISSING, at, "template '" + template.get() + "' not found in " + ContentLoader.TEMPLATES + "/" + hint);
                continue;
            }
            Route route = new Route(sitePath, template);
            routes.put(entry.key(), route);
            now.put(entry, route);
        }
        return routes;
    }

    /** The page a site path is on: {@code /positions/} for {@code /positions/#russia-assad}. */
    private static String pagePart(String sitePath) {
        int hash = sitePath.indexOf('#');
        return hash < 0 ? sitePath : sitePath.substring(0, hash);
    }

    /**
     * Reports each collection whose URL pattern cannot make a file path, at its {@code url} in
     * the site config, once rather than for every entry; returns their names.
     */
    private static Set<String> checkUrlPatterns(SiteConfig config, Diagnostics problems) {
        Set<String> bad = new HashSet<>();
        for (CollectionConfig collection : config.collections()) {
            if (!collection.hasPages() || collection.url().isEmpty() || !collection.url().get().startsWith("/")) {
                continue; // fragment patterns name a page that must exist; the config parser reports the rest
            }
            String pattern = collection.url().get();
            Optional<String> problem = SitePaths.problemOf(pattern.replace("{id}", "x"));
            if (problem.isPresent()) {
                problems.error(DiagnosticCode.URL, collection.urlPosition(), "collection '" + collection.name() + "': url pattern '" + pattern + "' "
                        + problem.get());
                bad.add(collection.name());
            }
        }
        return bad;
    }

    /** Where the URL of an entry's page is decided: its own 'url' field, or else its id. */
    private static Position urlPosition(SiteConfig config, ValidEntry entry) {
        return hasOwnUrl(config, entry) ? entry.raw().fields().get("url").get().position() : entry.raw().idPosition();
    }

    /** Whether the entry's page is at the path its 'url' field gives, rather than at its collection's pattern. */
    private static boolean hasOwnUrl(SiteConfig config, ValidEntry entry) {
        boolean hasPage = config.collection(entry.collection()).map(CollectionConfig::hasPages).orElse(false);
        return hasPage && entry.data().get("url") instanceof String && entry.raw().fields().get("url").isPresent();
    }

    /**
     * Refuses pages that need a folder where another file of the site has that name
     * ({@code /robots.txt/} beside robots.txt, {@code /a.html/} beside {@code /a.html}): one of
     * the two could not be written.
     */
    private static void checkFolders(SiteConfig config, Map<String, ValidEntry> published, Map<String, Route> routes,
                                     Map<String, String> pagePaths, Map<String, String> ownerOfOutput, Diagnostics problems) {
        Map<String, String> pageOfFile = new HashMap<>();
        pagePaths.forEach((key, sitePath) -> pageOfFile.put(routes.get(key).outputFile(), sitePath));
        for (Map.Entry<String, String> page : List.copyOf(new TreeMap<>(pagePaths).entrySet())) {
            String file = routes.get(page.getKey()).outputFile();
            for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
                String folder = file.substring(0, slash);
                String other = GeneratedFiles.ALL.contains(folder) ? "the engine's own " + folder + ", which every build writes"
                        : pageOfFile.containsKey(folder) ? "the page " + pageOfFile.get(folder) + " (" + ownerOfOutput.get(folder) + ")"
                        : ownerOfOutput.containsKey(folder) ? ownerOfOutput.get(folder) : null;
                if (other != null) {
                    ValidEntry entry = published.get(page.getKey());
                    problems.error(DiagnosticCode.URL_COLLISION, urlPosition(config, entry), "URL " + page.getValue() + " needs a folder '" + folder
                            + "', but that is the name of a file: " + other + "; change one of them");
                    pagePaths.remove(page.getKey());
                    break;
                }
            }
        }
    }

    private static void checkAnchorPages(SiteConfig config, Collection<String> pagePaths, Diagnostics problems) {
        Set<String> pages = new HashSet<>(pagePaths);
        for (CollectionConfig collection : config.collections()) {
            String pattern = collection.url().orElse("");
            int hash = pattern.indexOf('#');
            if (hash > 0 && !pages.contains(pattern.substring(0, hash))) {
                problems.error(DiagnosticCode.ANCHOR_PAGE, collection.position(), "collection '" + collection.name() + "' places its entries on "
                        + pattern.substring(0, hash) + ", but no page has that URL; add one (e.g. a page with that 'url')");
            }
        }
    }

    private static void checkMenu(SiteConfig config, LinkTargets targets, Diagnostics problems) {
        for (MenuItem item : config.menu()) {
            if (targets.find(item.url()).isEmpty()) {
                String hint = Suggestions.closest(item.url(), targets.paths()).map(s -> "; did you mean '" + s + "'?").orElse("");
                problems.error(DiagnosticCode.MENU_LINK, item.position(), "menu item '" + item.title() + "' links to " + item.url()
                        + ", but no page has that URL" + hint);
            }
        }
    }

    /**
     * Each collection in its declared order. The order ends with the id, so it is total: if the
     * previous run's order, with today's entries, is still in order, it is the order, and
     * checking that costs one comparison per entry instead of a sort.
     */
    private static Map<String, List<Entry>> sortedCollections(SiteConfig config, List<Entry> entries, Map<String, Entry> byKey,
                                                              Map<String, List<Entry>> previous) {
        Map<String, List<Entry>> grouped = entries.stream().collect(Collectors.groupingBy(Entry::collection));
        Map<String, List<Entry>> sorted = new LinkedHashMap<>();
        for (CollectionConfig collection : config.collections()) {
            List<Entry> members = grouped.getOrDefault(collection.name(), List.of());
            Comparator<Entry> order = order(collection);
            List<Entry> kept = stillInOrder(previous.get(collection.name()), members.size(), byKey, order);
            if (kept != null) {
                sorted.put(collection.name(), kept);
                continue;
            }
            List<Entry> list = new ArrayList<>(members);
            list.sort(order);
            sorted.put(collection.name(), List.copyOf(list));
        }
        return java.util.Collections.unmodifiableMap(sorted);
    }

    private static Comparator<Entry> order(CollectionConfig collection) {
        Comparator<Entry> order = (a, b) -> 0;
        for (CollectionConfig.SortKey key : collection.sort()) {
            Comparator<Entry> byField = (a, b) -> compareValues(a.data().get(key.field()), b.data().get(key.field()));
            order = order.thenComparing(key.descending() ? byField.reversed() : byField);
        }
        return order.thenComparing(Entry::id);
    }

    /** The previous order with the current entries, if it has the same members and is still in order; else null. */
    private static List<Entry> stillInOrder(List<Entry> previous, int size, Map<String, Entry> byKey, Comparator<Entry> order) {
        if (previous == null || previous.size() != size) {
            return null;
        }
        List<Entry> now = new ArrayList<>(size);
        for (Entry before : previous) {
            Entry entry = byKey.get(before.key());
            if (entry == null || !entry.collection().equals(before.collection())) {
                return null;
            }
            if (!now.isEmpty() && order.compare(now.get(now.size() - 1), entry) >= 0) {
                return null;
            }
            now.add(entry);
        }
        return List.copyOf(now);
    }

    /** A total order over field values: empty values last, then by type, then by value. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable comparable
                && (a instanceof String || a instanceof LocalDate || a instanceof Boolean)) {
            return comparable.compareTo(b);
        }
        return a.getClass().getName().compareTo(b.getClass().getName());
    }

    private static Map<String, Map<String, List<Entry>>> resolveReferences(
            SiteConfig config, Map<String, ValidEntry> published, Map<String, List<Entry>> collections, Map<String, Entry> byKey,
            Set<String> excludedDrafts, Set<String> incomplete, Diagnostics problems) {
        // Sources are visited in collection order, so each list of referrers comes out in that
        // order; they are kept by key, as hashing whole entries (their data and HTML) costs more.
        Map<String, Map<String, Map<String, Entry>>> found = new HashMap<>();
        for (CollectionConfig collection : config.collections()) {
            if (collection.references().isEmpty()) {
                continue;
            }
            for (Entry source : collections.getOrDefault(collection.name(), List.of())) {
                resolveReferencesOf(published.get(source.key()), source, collection, published, byKey, excludedDrafts, incomplete,
                        found, problems);
            }
        }
        Map<String, Map<String, List<Entry>>> referrers = new HashMap<>();
        found.forEach((target, byCollection) -> {
            Map<String, List<Entry>> lists = new LinkedHashMap<>();
            byCollection.forEach((name, sources) -> lists.put(name, List.copyOf(sources.values())));
            referrers.put(target, java.util.Collections.unmodifiableMap(lists));
        });
        return referrers;
    }

    private static void resolveReferencesOf(ValidEntry entry, Entry source, CollectionConfig collection,
                                            Map<String, ValidEntry> published, Map<String, Entry> byKey, Set<String> excludedDrafts,
                                            Set<String> incomplete, Map<String, Map<String, Map<String, Entry>>> found,
                                            Diagnostics problems) {
        String sourceKey = source.key();
        for (CollectionConfig.Reference reference : collection.references().values()) {
            Optional<YamlNode> node = entry.raw().fields().get(reference.field());
            if (node.isEmpty() || (node.get() instanceof YamlNode.Scalar s && s.value() == null)) {
                continue;
            }
            List<YamlNode> values = node.get() instanceof YamlNode.Sequence sequence ? sequence.items() : List.of(node.get());
            for (YamlNode value : values) {
                if (!(value instanceof YamlNode.Scalar scalar) || !(scalar.value() instanceof String id)) {
                    problems.error(DiagnosticCode.REFERENCE, value.position(), "'" + reference.field() + "' must hold the id of an entry of '"
                            + reference.target() + "' (or a list of them), not " + value.describe());
                    continue;
                }
                String targetKey = Entry.key(reference.target(), id);
                Entry target = byKey.get(targetKey);
                if (target == null && incomplete.contains(reference.target())) {
                    continue; // the entry may be in the part of the collection that could not be read
                }
                if (target == null) {
                    problems.error(DiagnosticCode.UNKNOWN_REFERENCE, value.position(), unknownReference(reference, id, excludedDrafts.contains(targetKey),
                            published.values()));
                    continue;
                }
                found.computeIfAbsent(targetKey, k -> new TreeMap<>())
                        .computeIfAbsent(entry.collection(), k -> new LinkedHashMap<>()).putIfAbsent(sourceKey, source);
            }
        }
    }

    /**
     * Warns of entries that exist to be referred to (other collections declare references to
     * their collection) and have no page of their own, yet nothing refers to them: a source that
     * nothing cites, an outlet nothing names.
     */
    private static void warnUnreferenced(SiteConfig config, Map<String, List<Entry>> collections,
                                         Map<String, Map<String, List<Entry>>> referrers, Diagnostics problems) {
        Set<String> referable = new HashSet<>();
        config.collections().forEach(c -> c.references().values().forEach(r -> referable.add(r.target())));
        for (CollectionConfig collection : config.collections()) {
            if (!referable.contains(collection.name()) || collection.hasPages()) {
                continue;
            }
            for (Entry entry : collections.getOrDefault(collection.name(), List.of())) {
                if (!referrers.containsKey(entry.key())) {
                    problems.warning(DiagnosticCode.UNREFERENCED, entry.position(), "nothing refers to " + collection.name() + " entry '"
                            + entry.id() + "'; cite it, or remove it");
                }
            }
        }
    }

    /** The dated changes of every entry, newest first; ties in collection order, then as written. */
    private static List<Change> changelog(SiteConfig config, Map<String, List<Entry>> collections) {
        if (config.changelog().isEmpty()) {
            return List.of();
        }
        String field = config.changelog().get();
        List<Change> changes = new ArrayList<>();
        for (List<Entry> entries : collections.values()) {
            for (Entry entry : entries) {
                if (!(entry.data().get(field) instanceof List<?> list)) {
                    continue;
                }
                for (Object item : list) {
                    if (item instanceof Map<?, ?> change && change.get("text") instanceof String text) {
                        Object date = change.get("date");
                        LocalDate day = date instanceof LocalDate d ? d : date instanceof String s ? day(s) : null;
                        if (day != null) {
                            changes.add(new Change(day, text, entry));
                        }
                    }
                }
            }
        }
        // A stable sort keeps collection order and the order written among changes of one day.
        changes.sort(Comparator.comparing(Change::date).reversed());
        return List.copyOf(changes);
    }

    /**
     * A date written as text (quoted, or a day that does not exist such as 2015-13-45), if it is
     * one; a schema that declares the field a date has reported it otherwise.
     */
    private static LocalDate day(String text) {
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Fields a collection declares {@code unique}: no two published entries may share a value. Values
     * that differ only in capitals or spacing count as the same: they would title two pages alike.
     */
    private static void checkUnique(SiteConfig config, Map<String, ValidEntry> published, Diagnostics problems) {
        for (CollectionConfig collection : config.collections()) {
            for (String field : collection.unique()) {
                Map<String, ValidEntry> first = new HashMap<>();
                for (ValidEntry entry : published.values()) {
                    if (!entry.collection().equals(collection.name()) || !(entry.data().get(field) instanceof String value)) {
                        continue;
                    }
                    String normal = value.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
                    ValidEntry earlier = first.putIfAbsent(normal, entry);
                    if (earlier != null) {
                        Position at = entry.raw().fields().get(field).map(YamlNode::position).orElse(entry.raw().idPosition());
                        Position theirs = earlier.raw().fields().get(field).map(YamlNode::position).orElse(earlier.raw().idPosition());
                        problems.error(DiagnosticCode.DUPLICATE_VALUE, at, "'" + field + "' of '" + entry.id() + "' is the same as that of '"
                                + earlier.id() + "' (at " + theirs + "); each entry of collection '" + collection.name()
                                + "' needs a " + field + " of its own");
                    }
                }
            }
        }
    }

    /** Checks quotes against the passages of the sources they cite, where the collection asks for it. */
    private static void checkVerbatim(SiteConfig config, Map<String, ValidEntry> published, Map<String, Entry> byKey,
                                      Diagnostics problems) {
        for (CollectionConfig collection : config.collections()) {
            if (collection.verbatim().isEmpty()) {
                continue;
            }
            CollectionConfig.Verbatim verbatim = collection.verbatim().get();
            CollectionConfig.Reference reference = collection.references().get(verbatim.source());
            if (reference == null) {
                continue; // reported by the config parser
            }
            for (ValidEntry entry : published.values()) {
                if (!entry.collection().equals(collection.name())
                        || !verbatim.when().entrySet().stream().allMatch(w -> w.getValue().equals(entry.data().get(w.getKey())))
                        || !(entry.data().get(verbatim.text()) instanceof String quote)
                        || !(entry.data().get(verbatim.source()) instanceof String sourceId)) {
                    continue;
                }
                ValidEntry source = published.get(Entry.key(reference.target(), sourceId));
                if (source == null) {
                    continue; // an unknown reference, reported as such
                }
                Object passage = verbatim.passage().isPresent() ? source.data().get(verbatim.passage().get())
                        : source.raw().body().map(RawEntry.Body::markdown).orElse(null);
                if (!(passage instanceof String text) || text.isBlank()) {
                    continue; // the source holds no passage to check against
                }
                Optional<String> problem = VerbatimChecker.mismatch(quote, text);
                if (problem.isPresent()) {
                    Position at = entry.raw().fields().get(verbatim.text()).map(YamlNode::position).orElse(entry.raw().idPosition());
                    problems.error(DiagnosticCode.QUOTE_MISMATCH, at, problem.get() + " (source '" + sourceId + "')");
                }
            }
        }
    }

    private static String unknownReference(CollectionConfig.Reference reference, String id, boolean isDraft,
                                           Collection<ValidEntry> published) {
        if (isDraft) {
            return "'" + id + "' in '" + reference.field() + "' is a draft of '" + reference.target()
                    + "'; publish it (remove 'draft: true') or build with --drafts";
        }
        List<String> ids = published.stream().filter(e -> e.collection().equals(reference.target()))
                .map(ValidEntry::id).sorted().toList();
        String hint = Suggestions.closest(id, ids).map(s -> "; did you mean '" + s + "'?").orElse("");
        return "unknown " + reference.target() + " id '" + id + "' in '" + reference.field() + "'" + hint;
    }

    private static Map<String, Map<String, Map<String, Entry>>> matrices(
            SiteConfig config, Map<String, List<Entry>> collections, Set<String> incomplete, Diagnostics problems) {
        Map<String, Map<String, Map<String, Entry>>> matrices = new LinkedHashMap<>();
        for (CollectionConfig collection : config.collections()) {
            if (collection.matrix().size() != 2) {
                continue;
            }
            String rowField = collection.matrix().get(0);
            String columnField = collection.matrix().get(1);
            CollectionConfig.Reference rowRef = collection.references().get(rowField);
            CollectionConfig.Reference columnRef = collection.references().get(columnField);
            if (rowRef == null || columnRef == null) {
                continue; // reported by the config parser
            }
            boolean checkComplete = !incomplete.contains(collection.name()) && !incomplete.contains(rowRef.target())
                    && !incomplete.contains(columnRef.target());
            Map<String, Map<String, Entry>> cells = new LinkedHashMap<>();
            for (Entry entry : collections.getOrDefault(collection.name(), List.of())) {
                if (!(entry.data().get(rowField) instanceof String row) || !(entry.data().get(columnField) instanceof String column)) {
                    problems.error(DiagnosticCode.MATRIX, entry.position(), "collection '" + collection.name() + "' is a matrix: each entry needs one '"
                            + rowField + "' and one '" + columnField + "'");
                    continue;
                }
                Entry earlier = cells.computeIfAbsent(row, r -> new LinkedHashMap<>()).putIfAbsent(column, entry);
                if (earlier != null) {
                    problems.error(DiagnosticCode.MATRIX, entry.position(), "a second entry for " + rowField + " '" + row + "' and " + columnField
                            + " '" + column + "' (the first is " + earlier.id() + " at " + earlier.position() + "); keep one");
                }
            }
            Position where = collection.file().map(f -> Position.startOf(ContentLoader.CONTENT + "/" + f))
                    .orElse(collection.position());
            for (Entry row : collections.getOrDefault(rowRef.target(), List.of())) {
                for (Entry column : collections.getOrDefault(columnRef.target(), List.of())) {
                    if (checkComplete && !cells.getOrDefault(row.id(), Map.of()).containsKey(column.id())) {
                        problems.error(DiagnosticCode.MATRIX, where, "collection '" + collection.name() + "' has no entry for " + rowField + " '"
                                + row.id() + "' and " + columnField + " '" + column.id()
                                + "'; every pair needs one, even where the sources say nothing (declare that in the entry)");
                    }
                }
            }
            Map<String, Map<String, Entry>> frozen = new LinkedHashMap<>();
            cells.forEach((row, columns) -> frozen.put(row, java.util.Collections.unmodifiableMap(columns)));
            matrices.put(collection.name(), java.util.Collections.unmodifiableMap(frozen));
        }
        return java.util.Collections.unmodifiableMap(matrices);
    }
}
