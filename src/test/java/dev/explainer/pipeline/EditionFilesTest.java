package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;
import dev.explainer.testing.TestSite.Run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.explainer.pipeline.TranslationsTest.TWO_LANGUAGES;
import static dev.explainer.pipeline.TranslationsTest.translations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The files a site in two languages writes besides its pages: one sitemap of every edition with
 * each page's alternates, a search index per edition, and the former addresses of entries under
 * every edition's prefix.
 */
class EditionFilesTest {
    /** {@link TranslationsTest#TWO_LANGUAGES} with search, and people with former addresses. */
    static String site() throws Exception {
        return TestSite.replaced(TestSite.replaced(TWO_LANGUAGES, "translate: [name]\n  parties:",
                        "translate: [name]\n    aliases: aliases\n  parties:"),
                "languages:", "search: {index: /search.json, content: main}\nlanguages:")
                + translations() + """
                -- content/schemas/person.json --
                {"type": "object",
                 "properties": {"name": {"type": "string"}, "party": {"type": "string"}, "born": {"type": "string", "format": "date"},
                                "aliases": {"type": "array", "items": {"type": "string"}}},
                 "required": ["name", "party"], "additionalProperties": false}
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                aliases: [/people/robert/]
                ---
                Bob is blue.
                """;
    }

