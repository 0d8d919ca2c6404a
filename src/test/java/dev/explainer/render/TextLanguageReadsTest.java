package dev.explainer.render;

import dev.explainer.link.LinkCache;
import dev.explainer.link.Linker;
import dev.explainer.link.Site;
import dev.explainer.link.TextLanguage;
import dev.explainer.load.ContentLoader;
import dev.explainer.load.LoadedSite;
import dev.explainer.markdown.MarkdownRenderer;
import dev.explainer.testing.TestSite;
import dev.explainer.validate.Validator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The language of an entry's text is an input of the pages that show it: a page that read
 * {@code entry.translated} (or {@code translation_stale}, {@code lang}, {@code dir}) is rendered
 * again when that changes, and a page that did not is not.
 */
class TextLanguageReadsTest {
    @TempDir
    Path root;

    @Test
    void aPageIsRenderedAgainWhenTheLanguageOfATextItShowedChanges() {
        TestSite.write(root, TestSite.BASE + """
                -- templates/person.ftlh --
                <p lang="${entry.lang}" dir="${entry.dir}">${entry.translated?c} ${entry.translation_stale?c}</p>
                """);
        LoadedSite loaded = new ContentLoader().load(root).site().orElseThrow();
        Site site = new Linker(new MarkdownRenderer(false)).link(loaded, new Validator().validate(loaded).entries(), false,
                LinkCache.empty()).site();
        TemplateEngine engine = new TemplateEngine(loaded.config(), loaded.templates());
        SiteRenderer.Result first = SiteRenderer.render(site, engine, RenderCache.forRebuilds());
        assertEquals("<p lang=\"en\" dir=\"ltr\">true false</p>\n", html(first, "/people/ann/"));

        Site untranslated = site.withTextLanguages(Map.of("people/ann", new TextLanguage("ar", false)));
        assertTrue(SiteChanges.between(site, untranslated).inputs().contains(new PageInput.EntryLanguage(new EntryRef("people", "ann"))));
        SiteRenderer.Result second = SiteRenderer.render(untranslated, engine, first.cache());
        assertEquals(List.of("/people/ann/"), second.rendered(), "only Ann's page read the language of Ann's text");
        assertEquals("<p lang=\"ar\" dir=\"ltr\">false false</p>\n", html(second, "/people/ann/"));

        Site stale = untranslated.withTextLanguages(Map.of("people/ann", new TextLanguage("ar", false),
                "people/bob", new TextLanguage("en", true)));
        SiteRenderer.Result third = SiteRenderer.render(stale, engine, second.cache());
        assertEquals(List.of("/people/bob/"), third.rendered());
        assertEquals("<p lang=\"en\" dir=\"ltr\">true true</p>\n", html(third, "/people/bob/"));
    }

    private static String html(SiteRenderer.Result result, String sitePath) {
        return result.pages().stream().filter(page -> page.page().sitePath().equals(sitePath)).findFirst()
                .map(page -> new String(page.html(), StandardCharsets.UTF_8)).orElseThrow();
    }
}
