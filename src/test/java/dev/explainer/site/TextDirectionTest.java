package dev.explainer.site;

import dev.explainer.testing.TestSite;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The real site's templates (partials/components.ftlh, which layouts/base.ftlh uses for the root) mark the direction and language of a page and of the
 * runs of text inside it in another language: dir="rtl" on the root of a right-to-left edition, and
 * an English direct quote on such a page lang="en" dir="ltr". The edition is simulated by giving the
 * templates the site.language, site.direction and site.languages an edition gives them; an English
 * page is left exactly as it was, with no dir and no lang on its quotes.
 */
class TextDirectionTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    Path root;

    /**
     * A page of the real components' root attributes (as layouts/base.ftlh writes them) and one quote
     * of each kind, in the edition that {@code edition} (a FreeMarker directive, or nothing) sets up.
     */
    private Document page(String edition) throws IOException {
        TestSite.write(root, """
                -- content/site.yaml --
                title: Test site
                description: A site for tests.
                base_url: https://example.org/test/
                menu:
                  - {title: Home, url: /}
                params: {short_title: Test, not_stated: Not stated in the reporting}
                collections:
                  pages:
                    folder: pages
                    schema: schemas/page.json
                    url: /{id}/
                    template: page.ftlh
                    url_field: url
                -- content/schemas/page.json --
                {"type": "object", "properties": {"title": {"type": "string"}, "url": {"type": "string"}},
                 "required": ["title"], "additionalProperties": false}
                -- content/pages/index.md --
                ---
                title: Welcome
                url: /
                ---
                Hello.
                -- templates/page.ftlh --
                EDITION<#import "partials/components.ftlh" as c><!DOCTYPE html>
                <html<@c.pageLanguage/>><head><meta charset="utf-8"><title>${entry.title}</title></head><body><main>
                <div id="direct"><@c.quoteText quote={"kind": "direct", "text": "We want to talk."}/></div>
                <div id="untranslated"><@c.quoteText quote={"kind": "reported", "text": "He would come.", "translated": false, "speaker": {"name": "Ann"}}/></div>
                <div id="translated"><@c.quoteText quote={"kind": "reported", "text": "Translated.", "speaker": {"name": "Ann"}}/></div>
                </main></body></html>
                """.replace("EDITION", edition));
        Files.createDirectories(root.resolve("templates/partials"));
        Files.copy(PROJECT.resolve("templates/partials/components.ftlh"), root.resolve("templates/partials/components.ftlh"));
        // The components' words come from the message files: the English one, for a site in English.
        Files.createDirectories(root.resolve("templates/i18n"));
        Files.copy(PROJECT.resolve("templates/i18n/en.yaml"), root.resolve("templates/i18n/en.yaml"));
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        return TestSite.html(root.resolve("site/index.html"));
    }

    @Test
    void aRightToLeftEditionMarksItsRootAndItsEnglishQuotes() throws IOException {
        Document page = page("<#global site = site + {\"language\": \"ar\", \"direction\": \"rtl\", \"languages\": ["
                + "{\"code\": \"en\", \"direction\": \"ltr\", \"original\": true}, {\"code\": \"ar\", \"direction\": \"rtl\"}]}>");
        assertEquals("rtl", page.selectFirst("html").attr("dir"));
        assertEquals("ar", page.selectFirst("html").attr("lang"));
        assertEquals("en", page.selectFirst("#direct blockquote").attr("lang"), "a direct quote stays in the original's language");
        assertEquals("ltr", page.selectFirst("#direct blockquote").attr("dir"));
        assertEquals("He would come.", page.selectFirst("#untranslated span[lang=en][dir=ltr]").text(),
                "an untranslated statement is marked as the original's");
        assertEquals(0, page.select("#translated [lang], #translated [dir]").size(), "a translated statement is the page's own");
    }

    @Test
    void anEnglishPageHasNoDirAndNoLanguageOnItsQuotes() throws IOException {
        Document page = page("");
        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertFalse(page.selectFirst("html").hasAttr("dir"), "ltr is the default: no dir on English pages");
        assertEquals(0, page.select("main [lang], main [dir]").size(), page.select("main").outerHtml());
    }
}
