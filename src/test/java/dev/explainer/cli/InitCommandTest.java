package dev.explainer.cli;

import dev.explainer.scaffold.StarterSite;
import dev.explainer.testing.TestSite;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code init DIR}: a new site that builds and checks clean as it is, and never a file overwritten. */
class InitCommandTest {
    private static final Path STARTER = Path.of("src/main/resources/dev/explainer/scaffold/starter");

    private static final java.util.regex.Pattern JAVA_NAMES = java.util.regex.Pattern.compile("\\b[A-Z][A-Za-z]*(Exception|Error)\\b");

    @TempDir
    Path root;

    @Test
    void createsASiteThatBuildsAndPassesTheStrictCheckWithoutAWarning() {
        Path site = root.resolve("my-site");
        TestSite.Run init = TestSite.cli("init", site.toString());
        assertEquals(0, init.exitCode(), init.err());
        assertEquals("", init.err());
        assertEquals("Created a new site in " + site + " (" + StarterSite.files().size() + " files). Next, from that folder:\n"
                + "  explainer serve    a live preview at http://127.0.0.1:8080/ that rebuilds on every save\n"
                + "  explainer build    the site, written to site/\n"
                + "Start with content/site.yaml; its comments explain each setting.\n", init.out());

        TestSite.Run check = TestSite.cli("check", "--strict", "--source", site.toString());
        assertEquals(0, check.exitCode(), check.err());
        assertEquals("", check.err(), "not one warning");
        TestSite.Run build = TestSite.build(site, "--strict");
        assertEquals(0, build.exitCode(), build.err());
        assertEquals("", build.err());
        assertTrue(build.out().startsWith("Wrote 6 pages"), build.out());
    }

