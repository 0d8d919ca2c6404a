package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildTest {
    @TempDir
    Path root;

    @Test
    void buildsPrettyUrlsWithRelativeLinksThatWorkUnderAnySubPath() throws Exception {
        TestSite.write(root, TestSite.BASE);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        Path site = root.resolve("site");
        assertTrue(Files.isRegularFile(site.resolve("index.html")));
        assertTrue(Files.isRegularFile(site.resolve("people/ann/index.html")));
        assertTrue(Files.isRegularFile(site.resolve("parties/reds/index.html")));
        try (var assets = Files.list(site.resolve("assets"))) {
            assertTrue(assets.anyMatch(f -> f.getFileName().toString().matches("site\\.[0-9a-f]{10}\\.css")),
                    "stylesheets carry a content hash in their name");
        }

        Document ann = TestSite.html(site.resolve("people/ann/index.html"));
        assertTrue(ann.selectFirst("link[rel=stylesheet]").attr("href").matches("\\.\\./\\.\\./assets/site\\.[0-9a-f]{10}\\.css"));
        assertEquals("../../parties/reds/index.html", ann.selectFirst(".party a").attr("href"));
        assertEquals("../../index.html", ann.selectFirst("nav a").attr("href"));

        Document home = TestSite.html(site.resolve("index.html"));
        assertEquals("people/ann/index.html", home.selectFirst("main a").attr("href"));
        assertEquals("parties/reds/index.html#members", home.select("main a").get(1).attr("href"));
    }

    @Test
    void aContentFileThatIsASymbolicLinkIsRead() throws Exception {
        TestSite.write(root, TestSite.BASE);
        Path elsewhere = Files.createDirectories(root.resolve("shared")).resolve("bob.md");
        Files.move(root.resolve("content/people/bob.md"), elsewhere);
        Files.createSymbolicLink(root.resolve("content/people/bob.md"), elsewhere);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(root.resolve("site/people/bob/index.html")), run.err());
    }

    @Test
    void aChangedStylesheetGetsANewName() throws Exception {
        TestSite.write(root, TestSite.BASE);
        assertEquals(0, TestSite.build(root).exitCode());
        String before = TestSite.html(root.resolve("site/index.html")).selectFirst("link[rel=stylesheet]").attr("href");
        Files.writeString(root.resolve("templates/assets/site.css"), "body { color: navy; }\n");
        assertEquals(0, TestSite.build(root).exitCode());
        String after = TestSite.html(root.resolve("site/index.html")).selectFirst("link[rel=stylesheet]").attr("href");
        assertTrue(!before.equals(after), before + " -> " + after);
        assertEquals("body { color: navy; }\n", Files.readString(root.resolve("site").resolve(after)));
    }

    @Test
    void resolvesReferencesInBothDirections() {
        TestSite.write(root, TestSite.BASE);
        assertEquals(0, TestSite.build(root).exitCode());
        Path site = root.resolve("site");
        Document reds = TestSite.html(site.resolve("parties/reds/index.html"));
        assertEquals("Ann", reds.select("#members li").text(), "a party lists the people who refer to it");
        assertEquals("Tax: Lower.", reds.selectFirst(".stance").text(), "a matrix cell is reached by its two ids");
        Document ann = TestSite.html(site.resolve("people/ann/index.html"));
        assertEquals("The Reds", ann.selectFirst(".party").text(), "a reference field reaches the entry it names");
        assertEquals("../../people/index.html#ann-hello", ann.selectFirst(".quote a").attr("href"),
                "an entry placed on another page links to its anchor there");
    }

    @Test
    void escapesDataAndFormatsDatesTheSameInEveryZoneAndLocale() {
        TestSite.write(root, TestSite.BASE);
        assertEquals(0, TestSite.build(root).exitCode());
        Path site = root.resolve("site");
        Document people = TestSite.html(site.resolve("people/index.html"));
        assertEquals("Hello <world> & friends (23 October 2015)", people.selectFirst("#ann-hello").text());
        Document ann = TestSite.html(site.resolve("people/ann/index.html"));
        assertEquals("2 January 1970 1970-01-02", ann.selectFirst(".born").text());
    }

    @Test
    void outputIsByteIdenticalAcrossRunsTimeZonesAndLocales() {
        TestSite.write(root, TestSite.BASE);
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            assertEquals(0, TestSite.build(root, "--out", root.resolve("a").toString()).exitCode());
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            assertEquals(0, TestSite.build(root, "--out", root.resolve("b").toString()).exitCode());
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
        Map<String, byte[]> a = TestSite.snapshot(root.resolve("a"));
        Map<String, byte[]> b = TestSite.snapshot(root.resolve("b"));
        assertEquals(a.keySet(), b.keySet());
        a.forEach((path, bytes) -> assertArrayEquals(bytes, b.get(path), path));
    }

    @Test
    void writesSitemapRobotsAndBreadcrumbsFromTheBaseUrl() throws Exception {
        TestSite.write(root, TestSite.BASE);
        assertEquals(0, TestSite.build(root, "--base-url", "https://talks.example.net/sub").exitCode());
        String sitemap = Files.readString(root.resolve("site/sitemap.xml"));
        assertTrue(sitemap.contains("<loc>https://talks.example.net/sub/people/ann/</loc>"), sitemap);
        assertTrue(sitemap.contains("<loc>https://talks.example.net/sub/</loc>"), sitemap);
        assertTrue(Files.readString(root.resolve("site/robots.txt")).contains("Sitemap: https://talks.example.net/sub/sitemap.xml"));
        Document ann = TestSite.html(root.resolve("site/people/ann/index.html"));
        assertEquals("Home People", ann.select(".crumbs a").text(), "breadcrumbs use the menu's names");
    }

    @Test
    void rawHtmlIsEscapedUnlessTheSiteOptsIn() throws Exception {
        TestSite.write(root, TestSite.BASE + """
                -- content/people/ann.md --
                ---
                name: Ann
                party: reds
                ---
                Ann <script>alert(1)</script> is <b>bold</b>.
                """);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("content/people/ann.md:5:5: warning: raw HTML is shown as text"), run.err());
        Document escaped = TestSite.html(root.resolve("site/people/ann/index.html"));
        assertTrue(escaped.select(".body script, .body b").isEmpty());
        assertTrue(escaped.selectFirst(".body").text().contains("<script>alert(1)</script>"));

        TestSite.edit(root, "content/site.yaml", "menu:", "markdown: {raw_html: true}\nmenu:");
        assertEquals(0, TestSite.build(root).exitCode());
        Document allowed = TestSite.html(root.resolve("site/people/ann/index.html"));
        assertEquals("bold", allowed.selectFirst(".body b").text());
    }

    @Test
    void draftsAreLeftOutUnlessAskedFor() {
        TestSite.write(root, TestSite.BASE + """
                -- content/people/cat.md --
                ---
                name: Cat
                party: reds
                draft: true
                ---
                Not yet.
                """);
        assertEquals(0, TestSite.build(root).exitCode());
        assertFalse(Files.exists(root.resolve("site/people/cat/index.html")));
        assertEquals(0, TestSite.build(root, "--drafts").exitCode());
        assertTrue(Files.exists(root.resolve("site/people/cat/index.html")));
    }

    @Test
    void checkRendersEverythingButWritesNothing() {
        TestSite.write(root, TestSite.BASE);
        TestSite.Run run = TestSite.cli("check", "--source", root.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Checked 6 pages in "), run.out());
        assertFalse(Files.exists(root.resolve("site")));
    }

    @Test
    void successPrintsOneLineWithPagesAndTime() {
        TestSite.write(root, TestSite.BASE);
        TestSite.Run run = TestSite.build(root);
        String[] lines = run.out().strip().split("\n");
        assertEquals(1, lines.length, Arrays.toString(lines));
        assertTrue(lines[0].matches("Wrote 6 pages \\(9 files\\) to .* in \\d+\\.\\d\\d s"), lines[0]);
        assertEquals("", run.err());
    }
}