    @Test
    void theSitemapListsEveryEditionsPagesEachWithItsAlternates(@TempDir Path root) throws Exception {
        TestSite.write(root, site());
        Run run = TestSite.build(root, "--strict");
        assertEquals(0, run.exitCode(), run.err());
        String sitemap = Files.readString(root.resolve("site/sitemap.xml"));
        assertTrue(sitemap.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
                + " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n  <url>\n    <loc>https://example.org/test/</loc>\n"), sitemap);
        assertTrue(sitemap.contains("""
                  <url>
                    <loc>https://example.org/test/ar/people/ann/</loc>
                    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/test/people/ann/"/>
                    <xhtml:link rel="alternate" hreflang="ar" href="https://example.org/test/ar/people/ann/"/>
                  </url>
                """), sitemap);
        assertEquals(2 * 6, sitemap.split("<loc>", -1).length - 1, "the six pages of each edition: " + sitemap);
        assertFalse(sitemap.contains("robert"), "a redirect is no page");
        assertEquals("User-agent: *\nAllow: /\n\nSitemap: https://example.org/test/sitemap.xml\n",
                Files.readString(root.resolve("site/robots.txt")));
        assertFalse(Files.exists(root.resolve("site/ar/sitemap.xml")));
        assertFalse(Files.exists(root.resolve("site/ar/robots.txt")));
    }

    @Test
    void eachEditionHasItsOwnSearchIndexWhichItsPagesFetch(@TempDir Path root) throws Exception {
        TestSite.write(root, site() + """
                -- templates/page.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.title><h1>${entry.title}</h1>${entry.content}
                <div data-search-index="${site.search_index}" data-search-root="${root}"></div></@l.frame>
                """);
        Run run = TestSite.build(root, "--strict");
        assertEquals(0, run.exitCode(), run.err());
        String english = Files.readString(root.resolve("site/search.json"));
        String arabic = Files.readString(root.resolve("site/ar/search.json"));
        assertTrue(english.contains("{\"title\":\"Ann\",\"url\":\"people/ann/index.html\""), english);
        assertFalse(english.contains("آن"), english);
        assertTrue(arabic.contains("{\"title\":\"آن\",\"url\":\"ar/people/ann/index.html\""), arabic);
        assertFalse(arabic.contains("\"url\":\"people/"), "the Arabic index holds the Arabic edition's pages alone: " + arabic);
        assertEquals("../ar/search.json", TestSite.html(root.resolve("site/ar/index.html"))
                .selectFirst("[data-search-index]").attr("data-search-index"));
        assertEquals("search.json", TestSite.html(root.resolve("site/index.html"))
                .selectFirst("[data-search-index]").attr("data-search-index"));
    }

    @Test
    void aPageWhereTheSearchIndexOfItsEditionGoesIsRefused(@TempDir Path root) throws Exception {
        TestSite.write(root, site().replace("{code: en, name: English, original: true}", "{code: en, name: English, original: true, prefix: /en/}"));
        Run run = TestSite.breakWith(root, """
                -- content/pages/search.md --
                ---
                title: Search
                url: /search.json
                template: page.ftlh
                ---
                """);
        assertEquals("content/pages/search.md:3:6: error: URL /search.json is en/search.json, the site's search index, which"
                + " 'search.index' (content/site.yaml:3:17) puts there; give the page another 'url'\n1 error\n", run.err());
    }

    @Test
    void anEditionsRedirectOrIndexWhereTheOriginalHasAPageIsRefusedAtItsLanguage(@TempDir Path root) throws Exception {
        TestSite.write(root, site());
        Run redirect = TestSite.breakWith(root, """
                -- content/pages/robert.md --
                ---
                title: Robert
                url: /ar/people/robert/
                ---
                """);
        assertEquals("content/site.yaml:6:5: error: the 'ar' edition's redirect from its former address /ar/people/robert/ would"
                + " be written to ar/people/robert/index.html, where the original's page /ar/people/robert/ is; give language 'ar' a"
                + " prefix no page of the original starts with\n1 error\n", redirect.err());
        Files.delete(root.resolve("content/pages/robert.md"));
        Run index = TestSite.breakWith(root, """
                -- content/pages/search.md --
                ---
                title: Search
                url: /ar/search.json
                template: page.json.ftl
                ---
                -- templates/page.json.ftl --
                {}
                """);
        assertEquals("content/site.yaml:6:5: error: the 'ar' edition's search index would be written to ar/search.json, where the"
                + " original's page /ar/search.json is; give language 'ar' a prefix no page of the original starts with\n1 error\n",
                index.err());
    }

    /** Before, the edition's page silently took the place of the original's redirect page, which redirects.map still named. */
    @Test
    void anEditionsPageWhereTheOriginalHasARedirectIsRefusedAtItsLanguage(@TempDir Path root) throws Exception {
        TestSite.write(root, TestSite.replaced(site(), "aliases: [/people/robert/]", "aliases: [/people/robert/, /ar/info/]"));
        Run run = TestSite.breakWith(root, """
                -- content/pages/info.md --
                ---
                title: Info
                url: /info/
                ---
                """);
        assertEquals("content/site.yaml:6:5: error: the 'ar' edition's page /info/ would be written to ar/info/index.html, where the"
                + " original's redirect from its former address /ar/info/ is; give language 'ar' a prefix no page of the original"
                + " starts with\n1 error\n", run.err());
    }

    @Test
    void formerAddressesRedirectUnderEveryEditionsPrefix(@TempDir Path root) throws Exception {
        TestSite.write(root, site());
        Run run = TestSite.build(root, "--strict");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("# Former addresses and where they lead, written by the build for nginx's 'map' (see docs/deploying.md).\n"
                + "\"/ar/people/robert/\" \"/ar/people/bob/\";\n\"/ar/people/robert\" \"/ar/people/bob/\";\n"
                + "\"/people/robert/\" \"/people/bob/\";\n\"/people/robert\" \"/people/bob/\";\n",
                Files.readString(root.resolve("site/redirects.map")));
        var arabic = TestSite.html(root.resolve("site/ar/people/robert/index.html"));
        assertEquals("ar", arabic.selectFirst("html").attr("lang"));
        assertEquals("0; url=../../../ar/people/bob/index.html", arabic.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals("https://example.org/test/ar/people/bob/", arabic.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("0; url=../../people/bob/index.html", TestSite.html(root.resolve("site/people/robert/index.html"))
                .selectFirst("meta[http-equiv=refresh]").attr("content"));
    }
}