    @Test
    void writesTheJarsFilesExactlyAndOnlyThose() throws IOException {
        Path site = root.resolve("new");
        assertEquals(0, TestSite.cli("init", site.toString()).exitCode());
        Map<String, byte[]> written = TestSite.snapshot(site);
        assertEquals(StarterSite.files().stream().sorted().toList(), List.copyOf(written.keySet()));
        written.forEach((file, bytes) -> assertArrayEquals(StarterSite.bytes(file), bytes, file));
        assertEquals(List.copyOf(TestSite.snapshot(STARTER).keySet()), StarterSite.files(),
                "starter.files lists every file of the starter folder, sorted");
        written.forEach((file, bytes) -> assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("\r"), file + " has Unix line ends"));
    }

    @Test
    void theSitesPagesHaveALanguageLandmarksOneHeadingAndWorkingReferences() {
        Path site = root.resolve("s");
        assertEquals(0, TestSite.cli("init", site.toString()).exitCode());
        assertEquals(0, TestSite.build(site).exitCode());
        Path out = site.resolve("site");
        List<String> pages = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            walk.filter(p -> p.toString().endsWith(".html")).sorted().forEach(p -> pages.add(out.relativize(p).toString()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(List.of("404.html", "about/index.html", "groups/riverside-residents/index.html",
                "groups/town-council/index.html", "index.html", "statements/index.html"), pages);
        for (String page : pages) {
            Document html = TestSite.html(out.resolve(page));
            assertEquals("en", html.selectFirst("html").attr("lang"), page);
            assertEquals(1, html.select("h1").size(), page + ": one h1");
            assertEquals(1, html.select("main#main").size(), page);
            assertEquals(1, html.select("header nav[aria-label=Main]").size(), page);
            assertEquals(1, html.select("footer").size(), page);
            assertEquals("#main", html.selectFirst("body > a.skip-link").attr("href"), page + ": the first link skips to the content");
            assertTrue(html.selectFirst("link[rel=stylesheet]").attr("href").matches("(/|(\\.\\./)*)assets/style\\.[0-9a-f]{10}\\.css"), page);
            assertTrue(html.select("script").isEmpty(), page + ": no script; every page works without JavaScript");
        }
        Document home = TestSite.html(out.resolve("index.html"));
        assertEquals(List.of("Millbrook Town Council", "Riverside Residents' Association"),
                home.select("#who-takes-part + ul a").eachText(), "the groups, sorted by name");
        assertEquals("groups/town-council/index.html", home.selectFirst("#who-takes-part + ul a").attr("href"));
        assertEquals("21 March 2025: First published, with two groups and three statements.", home.selectFirst("#updates + ul li").text());

        Document council = TestSite.html(out.resolve("groups/town-council/index.html"));
        assertEquals(List.of("../../statements/index.html#council-budget", "../../statements/index.html#council-consultation"),
                council.select("#what-they-said + ul a").eachAttr("href"), "the statements whose group is the council, by date");
        Document statements = TestSite.html(out.resolve("statements/index.html"));
        Element budget = statements.getElementById("council-budget");
        assertEquals("../groups/town-council/index.html", budget.selectFirst("a").attr("href"));
        assertEquals(List.of("council-budget", "residents-downstream", "council-consultation"),
                statements.select("ol.statements > li").eachAttr("id"), "sorted by date");
    }

    @Test
    void anEmptyFolderIsUsed() throws IOException {
        Path site = Files.createDirectory(root.resolve("empty"));
        TestSite.Run init = TestSite.cli("init", site.toString());
        assertEquals(0, init.exitCode(), init.err());
        assertEquals(0, TestSite.cli("check", "--strict", "--source", site.toString()).exitCode());
    }

    @Test
    void refusesAFolderThatIsNotEmptyAndTouchesNothingInIt() throws IOException {
        Path site = Files.createDirectory(root.resolve("mine"));
        Files.writeString(site.resolve("notes.txt"), "my notes");
        TestSite.Run init = TestSite.cli("init", site.toString());
        assertEquals(2, init.exitCode());
        assertEquals("explainer init: the folder '" + site + "' is not empty (it holds notes.txt); name a new or empty folder,"
                + " as init never overwrites anything\n", init.err());
        assertEquals("", init.out());
        assertEquals(Map.of("notes.txt", "my notes"), texts(site));

        for (String name : List.of("content", "b.md", "a.md", ".git")) {
            Files.createDirectories(site.resolve(name));
        }
        TestSite.Run many = TestSite.cli("init", site.toString());
        assertEquals(2, many.exitCode());
        assertEquals("explainer init: the folder '" + site + "' is not empty (it holds .git, a.md, b.md and 2 more);"
                + " name a new or empty folder, as init never overwrites anything\n", many.err());
        assertEquals(Map.of("notes.txt", "my notes"), texts(site));
    }

    @Test
    void refusesAFileALinkToNothingAndAFolderThatCannotBeCreated() throws IOException {
        Path file = Files.writeString(root.resolve("site.txt"), "a file");
        TestSite.Run onFile = TestSite.cli("init", file.toString());
        assertEquals(2, onFile.exitCode());
        assertEquals("explainer init: '" + file + "' is a file, not a folder; name a new or empty folder\n", onFile.err());

        Path below = file.resolve("site");
        TestSite.Run belowFile = TestSite.cli("init", below.toString());
        assertEquals(2, belowFile.exitCode());
        assertEquals("explainer init: cannot create the folder '" + below + "': '" + file.toAbsolutePath()
                + "' is a file, not a folder\n", belowFile.err());

        Path link = Files.createSymbolicLink(root.resolve("link"), root.resolve("nowhere"));
        TestSite.Run onLink = TestSite.cli("init", link.toString());
        assertEquals(2, onLink.exitCode());
        assertEquals("explainer init: '" + link + "' is a link to something that does not exist; name a new or empty folder\n",
                onLink.err());

        assertEquals(Map.of("site.txt", "a file"), texts(root), "nothing was written anywhere");
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void createsTheMissingFoldersAboveIt() {
        Path site = root.resolve("a/b/site");
        TestSite.Run init = TestSite.cli("init", site.toString());
        assertEquals(0, init.exitCode(), init.err());
        assertTrue(Files.isRegularFile(site.resolve("content/site.yaml")));
    }

    /**
     * A file that cannot be written (here: a path longer than the system allows, reached after the
     * folders and the first file were made) leaves nothing behind: not the files, not the folders.
     */
    @Test
    void aFileThatCannotBeWrittenLeavesNothingBehind() throws IOException {
        assumeTrue(System.getProperty("os.name").equals("Linux"), "the lengths below are Linux's PATH_MAX");
        Path base = root.toAbsolutePath();
        StringBuilder deep = new StringBuilder(base.toString());
        int length = 4070; // README.md still fits below Linux's 4096, content/groups/riverside-residents.md does not
        while (length - deep.length() > 1) {
            deep.append('/').append("d".repeat(Math.min(200, length - deep.length() - 1)));
        }
        String shown = deep.toString();
        TestSite.Run init = TestSite.cli("init", shown);
        assertEquals(1, init.exitCode(), init.err());
        assertTrue(init.err().startsWith("explainer init: cannot write " + shown + "/content/groups/riverside-residents.md: "), init.err());
        assertTrue(init.err().endsWith("; nothing was left behind\n"), init.err());
        assertFalse(JAVA_NAMES.matcher(init.err()).find(), init.err());
        try (Stream<Path> left = Files.list(root)) {
            assertEquals(List.of(), left.toList(), "the folders made for it are gone too");
        }
    }

    @Test
    void needsExactlyOneFolder() {
        TestSite.Run none = TestSite.cli("init");
        assertEquals(2, none.exitCode());
        assertEquals("explainer init: expected DIR, got nothing (see 'explainer init --help')\n", none.err());
        TestSite.Run empty = TestSite.cli("init", "");
        assertEquals(2, empty.exitCode());
        assertEquals("explainer init: DIR is empty; name the folder to create the site in (see 'explainer init --help')\n", empty.err());
        TestSite.Run two = TestSite.cli("init", root.resolve("a").toString(), root.resolve("b").toString());
        assertEquals(2, two.exitCode());
        assertFalse(Files.exists(root.resolve("a")));
    }

    /** Every file below {@code folder} as text, by relative path. */
    private static Map<String, String> texts(Path folder) {
        Map<String, String> texts = new TreeMap<>();
        TestSite.snapshot(folder).forEach((path, bytes) -> texts.put(path, new String(bytes, StandardCharsets.UTF_8)));
        return texts;
    }
}
