package dev.explainer.output;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The output folder belongs to the build, and only what it wrote: what a user keeps in it is
 * kept, a folder no build wrote is refused, an update cut short is repaired. Through the
 * command line, as a user runs it.
 */
class OutputOwnershipTest {
    private static final String EXTRA_PAGE = """
            -- content/pages/extra.md --
            ---
            title: Extra
            ---
            An extra page.
            """;

    @TempDir
    Path root;

    private Path site() {
        return root.resolve("site");
    }

    /** The lines a successful build prints after its "Wrote ..." line. */
    private static List<String> notes(TestSite.Run run) {
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Wrote "), run.out());
        return lines.subList(1, lines.size());
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    }

    @Test
    void whatAUserKeepsInTheOutputFolderIsKeptAndNamedWhileARemovedPageIsDeleted() throws IOException {
        TestSite.write(root, TestSite.BASE + EXTRA_PAGE);
        assertEquals(0, TestSite.build(root).exitCode());
        assertTrue(Files.isRegularFile(site().resolve("extra/index.html")));
        // GitHub Pages style: the site's folder is a repository with a CNAME, and notes of the publisher's.
        Files.writeString(site().resolve("CNAME"), "talks.example.org\n");
        Files.writeString(site().resolve(".nojekyll"), "");
        Files.createDirectories(site().resolve(".git/refs"));
        Files.writeString(site().resolve(".git/HEAD"), "ref: refs/heads/gh-pages\n");
        Files.writeString(site().resolve("notes.txt"), "deploy on Fridays\n");
        Map<String, byte[]> users = TestSite.snapshot(site());
        users.keySet().removeIf(path -> !path.equals("CNAME") && !path.equals(".nojekyll") && !path.startsWith(".git/")
                && !path.equals("notes.txt"));

        Files.delete(root.resolve("content/pages/extra.md"));
        TestSite.Run run = TestSite.build(root);

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("kept 1 folder and 3 files the build did not write: .git/, .nojekyll, CNAME, notes.txt"), notes(run));
        Map<String, byte[]> after = TestSite.snapshot(site());
        users.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
        assertFalse(Files.exists(site().resolve("extra")), "the removed page and its folder are deleted");
        assertFalse(Files.readString(site().resolve(".explainer-manifest")).contains("extra/"));

