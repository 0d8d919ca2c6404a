package dev.explainer.render;

import dev.explainer.config.MenuItem;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.Bugs;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.link.Entry;
import dev.explainer.link.GeneratedFiles;
import dev.explainer.link.Page;
import dev.explainer.link.Site;
import dev.explainer.load.Asset;
import dev.explainer.parallel.Parallel;
import dev.explainer.text.PathSegments;

import freemarker.template.SimpleScalar;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The render stage: every page through its template, independently and in parallel, plus the
 * sitemap, robots.txt and the assets. Template errors become diagnostics naming the template's
 * line and the page being rendered; an error repeated on many pages is reported once.
 *
 * <p>A renderer kept between builds (as the live preview keeps it) renders again only the pages
 * whose inputs changed: the entries, collections and referrer lists each page read, recorded
 * while it rendered, and the templates it uses. A one-off build renders everything.
 */
public final class SiteRenderer {
    /** The previous render, for incremental rebuilds. Confined to the thread that builds. */
    private Site previousSite;
    private TemplateEngine previousEngine;
    /** The previous run's pages in site order, each page's place in it, and the pages that failed. */
    private List<Rendered> previousRendered = List.of();
    private Map<String, Integer> pageIndex = Map.of();
    private final Set<String> failed = new java.util.HashSet<>();
    private final PageReaders readers = new PageReaders();
    private OutputFile.Generated sitemap;
    /** Whether to record what pages read and keep them for the next run. */
    private final boolean incremental;
    /** How many links from other pages reach each output file, as of the last run. */
    private final Map<String, Integer> linksInto = new java.util.HashMap<>();
    /** Each rendering thread's output buffer, reused from page to page. */
    private final ThreadLocal<Utf8Output> output = ThreadLocal.withInitial(Utf8Output::new);

    /**
     * The files of the site (empty if any page failed) and what went wrong.
     *
     * @param pages       how many pages the site has
     * @param rendered    the site paths of the pages that went through their template in this run
     * @param interrupted the render stopped before every page was done: the build ran out of time or
     *                    was cancelled
     * @param bugs        what was thrown where the tool itself failed (reported as diagnostics too),
     *                    for {@code --verbose}
     */
    public record Result(List<OutputFile> files, int pages, List<String> rendered, List<Diagnostic> diagnostics,
                         boolean interrupted, List<Throwable> bugs) {
    }

    /**
     * One page's outcome: its output file, what it read and which files it links to, or the error
     * that stopped it, or neither if it was skipped. Only the bytes are kept, not the text as well:
     * a site holds every page.
     */
    private record Rendered(Page page, OutputFile.Generated file, PageInputs inputs, Set<String> linksTo, Diagnostic error,
                            Throwable bug) {
        Rendered(Page page, OutputFile.Generated file, PageInputs inputs, Set<String> linksTo, Diagnostic error) {
            this(page, file, inputs, linksTo, error, null);
        }

        static Rendered skipped(Page page) {
            return new Rendered(page, null, PageInputs.NONE, Set.of(), null);
        }

        /** Failed or skipped: to render again next time. */
        boolean failed() {
            return file == null;
        }

        String html() {
            return file == null ? null : new String(file.bytes(), StandardCharsets.UTF_8);
        }
    }

    private static final JsonFunction JSON = new JsonFunction();

    /** A renderer for one build: it renders every page and keeps nothing for another run. */
    public SiteRenderer() {
        this(false);
    }

    /** @param incremental record what each page reads and keep the pages, to render again only what changes touch */
    public SiteRenderer(boolean incremental) {
        this.incremental = incremental;
    }

    private volatile boolean abandoned;
    private static final byte[] HREF = "href=\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * Renders the site with {@code engine}. {@code changedTemplates} names the templates that
     * differ from the previous run's, if this renderer rendered before with another engine.
     */
    public Result render(Site site, TemplateEngine engine, Set<String> changedTemplates, Collection<Asset> assets) {
        return render(site, engine, changedTemplates, assets, RenderLimits.of(site.config().limits()));
    }

