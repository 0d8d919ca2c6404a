package dev.explainer.config;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.Position;
import dev.explainer.text.SourceFile;
import dev.explainer.yaml.YamlParser;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfigParserTest {
    private List<String> problems(String yaml) {
        return new ConfigParser(new YamlParser()).parse(new SourceFile("content/site.yaml", yaml))
                .diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void unknownSettingsAreErrorsWithSuggestions() {
        assertEquals(List.of(
                "content/site.yaml:3:1: error: unknown key 'tilte' in the site config; did you mean 'title'?",
                "content/site.yaml:6:5: error: unknown key 'templat' in collection 'pages'; did you mean 'template'?"),
                problems("""
                        title: T
                        base_url: https://example.org/
                        tilte: T
                        collections:
                          pages:
                            templat: page.ftlh
                            folder: pages
                            schema: s.json
                        """));
    }

    @Test
    void checksCollectionsUrlsAndReferences() {
        assertEquals(List.of(
                "content/site.yaml:4:3: error: collection 'quotes' needs exactly one of 'folder' (Markdown files) or 'file' (a YAML list)",
                "content/site.yaml:7:27: error: collection 'quotes': field 'speaker' refers to collection 'peple', which is not declared; did you mean 'people'?",
                "content/site.yaml:8:10: error: collection 'quotes': url pattern 'quotes/{id}' must start with '/'"),
                problems("""
                        title: T
                        base_url: https://example.org/
                        collections:
                          quotes:
                            folder: quotes
                            file: quotes.yaml
                            references: {speaker: peple}
                            url: quotes/{id}
                            template: quote.ftlh
                            schema: s.json
                          people:
                            file: people.yaml
                            schema: s.json
                        """));
    }

    @Test
    void patternAndMatrixExamplesNameTheCollectionsOwnFields() {
        assertEquals(List.of(
                "content/site.yaml:6:10: error: collection 'demands': url pattern '/demands/{id}/' names a page, but the collection"
                        + " has no 'template'; add one, or place entries on another page with a fragment such as '/demands/#{id}'",
                "content/site.yaml:7:13: error: collection 'demands': 'matrix' names exactly two reference fields, such as [bloc, article]",
                "content/site.yaml:11:13: error: collection 'notes': 'matrix' names exactly two reference fields, such as [row, column]"),
                problems("""
                        title: T
                        base_url: https://example.org/
                        collections:
                          demands:
                            file: demands.yaml
                            url: /demands/{id}/
                            matrix: [bloc]
                            references: {bloc: notes, article: notes}
                            schema: s.json
                          notes:
                            matrix: [about]
                            references: {about: demands}
                            file: notes.yaml
                            schema: s.json
                        """));
    }

    @Test
    void baseUrlMustBeAbsoluteHttp() {
        assertEquals(List.of("content/site.yaml:2:11: error: base_url 'example.org' must be an absolute http or https URL, such as https://example.org/"),
                problems("title: T\nbase_url: example.org\ncollections: {}\n"));
        assertEquals("https://example.org/a/", ConfigParser.parseBaseUrl("https://example.org/a").orElseThrow().toString());
    }

    @Test
    void limitsDefaultToTenSecondsAPageAndTenMinutesABuild() {
        Limits limits = config("title: T\nbase_url: https://example.org/\ncollections: {}\n").limits();
        assertEquals(Duration.ofSeconds(10), limits.pageRender());
        assertEquals(Duration.ofMinutes(10), limits.build());
        assertEquals(new Position("content/site.yaml", 1, 1), limits.declaredAt());
    }

    @Test
    void limitsAreWholeSecondsUpToADay() {
        Limits limits = config("title: T\nbase_url: https://example.org/\ncollections: {}\n"
                + "limits: {page_render_seconds: 1, build_seconds: 86400}\n").limits();
        assertEquals(new Limits(Duration.ofSeconds(1), Duration.ofDays(1), new Position("content/site.yaml", 4, 9)), limits);
        assertEquals(List.of(
                "content/site.yaml:7:3: error: unknown key 'build_second' in 'limits'; did you mean 'build_seconds'?",
                "content/site.yaml:5:24: error: 'limits.page_render_seconds' must be a whole number of seconds from 1 to 86400, not 0",
                "content/site.yaml:6:18: error: 'limits.build_seconds' must be a whole number of seconds from 1 to 86400, not a number"),
                problems("""
                        title: T
                        base_url: https://example.org/
                        collections: {}
                        limits:
                          page_render_seconds: 0
                          build_seconds: 1.5
                          build_second: 3
                        """));
        assertEquals(List.of("content/site.yaml:4:25: error: 'limits.build_seconds' must be a whole number of seconds from 1 to 86400, not 86401"),
                problems("title: T\nbase_url: https://example.org/\ncollections: {}\nlimits: {build_seconds: 86401}\n"));
    }

    private static SiteConfig config(String yaml) {
        ConfigParser.Result result = new ConfigParser(new YamlParser()).parse(new SourceFile("content/site.yaml", yaml));
        assertEquals(List.of(), result.diagnostics());
        return result.config().orElseThrow();
    }
}