        TestSite.build(root, "--out", root.resolve("fresh").toString());
        Map<String, byte[]> built = TestSite.snapshot(site());
        built.keySet().removeAll(users.keySet());
        assertSameFiles(TestSite.snapshot(root.resolve("fresh")), built);
    }

    @Test
    void aFolderNoBuildWroteIsRefusedAsAUsageErrorAndLeftAlone() throws IOException {
        TestSite.write(root, TestSite.BASE);
        Path documents = root.resolve("documents");
        Files.createDirectories(documents.resolve("photos"));
        Files.createDirectories(documents.resolve(".git"));
        Files.writeString(documents.resolve("index.html"), "<p>my own page</p>");
        Files.writeString(documents.resolve("notes.txt"), "precious");
        Files.writeString(documents.resolve("CNAME"), "example.org");
        Files.writeString(documents.resolve("photos/cat.jpg"), "meow");
        Files.writeString(documents.resolve(".git/HEAD"), "ref: refs/heads/main");
        Map<String, byte[]> before = TestSite.snapshot(documents);

        TestSite.Run run = TestSite.build(root, "--out", documents.toString());

        assertEquals(2, run.exitCode(), run.err());
        assertEquals(documents + ":1:1: error: the output folder " + documents.toRealPath() + " is not empty and no build recorded"
                + " writing it (it has no .explainer-manifest): it holds .git/, CNAME, notes.txt, photos/, which this build would"
                + " not write; choose an empty or new folder, or move those out of it\n1 error\n", run.err());
        assertEquals("", run.out());
        assertSameFiles(before, TestSite.snapshot(documents));
        try (var beside = Files.list(root)) {
            assertEquals(List.of(), beside.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(),
                    "no staging folder left beside it");
        }
    }

    @Test
    void anOutputFolderOverlappingTheSourcesIsAUsageError() {
        TestSite.write(root, TestSite.BASE);
        TestSite.Run run = TestSite.build(root, "--out", root.resolve("content").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("overlaps content/"), run.err());
    }

    @Test
    void anUpdateCutShortIsRepairedByTheNextBuild() throws IOException {
        TestSite.write(root, TestSite.BASE);
        assertEquals(0, TestSite.build(root).exitCode());
        // What a build of the site with an extra page, killed while renaming its files into
        // place, leaves: its journal, the extra page renamed in, the home page not yet replaced
        // (here: not yet the bytes this build writes), the rest of its bytes in its private folder.
        StringBuilder journal = new StringBuilder("# journal\n");
        TestSite.snapshot(site()).keySet().stream().filter(path -> !path.startsWith(".")).forEach(path -> journal.append(path).append('\n'));
        journal.append("extra/index.html\n");
        Files.writeString(site().resolve(".explainer-journal"), journal);
        Files.createDirectories(site().resolve("extra"));
        Files.writeString(site().resolve("extra/index.html"), "<p>the extra page</p>");
        Files.writeString(site().resolve("index.html"), "<p>the home page of an older build</p>");
        Files.createDirectories(site().resolve(".explainer-incoming"));
        Files.writeString(site().resolve(".explainer-incoming/0"), "<p>the new home page, half writ");

        TestSite.Run run = TestSite.build(root);

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("the previous build was interrupted; repaired"), notes(run),
                "the extra page is the build's own, not a file to keep");
        assertEquals(0, TestSite.build(root, "--out", root.resolve("fresh").toString()).exitCode());
        assertSameFiles(TestSite.snapshot(root.resolve("fresh")), TestSite.snapshot(site()));
        try (var top = Files.list(site())) {
            assertEquals(List.of(), top.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".explainer-")
                    && !n.equals(".explainer-manifest")).toList(), "neither the journal nor the private folder is left");
        }
        assertEquals(List.of(), notes(TestSite.build(root)), "repaired once: the next build has nothing to say");
    }

    @Test
    void theManifestListsTheFilesOfTheSiteInTheSameBytesOnEveryMachine() throws IOException {
        TestSite.write(root, TestSite.BASE);
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            assertEquals(0, TestSite.build(root, "--out", root.resolve("a").toString()).exitCode());
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kathmandu"));
            Locale.setDefault(Locale.forLanguageTag("tr-TR")); // where "I".toLowerCase() is not "i"
            assertEquals(0, TestSite.build(root, "--out", root.resolve("b").toString()).exitCode());
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
        byte[] manifest = Files.readAllBytes(root.resolve("a/.explainer-manifest"));
        assertArrayEquals(manifest, Files.readAllBytes(root.resolve("b/.explainer-manifest")));

        StringBuilder expected = new StringBuilder("""
                # The files the last build by explainer wrote into this folder, one per line.
                # The next build deletes those it no longer makes and leaves every other file here alone.
                """);
        TestSite.snapshot(root.resolve("a")).keySet().stream().filter(path -> !path.equals(".explainer-manifest")).sorted()
                .forEach(path -> expected.append(path).append('\n'));
        assertEquals(expected.toString(), new String(manifest, StandardCharsets.UTF_8));
        assertTrue(expected.toString().contains("\nindex.html\nparties/blues/index.html\n"), expected.toString());

        FileTime longAgo = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
        Files.setLastModifiedTime(root.resolve("a/.explainer-manifest"), longAgo);
        assertEquals(0, TestSite.build(root, "--out", root.resolve("a").toString()).exitCode());
        assertEquals(longAgo, Files.getLastModifiedTime(root.resolve("a/.explainer-manifest")), "an unchanged site rewrites no file");
    }

    @Test
    void theManifestIsNeitherInTheSitemapNorALinkAndCheckWritesNone() throws IOException {
        TestSite.write(root, TestSite.BASE);
        assertEquals(0, TestSite.build(root).exitCode());
        assertFalse(Files.readString(site().resolve("sitemap.xml")).contains(".explainer"));
        Map<String, byte[]> built = TestSite.snapshot(site());
        for (String page : built.keySet().stream().filter(path -> path.endsWith(".html")).toList()) {
            assertTrue(TestSite.html(site().resolve(page)).select("[href*=.explainer], [src*=.explainer]").isEmpty(), page);
        }

        TestSite.Run check = TestSite.cli("check", "--source", root.toString());
        assertEquals(0, check.exitCode(), check.err());
        assertSameFiles(built, TestSite.snapshot(site()));
        try (var top = Files.list(root)) {
            assertEquals(List.of("content", "site", "templates"), top.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aSiteBuiltBeforeManifestsExistedIsTakenOverIfEveryFileInItIsTheBuilds() throws IOException {
        TestSite.write(root, TestSite.BASE + EXTRA_PAGE);
        assertEquals(0, TestSite.build(root).exitCode());
        Files.delete(site().resolve(".explainer-manifest")); // as an earlier version of the tool left it
        FileTime longAgo = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
        Files.setLastModifiedTime(site().resolve("index.html"), longAgo);

        TestSite.Run taken = TestSite.build(root);
        assertEquals(0, taken.exitCode(), taken.err());
        assertEquals(List.of(), notes(taken));
        assertTrue(Files.isRegularFile(site().resolve(".explainer-manifest")));
        assertEquals(longAgo, Files.getLastModifiedTime(site().resolve("index.html")), "an unchanged page is not rewritten");

        // Without a manifest, a page the site no longer has cannot be told from a file of the user's.
        Files.delete(site().resolve(".explainer-manifest"));
        Files.delete(root.resolve("content/pages/extra.md"));
        Map<String, byte[]> before = TestSite.snapshot(site());
        TestSite.Run refused = TestSite.build(root);
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("it holds extra/, which this build would not write; choose an empty or new folder,"
                + " or move those out of it"), refused.err());
        assertSameFiles(before, TestSite.snapshot(site()));
    }
}
