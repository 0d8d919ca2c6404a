package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the build writes besides the pages, as the site declares it in site.yaml: the sitemap and
 * robots file (on by default, each can be turned off and then published by the site itself), the
 * error page (any page, not only /404.html), and the root static files copied from a folder below
 * content/ (favicon.ico, CNAME, .well-known/); each misuse an error at its place, naming both
 * files of a collision.
 */
class SiteOutputsTest {
    @TempDir
    Path temporary;
    /** The site of the test, or of its latest {@link #assertRefused}: each starts afresh in a folder of its own. */
    private Path root;
    private int sites;

    @org.junit.jupiter.api.BeforeEach
    void fresh() {
        root = temporary.resolve("site-" + ++sites);
    }

    /** The base site with {@code settings} (lines of site.yaml) added after base_url, then {@code files}. */
    private static String site(String settings, String files) {
        return TestSite.replaced(TestSite.BASE, "base_url: https://example.org/test/\n", "base_url: https://example.org/test/\n"
                + settings) + files;
    }

    /** Builds the base site, then {@code change}: it fails with exactly {@code expected} and leaves the first output as it was. */
    private void assertRefused(String change, String expected) {
        fresh();
        refusedHere(change, expected);
    }

    /** {@link #assertRefused} in the current folder, which may hold files already. */
    private void refusedHere(String change, String expected) {
        TestSite.write(root, TestSite.BASE);
        TestSite.Run run = TestSite.breakWith(root, change);
        assertEquals(expected + "\n" + expected.lines().count() + (expected.lines().count() == 1 ? " error\n" : " errors\n"), run.err());
        TestSite.Run check = TestSite.cli("check", "--source", root.toString());
        assertEquals(1, check.exitCode(), check.err());
        assertEquals(run.err(), check.err(), "check reports what build does");
    }

    private TestSite.Run buildOk(String spec) {
        TestSite.write(root, spec);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    private String output(String path) throws Exception {
        return Files.readString(root.resolve("site").resolve(path), StandardCharsets.UTF_8);
    }

    // ---- sitemap and robots.txt ----

    @Test
    void byDefaultTheSitemapAndARobotsFileNamingItAreWritten() throws Exception {
        buildOk(TestSite.BASE);
        assertEquals("User-agent: *\nAllow: /\n\nSitemap: https://example.org/test/sitemap.xml\n", output("robots.txt"));
        assertTrue(output("sitemap.xml").contains("<loc>https://example.org/test/people/ann/</loc>"), output("sitemap.xml"));
    }

    @Test
    void withoutTheSitemapThereIsNoFileAndRobotsDoesNotNameIt() throws Exception {
        buildOk(site("generate_sitemap: false\n", ""));
        assertFalse(Files.exists(root.resolve("site/sitemap.xml")));
        assertEquals("User-agent: *\nAllow: /\n", output("robots.txt"));
    }

    @Test
    void withoutTheGeneratedSitemapAPageMayBeTheSitemap() throws Exception {
        buildOk(site("generate_sitemap: false\n", """
                -- content/pages/map.md --
                ---
                title: Map
                url: /sitemap.xml
                template: map.ftlx
                ---
                -- templates/map.ftlx --
                <?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${site.base_url}</loc></url></urlset>
                """));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url>"
                + "<loc>https://example.org/test/</loc></url></urlset>\n", output("sitemap.xml"));
    }

    @Test
    void withoutTheGeneratedRobotsFileTheSitePublishesItsOwn() throws Exception {
        buildOk(site("generate_robots_txt: false\nstatic: static\n", """
                -- content/static/robots.txt --
                User-agent: *
                Disallow: /drafts/
                """));
        assertEquals("User-agent: *\nDisallow: /drafts/\n", output("robots.txt"));
        assertTrue(Files.exists(root.resolve("site/sitemap.xml")));
    }

