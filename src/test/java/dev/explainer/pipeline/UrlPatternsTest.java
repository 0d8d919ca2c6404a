package dev.explainer.pipeline;

import dev.explainer.load.ChangedFiles;
import dev.explainer.testing.TestSite;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * URL patterns made of an entry's fields ({@code /{date:yyyy}/{date:MM}/{id}/}, {@code {slug}}) and
 * literal text, and the fields by which an entry gives its own URL and template
 * ({@code url_field}, {@code template_field}), declared rather than implied.
 */
class UrlPatternsTest {
    @TempDir
    Path root;

    /** The base site with articles at dated URLs; an article's 'url' is where it was first published, ordinary data. */
    static final String SITE = TestSite.replaced(TestSite.BASE, "    url: /people/#{id}\n    sort: [date]\n", """
                url: /people/#{id}
                sort: [date]
              articles:
                file: articles.yaml
                schema: schemas/article.json
                url: /{date:yyyy}/{date:MM}/{id}/
                template: article.ftlh
            """) + """
            -- content/schemas/article.json --
            {"type": "object",
             "properties": {"title": {"type": "string"}, "date": {"type": "string", "format": "date"}, "slug": {"type": "string"},
                            "number": {"type": "integer"}, "tags": {"type": "array", "items": {"type": "string"}},
                            "url": {"type": "string", "format": "uri"}, "template": {"type": "string"}},
             "required": ["title", "date"], "additionalProperties": false}
            -- content/articles.yaml --
            - id: first-talks
              title: First talks
              date: 2015-10-23
              slug: first
              number: 1
              url: https://example.org/news/first-talks
              template: page.ftlh
            - id: second-round
              title: Second round
              date: 2015-11-04
              slug: second
              number: 2
            -- templates/article.ftlh --
            <#import "layout.ftlh" as l><@l.frame title=entry.title><h1>${entry.title}</h1>
            <#if entry.url??><a class="first" href="${entry.url}">First published</a></#if>
            <#if entry.template??><p class="template">${entry.template}</p></#if>
            </@l.frame>
            """;

    private TestSite.Run build(String spec) {
        TestSite.write(root, spec);
        return TestSite.build(root);
    }

    /** The errors of a build of {@code spec} after a good build of the site, which it leaves as it was. */
    private String refused(String spec) {
        TestSite.write(root, SITE);
        return TestSite.breakWith(root, spec).err();
    }

    private String pattern(String pattern) {
        return TestSite.replaced(SITE, "url: /{date:yyyy}/{date:MM}/{id}/", "url: " + pattern);
    }

    @Test
    void aDatedPatternPutsEachEntryUnderItsYearAndMonth() {
        TestSite.Run run = build(SITE);
        assertEquals(0, run.exitCode(), run.err());
        Document first = TestSite.html(root.resolve("site/2015/10/first-talks/index.html"));
        assertEquals("First talks", first.select("h1").text());
        assertEquals("Second round", TestSite.html(root.resolve("site/2015/11/second-round/index.html")).select("h1").text());
        // Without url_field and template_field, 'url' and 'template' are the article's data like any other.
        assertEquals("https://example.org/news/first-talks", first.select("a.first").attr("href"));
        assertEquals("page.ftlh", first.select("p.template").text());
    }

    @Test
    void literalPartsTextFieldsAndNumbersMakeURLs() {
        assertEquals(0, build(pattern("/2015/10/{id}/")).exitCode());
        assertTrue(Files.exists(root.resolve("site/2015/10/second-round/index.html")));
        TestSite.Run run = build(pattern("/articles/{number}-{slug}.html"));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("First talks", TestSite.html(root.resolve("site/articles/1-first.html")).select("h1").text());
        assertTrue(Files.exists(root.resolve("site/articles/2-second.html")));
        assertEquals(0, build(pattern("/{date}/{slug}/")).exitCode());
        assertTrue(Files.exists(root.resolve("site/2015-10-23/first/index.html")), "a date without a format is written yyyy-MM-dd");
    }

    @Test
    void aValueThatCannotBeOnePartOfAPathIsAnErrorAtTheValue() {
        String err = refused(TestSite.replaced(pattern("/articles/{slug}/"), "slug: second", "slug: second round")
                .replace("slug: first", "slug: news/first"));
        assertEquals("""
                content/articles.yaml:4:9: error: 'slug' ('news/first') cannot be part of the URL (url pattern '/articles/{slug}/'): \
                it has a '/', which would add a folder to the URL; use '-' instead
                content/articles.yaml:11:9: error: 'slug' ('second round') cannot be part of the URL (url pattern '/articles/{slug}/'): \
                it has the character ' ', which cannot be in a file name everywhere; use only letters a-z, A-Z, digits, '.', '_', '~' and '-'
                2 errors
                """, err);
    }

    @Test
    void aListOrAnEntryWithoutTheFieldIsAnErrorAtTheEntry() {
        String err = refused(TestSite.replaced(pattern("/articles/{slug}/"), "  slug: second\n", "")
                .replace("slug: first", "slug: [a, b]").replace("\"slug\": {\"type\": \"string\"}",
                        "\"slug\": {\"type\": [\"string\", \"array\"]}"));
        assertEquals("""
                content/articles.yaml:4:9: error: 'slug' is a list, which cannot be part of a URL (url pattern '/articles/{slug}/'); \
                only text, whole numbers and dates can
                content/articles.yaml:8:7: error: entry 'second-round' has no 'slug', which the url pattern '/articles/{slug}/' of \
                collection 'articles' needs; give it one (and make 'slug' required in the schema)
                2 errors
                """, err);
    }

