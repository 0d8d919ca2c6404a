package dev.explainer.pipeline;

import dev.explainer.check.SiteChecks;
import dev.explainer.config.Language;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.link.GeneratedFiles;
import dev.explainer.link.LinkCache;
import dev.explainer.link.Linker;
import dev.explainer.link.Page;
import dev.explainer.link.Site;
import dev.explainer.link.TextLanguage;
import dev.explainer.load.LoadedSite;
import dev.explainer.output.OutputFile;
import dev.explainer.render.GeneratedFile;
import dev.explainer.render.RedirectFiles;
import dev.explainer.render.RenderCache;
import dev.explainer.render.RenderLimits;
import dev.explainer.render.RenderedPage;
import dev.explainer.render.SiteIndexFiles;
import dev.explainer.render.SiteRenderer;
import dev.explainer.render.TemplateEngine;
import dev.explainer.validate.ValidEntry;
import dev.explainer.validate.ValidTranslation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The editions of a site in more than one language besides the original's: each linked from the
 * original's entries with their translations in place (the original's where there is none yet),
 * and rendered with its own language, its pages written under its prefix. The stages run as for
 * the original; in the preview each edition keeps its own link and render caches and template
 * engine from one run to the next ({@link Kept}), as the original's are kept by the builder.
 */
final class Editions {
    private Editions() {
    }

    /** One edition, linked: its config and what the link stage made of it. */
    record Linked(SiteConfig config, Linker.Result result) {
    }

    /**
     * What the stages of one edition keep for the next run, as the builder keeps the original's:
     * the link stage's cache, the render cache, and the template engine with the config it was
     * made for (an engine compiles every template once).
     */
    record EditionCache(LinkCache link, RenderCache render, TemplateEngine templates, SiteConfig templatesConfig) {
    }

    /**
     * What every edition keeps, by language code. A builder for one-off builds keeps nothing
     * ({@link #NONE}); the preview's keeps each edition's, so that an edit renders again only the
     * pages of each edition it touches.
     *
     * @param recording whether the render caches record what pages read (for rebuilds)
     */
    record Kept(boolean recording, Map<String, EditionCache> byLanguage) {
        static final Kept NONE = new Kept(false, Map.of());

        static Kept forRebuilds() {
            return new Kept(true, Map.of());
        }

        Kept {
            byLanguage = Map.copyOf(byLanguage);
        }

        /** Nothing kept, for the next run after one that failed part way. */
        Kept emptied() {
            return new Kept(recording, Map.of());
        }

        LinkCache link(String language) {
            EditionCache kept = byLanguage.get(language);
            return kept == null ? LinkCache.empty() : kept.link(); // only a recording run keeps anything
        }

        RenderCache render(String language) {
            EditionCache kept = byLanguage.get(language);
            if (kept != null) {
                return kept.render();
            }
            return recording ? RenderCache.forRebuilds() : RenderCache.forOneBuild();
        }

        /** The edition's engine kept, if made for this config and these templates; else a new one. */
        TemplateEngine templates(SiteConfig config, LoadedSite site) {
            EditionCache kept = byLanguage.get(config.language());
            if (kept != null && kept.templates() != null && kept.templatesConfig().equals(config)
                    && SiteBuilder.sameTexts(kept.templates().sources(), site.templates())) {
                return kept.templates();
            }
            return new TemplateEngine(config, site.templates());
        }
    }

    /** The languages that are not the original, in the order declared. */
    static List<Language> translated(SiteConfig config) {
        return config.languages().stream().filter(language -> !language.original()).toList();
    }