    @Test
    void aStaticFileMayNotReplaceAGeneratedFile() {
        assertRefused(site("static: static\n", "-- content/static/robots.txt --\nUser-agent: *\n"),
                "content/static/robots.txt:1:1: error: this file would be published as robots.txt, the robots file the build writes"
                        + " (set 'generate_robots_txt: false' in the site config to publish your own); remove or rename the file");
    }

    @Test
    void aStaticFileMayNotNeedAFolderWhereTheSitemapIsAFile() {
        assertRefused(site("static: static\n", "-- content/static/sitemap.xml/old.xml --\n<x/>\n"),
                "content/static/sitemap.xml/old.xml:1:1: error: this file needs a folder 'sitemap.xml', but that is the name of a"
                        + " file: sitemap.xml, the sitemap the build writes (set 'generate_sitemap: false' in the site config to leave"
                        + " it out); move the file");
    }

    @Test
    void aGeneratedFileTurnedOnMustBeTrueOrFalse() {
        assertRefused(site("generate_sitemap: no\n", ""),
                "content/site.yaml:4:19: error: 'generate_sitemap' of the site config must be true or false, not a string");
    }

    // ---- the error page ----

    private static final String NOT_FOUND_PAGE = """
            -- content/pages/missing.md --
            ---
            title: Not here
            url: /errors/missing/
            ---
            Try [Ann](/people/ann/) or [this](../../people/).
            """;

    @Test
    void aDeclaredErrorPageLinksFromTheRootAndStaysOutOfTheSitemap() throws Exception {
        TestSite.Run run = buildOk(site("error_page: /errors/missing/\n", NOT_FOUND_PAGE));
        assertFalse(run.err().contains("/errors/missing/"), "no warning that nothing links to it: " + run.err());
        Document page = TestSite.html(root.resolve("site/errors/missing/index.html"));
        assertEquals("/test/assets/" + cssName(), page.select("link[rel=stylesheet]").attr("href"));
        assertEquals(List.of("/test/people/ann/index.html", "/test/people/index.html"),
                page.select("main a").eachAttr("href"));
        assertFalse(output("sitemap.xml").contains("errors/missing"), output("sitemap.xml"));
        // /404.html is an ordinary page once it is not the error page: in the sitemap, with relative links.
        buildOk(site("error_page: /errors/missing/\n", NOT_FOUND_PAGE + """
                -- content/pages/gone.md --
                ---
                title: Gone
                url: /404.html
                ---
                See [Ann](/people/ann/).
                """));
        assertTrue(output("sitemap.xml").contains("<loc>https://example.org/test/404.html</loc>"), output("sitemap.xml"));
        assertEquals(List.of("people/ann/index.html"), TestSite.html(root.resolve("site/404.html")).select("main a").eachAttr("href"));
    }

    @Test
    void theDefaultErrorPageIsStill404Html() throws Exception {
        buildOk(TestSite.BASE + "-- content/pages/404.md --\n---\ntitle: Not here\nurl: /404.html\n---\nSee [Ann](/people/ann/).\n");
        assertEquals(List.of("/test/people/ann/index.html"), TestSite.html(root.resolve("site/404.html")).select("main a").eachAttr("href"));
        assertFalse(output("sitemap.xml").contains("404"), output("sitemap.xml"));
    }

    @Test
    void aDeclaredErrorPageMustBeAPageOfTheSite() {
        assertRefused(site("error_page: /errors/mising/\n", NOT_FOUND_PAGE), "content/site.yaml:4:13: error: error_page"
                + " /errors/mising/ is not a page of the site; did you mean '/errors/missing/'?");
        assertRefused(site("error_page: /oops.html\n", ""), "content/site.yaml:4:13: error: error_page /oops.html is not a page"
                + " of the site; give a page 'url: /oops.html', or name one of the site's pages");
    }