    /**
     * Renders the site, stopping a page that runs past its time and every page once the build is
     * out of time or cancelled: then the result is {@linkplain Result#interrupted() interrupted}.
     */
    public Result render(Site site, TemplateEngine engine, Set<String> changedTemplates, Collection<Asset> assets,
                         RenderLimits limits) {
        try (RenderWatchdog watchdog = new RenderWatchdog(limits)) {
            // The pages render on a thread of their own, so that this one can give up on a page
            // that does not stop when asked: one FreeMarker built-in over a sequence without end,
            // such as (1..)?seq_contains(0), enters no template element until it is done. Such a
            // thread cannot be stopped in Java; it runs on until it is done or the process ends
            // (a build or check ends it; the preview says so).
            CompletableFuture<Result> work = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    work.complete(render(site, engine, changedTemplates, assets, limits, watchdog));
                } catch (Throwable thrown) {
                    work.completeExceptionally(thrown);
                }
            }, "explainer-render");
            thread.setDaemon(true);
            thread.start();
            return awaitOrAbandon(work, watchdog, site.pages().size());
        }
    }

    /** How long a page asked to stop may take to do so before the render gives up on it. */
    private static final long STOP_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private Result awaitOrAbandon(CompletableFuture<Result> work, RenderWatchdog watchdog, int pages) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return work.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    Optional<PageGuard> stuck = watchdog.unresponsive(STOP_GRACE_NANOS);
                    if (stuck.isPresent()) {
                        abandoned = true; // the stuck thread may still write into this renderer
                        Diagnostic error = Diagnostic.error(DiagnosticCode.TIME_LIMIT, stuck.get().positionSeenFromOutside(),
                                "rendering ran past its time limit here and could not be stopped: a built-in such as"
                                        + " ?size, ?seq_contains or ?filter over a sequence without end (such as 1..) runs to"
                                        + " its end before anything can stop it; give the sequence an end (such as 1..10)");
                        return new Result(List.of(), pages, List.of(), List.of(error), true, List.of());
                    }
                } catch (InterruptedException e) {
                    interrupted = true; // the caller is going away; the watchdog stops the pages
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Whether a render of this renderer gave up on a page that would not stop: its thread may
     * still run and write into what this renderer keeps, so the builder must use a new one.
     */
    public boolean abandoned() {
        return abandoned;
    }

    private Result render(Site site, TemplateEngine engine, Set<String> changedTemplates, Collection<Asset> assets,
                          RenderLimits limits, RenderWatchdog watchdog) {
        Diagnostics problems = new Diagnostics();
        List<Page> pages = site.pages();
        boolean everything = !incremental || previousSite == null || !site.samePaths(previousSite)
                || !previousSite.config().equals(site.config());
        List<Rendered> rendered;
        List<String> renderedPaths;
        if (everything) {
            rendered = Parallel.map(pages, page -> renderPage(site, engine, page, limits, watchdog));
            renderedPaths = pages.stream().map(Page::sitePath).toList();
            pageIndex = new java.util.HashMap<>(pages.size() * 2);
            for (int i = 0; i < pages.size(); i++) {
                pageIndex.put(pages.get(i).sitePath(), i);
            }
            countAllLinks(rendered);
            if (incremental) {
                readers.clear();
                rendered.forEach(page -> readers.add(page.page().sitePath(), page.inputs()));
            }
        } else {
            // The same paths as last time: render what changed, keep the rest in place.
            List<String> dirty = dirtyPages(site, engine, changedTemplates).stream().sorted().toList();
            List<Rendered> fresh = Parallel.map(dirty, path -> renderPage(site, engine, site.page(path).orElseThrow(), limits, watchdog));
            List<Rendered> list = new ArrayList<>(previousRendered);
            for (Rendered page : fresh) {
                String path = page.page().sitePath();
                Rendered before = list.set(pageIndex.get(path), page);
                count(before, -1);
                count(page, 1);
                readers.remove(path, before.inputs());
                readers.add(path, page.inputs());
            }
            rendered = list;
            renderedPaths = dirty;
        }
        failed.clear();
        reportErrors(rendered, problems);
        warnUnlinked(rendered, problems);
        List<Rendered> all = rendered;
        problems.addAll(new FragmentChecker().check(site.fragmentLinks(),
                path -> Optional.ofNullable(pageIndex.get(path)).map(i -> all.get(i).html()).orElse(null)));
        List<OutputFile> files = new ArrayList<>(rendered.size() + 2 + assets.size());
        for (Rendered page : rendered) {
            if (page.file() != null) {
                files.add(page.file());
            }
        }
        if (everything || sitemap == null) {
            sitemap = new OutputFile.Generated(GeneratedFiles.SITEMAP, sitemap(site).getBytes(StandardCharsets.UTF_8));
        }
        files.add(sitemap);
        files.add(new OutputFile.Generated(GeneratedFiles.ROBOTS, robots(site.config()).getBytes(StandardCharsets.UTF_8)));
        for (Asset asset : assets) {
            files.add(new OutputFile.Copied(asset.outputPath(), asset.source()));
        }
        if (incremental) {
            previousSite = site;
            previousEngine = engine;
            previousRendered = rendered;
        } else {
            sitemap = null;
        }
        Optional<RenderWatchdog.Reason> stop = watchdog.runStop();
        boolean interrupted = stop.isPresent() && stop.get() != RenderWatchdog.Reason.ANOTHER_PAGE_TIMED_OUT;
        List<Throwable> bugs = rendered.stream().map(Rendered::bug).filter(java.util.Objects::nonNull).toList();
        return new Result(List.copyOf(files), pages.size(), renderedPaths, problems.sorted(), interrupted, bugs);
    }

    /**
     * The pages to render again when the site's paths are unchanged: those whose page (entry,
     * template) is another, those whose templates changed, those that failed last time, and
     * those that read what changed.
     */
    private Set<String> dirtyPages(Site site, TemplateEngine engine, Set<String> changedTemplates) {
        Set<String> dirty = new java.util.HashSet<>(failed);
        List<Page> pages = site.pages();
        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            Page before = previousRendered.get(i).page();
            if (page != before && !page.equals(before)) {
                dirty.add(page.sitePath());
            }
        }
        Set<String> dirtyTemplates = engine == previousEngine ? Set.of() : engine.pagesUsing(changedTemplates);
        if (!dirtyTemplates.isEmpty()) {
            pages.stream().filter(page -> dirtyTemplates.contains(page.template())).forEach(page -> dirty.add(page.sitePath()));
        }
        SiteChanges changes = SiteChanges.between(previousSite, site);
        for (String path : readers.candidates(changes)) {
            if (previousRendered.get(pageIndex.get(path)).inputs().touchedBy(changes)) {
                dirty.add(path);
            }
        }
        return dirty;
    }

    private Rendered renderPage(Site site, TemplateEngine engine, Page page, RenderLimits limits, RenderWatchdog watchdog) {
        if (watchdog.runStop().isPresent()) {
            return Rendered.skipped(page);
        }
        List<Diagnostic> problems = new ArrayList<>();
        Optional<Template> template = engine.template(page.template(), problems);
        PageContext context = PageContext.of(site, page, incremental ? new PageInputs() : PageInputs.NONE);
        if (template.isEmpty()) {
            return new Rendered(page, null, context.inputs(), Set.of(), problems.isEmpty() ? null : problems.get(0));
        }
        Models models = new Models(context);
        Utf8Output out = output.get();
        out.reset();
        PageGuard guard = watchdog.begin();
        try {
            TemplateEngine.process(template.get(), dataModel(context, models), out, models, guard);
            if (guard.stopped() != null) { // stopped, but an #attempt in the template carried on
                return stopped(page, context, guard.stopped(), limits, watchdog);
            }
        } catch (TemplateException e) {
            Optional<PageGuard.Stopped> stop = causes(e).filter(PageGuard.Stopped.class::isInstance).map(PageGuard.Stopped.class::cast)
                    .findFirst();
            if (stop.isPresent()) { // thrown inside a function call, which FreeMarker wraps
                return stopped(page, context, stop.get(), limits, watchdog);
            }
            Diagnostic error = Diagnostic.error(DiagnosticCode.TEMPLATE, TemplateEngine.positionOf(e, page.template()),
                    "template error: " + TemplateEngine.editorMessage(e.getMessageWithoutStackTop()));
            return new Rendered(page, null, context.inputs(), Set.of(), error);
        } catch (IOException e) {
            return new Rendered(page, null, context.inputs(), Set.of(), Diagnostic.error(DiagnosticCode.RENDER, page.entry().position(),
                    "page could not be rendered: " + TemplateEngine.editorMessage(e.getMessage())));
        } catch (PageGuard.Stopped e) {
            return stopped(page, context, e, limits, watchdog);
        } catch (StackOverflowError e) {
            return stopped(page, context, guard.tooDeep(), limits, watchdog);
        } catch (OutOfMemoryError e) {
            output.remove(); // let the buffer that filled the memory go
            return new Rendered(page, null, context.inputs(), Set.of(), Diagnostic.error(DiagnosticCode.TEMPLATE, guard.lastPosition(page.template()),
                    "rendering ran out of memory here and was stopped; does the template build a text or list without end?"));
        } catch (RuntimeException | Error e) {
            output.remove();
            if (Thread.currentThread().isInterrupted()) {
                return Rendered.skipped(page); // FreeMarker's loop check saw the thread told to stop (the preview closing)
            }
            // Not the template's doing: FreeMarker wraps what a template can cause in a TemplateException.
            return new Rendered(page, null, context.inputs(), Set.of(), Diagnostic.error(DiagnosticCode.INTERNAL_ERROR, guard.lastPosition(page.template()),
                    Bugs.report("the build stopped while rendering this page", e)), e);
        } finally {
            watchdog.end(guard);
        }
        byte[] html = out.toByteArray();
        OutputFile.Generated file = new OutputFile.Generated(page.outputFile(), html);
        return new Rendered(page, file, context.inputs(), linkedFiles(page.outputFile(), html), null);
    }

    /** A page stopped by its guard, as a diagnostic; or skipped, if the whole render is stopping. */
    private static Rendered stopped(Page page, PageContext context, PageGuard.Stopped stop, RenderLimits limits,
                                    RenderWatchdog watchdog) {
        String message;
        if (stop.reason() == null) {
            message = stop.getMessage();
        } else {
            switch (stop.reason()) {
                case PAGE_TIME_UP -> {
                    watchdog.pageTimedOut();
                    message = "rendering took longer than " + seconds(limits.page()) + " and was stopped here (a loop that"
                            + " never ends?); if the page really needs longer, raise limits.page_render_seconds in content/site.yaml";
                }
                case BUILD_TIME_UP -> message = "the build took longer than " + seconds(limits.build())
                        + " and was stopped while this page was rendering here";
                default -> {
                    return Rendered.skipped(page);
                }
            }
        }
        return new Rendered(page, null, context.inputs(), Set.of(), Diagnostic.error(stop.reason() == null ? DiagnosticCode.TEMPLATE : DiagnosticCode.TIME_LIMIT,
                stop.at(), message));
    }

    /** "10 s", "1.5 s". */
    static String seconds(java.time.Duration duration) {
        long millis = duration.toMillis();
        return (millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0)) + " s";
    }

    private static java.util.stream.Stream<Throwable> causes(Throwable thrown) {
        return java.util.stream.Stream.iterate(thrown, java.util.Objects::nonNull, Throwable::getCause).limit(20);
    }

    /**
     * The output files a page links to with relative links, for finding pages nothing links to.
     * Scans the UTF-8 bytes for {@code href="…"} (ASCII never occurs inside a multi-byte
     * character); a regular expression and {@code java.net.URI} per link cost a quarter of the
     * render stage. The common link, some {@code ../} and then a plain ASCII path, is resolved
     * against the page's folders directly; only others are decoded and have their dot segments
     * removed (which made a tenth of all the memory a 10,000-page build allocated).
     */
    static Set<String> linkedFiles(String outputFile, byte[] html) {
        Set<String> files = new java.util.HashSet<>();
        String folder = outputFile.substring(0, outputFile.lastIndexOf('/') + 1);
        String[] ancestors = null; // the page's folder, its parent, ..., the root: made at the first link
        for (int at = indexOfHref(html, 0); at >= 0; at = indexOfHref(html, at)) {
            int start = at;
            int end = at;
            while (end < html.length && html[end] != '"' && html[end] != '#' && html[end] != '?') {
                end++;
            }
            at = end;
            if (start == end || html[start] == '/') {
                continue; // the page itself (a fragment), or a path from the root: not what the site writes
            }
            int up = 0;
            int rest = start;
            while (rest + 3 <= end && html[rest] == '.' && html[rest + 1] == '.' && html[rest + 2] == '/') {
                up++;
                rest += 3;
            }
            if (ancestors == null) {
                ancestors = ancestors(folder);
            }
            if (up < ancestors.length && isPlainPath(html, rest, end)) {
                String path = ancestors[up] + new String(html, rest, end - rest, StandardCharsets.ISO_8859_1);
                files.add(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
                continue;
            }
            String target = new String(html, start, end - start, StandardCharsets.UTF_8);
            if (target.indexOf(':') >= 0) {
                continue;
            }
            if (target.indexOf('%') >= 0) {
                try {
                    target = java.net.URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    continue; // not a path this check can follow
                }
            }
            String path = PathSegments.removeDotSegments("/" + folder + target);
            path = path.startsWith("/") ? path.substring(1) : path;
            files.add(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
        }
        return files;
    }

    /** "a/b/", "a/", "": a folder and the folders above it, nearest first. */
    private static String[] ancestors(String folder) {
        List<String> ancestors = new ArrayList<>();
        for (int end = folder.length(); end > 0; end = folder.lastIndexOf('/', end - 2) + 1) {
            ancestors.add(folder.substring(0, end));
        }
        ancestors.add("");
        return ancestors.toArray(String[]::new);
    }

    /** ASCII without a scheme, an escape, or a segment that starts with a dot: nothing to decode or remove. */
    private static boolean isPlainPath(byte[] html, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = html[i];
            if (b < 0 || b == ':' || b == '%' || b == '.' && (i == from || html[i - 1] == '/')) {
                return false;
            }
        }
        return true;
    }

    /** The index just after the next {@code href="} that follows white space, or -1. */
    private static int indexOfHref(byte[] html, int from) {
        for (int i = Math.max(from, 1); i + HREF.length <= html.length; i++) {
            if (html[i] == 'h' && isSpace(html[i - 1]) && java.util.Arrays.equals(html, i, i + HREF.length, HREF, 0, HREF.length)) {
                return i + HREF.length;
            }
        }
        return -1;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B;
    }

    /** Counts the links into each output file from other pages; a later run updates the counts for the pages it renders. */
    private void countAllLinks(List<Rendered> rendered) {
        linksInto.clear();
        rendered.forEach(page -> count(page, 1));
    }

    private void count(Rendered page, int delta) {
        for (String target : page.linksTo()) {
            if (!target.equals(page.page().outputFile())) {
                linksInto.merge(target, delta, (a, b) -> a + b == 0 ? null : a + b);
            }
        }
    }

    /** Warns of pages no other page links to: readers can reach them only by their address. */
    private void warnUnlinked(List<Rendered> rendered, Diagnostics problems) {
        for (Rendered page : rendered) {
            Page p = page.page();
            if (page.file() != null && !p.isErrorPage() && p.isHtml() && !p.sitePath().equals("/") && !linksInto.containsKey(p.outputFile())) {
                problems.warning(DiagnosticCode.UNLINKED, p.entry().position(), "no other page links to " + p.sitePath()
                        + "; link to it, or readers will not find it");
            }
        }
    }

    /** Template errors name the page; the same error on many pages is one line with a count. */
    private void reportErrors(List<Rendered> rendered, Diagnostics problems) {
        Map<Diagnostic, List<Page>> byError = new LinkedHashMap<>();
        for (Rendered page : rendered) {
            if (page.failed()) {
                failed.add(page.page().sitePath());
            }
            if (page.error() != null) {
                byError.computeIfAbsent(page.error(), e -> new ArrayList<>()).add(page.page());
            }
        }
        byError.forEach((error, pages) -> {
            Page first = pages.get(0);
            String where = " (rendering " + first.sitePath() + " from " + first.entry().position().path()
                    + (pages.size() > 1 ? ", and " + (pages.size() - 1) + " more page" + (pages.size() > 2 ? "s" : "") : "")
                    + ")";
            problems.add(error.withMessage(error.message() + where));
        });
    }

    private static Map<String, Object> dataModel(PageContext context, Models models) {
        Site site = context.site();
        SiteConfig config = site.config();
        Page page = context.page();
        List<Map<String, Object>> menu = new ArrayList<>();
        for (MenuItem item : config.menu()) {
            String path = site.find(item.url()).map(t -> t.sitePath()).orElse(item.url());
            menu.add(Models.ordered("title", item.title(), "path", path,
                    "href", context.root() + Page.outputFileOf(path),
                    "current", page.sitePath().equals(path),
                    "section", !path.equals("/") && page.sitePath().startsWith(path)));
        }
        Map<String, Object> siteModel = Models.ordered(
                "title", config.title(),
                "description", config.description(),
                "base_url", config.baseUrl().toString(),
                "language", config.language(),
                "menu", menu,
                "params", config.params());
        Map<String, Object> pageModel = Models.ordered(
                "path", page.sitePath(),
                "permalink", context.permalink(page.sitePath()),
                "root", context.root(),
                "breadcrumbs", breadcrumbs(context));
        return Models.ordered(
                "site", siteModel,
                "page", pageModel,
                "entry", page.entry(),
                "collections", new Models.CollectionsModel(site.collections(), models),
                "matrices", new Models.CollectionsModel(site.matrices(), models),
                "changelog", new Models.ChangelogModel(site, models),
                "root", context.root(),
                "json", JSON,
                "href", (TemplateMethodModelEx) arguments -> new SimpleScalar(context.href(stringArgument(arguments, 0, "href"))),
                "lookup", (TemplateMethodModelEx) arguments -> {
                    String collection = stringArgument(arguments, 0, "lookup");
                    String id = stringArgument(arguments, 1, "lookup");
                    context.inputs().collection(collection);
                    Entry entry = site.entry(collection, id).orElseThrow(() -> new TemplateModelException(
                            "lookup: no entry '" + id + "' in collection '" + collection + "'"));
                    return new EntryModel(entry, models);
                });
    }

    private static String stringArgument(List<?> arguments, int index, String function) throws TemplateModelException {
        if (arguments.size() <= index || !(arguments.get(index) instanceof TemplateScalarModel scalar)) {
            throw new TemplateModelException(function + ": argument " + (index + 1) + " must be a string");
        }
        return scalar.getAsString();
    }

    /** The pages above this one by path: Home, then Parties, for /parties/russia/. */
    private static List<Map<String, Object>> breadcrumbs(PageContext context) {
        List<Map<String, Object>> crumbs = new ArrayList<>();
        String path = context.page().sitePath();
        int slash = 0;
        while ((slash = path.indexOf('/', slash)) >= 0 && slash < path.length() - 1) {
            String prefix = path.substring(0, slash + 1);
            context.site().page(prefix).ifPresent(ancestor -> {
                context.inputs().field(ancestor.entry().key(), "title"); // what displayName() reads
                context.inputs().field(ancestor.entry().key(), "name");
            });
            context.site().page(prefix).ifPresent(ancestor -> crumbs.add(Models.ordered(
                    "title", menuTitle(context.site().config(), ancestor.sitePath()).orElse(ancestor.entry().displayName()),
                    "path", ancestor.sitePath(),
                    "href", context.root() + ancestor.outputFile())));
            slash++;
        }
        return crumbs;
    }

    /** A page's name in the navigation, which is shorter than its title ("Home"). */
    private static Optional<String> menuTitle(SiteConfig config, String sitePath) {
        return config.menu().stream().filter(item -> item.url().equals(sitePath)).map(MenuItem::title).findFirst();
    }

    private static String sitemap(Site site) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        String base = site.config().baseUrl().toString();
        for (Page page : site.pages()) {
            if (!page.isErrorPage() && page.isHtml()) {
                xml.append("  <url><loc>").append(escapeXml(base + page.sitePath().substring(1))).append("</loc></url>\n");
            }
        }
        return xml.append("</urlset>\n").toString();
    }

    private static String robots(SiteConfig config) {
        return "User-agent: *\nAllow: /\n\nSitemap: " + config.baseUrl() + GeneratedFiles.SITEMAP + "\n";
    }

    private static String escapeXml(String text) {
        if (text.indexOf('&') < 0 && text.indexOf('<') < 0 && text.indexOf('>') < 0 && text.indexOf('"') < 0) {
            return text;
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
