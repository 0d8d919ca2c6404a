package dev.explainer.config;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.Position;
import dev.explainer.text.SourceFile;
import dev.explainer.yaml.YamlParser;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aMatrixIsCompleteUnlessDeclaredOtherwise() {
        String yaml = """
                title: T
                base_url: https://example.org/
                collections:
                  demands:
                    file: demands.yaml
                    schema: s.json
                    references: {bloc: blocs, article: blocs}
                    matrix: MATRIX
                  blocs:
                    file: blocs.yaml
                    schema: s.json
                """;
        CollectionConfig listed = config(yaml.replace("MATRIX", "[bloc, article]")).collections().get(0);
        assertEquals(List.of("bloc", "article"), listed.matrix());
        assertTrue(listed.matrixComplete(), "the short form is a complete matrix, as before");
        CollectionConfig sparse = config(yaml.replace("MATRIX", "{fields: [bloc, article], complete: false}")).collections().get(0);
        assertEquals(List.of("bloc", "article"), sparse.matrix());
        assertFalse(sparse.matrixComplete());
        assertTrue(config(yaml.replace("MATRIX", "{fields: [bloc, article]}")).collections().get(0).matrixComplete(),
                "'complete' is true unless written");
    }

    @Test
    void aMisusedMatrixSettingIsReportedAtItsKey() {
        assertEquals(List.of(
                "content/site.yaml:8:39: error: unknown key 'complet' in the 'matrix' of collection 'demands'; did you mean 'complete'?",
                "content/site.yaml:12:13: error: collection 'notes': 'matrix' needs 'fields', two of its reference fields,"
                        + " such as {fields: [row, column], complete: false}",
                "content/site.yaml:16:22: error: collection 'talks': 'matrix' names exactly two reference fields, such as [bloc, article]",
                "content/site.yaml:16:40: error: 'complete' of the 'matrix' of collection 'talks' must be true or false, not a string",
                "content/site.yaml:21:29: error: collection 'asks': matrix field 'topic' must be one of its 'references'"),
                problems("""
                        title: T
                        base_url: https://example.org/
                        collections:
                          demands:
                            file: demands.yaml
                            schema: s.json
                            references: {bloc: notes, article: notes}
                            matrix: {fields: [bloc, article], complet: false}
                          notes:
                            file: notes.yaml
                            schema: s.json
                            matrix: {complete: false}
                          talks:
                            file: talks.yaml
                            schema: s.json
                            matrix: {fields: [bloc], complete: no}
                            references: {bloc: notes, article: notes}
                          asks:
                            file: asks.yaml
                            schema: s.json
                            matrix: {fields: [bloc, topic], complete: false}
                            references: {bloc: notes}
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