    @Test
    void aDeclaredErrorPageMustBeTheSitePathOfAnHtmlPage() {
        assertRefused(site("error_page: errors/missing\n", NOT_FOUND_PAGE), "content/site.yaml:4:13: error: error_page"
                + " 'errors/missing' must be the site path of an HTML page of the site, such as '/404.html' or '/not-found/':"
                + " starting with '/', ending with '/' or '.html'");
    }

    private String cssName() throws Exception {
        try (var files = Files.list(root.resolve("site/assets"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".css")).findFirst().orElseThrow();
        }
    }

    // ---- root static files ----

    private static final byte[] ICON = {0, 0, 1, 0, (byte) 0xff, (byte) 0xfe, '\r', '\n', 0x7f};

    private void writeBytes(String path, byte[] bytes) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    @Test
    void staticFilesArePublishedAtTheRootByteForByte() throws Exception {
        TestSite.write(root, site("static: static\n", """
                -- content/static/CNAME --
                explainer.example.org
                -- content/static/.well-known/security.txt --
                Contact: mailto:security@example.org
                -- content/static/files/notes.txt --
                Notes.
                -- content/static/.DS_Store --
                hidden
                -- content/static/.well-known/.hidden --
                hidden
                -- content/static/CNAME~ --
                a backup
                -- content/pages/about.md --
                ---
                title: About
                ---
                See the [notes](/files/notes.txt).
                """));
        writeBytes("content/static/favicon.ico", ICON);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("content/static"), "no warning about the static files: " + run.err());
        assertArrayEquals(ICON, Files.readAllBytes(root.resolve("site/favicon.ico")));
        assertEquals("explainer.example.org\n", output("CNAME"));
        assertEquals("Contact: mailto:security@example.org\n", output(".well-known/security.txt"));
        assertEquals("Notes.\n", output("files/notes.txt"));
        assertFalse(Files.exists(root.resolve("site/.DS_Store")));
        assertFalse(Files.exists(root.resolve("site/.well-known/.hidden")));
        assertFalse(Files.exists(root.resolve("site/CNAME~")));
        assertEquals(List.of("../files/notes.txt"), TestSite.html(root.resolve("site/about/index.html")).select("main p a").eachAttr("href"));
        String manifest = output(".explainer-manifest");
        for (String path : List.of("CNAME", "favicon.ico", ".well-known/security.txt", "files/notes.txt")) {
            assertTrue(manifest.contains("  " + path + "\n"), path + " in " + manifest);
        }
    }

    @Test
    void aLaterBuildReplacesAndRemovesOnlyTheStaticFilesItWrote() throws Exception {
        buildOk(site("static: static\n", """
                -- content/static/CNAME --
                one.example.org
                -- content/static/.well-known/security.txt --
                Contact: mailto:one@example.org
                """));
        Files.writeString(root.resolve("site/.well-known/change-password"), "mine");
        Files.writeString(root.resolve("site/keep.txt"), "mine");
        TestSite.write(root, "-- content/static/CNAME --\ntwo.example.org\n");
        Files.delete(root.resolve("content/static/.well-known/security.txt"));
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("two.example.org\n", output("CNAME"));
        assertFalse(Files.exists(root.resolve("site/.well-known/security.txt")), "a static file removed is removed from the site");
        assertEquals("mine", output(".well-known/change-password"), "a file the build did not write is kept");
        assertEquals("mine", output("keep.txt"));
    }

    /** The files of a run, as paths with their bytes (copied files by where they come from). */
    private static Map<String, String> files(BuildResult result) {
        Map<String, String> files = new java.util.TreeMap<>();
        for (dev.explainer.output.OutputFile file : result.files()) {
            files.put(file.path(), file instanceof dev.explainer.output.OutputFile.Generated generated
                    ? new String(generated.bytes(), StandardCharsets.UTF_8) : ((dev.explainer.output.OutputFile.Copied) file).source().toString());
        }
        return files;
    }

    /** A rebuild told exactly what changed gives the files, and the error page, that a fresh build gives. */
    private Map<String, String> rebuildIsFresh(SiteBuilder builder, String... changed) {
        BuildResult rebuilt = builder.run(BuildOptions.check(root), dev.explainer.load.ChangedFiles.exactly(java.util.Set.of(changed)));
        BuildResult fresh = new SiteBuilder().run(BuildOptions.check(root));
        assertEquals(List.of(), rebuilt.diagnostics().stream().filter(d -> d.isError()).toList());
        assertEquals(files(fresh), files(rebuilt));
        assertEquals(fresh.errorPage(), rebuilt.errorPage());
        return files(rebuilt);
    }

    @Test
    void rebuildsFollowTheStaticFilesAndTheChoicesAsTheyChange() throws Exception {
        TestSite.write(root, TestSite.BASE);
        SiteBuilder builder = SiteBuilder.forRebuilds();
        rebuildIsFresh(builder);
        TestSite.write(root, site("static: static\nerror_page: /errors/missing/\ngenerate_sitemap: false\n", NOT_FOUND_PAGE
                + "-- content/static/CNAME --\nexample.org\n"));
        Map<String, String> declared = rebuildIsFresh(builder, "content/site.yaml", "content/pages/missing.md", "content/static",
                "content/static/CNAME");
        assertTrue(declared.containsKey("CNAME") && !declared.containsKey("sitemap.xml"), declared.keySet().toString());
        TestSite.write(root, "-- content/static/.well-known/security.txt --\nContact: mailto:one@example.org\n");
        rebuildIsFresh(builder, "content/static/.well-known", "content/static/.well-known/security.txt");
        TestSite.write(root, "-- content/static/.well-known/change-password --\n/account/\n");
        assertTrue(rebuildIsFresh(builder, "content/static/.well-known/change-password").containsKey(".well-known/change-password"));
        Files.delete(root.resolve("content/static/.well-known/security.txt"));
        assertFalse(rebuildIsFresh(builder, "content/static/.well-known/security.txt").containsKey(".well-known/security.txt"));
        TestSite.write(root, TestSite.replaced(site("static: static\n", ""), "static: static\n", "static: static\n"));
        rebuildIsFresh(builder, "content/site.yaml");
        assertEquals(java.util.Optional.empty(), new SiteBuilder().run(BuildOptions.check(root)).errorPage(),
                "without a page at /404.html the base site has no error page");
    }

    @Test
    void aStaticFolderThatIsMissingIsAnError() {
        assertRefused(site("static: public\n", ""), "content/site.yaml:4:9: error: static folder content/public/ not found; make it,"
                + " or remove 'static'");
    }

    @Test
    void aStaticFolderOutsideContentIsAnError() {
        assertRefused(site("static: ../templates\n", ""), "content/site.yaml:4:9: error: 'static' folder '../templates' must be a"
                + " path inside content/");
    }

    @Test
    void aStaticFolderMayNotHoldWhatTheSiteReadsOtherwise() {
        assertRefused(site("static: schemas\n", ""), "content/site.yaml:4:9: error: static folder content/schemas/ also holds"
                + " content/schemas/page.json, which the site reads as its config, a schema or a collection's entries; give the static"
                + " files a folder of their own");
        assertRefused(site("static: people/static\n", "-- content/people/static/CNAME --\nx\n"), "content/people/static/CNAME:1:1:"
                + " error: collection 'people' holds Markdown files (.md) directly in content/people/; move or rename this file\n"
                + "content/site.yaml:4:9: error: static folder content/people/static/ is inside content/people, which the site reads"
                + " as a collection's folder; give the static files a folder of their own");
    }

    @Test
    void aStaticFileMustHaveAnAddressEverySystemCanWrite() throws Exception {
        writeBytes("content/static/My Notes.txt", "x".getBytes(StandardCharsets.UTF_8));
        refusedHere(site("static: static\n", ""), "content/static/My Notes.txt:1:1: error: this"
                + " file's address, /My Notes.txt, has the character ' ', which cannot be in a file name everywhere; use only letters"
                + " a-z, A-Z, digits, '.', '_', '~' and '-'");
    }

    @Test
    void aStaticFileMayNotTakeThePlaceOfAPageOrAnAsset() {
        assertRefused(site("static: static\n", "-- content/static/extra/index.html --\n<p>mine</p>\n"
                + "-- content/pages/extra.md --\n---\ntitle: Extra\nurl: /extra/\n---\nText.\n"), "content/pages/extra.md:3:6:"
                + " error: URL /extra/ is also the URL of content/static/extra/index.html; give the page another id or 'url'");
        assertRefused(site("static: static\n", "-- content/static/assets/site.css --\nbody {}\n"), "content/static/assets/site.css:1:1:"
                + " error: this file would be published at /assets/site.css, where templates/assets/site.css is published; rename"
                + " or remove one of them");
    }

    @Test
    void twoStaticFilesWhoseNamesDifferOnlyInCapitalsCollide() {
        assertRefused(site("static: static\n", "-- content/static/CNAME --\na\n-- content/static/cname --\nb\n"),
                "content/static/cname:1:1: error: this file would be published at /cname, where content/static/CNAME is published"
                        + " (their names differ only in capital letters, and macOS and Windows keep one file for both); rename or"
                        + " remove one of them");
    }

    @Test
    void aStaticFileWhoseNameDiffersOnlyInCapitalsFromAPageOrAGeneratedFileCollides() {
        assertRefused(site("static: static\n", "-- content/static/People/index.html --\n<p>mine</p>\n"),
                "content/static/People/index.html:1:1: error: this file would be published as People/index.html, whose name differs"
                        + " only in capital letters from the page /people/ (macOS and Windows keep one file for both); rename or remove"
                        + " one of them");
        assertRefused(site("static: static\n", "-- content/static/Sitemap.xml --\nx\n"),
                "content/static/Sitemap.xml:1:1: error: this file would be published as Sitemap.xml, whose name differs only in"
                        + " capital letters from sitemap.xml, the sitemap the build writes (set 'generate_sitemap: false' in the site"
                        + " config to leave it out) (macOS and Windows keep one file for both); rename or remove one of them");
    }

    @Test
    void aPageWhoseUrlDiffersOnlyInCapitalsFromAGeneratedFileCollides() {
        assertRefused(site("", "-- content/pages/bots.md --\n---\ntitle: Bots\nurl: /Robots.txt\ntemplate: bots.txt.ftl\n---\nText.\n"
                        + "-- templates/bots.txt.ftl --\n${entry.title}\n"),
                "content/pages/bots.md:3:6: error: URL /Robots.txt differs only in capital letters from robots.txt, the robots file the"
                        + " build writes (set 'generate_robots_txt: false' in the site config to publish your own), and macOS and"
                        + " Windows keep one file for both; give the page another 'url'");
    }

    @Test
    void aStaticFileMayNotLeadOutsideTheSitesFolder(@TempDir Path outside) throws Exception {
        Path secret = Files.writeString(outside.resolve("secret.txt"), "secret");
        TestSite.write(root, TestSite.BASE);
        TestSite.Run first = TestSite.build(root);
        assertEquals(0, first.exitCode(), first.err());
        Map<String, byte[]> before = TestSite.snapshot(root.resolve("site"));
        TestSite.write(root, site("static: static\n", "-- content/static/CNAME --\nx\n"));
        Files.createSymbolicLink(root.resolve("content/static/secret.txt"), secret);
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("content/static/secret.txt:1:1: error: is a link to a file outside the site's folder (" + secret.toRealPath()
                + "), and the build reads nothing outside it; copy the file into the site's folder instead\n1 error\n", run.err());
        TestSite.assertSameFiles(before, root.resolve("site"));
    }
}
