package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every URL that {@code build} could not write is reported by {@code check} too, at the field
 * that makes it (a page's {@code url}, a collection's pattern in site.yaml, an id), in words:
 * the build never gets as far as the output folder with it.
 */
class UrlChecksTest {
    @TempDir
    Path temporary;
    /** The site of the latest {@link #assertRefused}: each starts afresh in a folder of its own. */
    private Path root;
    private int sites;

    /**
     * Builds the base site, applies {@code change}, then checks and builds again: both fail with
     * exactly {@code expected} (and the count), and the previous output is untouched.
     */
    private void assertRefused(String change, String expected) {
        root = temporary.resolve("site-" + ++sites);
        TestSite.write(root, TestSite.BASE);
        assertEquals(0, TestSite.build(root).exitCode());
        Map<String, byte[]> before = TestSite.snapshot(root.resolve("site"));
        TestSite.write(root, change);

        TestSite.Run check = TestSite.cli("check", "--source", root.toString());
        TestSite.Run build = TestSite.build(root);
        for (TestSite.Run run : new TestSite.Run[] {check, build}) {
            assertEquals(1, run.exitCode(), run.err());
            assertEquals(expected + "\n" + expected.lines().count() + (expected.lines().count() == 1 ? " error\n" : " errors\n"),
                    run.err());
        }
        Map<String, byte[]> after = TestSite.snapshot(root.resolve("site"));
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
    }

    /** The base site's link to the parties, which breaks whenever their url pattern is refused. */
    private static final String PARTIES_LINK = "content/pages/index.md:7:33: error: link to '/parties/reds/#members': no page"
            + " or asset has the path /parties/reds/\n";

    private static String page(String url) {
        return "-- content/pages/extra.md --\n---\ntitle: Extra\nurl: \"" + url + "\"\n---\nText.\n";
    }

    @Test
    void aPageMayNotReplaceTheGeneratedSitemapOrRobotsFile() {
        assertRefused(page("/sitemap.xml"), "content/pages/extra.md:3:6: error: URL /sitemap.xml is sitemap.xml, the sitemap the"
                + " build writes (set 'generate_sitemap: false' in the site config to leave it out); give the page another 'url'");
        assertRefused(page("/robots.txt/"), "content/pages/extra.md:3:6: error: URL /robots.txt/ needs a folder 'robots.txt', but"
                + " that is the name of a file: robots.txt, the robots file the build writes (set 'generate_robots_txt: false' in the"
                + " site config to publish your own); change one of them");
    }

    @Test
    void aPageMayNotNeedAFolderWhereAnotherPageIsAFile() {
        assertRefused(page("/people.html") + TestSite.replaced(page("/people.html/"), "extra.md", "other.md"),
                "content/pages/other.md:3:6: error: URL /people.html/ needs a folder 'people.html', but that is the name of a file:"
                        + " the page /people.html (content/pages/extra.md); change one of them");
    }

    @Test
    void twoUrlsThatDifferOnlyInCapitalsCollide() {
        assertRefused(page("/People/ann/"), "content/pages/extra.md:3:6: error: URL /People/ann/ differs from /people/ann/ (content/people/ann.md) only in"
                + " capital letters, and macOS and Windows keep one file for both; give one of them another 'url'");
    }

    @Test
    void aCollisionIsReportedAtTheUrlField() {
        assertRefused(page("/people/ann/"), "content/pages/extra.md:3:6: error: URL /people/ann/ is also the URL of"
                + " content/people/ann.md; give one of them another id or 'url'");
    }

    @Test
    void protocolRelativeUrls() {
        assertRefused(page("//tmp/x/"), "content/pages/extra.md:3:6: error: url '//tmp/x/' starts with '//', which browsers read"
                + " as the address of another site; start it with a single '/'");
    }

    @Test
    void dotSegments() {
        assertRefused(page("/a/../../escape/"), "content/pages/extra.md:3:6: error: url '/a/../../escape/' has a '..' part, which"
                + " would leave its folder and could write outside the site; remove it");
        assertRefused(page("/./x/"), "content/pages/extra.md:3:6: error: url '/./x/' has a '.' part, which would stand for its"
                + " folder and could write outside the site; remove it");
        assertRefused(page("/a//b/"), "content/pages/extra.md:3:6: error: url '/a//b/' has an empty part ('//'); write a single"
                + " '/' between its parts");
    }

    @Test
    void hiddenFilesAndFoldersAndTheBuildsOwnRecords() {
        assertRefused(page("/.explainer-incoming/"), "content/pages/extra.md:3:6: error: url '/.explainer-incoming/' has a part"
                + " starting with '.' ('.explainer-incoming'), a hidden file or folder that web servers do not serve and the build"
                + " keeps for its own records; remove the '.'");
        assertRefused(page("/.git/hooks.html"), "content/pages/extra.md:3:6: error: url '/.git/hooks.html' has a part starting with '.'"
                + " ('.git'), a hidden file or folder that web servers do not serve and the build keeps for its own records; remove the '.'");
        assertRefused(partiesAt("/.explainer-journal/{id}/"), PARTIES_LINK + "content/site.yaml:25:10: error: collection 'parties': url"
                + " pattern '/.explainer-journal/{id}/' has a part starting with '.' ('.explainer-journal'), a hidden file or folder"
                + " that web servers do not serve and the build keeps for its own records; remove the '.'");
    }

