package dev.explainer.config;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site's own declaration of itself, read from {@code content/site.yaml}.
 *
 * @param path        where it was read from, relative to the source folder
 * @param title       the site's name
 * @param description a sentence about the site, for search engines and link previews
 * @param baseUrl     the absolute URL the site is published at, ending in '/'
 * @param language    a BCP 47 language tag; also fixes the locale templates format with
 * @param dateFormat  the default FreeMarker date pattern ({@code d MMMM yyyy})
 * @param rawHtml     whether raw HTML in Markdown passes through (off unless the site opts in)
 * @param shortcodes  whether {@code {{< name >}}} in Markdown calls a shortcode (on unless the site opts out)
 * @param menu        the main navigation
 * @param params      free data for templates, as plain maps, lists and scalars
 * @param changelog   the field in which entries keep their dated changes, and the keys of each change,
 *                    gathered site-wide for an Updates page and a feed
 * @param collections the declared collections, in the order written
 * @param limits      how long a page's render and the whole build may take
 * @param outputs     the generated files the site wants, its error page and its static folder
 * @param media       the folder below {@code content/} for images shared by many entries, if declared
 * @param search      the site's search index, if it declares one
 * @param languages   the editions of a site published in more than one language, in the order
 *                    written (the switcher's), exactly one the original; empty for a site in one language
 * @param translations what an edition shows for an entry not yet translated into its language
 */
public record SiteConfig(
        String path,
        String title,
        String description,
        URI baseUrl,
        String language,
        String dateFormat,
        boolean rawHtml,
        boolean shortcodes,
        List<MenuItem> menu,
        Map<String, Object> params,
        Optional<ChangelogConfig> changelog,
        List<CollectionConfig> collections,
        Limits limits,
        Outputs outputs, Optional<MediaFolder> media,
        Optional<SearchConfig> search,
        List<Language> languages,
        Translations translations) {

    public SiteConfig {
        menu = List.copyOf(menu);
        collections = List.copyOf(collections);
        languages = List.copyOf(languages);
    }

    /** The declared language {@code code} that is not the original: the language of translation files. */
    public Optional<Language> translationLanguage(String code) {
        for (Language declared : languages) {
            if (!declared.original() && declared.code().equals(code)) {
                return Optional.of(declared);
            }
        }
        return Optional.empty();
    }

    /** The text direction of language {@code code} as declared ({@code ltr} for one not declared, as for a site in one language). */
    public String directionOf(String code) {
        for (Language declared : languages) {
            if (declared.code().equals(code)) {
                return declared.direction();
            }
        }
        return Language.LTR;
    }

    public Optional<CollectionConfig> collection(String name) {
        for (CollectionConfig collection : collections) { // a handful: a loop beats a map, and a stream
            if (collection.name().equals(name)) {
                return Optional.of(collection);
            }
        }
        return Optional.empty();
    }

    /** This config as the edition in {@code edition} is rendered with: the edition's language in place of the original's. */
    public SiteConfig forEdition(Language edition) {
        return new SiteConfig(path, title, description, baseUrl, edition.code(), dateFormat, rawHtml, shortcodes, menu, params, changelog,
                collections, limits, outputs, media, search, languages, translations);
    }

    /**
     * The folder below the output folder that the pages of this config's edition are written in
     * ({@code ar/}): its language's prefix; empty for the root, and for a site in one language.
     */
    public String outputPrefix() {
        for (Language declared : languages) {
            if (declared.code().equals(language)) {
                return declared.prefix().isEmpty() ? "" : declared.prefix().substring(1);
            }
        }
        return "";
    }

    /** A copy published at another base URL (the command line's {@code --base-url}). */
    public SiteConfig withBaseUrl(URI url) {
        return new SiteConfig(path, title, description, url, language, dateFormat, rawHtml, shortcodes, menu, params, changelog, collections,
                limits, outputs, media, search, languages, translations);
    }
}
