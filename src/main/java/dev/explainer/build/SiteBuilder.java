package dev.explainer.build;

import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.link.Linker;
import dev.explainer.load.ContentLoader;
import dev.explainer.load.LoadedSite;
import dev.explainer.markdown.MarkdownRenderer;
import dev.explainer.output.OutputGuard;
import dev.explainer.output.SiteWriter;
import dev.explainer.render.SiteRenderer;
import dev.explainer.render.TemplateEngine;
import dev.explainer.validate.Validator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the pipeline: load, validate, link, render, write. Everything is loaded and checked
 * before anything is rendered, and nothing is written unless the whole run is free of errors.
 * Each stage reports all it finds, so one run shows every problem it can.
 */
public final class SiteBuilder {

    public BuildResult run(BuildOptions options) {
        long start = System.nanoTime();
        Stopwatch clock = new Stopwatch();
        Diagnostics problems = new Diagnostics();
        Path sourceDir = options.sourceDir();
        if (options.output().isPresent()) {
            Optional<String> refusal = OutputGuard.check(sourceDir, options.output().get());
            if (refusal.isPresent()) {
                problems.error("output", Position.startOf(options.output().get().toString().replace('\\', '/')), refusal.get());
                return result(problems, 0, 0, start, clock);
            }
        }

        ContentLoader.Result loaded = new ContentLoader().load(sourceDir);
        clock.lap("load");
        problems.addAll(loaded.diagnostics());
        if (loaded.site().isEmpty()) {
            return result(problems, 0, 0, start, clock);
        }
        LoadedSite site = loaded.site().get();
        if (options.baseUrl().isPresent()) {
            SiteConfig config = site.config().withBaseUrl(options.baseUrl().get());
            site = site.withConfig(config);
        }

        Validator.Result validated = new Validator().validate(site);
        problems.addAll(validated.diagnostics());
        clock.lap("validate");
        Linker.Result linked = new Linker(new MarkdownRenderer(site.config().rawHtml()))
                .link(site, validated.entries(), options.drafts());
        problems.addAll(linked.diagnostics());
        clock.lap("link");

        TemplateEngine templates = new TemplateEngine(site.config(), site.templates());
        problems.addAll(templates.compileAll());
        clock.lap("compile templates");
        if (problems.hasErrors()) {
            return result(problems, 0, 0, start, clock); // rendering broken data would only add noise
        }
        SiteRenderer.Result rendered = new SiteRenderer(templates).render(linked.site(), site.assets());
        problems.addAll(rendered.diagnostics());
        clock.lap("render");
        if (problems.hasErrors() || options.output().isEmpty()) {
            return result(problems, problems.hasErrors() ? 0 : rendered.pages(), 0, start, clock);
        }
        try {
            new SiteWriter().write(options.output().get(), rendered.files());
            clock.lap("write");
        } catch (IOException e) {
            problems.add(Diagnostic.error("output", Position.startOf(options.output().get().toString()),
                    "the site could not be written (the previous output is unchanged): " + e));
            return result(problems, 0, 0, start, clock);
        }
        return result(problems, rendered.pages(), rendered.files().size(), start, clock);
    }

    private static BuildResult result(Diagnostics problems, int pages, int files, long start, Stopwatch clock) {
        List<Diagnostic> sorted = problems.sorted();
        return new BuildResult(sorted, pages, files, Duration.ofNanos(System.nanoTime() - start), clock.laps());
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
