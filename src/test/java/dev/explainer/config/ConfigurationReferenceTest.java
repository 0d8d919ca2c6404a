package dev.explainer.config;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.text.SourceFile;
import dev.explainer.yaml.YamlParser;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code docs/configuration.md} documents exactly the keys {@code content/site.yaml} accepts. The
 * accepted keys are the parser's own: a config with an unknown key in every mapping the parser
 * checks draws, for each, the error that lists the keys known there.
 */
class ConfigurationReferenceTest {
    static final Path REFERENCE = Path.of("docs/configuration.md");
    /** A key no setting is close to, so that the parser lists the known keys instead of suggesting one. */
    private static final String UNKNOWN = "zzzzzzzzzzzzzzzz";

    private static final String CONFIG = """
            title: T
            base_url: https://example.org/
            %1$s: 1
            markdown: {%1$s: 1}
            limits: {%1$s: 1}
            changelog: {field: changes, %1$s: 1}
            search: {%1$s: 1}
            languages:
              - {code: en, name: English, original: true, %1$s: 1}
            translations: {%1$s: 1}
            menu:
              - {title: Home, url: /, %1$s: 1}
            collections:
              pages:
                folder: pages
                schema: s.json
                references: {source: pages}
                %1$s: 1
                verbatim: {text: t, source: source, %1$s: 1}
                matrix: {fields: [source, source], %1$s: 1}
            """.formatted(UNKNOWN);

    /** Where each mapping's error says it is, and how the reference writes the keys of that mapping. */
    private static final Map<String, String> PREFIXES = new LinkedHashMap<>();

    static {
        PREFIXES.put("the site config", "");
        PREFIXES.put("'markdown'", "markdown.");
        PREFIXES.put("'limits'", "limits.");
        PREFIXES.put("'changelog'", "changelog.");
        PREFIXES.put("'search'", "search.");
        PREFIXES.put("a menu item", "menu[].");
        PREFIXES.put("a language", "languages[].");
        PREFIXES.put("'translations'", "translations.");
        PREFIXES.put("collection 'pages'", "collections.NAME.");
        PREFIXES.put("collection 'pages''s 'verbatim'", "collections.NAME.verbatim.");
        PREFIXES.put("the 'matrix' of collection 'pages'", "collections.NAME.matrix.");
    }

    private static final Pattern KNOWN = Pattern.compile("unknown key '" + UNKNOWN + "' in (.+); known keys are (.+)");

    @Test
    void everyKeyTheSiteConfigAcceptsIsDocumentedAndNoOther() throws IOException {
        Set<String> documented = documented();
        Set<String> accepted = accepted();
        Set<String> undocumented = new TreeSet<>(accepted);
        undocumented.removeAll(documented);
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(accepted);
        assertTrue(undocumented.isEmpty() && unknown.isEmpty(), REFERENCE + ": the parser accepts " + undocumented
                + ", which the reference does not document; the reference documents " + unknown + ", which the parser refuses");
    }

    /** Every key the parser accepts, written as the reference writes it ({@code collections.NAME.url}). */
    private static Set<String> accepted() {
        List<Diagnostic> problems = new ConfigParser(new YamlParser()).parse(new SourceFile("content/site.yaml", CONFIG)).diagnostics();
        Set<String> keys = new TreeSet<>();
        Set<String> where = new TreeSet<>();
        for (Diagnostic problem : problems) {
            Matcher known = KNOWN.matcher(problem.message());
            assertTrue(known.matches(), "every problem is an unknown key that lists the known ones: " + problem.format());
            String prefix = PREFIXES.get(known.group(1));
            assertTrue(prefix != null, "a mapping this test does not know: " + known.group(1));
            where.add(known.group(1));
            Arrays.stream(known.group(2).split(", ")).forEach(key -> keys.add(prefix + key));
        }
        assertEquals(new TreeSet<>(PREFIXES.keySet()), where, "every mapping reported its unknown key");
        return keys;
    }

    /** A documented key: the first cell of a table row, in backticks. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|");

    private static Set<String> documented() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String line : Files.readAllLines(REFERENCE, StandardCharsets.UTF_8)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                assertTrue(keys.add(row.group(1)), REFERENCE + " documents '" + row.group(1) + "' twice");
            }
        }
        return keys;
    }
}
