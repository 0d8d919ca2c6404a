package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;
import dev.explainer.testing.TestSite.Run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.explainer.pipeline.TranslationsTest.TWO_LANGUAGES;
import static dev.explainer.pipeline.TranslationsTest.translations;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The checks of rendered pages on every edition of a site in two languages: a problem only an
 * edition's pages have is reported at its place, naming the edition's page; one the original's
 * pages have too is reported once.
 */
class EditionChecksTest {
    @Test
    void aBrokenFragmentLinkInATranslationIsReportedAtTheTranslationNamingTheEditionsPage(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES + translations());
        Run run = TestSite.breakWith(root, translations().replace("آن من *الحمر*.", "آن من [الحمر](/parties/reds/#member)."));
        assertEquals("content/people/ann.ar.md:6:7: error: link to '#member' on /ar/parties/reds/: that page has no element with"
                + " this id; did you mean '#members'?\n1 error\n", run.err());
    }

    @Test
    void aBrokenFragmentLinkOfAnOriginalEveryEditionShowsIsReportedOnce(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES + translations());
        Run run = TestSite.breakWith(root, """
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                ---
                Bob is [blue](/parties/blues/#member).
                """);
        assertEquals("content/people/bob.md:5:8: error: link to '#member' on /parties/blues/: that page has no element with"
                + " this id; did you mean '#members'?\n1 error\n", run.err());
    }

    @Test
    void anUnsafeAddressOnlyAnEditionsPageHasIsReportedNamingThatPage(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES + translations() + """
                -- templates/party.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.name><h1><a href="${entry.name}">${entry.name}</a></h1>
                <ul id="members"><#list entry.referrers.people![] as p><li><a href="${p.href}">${p.name}</a></li></#list></ul>
                </@l.frame>
                """);
        Run run = TestSite.breakWith(root, translations().replace("name: الحمر", "name: 'javascript:alert(1)'"));
        assertEquals("templates/party.ftlh:1:1: error: the page would have href=\"javascript:alert(1)\": link scheme"
                + " 'javascript:' is not allowed (only http, https, mailto and tel); it comes from this template or from a value it prints (a field, a"
                + " shortcode's argument) (rendering /ar/parties/reds/ from content/parties.ar.yaml)\n1 error\n", run.err());
    }
}
