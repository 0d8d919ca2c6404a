package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Markdown bodies through the whole build: what an editor sees for odd or hostile Markdown. */
class MarkdownBuildTest {
    @TempDir
    Path root;

    /** Builds the base site, applies {@code change}, builds again, and returns the failure's report. */
    private List<String> failure(String change) {
        TestSite.write(root, TestSite.BASE);
        return TestSite.breakWith(root, change).err().lines().toList();
    }

    private TestSite.Run success(String change) {
        TestSite.write(root, TestSite.BASE + change);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    @Test
    void nestingDeeperThanTheLimitIsAnErrorWhereItIsPassed() {
        StringBuilder list = new StringBuilder();
        for (int level = 0; level < 120; level++) {
            list.append("  ".repeat(level)).append("- item\n");
        }
        assertEquals(List.of(
                "content/pages/people.md:5:101: error: block quotes and lists nested more than 100 levels deep; nest them less deeply",
                "content/people/ann.md:106:201: error: block quotes and lists nested more than 100 levels deep; nest them less deeply",
                "content/people/bob.md:5:301: error: emphasis, links, images and quotation marks nested more than 100 levels deep"
                        + " inside one another; nest them less deeply",
                "3 errors"), failure("""
                -- content/pages/people.md --
                ---
                title: Everyone
                template: people.ftlh
                ---
                """ + ">".repeat(800) + " quoted\n" + """
                -- content/people/ann.md --
                ---
                name: Ann
                party: reds
                born: 1970-01-02
                ---
                """ + list + """
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                ---
                """ + "*a ".repeat(2_000) + "x" + " b*".repeat(2_000) + "\n"));
    }

    @Test
    void aLongTableRowRenders() {
        success("-- content/people/bob.md --\n---\nname: Bob\nparty: blues\n---\n"
                + "|" + " a |".repeat(20_000) + "\n|" + "---|".repeat(20_000) + "\n|" + " b |".repeat(20_000) + "\n");
        Document page = TestSite.html(root.resolve("site/people/bob/index.html"));
        assertEquals(20_000, page.select(".body td").size());
    }

    @Test
    void bracketsWithoutADefinitionAreTextAndNotReported() {
        TestSite.Run run = success("""
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                ---
                He said [sic] and [...] twice [1], see [/about/]. [Ann][a] is a real link.

                [a]: /people/ann/
                """);
        assertFalse(run.err().contains("error"), run.err());
        Document page = TestSite.html(root.resolve("site/people/bob/index.html"));
        assertEquals("He said [sic] and [\u2026] twice [1], see [/about/]. Ann is a real link.", page.select(".body p").text());
        assertEquals(List.of("../../people/ann/index.html"), page.select(".body a").eachAttr("href"));
    }

    @Test
    void aBrokenReferenceLinkIsStillReported() {
        assertEquals(List.of("content/people/bob.md:5:5: error: link to '/people/anne/': no page or asset has the path /people/anne/;"
                        + " did you mean '/people/ann/'?", "1 error"),
                failure("""
                        -- content/people/bob.md --
                        ---
                        name: Bob
                        party: blues
                        ---
                        See [Ann][a].

                        [a]: /people/anne/
                        """));
    }

    @Test
    void htmlCommentsAreShownAsTextWithAWarning() {
        TestSite.Run run = success("""
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                ---
                Bob <!-- is he? --> is blue.
                """);
        assertTrue(run.err().contains("content/people/bob.md:5:5: warning: raw HTML is shown as text; write Markdown instead,"
                + " or allow HTML with 'markdown: {raw_html: true}' in the site config"), run.err());
        Document page = TestSite.html(root.resolve("site/people/bob/index.html"));
        assertEquals("Bob <!-- is he? --> is blue.", page.select(".body p").text());
    }

    @Test
    void linksToPathsWithSpacesAndLettersBeyondAsciiArePercentEncoded() throws java.io.IOException {
        // (a '-- path --' header cannot name a file with a space)
        java.nio.file.Files.createDirectories(root.resolve("templates/assets"));
        java.nio.file.Files.writeString(root.resolve("templates/assets/foo b\u00e4.txt"), "a file");
        success("""
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                ---
                [Encoded](../../assets/foo%20b%C3%A4.txt), [as written](/assets/foo%20b\u00e4.txt) and [elsewhere](https://example.org/\u00e4?q=\u00e4#\u00e4).
                """);
        Document page = TestSite.html(root.resolve("site/people/bob/index.html"));
        assertEquals(List.of("../../assets/foo%20b%C3%A4.txt", "../../assets/foo%20b%C3%A4.txt", "https://example.org/%C3%A4?q=%C3%A4#%C3%A4"),
                page.select(".body a").eachAttr("href"));
    }
}