    @Test
    void twoEntriesWhoseFieldsMakeOneUrlAreAnErrorNamingBoth() {
        String err = refused(TestSite.replaced(pattern("/articles/{slug}/"), "slug: second", "slug: first"));
        assertEquals("""
                content/articles.yaml:8:7: error: URL /articles/first/ of entry 'second-round' is also the URL of entry 'first-talks' \
                (content/articles.yaml), made from the url pattern '/articles/{slug}/'; give one of them another 'slug'
                1 error
                """, err);
    }

    @Test
    void aPatternFieldTheSchemaDoesNotDeclareOrADateFormatOnTextIsAnErrorAtThePattern() {
        assertEquals("""
                content/site.yaml:44:10: error: collection 'articles': url pattern '/{dtae:yyyy}/{id}/' uses field 'dtae', which its \
                schema content/schemas/article.json does not declare; did you mean 'date'?
                1 error
                """, refused(pattern("/{dtae:yyyy}/{id}/")));
        assertEquals("""
                content/site.yaml:44:10: error: collection 'articles': url pattern '/{slug:yyyy}/{id}/' writes field 'slug' as a date \
                ('yyyy'), but its schema content/schemas/article.json does not declare it a date ("format": "date"); declare it so, \
                or write it as '{slug}'
                1 error
                """, refused(pattern("/{slug:yyyy}/{id}/")));
    }

    @Test
    void aPatternWithABadFieldIsAnErrorAtThePattern() {
        assertEquals("""
                content/site.yaml:44:10: error: collection 'articles': url pattern '/{date:MMMM}/{id}/' formats 'date' as 'MMMM'; \
                a date in a URL may use only yyyy (year), MM (month), dd (day), their short forms and '-', '_' or '.', such as \
                '{date:yyyy}'
                1 error
                """, refused(pattern("/{date:MMMM}/{id}/")));
        assertEquals("""
                content/site.yaml:44:10: error: collection 'articles': url pattern '/{date:yyyy/{id}/' has a '{' or '}' that is not \
                part of a field; write fields as '{id}', '{slug}' or '{date:yyyy}'
                1 error
                """, refused(pattern("/{date:yyyy/{id}/")));
        assertEquals("""
                content/site.yaml:44:10: error: collection 'articles': url pattern '/{id}/{id}/' must contain '{id}' once
                1 error
                """, refused(pattern("/{id}/{id}/")));
        assertEquals("""
                content/site.yaml:44:10: error: collection 'articles': url pattern '/articles/{id}.pdf' must end with '/', '.html', \
                '.xml', '.json', '.txt', '.ics'
                1 error
                """, refused(pattern("/articles/{id}.pdf")));
        assertEquals("""
                content/site.yaml:39:10: error: collection 'quotes': url pattern '/people/#{speaker}' places entries on another page, \
                where only '{id}' can tell them apart; remove the other fields
                1 error
                """, refused(TestSite.replaced(SITE, "url: /people/#{id}", "url: /people/#{speaker}")));
    }

    @Test
    void anEntryGivesItsOwnUrlAndTemplateOnlyThroughTheFieldsItsCollectionDeclares() {
        assertEquals(0, build(SITE).exitCode());
        assertTrue(Files.exists(root.resolve("site/index.html")), "the base site's pages declare url_field: url");
        assertEquals("Everyone", TestSite.html(root.resolve("site/people/index.html")).select("h1").text());
        assertEquals(2, TestSite.html(root.resolve("site/people/index.html")).select("section").size(), "made by people.ftlh");

        TestSite.Run run = build(TestSite.replaced(SITE, "    url_field: url\n    template_field: template\n", "")
                .replace("  - {title: Home, url: /}\n", ""));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(root.resolve("site/index/index.html")), "without url_field, 'url: /' is data: the page is at /{id}/");
        assertEquals(0, TestSite.html(root.resolve("site/people/index.html")).select("section").size(), "made by page.ftlh");
    }

    @Test
    void aUrlFieldNeedsPagesAndAFieldTheSchemaDeclares() {
        assertEquals("""
                content/site.yaml:5:5: error: menu item 'Home' links to /, but no page has that URL
                content/site.yaml:13:16: error: collection 'pages': 'url_field' names field 'link', which its schema \
                content/schemas/page.json does not declare; its fields are template, title, url
                2 errors
                """, refused(TestSite.replaced(SITE, "url_field: url", "url_field: link")));
        assertEquals("""
                content/site.yaml:41:21: error: collection 'quotes' has 'template_field' but no 'template': only entries with pages \
                of their own can choose their page's template; add a 'template' or remove 'template_field'
                1 error
                """, refused(TestSite.replaced(SITE, "    sort: [date]\n  articles:",
                "    sort: [date]\n    template_field: template\n  articles:")));
        assertEquals("""
                content/site.yaml:14:21: error: collection 'pages': 'url_field' and 'template_field' both name field 'url'; an entry's \
                URL and template need fields of their own
                1 error
                """, refused(TestSite.replaced(SITE, "template_field: template", "template_field: url")));
    }

    @Test
    void aRebuildMovesThePageWhenAFieldOfItsUrlChanges() {
        TestSite.write(root, SITE);
        SiteBuilder builder = SiteBuilder.forRebuilds();
        builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of()));
        TestSite.edit(root, "content/articles.yaml", "date: 2015-11-04", "date: 2016-01-04");
        BuildResult moved = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/articles.yaml")));
        assertTrue(moved.rendered().contains("/2016/01/second-round/"), moved.rendered() + " " + moved.files());
        assertFalse(moved.files().stream().anyMatch(f -> f.path().startsWith("2015/11/")), "no page at the old URL");
    }
}
