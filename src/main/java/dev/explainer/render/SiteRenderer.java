package dev.explainer.render;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.link.GeneratedFiles;
import dev.explainer.link.Page;
import dev.explainer.link.Site;
import dev.explainer.parallel.Parallel;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The render stage: every page through its template ({@link PageRenderer}), independently and in
 * parallel, plus the sitemap and robots.txt ({@link SiteIndexFiles}) and the redirects of former
 * addresses ({@link RedirectFiles}). It hands the pages' links
 * and ids to the checks after rendering ({@link Result#found()}), which the builder runs as a step
 * of its own (pages nothing links to, links to missing {@code #fragments}). Template errors
 * become diagnostics naming the
 * template's line and the page being rendered; an error repeated on many pages is reported once.
 *
 * <p>A plain function of the site, the templates and a {@link RenderCache}: given the cache of the
 * previous render (as the live preview keeps it), it renders again only the pages whose inputs
 * changed, and hands back the cache for the next. A one-off build passes
 * {@link RenderCache#forOneBuild()} and renders everything.
 */
public final class SiteRenderer {
    private SiteRenderer() {
    }

    /**
     * What a render made and found.
     *
     * @param pages       the pages that rendered, in site order (none failed, if the result has no errors)
     * @param generated   the sitemap, robots.txt, the search index if the site has search, and the redirect pages and list if it declares aliases
     * @param pageCount   how many pages the site has
     * @param rendered    the site paths of the pages that went through their template in this run
     * @param interrupted the render stopped before every page was done: the build ran out of time or
     *                    was cancelled
     * @param abandoned   the render gave up on a page that would not stop: its thread may still run
     *                    and write into the cache that was passed in, so the builder must drop every
     *                    cache it holds ({@code cache} is an empty one)
     * @param bugs        what was thrown where the tool itself failed (reported as diagnostics too),
     *                    for {@code --verbose}
     * @param cache       what the next render may reuse
     * @param found       the pages' links and ids, for the checks after rendering
     */
    public record Result(List<RenderedPage> pages, List<GeneratedFile> generated, int pageCount, List<String> rendered,
                         List<Diagnostic> diagnostics, boolean interrupted, boolean abandoned, List<Throwable> bugs,
                         RenderCache cache, dev.explainer.check.RenderedPages found) {
    }

    /** Renders the site with the site's own limits, for a build that starts now. */
    public static Result render(Site site, TemplateEngine engine, RenderCache cache) {
        return render(site, engine, RenderLimits.of(site.config().limits()), cache);
    }

    /**
     * Renders the site, stopping a page that runs past its time and every page once the build is
     * out of time or cancelled: then the result is {@linkplain Result#interrupted() interrupted}.
     */
    public static Result render(Site site, TemplateEngine engine, RenderLimits limits, RenderCache cache) {
        cache.take();
        try (RenderWatchdog watchdog = new RenderWatchdog(limits)) {
            // The pages render on a thread of their own, so that this one can give up on a page
            // that does not stop when asked: one FreeMarker built-in over a sequence without end,
            // such as (1..)?seq_contains(0), enters no template element until it is done. Such a
            // thread cannot be stopped in Java; it runs on until it is done or the process ends
            // (a build or check ends it; the preview says so).
            CompletableFuture<Result> work = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    work.complete(renderPages(site, engine, limits, watchdog, cache));
                } catch (Throwable thrown) {
                    work.completeExceptionally(thrown);
                }
            }, "explainer-render");
            thread.setDaemon(true);
            thread.start();
            return awaitOrAbandon(work, watchdog, site.pages().size(), cache);
        }
    }

    /** How long a page asked to stop may take to do so before the render gives up on it. */
    private static final long STOP_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private static Result awaitOrAbandon(CompletableFuture<Result> work, RenderWatchdog watchdog, int pages, RenderCache cache) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return work.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    Optional<PageGuard> stuck = watchdog.unresponsive(STOP_GRACE_NANOS);
                    if (stuck.isPresent()) {
                        Diagnostic error = Diagnostic.error(DiagnosticCode.TIME_LIMIT, stuck.get().positionSeenFromOutside(),
                                "rendering ran past its time limit here and could not be stopped: a built-in such as"
                                        + " ?size, ?seq_contains or ?filter over a sequence without end (such as 1..) runs to"
                                        + " its end before anything can stop it; give the sequence an end (such as 1..10)");
                        return new Result(List.of(), List.of(), pages, List.of(), List.of(error), true, true, List.of(),
                                cache.emptied(), NOTHING_FOUND);
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

    private static Result renderPages(Site site, TemplateEngine engine, RenderLimits limits, RenderWatchdog watchdog,
                                      RenderCache cache) {
        Map<String, TemplateRevision> revisions = engine.revisions();
        List<Page> toRender = cache.toRender(site, revisions);
        PageRenderer renderer = new PageRenderer(site, engine, limits, watchdog, cache.recording());
        List<PageResult> fresh = Parallel.map(toRender, renderer::render);
        RenderCache next = cache.next(site, revisions, fresh);

        // Today's pages with their outcomes; after an edit nearly all are kept, so this is a view.
        // Only pages rendered in this run can have failed.
        List<Page> all = site.pages();
        int[] succeeded = null;
        if (fresh.stream().anyMatch(PageResult::failed)) {
            succeeded = java.util.stream.IntStream.range(0, all.size()).filter(i -> !next.pages().get(i).failed()).toArray();
        }
        RenderedPages pages = new RenderedPages(all, next.pages(), succeeded);
        Diagnostics problems = new Diagnostics();
        problems.addAll(RenderErrors.of(fresh)); // every page that failed before is among the fresh
        // The files the link stage protected (GeneratedFiles), and only those.
        GeneratedFiles declared = GeneratedFiles.of(site.config());
        List<GeneratedFile> generated = new ArrayList<>(2);
        if (declared.writerOf(GeneratedFiles.SITEMAP).isPresent()) {
            generated.add(next.sitemap() != null ? next.sitemap() : SiteIndexFiles.sitemap(all, site.config()));
        }
        if (declared.writerOf(GeneratedFiles.ROBOTS).isPresent()) {
            generated.add(SiteIndexFiles.robots(site.config()));
        }
        if (site.config().search().isPresent() && !problems.hasErrors()) { // no index of a site that is not written
            generated.add(SearchIndexFile.of(pages, site.config(), next.search()));
        }
        generated.addAll(RedirectFiles.of(site));

        Optional<RenderWatchdog.Reason> stop = watchdog.runStop();
        boolean interrupted = stop.isPresent() && stop.get() != RenderWatchdog.Reason.ANOTHER_PAGE_TIMED_OUT;
        List<Throwable> bugs = fresh.stream().map(PageResult::bug).filter(Objects::nonNull).toList();
        List<String> rendered = toRender.stream().map(Page::sitePath).toList();
        // A cache for one build keeps nothing: the builder need not hold every page after the run.
        RenderCache successor = next.recording() ? next : RenderCache.forOneBuild();
        return new Result(pages, List.copyOf(generated), all.size(), rendered, problems.sorted(), interrupted, false,
                bugs, successor, found(next));
    }

    /** The pages of a site that rendered, each with its outcome, made as they are read. */
    private static final class RenderedPages extends AbstractList<RenderedPage> implements RandomAccess {
        private final List<Page> all;
        private final List<PageResult> outcomes;
        /** The indexes of the pages that rendered, or null if all did. */
        private final int[] rendered;

        RenderedPages(List<Page> all, List<PageResult> outcomes, int[] rendered) {
            this.all = all;
            this.outcomes = outcomes;
            this.rendered = rendered;
        }

        @Override
        public RenderedPage get(int index) {
            int at = rendered == null ? index : rendered[index];
            PageResult outcome = outcomes.get(at);
            return new RenderedPage(all.get(at), outcome.html(), outcome.links());
        }

        @Override
        public int size() {
            return rendered == null ? all.size() : rendered.length;
        }

        /** The pages alone. */
        List<Page> pages() {
            if (rendered == null) {
                return all;
            }
            List<Page> pages = new ArrayList<>(rendered.length);
            for (int at : rendered) {
                pages.add(all.get(at));
            }
            return pages;
        }
    }

    /** The ids of the page at a site path, or null if the site has no such page or it failed. */
    /** For a render that gave up: no page counts as rendered, so the checks after it find nothing. */
    private static final dev.explainer.check.RenderedPages NOTHING_FOUND = found(RenderCache.forOneBuild());

    /**
     * What the checks after rendering ask of the pages ({@link dev.explainer.check.SiteChecks#afterRender}):
     * answered from the cache, whose link counts are kept up to date page by page, so that an edit
     * does not count every link of the site again.
     */
    private static dev.explainer.check.RenderedPages found(RenderCache cache) {
        return new dev.explainer.check.RenderedPages() {
            @Override
            public boolean rendered(String sitePath) {
                PageResult page = cache.page(sitePath);
                return page != null && !page.failed();
            }

            @Override
            public boolean linkedFromAnotherPage(String outputFile) {
                return cache.links().linkedFiles().contains(outputFile);
            }

            @Override
            public Set<String> idsOn(String sitePath) {
                PageResult page = cache.page(sitePath);
                return page == null || page.failed() ? Set.of() : page.links().ids();
            }
        };
    }
}
