package dev.explainer.render;

import dev.explainer.config.Language;
import dev.explainer.config.MenuItem;
import dev.explainer.config.SiteConfig;
import dev.explainer.link.Entry;
import dev.explainer.link.Page;
import dev.explainer.load.ImageFile;
import dev.explainer.markdown.LinkTargets;

import freemarker.template.SimpleScalar;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names a page's template sees: {@code site}, {@code page}, {@code entry},
 * {@code collections}, {@code matrices}, {@code changelog}, {@code root} and the functions
 * {@code href}, {@code image}, {@code lookup}, {@code json} and {@code t}. Everything drawn from the site is read through
 * the page's {@link SiteReads}.
 */
final class PageDataModel {
    private static final JsonFunction JSON = new JsonFunction();
    private static final MessageFunction MESSAGES = new MessageFunction();

    private PageDataModel() {
    }

    static Map<String, Object> of(PageContext context, Models models) {
        SiteReads reads = context.reads();
        SiteConfig config = reads.config();
        Page page = context.page();
        List<Map<String, Object>> menu = new ArrayList<>();
        for (MenuItem item : config.menu()) {
            Optional<LinkTargets.Target> target = reads.find(item.url());
            String path = target.map(t -> t.sitePath()).orElse(item.url());
            // A page this edition leaves out is found in the original's edition, where the item leads.
            menu.add(Models.ordered("title", item.title(), "path", path,
                    "href", context.root() + target.filter(LinkTargets.Target::page).map(LinkTargets.Target::outputFile)
                            .orElse(config.outputPrefix() + Page.outputFileOf(path)),
                    "current", page.sitePath().equals(path),
                    "section", !path.equals("/") && page.sitePath().startsWith(path)));
        }
        Map<String, Object> siteModel = Models.ordered(
                "title", config.title(),
                "description", config.description(),
                "base_url", config.baseUrl().toString(),
                "language", config.language(),
                "direction", config.directionOf(config.language()),
                "languages", editions(context, config),
                "menu", menu,
                "params", config.params(),
                // A link to the search index of this page's edition, for the search script; empty without search.
                "search_index", config.search().map(search -> context.root() + config.outputPrefix() + search.outputFile()).orElse(""));
        Map<String, Object> pageModel = Models.ordered(
                "path", page.sitePath(),
                "permalink", context.permalink(page.sitePath()),
                "root", context.root(),
                "breadcrumbs", breadcrumbs(context));
        return Models.ordered(
                "site", siteModel,
                "page", pageModel,
                "entry", page.entry(),
                "collections", new Models.NamesModel(reads.collectionNames(), reads::listing, models),
                "matrices", new Models.NamesModel(reads.matrixNames(), reads::matrix, models),
                "changelog", new Models.ChangelogModel(models),
                "root", context.root(),
                "json", JSON,
                "t", MESSAGES,
                "href", (TemplateMethodModelEx) arguments -> new SimpleScalar(context.href(stringArgument(arguments, 0, "href"))),
                "image", (TemplateMethodModelEx) arguments -> {
                    String path = stringArgument(arguments, 0, "image");
                    ImageFile image = (path.startsWith("/") ? reads.image(path) : Optional.<ImageFile>empty())
                            .orElseThrow(() -> new TemplateModelException("image: no image of content/ has the site path '" + path
                                    + "'; write the path from content/ with a leading '/', such as '/media/region.png'"));
                    return models.wrap(Models.ordered("src", context.root() + image.outputPath(), "width", image.width(), "height", image.height()));
                },
                "lookup", (TemplateMethodModelEx) arguments -> {
                    String collection = stringArgument(arguments, 0, "lookup");
                    String id = stringArgument(arguments, 1, "lookup");
                    Entry entry = reads.lookup(collection, id).orElseThrow(() -> new TemplateModelException(
                            "lookup: no entry '" + id + "' in collection '" + collection + "'"));
                    return new EntryModel(entry, models);
                });
    }

    /**
     * This page in every edition, in the order the site declares its languages, for a language
     * switcher of plain links and {@code <link rel="alternate" hreflang>}: empty for a site in one language. An
     * edition that leaves the page out ({@code translations: {missing: omit}}) is not among them.
     */
    private static List<Map<String, Object>> editions(PageContext context, SiteConfig config) {
        List<Map<String, Object>> editions = new ArrayList<>();
        String file = Page.outputFileOf(context.page().sitePath());
        String path = context.page().sitePath().startsWith("/") ? context.page().sitePath().substring(1) : context.page().sitePath();
        Set<String> without = context.reads().editionsWithout(context.page().sitePath());
        for (Language language : config.languages()) {
            if (without.contains(language.code())) {
                continue; // no page to switch to
            }
            String prefix = language.prefix().isEmpty() ? "" : language.prefix().substring(1);
            editions.add(Models.ordered("code", language.code(), "name", language.name(), "direction", language.direction(),
                    "href", context.root() + prefix + file,
                    "permalink", config.baseUrl() + prefix + path,
                    "current", language.code().equals(config.language()),
                    // Which edition the others translate: the one for hreflang="x-default", wherever it is declared.
                    "original", language.original()));
        }
        return editions;
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
        SiteReads reads = context.reads();
        String path = context.page().sitePath();
        int slash = 0;
        while ((slash = path.indexOf('/', slash)) >= 0 && slash < path.length() - 1) {
            reads.page(path.substring(0, slash + 1)).ifPresent(ancestor -> crumbs.add(Models.ordered(
                    "title", menuTitle(reads.config(), ancestor.sitePath()).orElseGet(() -> reads.displayName(ancestor.entry())),
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
}
