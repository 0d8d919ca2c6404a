package dev.explainer.build;

import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.diagnostic.Severity;
import dev.explainer.link.Linker;
import dev.explainer.link.Page;
import dev.explainer.load.ChangedFiles;
import dev.explainer.load.ContentLoader;
import dev.explainer.load.LoadedSite;
import dev.explainer.markdown.MarkdownRenderer;
import dev.explainer.output.OutputGuard;
import dev.explainer.output.SiteWriter;
import dev.explainer.render.OutputFile;
import dev.explainer.render.SiteRenderer;
import dev.explainer.render.TemplateEngine;
import dev.explainer.text.SourceFile;
import dev.explainer.validate.Validator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the pipeline: load, validate, link, render, write. Everything is loaded and checked
 * before anything is rendered, and nothing is written unless the whole run is free of errors.
 * Each stage reports all it finds, so one run shows every problem it can.
 *
 * <p>A builder keeps its stage engines, and what they produced, from one run to the next: run
 * again (as the live preview does after an edit), it reads only the files that changed,
 * validates and renders Markdown only for the entries that changed, and (if made
 * {@link #forRebuilds()}) renders only the pages whose inputs changed. A builder is used by one
 * thread at a time.
 */
public final class SiteBuilder {
    private final ContentLoader loader = new ContentLoader();
    private final Validator validator = new Validator();
    private final SiteRenderer renderer;
    private Linker linker;
    private boolean linkerRawHtml;
    private TemplateEngine templates;
    private SiteConfig templatesConfig;

    /** A builder for one-off builds: a second run works, but renders every page again. */
    public SiteBuilder() {
        this.renderer = new SiteRenderer(false);
    }

    private SiteBuilder(SiteRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * A builder that keeps what each page read and rendered, so that a later run renders only
     * the pages an edit touches: for the live preview. Costs memory and a little time per page.
     */
    public static SiteBuilder forRebuilds() {
        return new SiteBuilder(new SiteRenderer(true));
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
        Diagnostics problems = new Diagnostics();
        Path sourceDir = options.sourceDir();
        if (options.output().isPresent()) {
            Optional<String> refusal = OutputGuard.check(sourceDir, options.output().get());
            if (refusal.isPresent()) {
                problems.error(OutputGuard.REFUSED, Position.startOf(options.output().get().toString().replace('\\', '/')), refusal.get());
                return result(problems, List.of(), 0, List.of(), start, clock);
            }
        }

        ContentLoader.Result loaded = loader.load(sourceDir, changed);
        problems.addAll(loaded.diagnostics());
        clock.lap("load");
        if (loaded.site().isEmpty()) {
            return result(problems, List.of(), 0, List.of(), start, clock);
        }
        LoadedSite site = loaded.site().get();
        if (options.baseUrl().isPresent()) {
            site = site.withConfig(site.config().withBaseUrl(options.baseUrl().get()));
        }

        // Templates do not depend on the content: they compile on another thread while the
        // content is validated and linked.
        Set<String> changedTemplates = updateTemplates(site);
        TemplateEngine engine = templates;
        CompletableFuture<List<Diagnostic>> compiled = CompletableFuture.supplyAsync(engine::compileAll, task -> {
            Thread thread = new Thread(task, "explainer-templates");
            thread.setDaemon(true);
            thread.start();
        });

        Validator.Result validated = validator.validate(site);
        problems.addAll(validated.diagnostics());
        clock.lap("validate");
        Linker.Result linked = linker(site.config()).link(site, validated.entries(), options.drafts());
        problems.addAll(linked.diagnostics());
        clock.lap("link");

        problems.addAll(compiled.join());
        clock.lap("compile templates");
        if (problems.hasErrors()) {
            return result(problems, List.of(), 0, List.of(), start, clock); // rendering broken data would only add noise
        }
        if (options.strict()) {
            problems = strict(problems);
        }
        // The output folder gets ready (its folders made) on another thread while pages render.
        Optional<SiteWriter.Preparation> output = options.output()
                .map(folder -> new SiteWriter().prepare(folder, linked.site().pages().stream().map(Page::outputFile).toList()));
        boolean written = false;
        List<String> notes = List.of();
        try {
            SiteRenderer.Result rendered = renderer.render(linked.site(), templates, changedTemplates, site.assets());
            problems.addAll(options.strict() ? strict(rendered.diagnostics()) : rendered.diagnostics());
            clock.lap("render");
            if (problems.hasErrors()) {
                return result(problems, List.of(), 0, rendered.rendered(), start, clock);
            }
            if (output.isPresent()) {
                try {
                    written = true; // a failed write cleans up after itself
                    SiteWriter.Outcome outcome = output.get().write(rendered.files());
                    clock.lap("write");
                    if (outcome instanceof SiteWriter.Refused refused) {
                        problems.error(OutputGuard.REFUSED, Position.startOf(options.output().get().toString().replace('\\', '/')),
                                refused.reason());
                        return result(problems, List.of(), 0, List.of(), start, clock);
                    }
                    notes = ((SiteWriter.Written) outcome).notes();
                } catch (IOException e) {
                    problems.error("output", Position.startOf(options.output().get().toString()),
                            "the site could not be written (the previous output is unchanged): " + e);
                    return result(problems, List.of(), 0, List.of(), start, clock);
                }
            }
            return result(problems, rendered.files(), rendered.pages(), rendered.rendered(), notes, start, clock);
        } finally {
            if (output.isPresent() && !written) {
                discard(output.get());
            }
        }
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

    /** Builds a new template engine if the templates or the config changed; returns the templates that changed. */
    private Set<String> updateTemplates(LoadedSite site) {
        if (templates != null && Objects.equals(templatesConfig, site.config())
                && sameTexts(templates.sources(), site.templates())) {
            return Set.of();
        }
        Set<String> changed = new HashSet<>();
        if (templates != null) {
            Set<String> names = new HashSet<>(templates.sources().keySet());
            names.addAll(site.templates().keySet());
            for (String name : names) {
                SourceFile before = templates.sources().get(name);
                SourceFile now = site.templates().get(name);
                if (before == null || now == null || !before.text().equals(now.text())) {
                    changed.add(name);
                }
            }
        }
        templates = new TemplateEngine(site.config(), site.templates());
        templatesConfig = site.config();
        return changed;
    }

    private static boolean sameTexts(Map<String, SourceFile> a, Map<String, SourceFile> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(entry -> entry.getValue().text().equals(b.get(entry.getKey()).text()));
    }

    private static BuildResult result(Diagnostics problems, List<OutputFile> files, int pages, List<String> rendered, long start,
                                      Stopwatch clock) {
        return result(problems, files, pages, rendered, List.of(), start, clock);
    }

    private static BuildResult result(Diagnostics problems, List<OutputFile> files, int pages, List<String> rendered,
                                      List<String> notes, long start, Stopwatch clock) {
        List<Diagnostic> sorted = problems.sorted();
        return new BuildResult(sorted, files, pages, rendered, notes, Duration.ofNanos(System.nanoTime() - start), clock.laps());
    }

    /** Times the stages of one run. */
    private static final class Stopwatch {
        private final List<BuildResult.StageTime> laps = new ArrayList<>();
        private long last = System.nanoTime();

        void lap(String stage) {
            long now = System.nanoTime();
            laps.add(new BuildResult.StageTime(stage, Duration.ofNanos(now - last)));
            last = now;
        }

        List<BuildResult.StageTime> laps() {
            return List.copyOf(laps);
        }
    }
}
