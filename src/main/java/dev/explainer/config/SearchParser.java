package dev.explainer.config;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;
import dev.explainer.yaml.MappingReader;
import dev.explainer.yaml.YamlNode;

import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code search: {index, content, exclude}} of the site config ({@link SearchConfig}). */
final class SearchParser {
    /**
     * A site path of plain file names ending in {@code .json}; no part starts with a dot, which
     * web servers commonly refuse to serve.
     */
    private static final Pattern INDEX_PATH = Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*/[A-Za-z0-9_~-][A-Za-z0-9._~-]*\\.json");
    private static final String ASSETS = "/assets/";

    private SearchParser() {
    }

    static Optional<SearchConfig> search(MappingReader site, List<Diagnostic> problems) {
        Optional<YamlNode> node = site.node("search");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!(node.get() instanceof YamlNode.Mapping mapping)) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, node.get().position(), "'search' must be a mapping such as"
                    + " 'search: {index: /search.json}' (or 'search: {}' for the defaults), not " + node.get().describe()));
            return Optional.empty();
        }
        int before = problems.size();
        MappingReader reader = new MappingReader(mapping, "'search'", problems);
        reader.rejectUnknownKeys(Set.of("index", "content", "exclude"));
        String index = reader.string("index").orElse(SearchConfig.DEFAULT_INDEX);
        YamlNode indexNode = reader.node("index").orElse(mapping);
        if (!INDEX_PATH.matcher(index).matches()) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, indexNode.position(), "'search.index' must be a site path ending in"
                    + " '.json', such as '/search.json', made of letters, digits, '-', '_', '.' and '~'; '" + index + "' is not one"));
        } else if (index.startsWith(ASSETS)) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, indexNode.position(), "'search.index' " + index + " is in "
                    + ASSETS + ", the folder of the files in templates/assets/; give the index a path outside it, such as '/search.json'"));
        }
        String content = reader.string("content").orElse(SearchConfig.DEFAULT_CONTENT);
        checkSelector("content", content, reader.node("content").orElse(mapping).position(), problems);
        List<String> exclude = new ArrayList<>();
        for (MappingReader.Positioned selector : reader.stringList("exclude")) {
            if (checkSelector("exclude", selector.value(), selector.position(), problems)) {
                exclude.add(selector.value());
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new SearchConfig(index, content, exclude, mapping.position(), indexNode.position()));
    }

    /** jsoup's selectors by regular expression (:matches, :matchesOwn, :matchText, ...). */
    private static final Pattern REGEX_SELECTOR = Pattern.compile("(?i):match");

    /** Whether the selector is one the index can use; reports it if not. */
    private static boolean checkSelector(String key, String selector, Position at, List<Diagnostic> problems) {
        if (REGEX_SELECTOR.matcher(selector).find()) {
            // A regular expression can take time without end over a page's text, outside any
            // render's time limit; the index has no need of one.
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at, "'search." + key + "' may not match text by a regular"
                    + " expression (':matches' and the like); choose the part by element, class or id, such as 'div.body'"));
            return false;
        }
        try {
            if (!selector.isBlank()) {
                QueryParser.parse(selector);
                return true;
            }
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            // falls through to the message below; an illegal argument too, so that no selector
            // jsoup refuses in another way can stop the build as a bug of the tool
        }
        problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at, "'search." + key + "' must be a CSS selector such as 'main', "
                + "'article.body' or 'nav.toc'; '" + selector + "' is not one"));
        return false;
    }
}
