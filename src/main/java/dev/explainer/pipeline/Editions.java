package dev.explainer.pipeline;

import dev.explainer.check.SiteChecks;
import dev.explainer.config.Language;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.link.LinkCache;
import dev.explainer.link.Linker;
import dev.explainer.link.Page;
import dev.explainer.link.Site;
import dev.explainer.load.LoadedSite;
import dev.explainer.output.OutputFile;
import dev.explainer.render.RenderCache;
import dev.explainer.render.RenderLimits;
import dev.explainer.render.RenderedPage;
import dev.explainer.render.SiteRenderer;
import dev.explainer.render.TemplateEngine;
import dev.explainer.validate.ValidEntry;
import dev.explainer.validate.ValidTranslation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The editions of a site in more than one language besides the original's: each linked from the
 * original's entries with their translations in place (the original's where there is none yet),
 * and rendered with its own language, its pages written under its prefix. The stages run as for
 * the original, from nothing kept, so an edition never shows what an earlier run made.
 */
final class Editions {
    private Editions() {
    }

    /** One edition, linked: its config and what the link stage made of it. */
    record Linked(SiteConfig config, Linker.Result result) {
    }

    /** The languages that are not the original, in the order declared. */
    static List<Language> translated(SiteConfig config) {
        return config.languages().stream().filter(language -> !language.original()).toList();
    }

    /** Every edition but the original's, linked; problems the original's run reported already are not repeated. */
    static List<Linked> link(Linker linker, LoadedSite site, Site original, List<ValidEntry> originals,
                             List<ValidTranslation> translations, boolean drafts, Set<Diagnostic> reported, List<Diagnostic> problems) {
        Map<String, String> originalFiles = new HashMap<>();
        original.pages().forEach(page -> originalFiles.put(page.outputFile(), page.sitePath()));
        List<Linked> editions = new ArrayList<>();
        for (Language language : translated(site.config())) {
            Map<String, ValidEntry> translatedEntries = new HashMap<>();
            translations.stream().filter(t -> t.language().equals(language.code()))
                    .forEach(t -> translatedEntries.put(t.entry().key(), t.entry()));
            List<ValidEntry> entries = originals.stream().map(entry -> translatedEntries.getOrDefault(entry.key(), entry)).toList();
            SiteConfig config = site.config().forEdition(language);
            Linker.Result result = linker.link(site.withConfig(config), entries, drafts, LinkCache.empty());
            newOnes(result.diagnostics(), reported, problems);
            Optional<Page> clash = result.site().pages().stream().filter(page -> originalFiles.containsKey(page.outputFile())).findFirst();
            if (clash.isPresent()) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, language.position(), "the '" + language.code() + "' edition's page "
                        + clash.get().sitePath() + " would be written to " + clash.get().outputFile() + ", where the original's page "
                        + originalFiles.get(clash.get().outputFile()) + " is; give language '" + language.code()
                        + "' a prefix no page of the original starts with"));
                continue;
            }
            editions.add(new Linked(config, result));
        }
        return editions;
    }

    /** The output files of every page the editions have. */
    static List<String> pageFiles(List<Linked> editions) {
        return editions.stream().flatMap(edition -> edition.result().site().pages().stream()).map(Page::outputFile).toList();
    }

    /**
     * Every edition's pages, rendered with its language, and checked as the original's are once
     * rendered ({@link SiteChecks#afterRender}). A problem at a place where the original's run
     * found one of the same kind is not repeated: an untranslated entry's body, or a template
     * line every edition runs, is one thing to fix, whatever edition shows it. The files the
     * render stage makes from the pages (sitemap, robots.txt, search index, redirects) are the
     * original's alone.
     *
     * @param reported what the original's render and its checks after rendering found
     */
    static List<OutputFile> render(List<Linked> editions, LoadedSite site, RenderLimits limits, List<Diagnostic> reported,
                                   List<Diagnostic> problems) {
        Set<Place> places = new HashSet<>();
        reported.forEach(problem -> places.add(Place.of(problem)));
        List<OutputFile> files = new ArrayList<>();
        for (Linked edition : editions) {
            TemplateEngine engine = new TemplateEngine(edition.config(), site.templates());
            List<Diagnostic> found = new ArrayList<>(engine.compileAll());
            SiteRenderer.Result rendered = SiteRenderer.render(edition.result().site(), engine, limits, RenderCache.forOneBuild());
            found.addAll(rendered.diagnostics());
            if (!rendered.abandoned()) {
                found.addAll(SiteChecks.afterRender(edition.result().site(), rendered.found()));
            }
            for (Diagnostic problem : found) {
                if (places.add(Place.of(problem))) {
                    problems.add(problem);
                }
            }
            for (RenderedPage page : rendered.pages()) {
                files.add(new OutputFile.Generated(page.page().outputFile(), page.html()));
            }
        }
        return files;
    }

    /** Where a problem is and what kind it is: one edition's problem at the place of another's, of its kind, is the same one. */
    private record Place(String path, int line, int column, DiagnosticCode code) {
        static Place of(Diagnostic problem) {
            return new Place(problem.path(), problem.line(), problem.column(), problem.code());
        }
    }

    private static void newOnes(List<Diagnostic> found, Set<Diagnostic> reported, List<Diagnostic> problems) {
        Set<Diagnostic> seen = new HashSet<>(reported);
        for (Diagnostic problem : found) {
            if (seen.add(problem)) {
                problems.add(problem);
            }
        }
    }
}
