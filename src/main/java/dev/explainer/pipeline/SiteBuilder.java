package dev.explainer.pipeline;

import dev.explainer.check.SiteChecks;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.Bugs;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.FileProblems;
import dev.explainer.diagnostic.Position;
import dev.explainer.diagnostic.Severity;
import dev.explainer.link.LinkCache;
import dev.explainer.link.Linker;
import dev.explainer.link.Page;
import dev.explainer.load.ChangedFiles;
import dev.explainer.load.ContentLoader;
import dev.explainer.load.LoadCache;
import dev.explainer.load.LoadedSite;
import dev.explainer.load.SourceLayout;
import dev.explainer.markdown.MarkdownRenderer;
import dev.explainer.output.OutputFile;
import dev.explainer.output.OutputGuard;
import dev.explainer.output.SiteFiles;
import dev.explainer.output.SiteWriter;
import dev.explainer.parallel.Parallel;
import dev.explainer.render.RenderCache;
import dev.explainer.render.RenderLimits;
import dev.explainer.render.SiteRenderer;
import dev.explainer.render.TemplateEngine;
import dev.explainer.text.SourceFile;
import dev.explainer.validate.ValidationCache;
import dev.explainer.validate.Validator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * Runs the pipeline: load, validate, link, check the whole site, render, write. Everything is
 * loaded and checked before anything is rendered, and nothing is written unless the whole run is
 * free of errors. Each stage reports all it finds, so one run shows every problem it can.
 *
 * <p>A builder keeps its stage engines, and what they produced, from one run to the next: run
 * again (as the live preview does after an edit), it reads only the files that changed,
 * validates only the entries that changed, and (if made {@link #forRebuilds()}) renders Markdown
 * and pages only for what changed. A builder is used by one thread at a time.
 */
public final class SiteBuilder {
    private final boolean incremental;
    private final ContentLoader loader = new ContentLoader();
    private final Validator validator = new Validator();
    /** What the last load and validation hand the next; kept only by a builder for rebuilds. */
    private LoadCache loadCache = LoadCache.empty();
    private ValidationCache validationCache = ValidationCache.empty();
    /** What the next render may reuse of the last one: empty and recording nothing for one-off builds. */
    private RenderCache renderCache;
    private Linker linker;
    private boolean linkerRawHtml;
    /** What the link stage may reuse in the next run: kept only by a builder for rebuilds. */
    private LinkCache linkCache = LinkCache.empty();
    private TemplateEngine templates;
    private SiteConfig templatesConfig;
    /** What the stages of each edition in another language keep for the next run, as the fields above do for the original. */
    private Editions.Kept editionsKept;

    /** A builder for one-off builds: a second run works, but renders every page again. */
    public SiteBuilder() {
        this(false);
    }

    private SiteBuilder(boolean incremental) {
        this.incremental = incremental;
        this.renderCache = incremental ? RenderCache.forRebuilds() : RenderCache.forOneBuild();
        this.editionsKept = incremental ? Editions.Kept.forRebuilds() : Editions.Kept.NONE;
    }

    /**
     * A builder that keeps what each page read and rendered, so that a later run renders only
     * the pages an edit touches: for the live preview. Costs memory and a little time per page.
     */
    public static SiteBuilder forRebuilds() {
        return new SiteBuilder(true);
    }

    public BuildResult run(BuildOptions options) {
        return run(options, ChangedFiles.unknown());
    }

    /**
     * Runs the pipeline.
     *
     * @param changed what a file watcher knows about the files that changed since the last run
     */
    public BuildResult run(BuildOptions options, ChangedFiles changed) {
        long start = System.nanoTime();
        Stopwatch clock = new Stopwatch();
        try {
            return runStages(options, changed, start, clock);
        } catch (Throwable thrown) {
            // The last resort: whatever a stage threw is a bug of the tool (content errors are
            // diagnostics), reported at the file or folder it was working on. What the stages kept
            // for the next run may be half updated: the next run starts afresh.
            forget();
            Throwable bug = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
            String file;
            String doing;
            if (bug instanceof Parallel.ItemFailure item) {
                file = item.file();
                doing = "processing " + item.file();
                bug = item.getCause();
            } else {
                file = clock.running().folder(options);
                doing = clock.running().doing(options);
            }
            Diagnostics problems = new Diagnostics();
            problems.error(DiagnosticCode.INTERNAL_ERROR, Position.startOf(file), Bugs.report("the build stopped while " + doing, bug)
                    + " (--verbose shows the details)");
            return result(problems, List.of(), 0, List.of(), start, clock, List.of(bug));
        }
    }

    /** Drops what the stages kept from earlier runs, after a run that failed part way. */
    private void forget() {
        loadCache = LoadCache.empty();
        validationCache = ValidationCache.empty();
        renderCache = renderCache.emptied();
        linker = null;
        linkCache = LinkCache.empty();
        templates = null;
        templatesConfig = null;
        editionsKept = editionsKept.emptied();
    }

    private BuildResult runStages(BuildOptions options, ChangedFiles changed, long start, Stopwatch clock) {
        Diagnostics problems = new Diagnostics();
        Path sourceDir = options.sourceDir();
        if (options.output().isPresent()) {
            Optional<String> refusal = OutputGuard.check(sourceDir, options.output().get());
            if (refusal.isPresent()) {
                problems.error(DiagnosticCode.OUTPUT_REFUSED, Position.startOf(options.output().get().toString().replace('\\', '/')), refusal.get());
                return result(problems, List.of(), 0, List.of(), start, clock);
            }
        }

        ContentLoader.Result loaded = loader.load(sourceDir, changed, loadCache);
        loadCache = incremental ? loaded.cache() : LoadCache.empty();
        problems.addAll(loaded.diagnostics());
        clock.lap("load");
        if (loaded.site().isEmpty()) {
            return result(problems, List.of(), 0, List.of(), start, clock);
        }
        LoadedSite site = loaded.site().get();
        if (options.baseUrl().isPresent()) {
            site = site.withConfig(site.config().withBaseUrl(options.baseUrl().get()));
        }
        RenderLimits limits = new RenderLimits(site.config().limits().pageRender(), site.config().limits().build(), start,
                options.cancellation());
        if (stopped(options, limits, site.config(), problems)) {
            return result(problems, List.of(), 0, List.of(), start, clock);
        }

        // Templates do not depend on the content: they compile on another thread while the
        // content is validated and linked.
        updateTemplates(site);
        TemplateEngine engine = templates;
        CompletableFuture<List<Diagnostic>> compiled = CompletableFuture.supplyAsync(engine::compileAll, task -> {
            Thread thread = new Thread(task, "explainer-templates");
            thread.setDaemon(true);
            thread.start();
        });

        Validator.Result validated = validator.validate(site, validationCache);
        validationCache = incremental ? validated.cache() : ValidationCache.empty();
        problems.addAll(validated.diagnostics());
        clock.lap("validate");
        if (stopped(options, limits, site.config(), problems)) {
            return result(problems, List.of(), 0, List.of(), start, clock);
        }
        Linker.Result linked = linker(site.config()).link(site, validated.entries(), options.drafts(), linkCache,
                Editions.untranslated(site.config(), validated.entries(), validated.translations()));
        linkCache = incremental ? linked.cache() : LinkCache.empty();
        problems.addAll(linked.diagnostics());
        clock.lap("link");
        problems.addAll(SiteChecks.run(linked.site(), linked.published(), site.incomplete()));
        clock.lap("check");
        List<Diagnostic> editionProblems = new ArrayList<>();
        List<Editions.Linked> editions = site.config().languages().isEmpty() ? List.of()
                : Editions.link(linker(site.config()), site, linked.site(), validated.entries(), validated.translations(), options.drafts(),
                editionsKept, Set.copyOf(problems.sorted()), editionProblems);
        problems.addAll(editionProblems);

        problems.addAll(compiled.join());
        clock.lap("compile templates");
        if (stopped(options, limits, site.config(), problems)) {
            return result(problems, List.of(), 0, List.of(), start, clock);
        }
        if (problems.hasErrors()) {
            return result(problems, List.of(), 0, List.of(), start, clock); // rendering broken data would only add noise
        }
        if (options.strict()) {
            problems = strict(problems);
        }
        // The output folder gets ready (its folders made) on another thread while pages render.
        Optional<SiteWriter.Preparation> output = options.output()
                .map(folder -> new SiteWriter().prepare(folder, Stream.concat(linked.site().pages().stream().map(Page::outputFile),
                        Editions.pageFiles(editions).stream()).toList()));
        boolean written = false;
        List<String> notes = List.of();
        try {
            SiteRenderer.Result rendered = SiteRenderer.render(linked.site(), templates, limits, renderCache);
            renderCache = rendered.cache();
            if (rendered.abandoned()) {
                forget(); // a page that would not stop still runs, on what the stages kept
            }
            List<OutputFile> files = SiteFiles.of(rendered, site.assets());
            List<Diagnostic> afterRender = rendered.abandoned() ? List.of()
                    : SiteChecks.afterRender(linked.site(), rendered.found());
            int pageCount = rendered.pageCount();
            List<String> renderedPages = rendered.rendered();
            boolean interrupted = rendered.interrupted();
            List<Throwable> bugs = rendered.bugs();
            if (!editions.isEmpty() && !rendered.abandoned() && !interrupted) {
                List<Diagnostic> renderProblems = new ArrayList<>();
                Editions.Rendered inEditions = Editions.render(editions, linked.site(), site, limits, editionsKept,
                        Stream.concat(rendered.diagnostics().stream(), afterRender.stream()).toList(), renderProblems);
                editionsKept = inEditions.kept();
                if (inEditions.abandoned()) {
                    forget();
                }
                files = Editions.merged(files, inEditions.files());
                pageCount += inEditions.pages();
                renderedPages = Stream.concat(renderedPages.stream(), inEditions.rendered().stream()).toList();
                interrupted = inEditions.interrupted();
                bugs = Stream.concat(bugs.stream(), inEditions.bugs().stream()).toList();
                problems.addAll(options.strict() ? strict(renderProblems) : renderProblems);
            }
            problems.addAll(options.strict() ? strict(afterRender) : afterRender);
            problems.addAll(options.strict() ? strict(rendered.diagnostics()) : rendered.diagnostics());
            clock.lap("render");
            if (interrupted && !stopped(options, limits, site.config(), problems) && !problems.hasErrors()) {
                // Pages were skipped, yet no error says why (the time limit, a cancellation, a page
                // that would not stop): never write a site in part.
                problems.error(DiagnosticCode.TIME_LIMIT, site.config().limits().declaredAt(), "the build was stopped before every"
                        + " page was rendered; run it again, and if it stops again, raise limits.build_seconds in content/site.yaml");
            }
            if (problems.hasErrors()) {
                return result(problems, List.of(), 0, renderedPages, start, clock, bugs);
            }
            if (output.isPresent()) {
                try {
                    written = true; // a failed write cleans up after itself
                    SiteWriter.Outcome outcome = output.get().write(files);
                    clock.lap("write");
                    if (outcome instanceof SiteWriter.Refused refused) {
                        problems.error(DiagnosticCode.OUTPUT_REFUSED, Position.startOf(options.output().get().toString().replace('\\', '/')),
                                refused.reason());
                        return result(problems, List.of(), 0, List.of(), start, clock);
                    }
                    notes = ((SiteWriter.Written) outcome).notes();
                } catch (IOException e) {
                    problems.error(DiagnosticCode.OUTPUT, Position.startOf(options.output().get().toString()),
                            "the site could not be written (the previous output is unchanged): " + FileProblems.describe(e));
                    return result(problems, List.of(), 0, List.of(), start, clock);
                }
            }
            Optional<String> errorPage = linked.site().page(site.config().outputs().errorPage())
                    .map(Page::outputFile);
            return result(problems, files, pageCount, renderedPages, notes, start, clock, List.of())
                    .withErrorPage(errorPage);
        } finally {
            if (output.isPresent() && !written) {
                discard(output.get());
            }
        }
    }

    /**
     * Whether the run must stop here: it was cancelled, or it is out of time (then an error says
     * so, at the limit in the site config). The limit is checked between stages; the render stage
     * also stops on its own, mid-page.
     */
    private static boolean stopped(BuildOptions options, RenderLimits limits, SiteConfig config, Diagnostics problems) {
        if (options.cancellation().isCancelled()) {
            problems.error(DiagnosticCode.CANCELLED, Position.startOf(SourceLayout.CONTENT), "the build was cancelled");
            return true;
        }
        if (limits.buildTimeUp(System.nanoTime())) {
            problems.error(DiagnosticCode.TIME_LIMIT, config.limits().declaredAt(), "the build took longer than "
                    + seconds(config.limits().build()) + " and was stopped; if the site really needs longer,"
                    + " raise limits.build_seconds in content/site.yaml");
            return true;
        }
        return false;
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }

    /** Removes what a preparation made for a build that will not be written; the output folder is untouched. */
    private static void discard(SiteWriter.Preparation output) {
        try {
            output.discard();
        } catch (IOException | RuntimeException e) {
            // At worst a hidden staging folder is left beside the output folder; nothing reads it.
        }
    }

    /** Warnings as errors, for {@code --strict}: the same words, failing the run. */
    private static List<Diagnostic> strict(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.isError() ? d
                : new Diagnostic(d.path(), d.line(), d.column(), Severity.ERROR, d.code(), d.message() + " (--strict)")).toList();
    }

    private static Diagnostics strict(Diagnostics diagnostics) {
        Diagnostics strict = new Diagnostics();
        strict.addAll(strict(diagnostics.sorted()));
        return strict;
    }

    private Linker linker(SiteConfig config) {
        if (linker == null || linkerRawHtml != config.rawHtml()) {
            linker = new Linker(new MarkdownRenderer(config.rawHtml()));
            linkerRawHtml = config.rawHtml();
        }
        return linker;
    }

    /** Builds a new template engine if the templates or the config changed (the render cache compares the templates' texts). */
    private void updateTemplates(LoadedSite site) {
        if (templates != null && Objects.equals(templatesConfig, site.config())
                && sameTexts(templates.sources(), site.templates())) {
            return;
        }
        templates = new TemplateEngine(site.config(), site.templates());
        templatesConfig = site.config();
    }

    static boolean sameTexts(Map<String, SourceFile> a, Map<String, SourceFile> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(entry -> entry.getValue().text().equals(b.get(entry.getKey()).text()));
    }

    private static BuildResult result(Diagnostics problems, List<OutputFile> files, int pages, List<String> rendered, long start,
                                      Stopwatch clock) {
        return result(problems, files, pages, rendered, List.of(), start, clock, List.of());
    }

    private static BuildResult result(Diagnostics problems, List<OutputFile> files, int pages, List<String> rendered, long start,
                                      Stopwatch clock, List<Throwable> bugs) {
        return result(problems, files, pages, rendered, List.of(), start, clock, bugs);
    }

    private static BuildResult result(Diagnostics problems, List<OutputFile> files, int pages, List<String> rendered,
                                      List<String> notes, long start, Stopwatch clock, List<Throwable> bugs) {
        List<Diagnostic> sorted = problems.sorted();
        return new BuildResult(sorted, files, pages, rendered, List.copyOf(notes), Duration.ofNanos(System.nanoTime() - start),
                clock.laps(), List.copyOf(bugs));
    }
}
