package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;
import dev.explainer.testing.TestSite.Run;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a template knows of the text each entry shows in an edition ({@code entry.translated},
 * {@code entry.translation_stale}, {@code entry.lang}, {@code entry.dir}): enough to mark the
 * original's text shown for want of a translation with its own {@code lang} and {@code dir}, with
 * a notice, and to tell the reader a translation may be out of date.
 */
class TranslatedEntriesTest {
    /** A person's page that writes what it knows of the text of the person and of their party. */
    private static final String MARKED = """
            -- templates/person.ftlh --
            <#import "layout.ftlh" as l><@l.frame title=entry.name>
            <article id="person" lang="${entry.lang}" dir="${entry.dir}" data-translated="${entry.translated?c}" data-stale="${entry.translation_stale?c}">
            <h1>${entry.name}</h1><div class="body">${entry.content}</div></article>
            <p id="party" lang="${entry.party.lang}" dir="${entry.party.dir}" data-translated="${entry.party.translated?c}" data-stale="${entry.party.translation_stale?c}">${entry.party.name}</p>
            </@l.frame>
            """;

    /** The attributes of an element as {@code lang dir translated stale}. */
    private static String marks(Element element) {
        return element.attr("lang") + " " + element.attr("dir") + " " + element.attr("data-translated") + " " + element.attr("data-stale");
    }

    @Test
    void eachEntryKnowsTheLanguageOfItsTextInEveryEdition(@TempDir Path root) throws Exception {
        TestSite.write(root, TranslationsTest.TWO_LANGUAGES + TranslationsTest.translations() + MARKED);
        TestSite.edit(root, "content/parties.yaml", "name: The Reds", "name: The Red Party"); // the Reds' translation is now behind
        Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());

        var english = TestSite.html(root.resolve("site/people/ann/index.html"));
        assertEquals("en ltr true false", marks(english.getElementById("person")), "the original's edition shows the original's text");
        assertEquals("en ltr true false", marks(english.getElementById("party")));

        var arabic = TestSite.html(root.resolve("site/ar/people/ann/index.html"));
        assertEquals("ar rtl true false", marks(arabic.getElementById("person")), "a current translation");
        assertEquals("ar rtl true true", marks(arabic.getElementById("party")), "a translation behind its original");
        assertEquals("الحمر", arabic.getElementById("party").text());

        var fallback = TestSite.html(root.resolve("site/ar/people/bob/index.html"));
        assertEquals("en ltr false false", marks(fallback.getElementById("person")),
                "no translation: the original's text, in the original's language and direction");
        assertEquals("Bob", fallback.selectFirst("#person h1").text());
        assertEquals("en ltr false false", marks(fallback.getElementById("party")), "the Blues have no translation either");
    }

    @Test
    void inASiteInOneLanguageEveryEntryIsInTheSitesLanguage(@TempDir Path root) throws Exception {
        TestSite.write(root, TestSite.BASE + MARKED);
        TestSite.edit(root, "content/site.yaml", "title: Test site\n", "title: Test site\nlanguage: tr\n");
        Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        var page = TestSite.html(root.resolve("site/people/ann/index.html"));
        assertEquals("tr ltr true false", marks(page.getElementById("person")));
    }

    @Test
    void aSchemaMayNotDeclareTheNames(@TempDir Path root) throws Exception {
        TestSite.write(root, TestSite.BASE);
        TestSite.build(root);
        Run run = TestSite.breakWith(root, """
                -- content/schemas/topic.json --
                {"type": "object", "properties": {"name": {"type": "string"}, "lang": {"type": "string"}}, "required": ["name"]}
                """);
        assertEquals("content/schemas/topic.json:1:63: error: schema declares field 'lang', a name the engine reserves (collection,"
                + " content, dir, file, href, lang, path, permalink, referrers, translated, translation_stale); rename it\n1 error\n",
                run.err());
    }
}