    /** Every edition but the original's, linked; a problem at the place of one the original's run reported, of its kind, is not repeated. */
    static List<Linked> link(Linker linker, LoadedSite site, Site original, List<ValidEntry> originals,
                             List<ValidTranslation> translations, boolean drafts, Kept kept, Set<Diagnostic> reported,
                             List<Diagnostic> problems) {
        Set<Place> places = new HashSet<>();
        reported.forEach(problem -> places.add(Place.of(problem)));
        // Every file the original's render writes under an edition's prefix would be silently
        // replaced by the edition's: its pages, its redirect pages and its search index.
        Map<String, String> originalFiles = new HashMap<>();
        original.pages().forEach(page -> originalFiles.put(page.outputFile(), "the original's page " + page.sitePath()));
        original.redirects().forEach(redirect -> originalFiles.putIfAbsent(redirect.outputFile(),
                "the original's redirect from its former address " + redirect.fromPath()));
        site.config().search().ifPresent(search -> originalFiles.putIfAbsent(site.config().outputPrefix() + search.outputFile(),
                "the original's search index"));
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
            Linker.Result linked = linker.link(site.withConfig(config), entries, drafts, kept.link(language.code()),
                    untranslated(site.config(), originals, translations));
            Linker.Result result = new Linker.Result(linked.site().withTextLanguages(texts), linked.published(), linked.diagnostics(),
                    linked.cache());
            newOnes(result.diagnostics(), places, problems);
            Map<String, String> editionFiles = new LinkedHashMap<>();
            result.site().pages().forEach(page -> editionFiles.putIfAbsent(page.outputFile(), "page " + page.sitePath()));
            result.site().redirects().forEach(redirect -> editionFiles.putIfAbsent(redirect.outputFile(),
                    "redirect from its former address " + redirect.fromPath()));
            config.search().ifPresent(search -> editionFiles.putIfAbsent(config.outputPrefix() + search.outputFile(), "search index"));
            Optional<Map.Entry<String, String>> clash = editionFiles.entrySet().stream()
                    .filter(file -> originalFiles.containsKey(file.getKey())).findFirst();
            if (clash.isPresent()) {
                String file = clash.get().getKey();
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, language.position(), "the '" + language.code() + "' edition's "
                        + clash.get().getValue() + " would be written to " + file + ", where " + originalFiles.get(file)
                        + " is; give language '" + language.code() + "' a prefix no page of the original starts with"));
                continue;
            }
            editions.add(new Linked(config, result));
        }
        return editions;
    }

    /**
     * For a site that leaves out pages not translated ({@code translations: {missing: omit}}):
     * the key of each entry with no translation into some editions, to their language codes.
     * Empty for a site that shows the original's text instead.
     */
    static Map<String, Set<String>> untranslated(SiteConfig config, List<ValidEntry> originals, List<ValidTranslation> translations) {
        if (!config.translations().omitMissing()) {
            return Map.of();
        }
        Set<String> translated = new HashSet<>();
        translations.forEach(t -> translated.add(t.language() + " " + t.entry().key()));
        Map<String, Set<String>> untranslated = new HashMap<>();
        for (ValidEntry entry : originals) {
            Set<String> lacking = new HashSet<>();
            for (Language language : translated(config)) {
                if (!translated.contains(language.code() + " " + entry.key())) {
                    lacking.add(language.code());
                }
            }
            if (!lacking.isEmpty()) {
                untranslated.put(entry.key(), Set.copyOf(lacking));
            }
        }
        return untranslated;
    }

    /** The output files of every page the editions have. */
    static List<String> pageFiles(List<Linked> editions) {
        return editions.stream().flatMap(edition -> edition.result().site().pages().stream()).map(Page::outputFile).toList();
    }

    /**
     * Every edition's pages, rendered with its language, and checked as the original's are once
     * rendered ({@link SiteChecks#afterRender}). A problem at a place where the original's run
     * found one of the same kind is not repeated: an untranslated entry's body, or a template
     * line every edition runs, is one thing to fix, whatever edition shows it.
     *
     * <p>Besides the pages, each edition's search index and redirect pages under its prefix, and
     * the files the site has one of (robots.txt stays the original's): the sitemap of every
     * edition and the list of every edition's former addresses, which take the place of the
     * original's ({@link #merged}).
     *
     * @param original the original's linked site
     * @param reported what the original's render and its checks after rendering found
     */
    static Rendered render(List<Linked> editions, Site original, LoadedSite site, RenderLimits limits, Kept kept,
                           List<Diagnostic> reported, List<Diagnostic> problems) {
        Map<String, EditionCache> next = new HashMap<>();
        boolean abandoned = false;
        boolean interrupted = false;
        List<Throwable> bugs = new ArrayList<>();
        Set<Place> places = new HashSet<>();
        reported.forEach(problem -> places.add(Place.of(problem)));
        List<OutputFile> files = new ArrayList<>();
        Map<String, Site> sites = new HashMap<>();
        sites.put(original.config().language(), original);
        int pages = 0;
        List<String> renderedPaths = new ArrayList<>();
        for (Linked edition : editions) {
            if (limits.cancellation().isCancelled() || limits.buildTimeUp(System.nanoTime())) {
                interrupted = true; // the builder reports why; an edition rendered in part is never written
                break;
            }
            String code = edition.config().language();
            TemplateEngine engine = kept.templates(edition.config(), site);
            List<Diagnostic> found = new ArrayList<>(engine.compileAll());
            SiteRenderer.Result rendered = SiteRenderer.render(edition.result().site(), engine, limits, kept.render(code));
            found.addAll(rendered.diagnostics());
            if (rendered.abandoned()) {
                abandoned = true; // a page that would not stop still runs, on what this edition kept
            } else {
                found.addAll(SiteChecks.afterRender(edition.result().site(), rendered.found()));
                if (kept.recording()) {
                    next.put(code, new EditionCache(edition.result().cache(), rendered.cache(), engine, edition.config()));
                }
            }
            pages += rendered.pageCount();
            rendered.rendered().forEach(path -> renderedPaths.add("/" + edition.config().outputPrefix() + path.substring(1)));
            newOnes(found, places, problems);
            for (RenderedPage page : rendered.pages()) {
                files.add(new OutputFile.Generated(page.page().outputFile(), page.html()));
            }
            for (GeneratedFile file : rendered.generated()) {
                if (!ONE_PER_SITE.contains(file.path())) {
                    files.add(new OutputFile.Generated(file.path(), file.bytes()));
                }
            }
            sites.put(edition.config().language(), edition.result().site());
            bugs.addAll(rendered.bugs());
            if (rendered.interrupted() || rendered.abandoned()) {
                interrupted |= rendered.interrupted();
                break; // the later editions would only run out of time too, or share the cores with a page that will not stop
            }
        }
        List<Site> inOrder = site.config().languages().stream().map(language -> sites.get(language.code())).filter(Objects::nonNull).toList();
        if (GeneratedFiles.of(original.config()).writerOf(GeneratedFiles.SITEMAP).isPresent()) {
            GeneratedFile sitemap = SiteIndexFiles.sitemap(inOrder);
            files.add(new OutputFile.Generated(sitemap.path(), sitemap.bytes()));
        }
        for (GeneratedFile list : RedirectFiles.listOfEditions(inOrder)) {
            files.add(new OutputFile.Generated(list.path(), list.bytes()));
        }
        return new Rendered(files, pages, renderedPaths, abandoned ? kept.emptied() : new Kept(kept.recording(), next), abandoned,
                interrupted, List.copyOf(bugs));
    }

    /**
     * What the editions' render made.
     *
     * @param files     their pages and files, the sitemap and redirect list of every edition among them
     * @param pages     how many pages the editions have
     * @param rendered  the addresses of the pages that went through their template in this run
     * @param kept      what the next run may reuse
     * @param abandoned   a page would not stop: the builder must drop every cache it holds
     * @param interrupted the render stopped before every edition's every page was done (out of time,
     *                    or cancelled): the build must fail, as when the original's render is interrupted
     * @param bugs        what was thrown where the tool itself failed, in the editions' pages
     */
    record Rendered(List<OutputFile> files, int pages, List<String> rendered, Kept kept, boolean abandoned, boolean interrupted,
                    List<Throwable> bugs) {
    }

    /** The files a site has one of, at its root, whatever its editions: the render of an edition makes its own, which are not kept. */
    private static final Set<String> ONE_PER_SITE = Set.of(GeneratedFiles.SITEMAP, GeneratedFiles.ROBOTS, GeneratedFiles.REDIRECTS);

    /** The original's files and the editions', those of the editions in place of the original's of the same path. */
    static List<OutputFile> merged(List<OutputFile> original, List<OutputFile> editions) {
        Set<String> replaced = new HashSet<>();
        editions.forEach(file -> replaced.add(file.path()));
        List<OutputFile> files = new ArrayList<>(original.size() + editions.size());
        original.stream().filter(file -> !replaced.contains(file.path())).forEach(files::add);
        files.addAll(editions);
        return files;
    }

    /** Where a problem is and what kind it is: one edition's problem at the place of another's, of its kind, is the same one. */
    private record Place(String path, int line, int column, DiagnosticCode code) {
        static Place of(Diagnostic problem) {
            return new Place(problem.path(), problem.line(), problem.column(), problem.code());
        }
    }

    /** The problems found that are not at the place of one reported already, of its kind ({@link Place}). */
    private static void newOnes(List<Diagnostic> found, Set<Place> reported, List<Diagnostic> problems) {
        for (Diagnostic problem : found) {
            if (reported.add(Place.of(problem))) {
                problems.add(problem);
            }
        }
    }
}
