package dev.explainer.config;

import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.Position;
import dev.explainer.text.SourceFile;
import dev.explainer.text.Suggestions;
import dev.explainer.yaml.MappingReader;
import dev.explainer.yaml.MappingReader.Positioned;
import dev.explainer.yaml.YamlNode;
import dev.explainer.yaml.YamlParser;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks the site config. Unknown keys are errors, as a misspelt setting would otherwise be ignored. */
public final class ConfigParser {
    private static final Set<String> SITE_KEYS = Set.of(
            "title", "description", "base_url", "language", "date_format", "markdown", "menu", "params", "changelog",
            "collections", "limits");
    private static final Set<String> COLLECTION_KEYS = Set.of(
            "folder", "file", "schema", "references", "url", "template", "sort", "matrix", "verbatim", "unique");
    private static final Pattern COLLECTION_NAME = Pattern.compile("[a-z][a-z0-9_]*");
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
        String language = site.string("language").orElse("en");
        if (!LANGUAGE.matcher(language).matches()) {
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
            reader.rejectUnknownKeys(Set.of("raw_html"));
            return reader.bool("raw_html", false);
        }).orElse(false);
        List<MenuItem> menu = menu(site, problems);
        Map<String, Object> params = site.mapping("params").map(p -> castMap(p.toPlain())).orElse(Map.of());
        List<CollectionConfig> collections = collections(site, problems);
        Optional<String> changelog = site.string("changelog");
        Limits limits = limits(site, problems);
        SiteConfig config = new SiteConfig(file.path(), title, description, baseUrl, language, dateFormat,
                rawHtml, menu, params, changelog, collections, limits);
        return new Result(Optional.of(config), problems);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object plain) {
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
                    "base_url '" + text.get() + "' must be an absolute http or https URL, such as https://example.org/talks/"));
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

    private static List<CollectionConfig> collections(MappingReader site, List<Diagnostic> problems) {
        List<CollectionConfig> collections = new ArrayList<>();
        Optional<YamlNode.Mapping> declared = site.mapping("collections");
        if (declared.isEmpty()) {
            if (site.node("collections").isEmpty()) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, site.position(), "the site config needs 'collections'"));
            }
            return collections;
        }
        Set<String> names = declared.get().members().keySet();
        for (YamlNode.Member member : declared.get().members().values()) {
            String name = member.key();
            if (!COLLECTION_NAME.matcher(name).matches()) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, member.keyPosition(), "collection name '" + name
                        + "' must be lowercase letters, digits and '_', starting with a letter"));
            }
            if (!(member.value() instanceof YamlNode.Mapping body)) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, member.value().position(),
                        "collection '" + name + "' must be a mapping of settings (folder or file, schema, url, ...)"));
                continue;
            }
            collections.add(collection(name, member.keyPosition(), body, names, problems));
        }
        return collections;
    }

    private static CollectionConfig collection(String name, Position at, YamlNode.Mapping body, Set<String> names,
                                               List<Diagnostic> problems) {
        String where = "collection '" + name + "'";
        MappingReader reader = new MappingReader(body, where, problems);
        reader.rejectUnknownKeys(COLLECTION_KEYS);
        Optional<String> folder = reader.string("folder").map(ConfigParser::trimSlashes);
        Optional<String> file = reader.string("file").map(ConfigParser::trimSlashes);
        if (folder.isPresent() == file.isPresent()) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at, where + " needs exactly one of 'folder' (Markdown files) or 'file' (a YAML list)"));
        }
        // Whether 'folder' or 'file' names a place inside content/ is the load stage's rule
        // (SourceTree.placeOf), the one that 'new' applies too.
        String schema = reader.requiredString("schema");
        Map<String, CollectionConfig.Reference> references = new LinkedHashMap<>();
        reader.stringMap("references").forEach((field, target) -> {
            if (!names.contains(target.value())) {
                String hint = Suggestions.closest(target.value(), names).map(s -> "; did you mean '" + s + "'?").orElse("");
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, target.position(), where + ": field '" + field
                        + "' refers to collection '" + target.value() + "', which is not declared" + hint));
            }
            references.put(field, new CollectionConfig.Reference(field, target.value(), target.position()));
        });
        Optional<String> url = reader.string("url");
        Optional<String> template = reader.string("template");
        url.ifPresent(pattern -> checkUrlPattern(pattern, template.isPresent(), where,
                reader.node("url").get().position(), problems));
        if (template.isPresent() && url.isEmpty()) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at, where + " has a template but no 'url' pattern for its pages"));
        }
        List<CollectionConfig.SortKey> sort = new ArrayList<>();
        for (Positioned key : reader.stringList("sort")) {
            boolean descending = key.value().startsWith("-");
            sort.add(new CollectionConfig.SortKey(descending ? key.value().substring(1) : key.value(), descending));
        }
        List<Positioned> matrix = reader.stringList("matrix");
        if (!matrix.isEmpty() && matrix.size() != 2) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, reader.node("matrix").get().position(),
                    where + ": 'matrix' names exactly two reference fields, such as [party, issue]"));
        }
        for (Positioned field : matrix) {
            if (!references.containsKey(field.value())) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, field.position(), where + ": matrix field '" + field.value()
                        + "' must be one of its 'references'"));
            }
        }
        Optional<CollectionConfig.Verbatim> verbatim = reader.mapping("verbatim").map(declared -> {
            MappingReader settings = new MappingReader(declared, where + "'s 'verbatim'", problems);
            settings.rejectUnknownKeys(Set.of("text", "source", "passage", "when"));
            String source = settings.requiredString("source");
            if (!source.isEmpty() && !references.containsKey(source)) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, settings.node("source").get().position(), where
                        + ": verbatim 'source' must be one of its 'references', naming the entry quoted"));
            }
            Map<String, Object> when = settings.mapping("when").map(m -> castMap(m.toPlain())).orElse(Map.of());
            return new CollectionConfig.Verbatim(settings.requiredString("text"), source, settings.string("passage"),
                    when, declared.position());
        });
        List<String> unique = reader.stringList("unique").stream().map(Positioned::value).toList();
        return new CollectionConfig(name, at, folder, file, schema, references, url, template, sort,
                matrix.stream().map(Positioned::value).toList(), verbatim, unique, reader.node("url").map(YamlNode::position).orElse(at));
    }

    private static String trimSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    private static void checkUrlPattern(String pattern, boolean hasTemplate, String where, Position at,
                                        List<Diagnostic> problems) {
        int hash = pattern.indexOf('#');
        String path = hash < 0 ? pattern : pattern.substring(0, hash);
        String problem = null;
        if (!pattern.startsWith("/")) {
            problem = "must start with '/'";
        } else if (pattern.indexOf("{id}") < 0 || pattern.indexOf("{id}") != pattern.lastIndexOf("{id}")) {
            problem = "must contain '{id}' once";
        } else if (!(path.endsWith("/") || path.endsWith(".html"))) {
            problem = "must end with '/' (a page) or '.html'";
        } else if (hasTemplate && hash >= 0) {
            problem = "has a fragment, but the collection has a template: entries with a page of their own need a plain path";
        } else if (!hasTemplate && hash < 0) {
            problem = "names a page, but the collection has no 'template'; add one, or place entries on another page with a fragment such as '/positions/#{id}'";
        } else if (path.contains("{id}") == (hash >= 0)) {
            problem = hash >= 0 ? "must put '{id}' in the fragment" : "must contain '{id}'";
        }
        if (problem != null) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at, where + ": url pattern '" + pattern + "' " + problem));
        }
    }
}
