package dev.explainer.bench;

import dev.explainer.link.LinkCache;
import dev.explainer.link.Linker;
import dev.explainer.link.Site;
import dev.explainer.load.ContentLoader;
import dev.explainer.load.LoadedSite;
import dev.explainer.load.RawEntry;
import dev.explainer.markdown.MarkdownRenderer;
import dev.explainer.markdown.RenderedMarkdown;
import dev.explainer.output.OutputFile;
import dev.explainer.output.SiteFiles;
import dev.explainer.output.SiteWriter;
import dev.explainer.pipeline.BuildOptions;
import dev.explainer.pipeline.SiteBuilder;
import dev.explainer.render.RenderCache;
import dev.explainer.render.SiteRenderer;
import dev.explainer.render.TemplateEngine;
import dev.explainer.validate.Validator;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Microbenchmarks of the stages that dominate a build, on the real site (content/ and
 * templates/ of this repository): Markdown rendering of every body, page rendering of every
 * page, and writing the output (into a new folder, and over an unchanged earlier build). Run with {@code mvn -P bench verify}; they are not tests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StageBenchmarks {
    private LoadedSite loaded;
    private Site site;
    private TemplateEngine templates;
    private List<OutputFile> files;
    private MarkdownRenderer markdown;
    private Path unchanged;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path project = Path.of("").toAbsolutePath();
        loaded = new ContentLoader().load(project).site().orElseThrow();
        Validator.Result validated = new Validator().validate(loaded);
        markdown = new MarkdownRenderer(false);
        site = new Linker(markdown).link(loaded, validated.entries(), false, LinkCache.empty()).site();
        templates = new TemplateEngine(loaded.config(), loaded.templates());
        files = SiteFiles.of(SiteRenderer.render(site, templates, RenderCache.forOneBuild()), loaded.assets());
        unchanged = Files.createTempDirectory("explainer-bench").resolve("site");
        new SiteWriter().write(unchanged, files);
    }

    /** Every Markdown body of the site, rendered with its links checked. */
    @Benchmark
    public int markdownBodies() {
        int length = 0;
        for (RawEntry entry : loaded.entries()) {
            if (entry.body().isPresent()) {
                RenderedMarkdown rendered = markdown.render(entry.body().get(), Optional.of("/x/"), site);
                length += rendered.html().length();
            }
        }
        return length;
    }

    /** Every page through its template, as a clean build renders them. */
    @Benchmark
    public int renderPages() {
        return SiteRenderer.render(site, templates, RenderCache.forOneBuild()).pages().size();
    }

    /**
     * An output folder that does not exist when {@link #writeNewOutput} starts: it is removed
     * before every call, outside the measured time. A state of its own, because a per-call setup
     * would otherwise run (and add its timing overhead) around every benchmark of the class.
     */
    @State(Scope.Benchmark)
    public static class NewOutput {
        Path folder;

        @Setup(Level.Trial)
        public void create() throws IOException {
            folder = Files.createTempDirectory("explainer-bench").resolve("site");
        }

        @Setup(Level.Invocation)
        public void remove() throws IOException {
            if (Files.exists(folder)) {
                try (var walk = Files.walk(folder)) {
                    for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }

    /** Writing the whole output into a new folder: staged, then moved into place. */
    @Benchmark
    public Path writeNewOutput(NewOutput output) throws IOException {
        new SiteWriter().write(output.folder, files);
        return output.folder;
    }

    /** Writing the same output over an earlier build: every file compared, none written. */
    @Benchmark
    public Path rewriteUnchangedOutput() throws IOException {
        new SiteWriter().write(unchanged, files);
        return unchanged;
    }

    /** A whole clean build in a warm JVM: load, validate, link, render, no write. */
    @Benchmark
    public int wholeBuildWithoutWriting() {
        return new SiteBuilder().run(BuildOptions.check(Path.of("").toAbsolutePath())).pages();
    }
}