    @Test
    void segmentsLongerThanAFileNameMayBe() {
        String segment = "a".repeat(300);
        assertRefused(page("/" + segment + "/"), "content/pages/extra.md:3:6: error: url '/" + "a".repeat(39) + "…"
                + "a".repeat(9) + "/' has a part 300 bytes long ('" + "a".repeat(20) + "…'); a file name may have at most 255"
                + " bytes: shorten it");
    }

    @Test
    void charactersThatCannotBeInAFileName() {
        assertRefused(page("/a:b/"), "content/pages/extra.md:3:6: error: url '/a:b/' has the character ':', which cannot be in a"
                + " file name everywhere; use only letters a-z, A-Z, digits, '.', '_', '~' and '-'");
        assertRefused(page("/nul.html"), "content/pages/extra.md:3:6: error: url '/nul.html' has the part 'nul.html', a name"
                + " Windows keeps for a device, so no file or folder can have it; choose another");
        assertRefused(page("/v1./"), "content/pages/extra.md:3:6: error: url '/v1./' has a part ending with '.' ('v1.'), which"
                + " Windows drops from file names; remove the '.'");
    }

    /** The base site with the parties' URL pattern replaced. */
    private static String partiesAt(String pattern) {
        return TestSite.replaced(TestSite.BASE.substring(TestSite.BASE.indexOf("-- content/site.yaml --"),
                TestSite.BASE.indexOf("-- content/schemas")), "url: /parties/{id}/", "url: \"" + pattern + "\"");
    }

    @Test
    void urlPatternsAreCheckedOnceAtTheirPlaceInTheSiteConfig() {
        assertRefused(partiesAt("/../../escape-{id}/"), PARTIES_LINK + "content/site.yaml:25:10: error: collection 'parties': url pattern"
                + " '/../../escape-{id}/' has a '..' part, which would leave its folder and could write outside the site; remove it");
        assertRefused(partiesAt("//tmp/{id}/"), PARTIES_LINK + "content/site.yaml:25:10: error: collection 'parties': url pattern '//tmp/{id}/'"
                + " starts with '//', which browsers read as the address of another site; start it with a single '/'");
        assertRefused(partiesAt("/the parties/{id}/"), PARTIES_LINK.replace("\n", "; did you mean '/the parties/reds/'?\n") + "content/site.yaml:25:10: error: collection 'parties': url pattern"
                + " '/the parties/{id}/' has the character ' ', which cannot be in a file name everywhere; use only letters a-z,"
                + " A-Z, digits, '.', '_', '~' and '-'");
    }

    @Test
    void anIdTooLongForAFileNameIsReportedAtTheId() {
        String id = "x".repeat(256);
        assertRefused("""
                -- content/topics.yaml --
                - id: tax
                  name: Tax
                -- content/parties.yaml --
                - id: reds
                  name: The Reds
                - id: blues
                  name: The Blues
                - id: %s
                  name: Long
                -- content/stances.yaml --
                - {id: reds-tax, party: reds, topic: tax, text: Lower.}
                - {id: blues-tax, party: blues, topic: tax, text: Higher.}
                - {id: long-tax, party: %s, topic: tax, text: Long.}
                """.formatted(id, id), "content/parties.yaml:5:7: error: the URL /parties/" + "x".repeat(31) + "…"
                + "x".repeat(9) + "/ made from id '" + "x".repeat(40) + "…" + "x".repeat(10) + "' has a part 256 bytes long ('"
                + "x".repeat(20) + "…'); a file name may have at most 255 bytes: shorten it (use a shorter id)");
    }

    @Test
    void anIdOfExactlyTheLongestFileNameIsWritten() throws Exception {
        root = temporary;
        String id = "x".repeat(255);
        TestSite.write(root, TestSite.BASE + """
                -- content/parties.yaml --
                - id: reds
                  name: The Reds
                - id: blues
                  name: The Blues
                - id: %s
                  name: Long
                -- content/stances.yaml --
                - {id: reds-tax, party: reds, topic: tax, text: Lower.}
                - {id: blues-tax, party: blues, topic: tax, text: Higher.}
                - {id: long-tax, party: %s, topic: tax, text: Long.}
                """.formatted(id, id));
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(root.resolve("site/parties/" + id + "/index.html")));
    }

    @Test
    void theGeneratedFilesAreStillWritten() {
        root = temporary;
        TestSite.write(root, TestSite.BASE);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(root.resolve("site/sitemap.xml")));
        assertTrue(Files.exists(root.resolve("site/robots.txt")));
        assertFalse(run.err().contains("error"), run.err());
    }
}
