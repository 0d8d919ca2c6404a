package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * No unsafe scheme reaches a link, even through text a template prints into an attribute: the
 * rendered page is read as a browser reads it, and a page holding such a link is not written.
 */
class UnsafeAddressesTest {
    @TempDir
    Path root;

    private void siteWithAWebsiteField(String website) {
        TestSite.write(root, TestSite.BASE);
        TestSite.edit(root, "content/schemas/person.json", "\"born\"", "\"website\": {\"type\": \"string\"}, \"born\"");
        TestSite.edit(root, "templates/person.ftlh", "<div class=\"body\">", "<#if entry.website??><a href=\"${entry.website}\">site</a></#if><div class=\"body\">");
        TestSite.edit(root, "content/people/ann.md", "party: reds", "party: reds\nwebsite: \"" + website + "\"");
    }

    @Test
    void aFieldPrintedIntoAnHrefCannotCarryAScriptWhateverItsSpelling() {
        for (String website : new String[] {" JAVASCRIPT:alert(1)", "java\\tscript:alert(1)", "data:text/html,<b>x</b>", "%6Aavascript:x"}) {
            siteWithAWebsiteField(website);
            TestSite.Run run = TestSite.build(root);
            assertEquals(1, run.exitCode(), website + ": " + run.err());
            String scheme = website.contains("data") ? "data" : "javascript";
            assertEquals(true, run.err().startsWith("templates/person.ftlh:1:1: error: the page would have href=\""), run.err());
            assertEquals(true, run.err().contains("\": link scheme '" + scheme + ":' is not allowed (only http, https, mailto and"
                    + " tel); it comes from this template or from a value it prints (a field, a shortcode's argument)"), run.err());
        }
    }

    @Test
    void theBrokenPageLeavesThePreviousSiteAsItWas() {
        siteWithAWebsiteField("https://example.org/ann");
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/people/ann.md --
                ---
                name: Ann
                party: reds
                website: "javascript:alert(document.cookie)"
                ---
                Ann.
                """);
        assertEquals("templates/person.ftlh:1:1: error: the page would have href=\"javascript:alert(document.cookie)\": link"
                + " scheme 'javascript:' is not allowed (only http, https, mailto and tel); it comes from this template or from"
                + " a value it prints (a field, a shortcode's argument) (rendering /people/ann/ from content/people/ann.md)\n1 error\n",
                run.err());
    }

    @Test
    void safeSchemesRelativeLinksAndDataImagesPass() {
        siteWithAWebsiteField("mailto:ann@example.org");
        TestSite.edit(root, "templates/person.ftlh", "<div class=\"body\">",
                "<img alt=\"\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"><a href=\"tel:+431234\">call</a><div class=\"body\">");
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
    }
}
