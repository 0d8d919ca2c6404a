package dev.explainer.pipeline;

import dev.explainer.config.Language;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.link.LinkCache;
import dev.explainer.link.Linker;
import dev.explainer.link.Page;
import dev.explainer.link.Site;
import dev.explainer.link.TextLanguage;
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
            Map<String, ValidTranslation> translated = new HashMap<>();
            translations.stream().filter(t -> t.language().equals(language.code())).forEach(t -> translated.put(t.entry().key(), t));
            List<ValidEntry> entries = new ArrayList<>(originals.size());
            Map<String, TextLanguage> texts = new HashMap<>();
            for (ValidEntry entry : originals) {
                ValidTranslation translation = translated.get(entry.key());
                entries.add(translation == null ? entry : translation.entry());
                if (translation == null) {
                    texts.put(entry.key(), new TextLanguage(site.config().language(), false));
                } else if (translation.stale()) {
                    texts.put(entry.key(), new TextLanguage(language.code(), true));
                }
            }
            SiteConfig config = site.config().forEdition(language);
            Linker.Result linked = linker.link(site.withConfig(config), entries, drafts, LinkCache.empty());
            Linker.Result result = new Linker.Result(linked.site().withTextLanguages(texts), linked.published(), linked.diagnostics(),
                    linked.cache());
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
     * Every edition's pages, rendered with its language. The files the render stage makes from
     * the pages (sitemap, robots.txt, search index, redirects) are the original's alone.
     */
    static List<OutputFile> render(List<Linked> editions, LoadedSite site, RenderLimits limits, Set<Diagnostic> reported,
                                   List<Diagnostic> problems) {
        List<OutputFile> files = new ArrayList<>();
        for (Linked edition : editions) {
            TemplateEngine engine = new TemplateEngine(edition.config(), site.templates());
            newOnes(engine.compileAll(), reported, problems);
            SiteRenderer.Result rendered = SiteRenderer.render(edition.result().site(), engine, limits, RenderCache.forOneBuild());
            newOnes(rendered.diagnostics(), reported, problems);
            for (RenderedPage page : rendered.pages()) {
                files.add(new OutputFile.Generated(page.page().outputFile(), page.html()));
            }
        }
        return files;
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
