package dev.explainer.config;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;
import dev.explainer.text.SourceFile;
import dev.explainer.yaml.MappingReader;
import dev.explainer.yaml.YamlNode;
import dev.explainer.yaml.YamlParser;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the site config: its settings, menu and limits here, its collections in
 * {@link CollectionsParser}. Unknown keys are errors, as a misspelt setting would otherwise be ignored.
 */
public final class ConfigParser {
    private static final Set<String> SITE_KEYS = Set.of(
            "title", "description", "base_url", "language", "date_format", "markdown", "menu", "params", "changelog",
            "collections", "limits", "generate_sitemap", "generate_robots_txt", "error_page", "static", "media", "search",
            "languages", "translations");
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");

    private final YamlParser yaml;

    public ConfigParser(YamlParser yaml) {
        this.yaml = yaml;
    }

    public record Result(Optional<SiteConfig> config, List<Diagnostic> diagnostics) {
    }

    public Result parse(SourceFile file) {
        List<Diagnostic> problems = new ArrayList<>();
        YamlParser.Result parsed = yaml.parse(file.path(), file.text(), 1);
        problems.addAll(parsed.diagnostics());
        if (parsed.root().isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        YamlNode top = parsed.root().get();
        if (top instanceof YamlNode.Mapping mapping && mapping.members().isEmpty()
                || top instanceof YamlNode.Scalar scalar && scalar.value() == null) {
            // An empty file, or one of comments only: every setting would be reported missing, one by one.
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, Position.startOf(file.path()),
                    "the site's configuration is empty; it needs at least title, base_url and collections"));
            return new Result(Optional.empty(), problems);
        }
        if (!(top instanceof YamlNode.Mapping root)) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, parsed.root().get().position(),
                    "the site config must be a mapping of settings (title, base_url, collections, ...)"));
            return new Result(Optional.empty(), problems);
        }
        MappingReader site = new MappingReader(root, "the site config", problems);
        site.rejectUnknownKeys(SITE_KEYS);
        String title = site.requiredString("title");
        String description = site.string("description").orElse("");
        URI baseUrl = site.node("base_url").isEmpty()
                ? missing(problems, root.position(), "the site config needs a 'base_url' (the absolute URL it is published at)")
                : baseUrl(site, problems);
        List<Language> languages = LanguagesParser.languages(site, problems);
        String language = languages.stream().filter(Language::original).map(Language::code).findFirst()
                .orElseGet(() -> site.string("language").orElse("en"));
        if (languages.isEmpty() && !LANGUAGE.matcher(language).matches()) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, site.node("language").get().position(),
                    "'" + language + "' is not a language tag such as 'en' or 'en-GB'"));
        }
        String dateFormat = site.string("date_format").orElse("d MMMM yyyy");
        try {
            new SimpleDateFormat(dateFormat, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, site.node("date_format").map(YamlNode::position).orElse(root.position()),
                    "'" + dateFormat + "' is not a date pattern: " + e.getMessage()));
        }
        boolean rawHtml = site.mapping("markdown").map(markdown -> {
            MappingReader reader = new MappingReader(markdown, "'markdown'", problems);
            reader.rejectUnknownKeys(Set.of("raw_html", "shortcodes"));
            return reader.bool("raw_html", false);
        }).orElse(false);
        boolean shortcodes = site.mapping("markdown").map(markdown -> new MappingReader(markdown, "'markdown'", problems)
                .bool("shortcodes", true)).orElse(true);
        List<MenuItem> menu = menu(site, problems);
        Map<String, Object> params = site.mapping("params").map(p -> castMap(p.toPlain())).orElse(Map.of());
        List<CollectionConfig> collections = CollectionsParser.collections(site, problems);
        Optional<ChangelogConfig> changelog = changelog(site, problems);
        Limits limits = limits(site, problems);
        Optional<MediaFolder> media = media(site, problems);
        Outputs outputs = outputs(site, problems);
        Optional<SearchConfig> search = SearchParser.search(site, problems);
        Translations translations = LanguagesParser.translations(site, !languages.isEmpty(), problems);
        if (languages.isEmpty()) {
            for (CollectionConfig collection : collections) {
                collection.translate().stream().findFirst().ifPresent(field -> problems.add(Diagnostic.error(DiagnosticCode.CONFIG,
                        field.position(), "collection '" + collection.name() + "' has 'translate', but the site declares no"
                        + " 'languages' to translate into; declare them, or remove 'translate'")));
            }
        }
        SiteConfig config = new SiteConfig(file.path(), title, description, baseUrl, language, dateFormat,
                rawHtml, shortcodes, menu, params, changelog, collections, limits, outputs, media, search, languages, translations);
        return new Result(Optional.of(config), problems);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object plain) {
        return (Map<String, Object>) plain;
    }

    private static <T> T missing(List<Diagnostic> problems, Position at, String message) {
        problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at, message));
        return null;
    }

    private static URI baseUrl(MappingReader site, List<Diagnostic> problems) {
        Optional<String> text = site.string("base_url");
        if (text.isEmpty()) {
            return null;
        }
        Optional<URI> url = parseBaseUrl(text.get());
        if (url.isEmpty()) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, site.node("base_url").get().position(),
                    "base_url '" + text.get() + "' must be an absolute http or https URL, such as https://example.org/"));
            return null;
        }
        return url.get();
    }

    /** An absolute http(s) URL without query or fragment, normalised to end with '/'. */
    public static Optional<URI> parseBaseUrl(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (!path.endsWith("/")) {
                path += "/";
            }
            return Optional.of(new URI(scheme + "://" + uri.getRawAuthority() + path));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code changelog: changes}, or {@code changelog: {field: changes, date: day, text: note}}. */
    private static Optional<ChangelogConfig> changelog(MappingReader site, List<Diagnostic> problems) {
        Optional<YamlNode> node = site.node("changelog");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlNode.Mapping mapping) {
            MappingReader reader = new MappingReader(mapping, "'changelog'", problems);
            reader.rejectUnknownKeys(Set.of("field", "date", "text"));
            String field = reader.requiredString("field");
            String date = reader.string("date").orElse(ChangelogConfig.DEFAULT_DATE_KEY);
            String text = reader.string("text").orElse(ChangelogConfig.DEFAULT_TEXT_KEY);
            if (date.equals(text)) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, reader.node("text").orElse(mapping).position(),
                        "'changelog' names '" + text + "' for both the date and the text of a change; give them different keys"));
                return Optional.empty();
            }
            return field.isEmpty() ? Optional.empty() : Optional.of(new ChangelogConfig(field, date, text, mapping.position()));
        }
        if (node.get() instanceof YamlNode.Scalar scalar && scalar.value() instanceof String field) {
            return Optional.of(new ChangelogConfig(field, ChangelogConfig.DEFAULT_DATE_KEY, ChangelogConfig.DEFAULT_TEXT_KEY,
                    scalar.position()));
        }
        problems.add(Diagnostic.error(DiagnosticCode.CONFIG, node.get().position(), "'changelog' must be a field name, such as"
                + " 'changelog: changes', or a mapping such as 'changelog: {field: changes, date: date, text: text}', not "
                + node.get().describe()));
        return Optional.empty();
    }

    /**
     * {@code generate_sitemap}, {@code generate_robots_txt}, {@code error_page} and {@code static}.
     * Whether the error page is a page and the static folder a folder is for the later stages,
     * which know the pages and the files.
     */
    private static Outputs outputs(MappingReader site, List<Diagnostic> problems) {
        boolean sitemap = site.bool("generate_sitemap", true);
        boolean robots = site.bool("generate_robots_txt", true);
        String errorPage = Outputs.DEFAULT_ERROR_PAGE;
        Optional<Position> errorPageAt = site.node("error_page").map(YamlNode::position);
        Optional<String> declared = site.string("error_page");
        if (declared.isPresent()) {
            String path = declared.get();
            if (path.startsWith("/") && !path.startsWith("//") && (path.endsWith("/") || path.endsWith(".html"))
                    && path.indexOf('#') < 0 && path.indexOf('?') < 0) {
                errorPage = path;
            } else {
                errorPageAt = Optional.empty(); // reported here; no page is looked for
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, site.node("error_page").get().position(), "error_page '" + path + "' must be the"
                        + " site path of an HTML page of the site, such as '/404.html' or '/not-found/': starting with '/',"
                        + " ending with '/' or '.html'"));
            }
        }
        Optional<String> staticFolder = site.string("static").map(folder -> folder.endsWith("/") && folder.length() > 1
                ? folder.substring(0, folder.length() - 1) : folder);
        if (staticFolder.isPresent() && staticFolder.get().isEmpty()) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, site.node("static").get().position(), "'static' must name a folder"
                    + " below content/, such as 'static: static' for content/static/"));
            staticFolder = Optional.empty();
        }
        return new Outputs(sitemap, robots, errorPage, errorPageAt, staticFolder,
                site.node("static").map(YamlNode::position).orElse(site.position()));
    }

    /** {@code media: media}: a folder below {@code content/}, named as a collection's folder is. */
    private static Optional<MediaFolder> media(MappingReader site, List<Diagnostic> problems) {
        Optional<YamlNode> node = site.node("media");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!(node.get() instanceof YamlNode.Scalar scalar && scalar.value() instanceof String folder && !folder.isBlank())) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, node.get().position(), "'media' must be a folder below content/"
                    + " for images that entries share, such as 'media: media', not " + node.get().describe()));
            return Optional.empty();
        }
        String trimmed = folder.strip();
        trimmed = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        if (trimmed.startsWith("/")) { // the loader checks the rest of the path, as for a collection's folder
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, scalar.position(), "'media' folder '" + folder
                    + "' starts with '/'; name it from content/, as 'media: media'"));
            return Optional.empty();
        }
        return Optional.of(new MediaFolder(trimmed, scalar.position()));
    }

    private static Limits limits(MappingReader site, List<Diagnostic> problems) {
        Optional<YamlNode.Mapping> declared = site.mapping("limits");
        if (declared.isEmpty()) {
            return Limits.defaults(site.position());
        }
        MappingReader reader = new MappingReader(declared.get(), "'limits'", problems);
        reader.rejectUnknownKeys(Set.of("page_render_seconds", "build_seconds"));
        return new Limits(seconds(reader, "page_render_seconds", problems).orElse(Limits.DEFAULT_PAGE_RENDER),
                seconds(reader, "build_seconds", problems).orElse(Limits.DEFAULT_BUILD), declared.get().position());
    }

    /** A limit in whole seconds, from 1 to a day. */
    private static Optional<Duration> seconds(MappingReader limits, String key, List<Diagnostic> problems) {
        Optional<YamlNode> node = limits.node(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlNode.Scalar scalar && scalar.value() instanceof Long seconds
                && seconds >= 1 && seconds <= Limits.MAX_SECONDS) {
            return Optional.of(Duration.ofSeconds(seconds));
        }
        String given = node.get() instanceof YamlNode.Scalar scalar && scalar.value() instanceof Long number
                ? String.valueOf(number) : node.get().describe();
        problems.add(Diagnostic.error(DiagnosticCode.CONFIG, node.get().position(), "'limits." + key
                + "' must be a whole number of seconds from 1 to " + Limits.MAX_SECONDS + ", not " + given));
        return Optional.empty();
    }

    private static List<MenuItem> menu(MappingReader site, List<Diagnostic> problems) {
        List<MenuItem> items = new ArrayList<>();
        Optional<YamlNode> node = site.node("menu");
        if (node.isEmpty()) {
            return items;
        }
        if (!(node.get() instanceof YamlNode.Sequence sequence)) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, node.get().position(), "'menu' must be a list of {title, url} items"));
            return items;
        }
        for (YamlNode item : sequence.items()) {
            if (!(item instanceof YamlNode.Mapping mapping)) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, item.position(), "a menu item must be a mapping with 'title' and 'url'"));
                continue;
            }
            MappingReader reader = new MappingReader(mapping, "a menu item", problems);
            reader.rejectUnknownKeys(Set.of("title", "url"));
            items.add(new MenuItem(reader.requiredString("title"), reader.requiredString("url"), mapping.position()));
        }
        return items;
    }
}
