package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;
import dev.explainer.testing.TestSite.Run;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.explainer.pipeline.TranslationsTest.TWO_LANGUAGES;
import static dev.explainer.pipeline.TranslationsTest.translations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code translations: {missing: omit}}: an entry with no translation into a language has no
 * page in that edition, and nothing leads readers to a page that is not there.
 */
class EditionOmitTest {
    /** Ann and the Reds translated into Arabic; Bob, the Blues, the home page and the people page not. */
    static String site() throws Exception {
        return TestSite.replaced(TWO_LANGUAGES, "menu:", "translations: {missing: omit}\nmenu:")
                + translations().replace("آن من *الحمر*.", "آن من *الحمر*، مثل [بوب](/people/bob/).") + """
                -- templates/layout.ftlh --
                <#macro frame title><!DOCTYPE html>
                <html lang="${site.language}"><head><meta charset="utf-8"><title>${title}</title><link rel="canonical" href="${page.permalink}">
                <#list site.languages as l><link rel="alternate" hreflang="${l.code}" href="${l.permalink}"></#list></head>
                <body><nav><#list site.menu as item><a href="${item.href}">${item.title}</a></#list></nav>
                <ul class="languages"><#list site.languages as l><li><a href="${l.href}">${l.name}</a></li></#list></ul>
                <main><#nested></main></body></html></#macro>
                """;
    }

    @Test
    void anUntranslatedEntryHasNoPageInTheEditionAndLinksToItLeadToTheOriginals(@TempDir Path root) throws Exception {
        TestSite.write(root, site());
        Run run = TestSite.build(root, "--strict");
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(Files.exists(root.resolve("site/ar/people/bob/index.html")));
        assertFalse(Files.exists(root.resolve("site/ar/index.html")));
        assertFalse(Files.exists(root.resolve("site/ar/parties/blues/index.html")));
        assertTrue(Files.exists(root.resolve("site/people/bob/index.html")));

        Document ann = TestSite.html(root.resolve("site/ar/people/ann/index.html"));
        assertEquals("../../../people/bob/index.html", ann.selectFirst(".body a").attr("href"), "a body's link to a page left out");
        assertEquals("../../../ar/parties/reds/index.html", ann.selectFirst(".party a").attr("href"), "a translated page stays in the edition");
        assertEquals(List.of("../../../index.html", "../../../people/index.html"), ann.select("nav a").eachAttr("href"),
                "menu items whose pages the edition leaves out lead to the original's");
        assertEquals("../../../people/index.html#ann-hello", ann.selectFirst(".quote a").attr("href"));
        assertEquals(List.of("../../../people/ann/index.html", "../../../ar/people/ann/index.html"),
                ann.select(".languages a").eachAttr("href"));
    }

    @Test
    void noSwitcherAlternateOrSitemapEntryLeadsToAPageAnEditionLeavesOut(@TempDir Path root) throws Exception {
        TestSite.write(root, site());
        assertEquals(0, TestSite.build(root, "--strict").exitCode());
        Document bob = TestSite.html(root.resolve("site/people/bob/index.html"));
        assertEquals(List.of("../../people/bob/index.html"), bob.select(".languages a").eachAttr("href"));
        assertEquals(List.of("en https://example.org/test/people/bob/"), bob.select("link[rel=alternate]").stream()
                .map(l -> l.attr("hreflang") + " " + l.attr("href")).toList());
        Document ann = TestSite.html(root.resolve("site/people/ann/index.html"));
        assertEquals(2, ann.select("link[rel=alternate]").size());

        String sitemap = Files.readString(root.resolve("site/sitemap.xml"));
        assertTrue(sitemap.contains("""
                  <url>
                    <loc>https://example.org/test/people/bob/</loc>
                    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/test/people/bob/"/>
                  </url>
                """), sitemap);
        assertEquals(6 + 2, sitemap.split("<loc>", -1).length - 1, "six pages in English, two in Arabic: " + sitemap);
    }

    @Test
    void aPageOnlyItsEditionLeavesUnlinkedIsAWarningNamingItsAddress(@TempDir Path root) throws Exception {
        TestSite.write(root, site().replace("، مثل [بوب](/people/bob/).", ".") + """
                -- content/people/bob.ar.md --
                ---
                translates: %s
                name: بوب
                ---
                بوب أزرق.
                """.formatted(TranslationsTest.hash("{\"body\":\"Bob is blue.\\n\",\"fields\":{\"name\":\"Bob\"}}")));
        Run run = TestSite.build(root);
        assertEquals("content/people/bob.ar.md:1:1: warning: no other page links to /ar/people/bob/; link to it, or readers will not"
                + " find it\n0 errors, 1 warning\n", run.err());
    }

    @Test
    void aNewTranslationGivesTheEditionItsPage(@TempDir Path root) throws Exception {
        TestSite.write(root, site());
        assertEquals(0, TestSite.build(root, "--strict").exitCode());
        TestSite.write(root, """
                -- content/people/bob.ar.md --
                ---
                name: بوب
                ---
                بوب أزرق.
                """);
        Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("بوب", TestSite.html(root.resolve("site/ar/people/bob/index.html")).selectFirst("h1").text());
        assertEquals("../../../ar/people/bob/index.html",
                TestSite.html(root.resolve("site/ar/people/ann/index.html")).selectFirst(".body a").attr("href"));
        assertEquals(2, TestSite.html(root.resolve("site/people/bob/index.html")).select(".languages a").size());
    }
}
