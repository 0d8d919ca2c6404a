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
        assertEquals(documents + ":1:1: error: the output folder " + documents.toRealPath() + " has no .explainer-manifest, so this"
                + " version of the tool did not write it, and these files in it are not what this build writes: .git/, CNAME,"
                + " index.html, notes.txt, photos/; build into a new or empty folder, or remove those files from it\n1 error\n",
                run.err());
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
        // The journal records the hashes of the old and the new bytes of each file.
        StringBuilder journal = new StringBuilder("# journal\n");
        TestSite.snapshot(site()).forEach((path, bytes) -> {
            if (!path.startsWith(".")) {
                journal.append(sha256(bytes)).append("  ").append(path).append('\n');
            }
        });
        journal.append(sha256("<p>the extra page</p>".getBytes(StandardCharsets.UTF_8))).append("  extra/index.html\n");
        journal.append(sha256("<p>the home page of an older build</p>".getBytes(StandardCharsets.UTF_8))).append("  index.html\n");
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
                # The files the last build by explainer wrote into this folder: SHA-256 of the bytes, two spaces, path.
                # The next build deletes or replaces only those whose bytes are unchanged, and keeps every other file.
                """);
        TestSite.snapshot(root.resolve("a")).forEach((path, bytes) -> {
            if (!path.equals(".explainer-manifest")) {
                expected.append(sha256(bytes)).append("  ").append(path).append('\n');
            }
        });
        assertEquals(expected.toString(), new String(manifest, StandardCharsets.UTF_8));
        assertTrue(expected.toString().contains("  index.html\n" + sha256(Files.readAllBytes(root.resolve("a/parties/blues/index.html")))
                + "  parties/blues/index.html\n"), expected.toString());

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
    void aSiteBuiltBeforeManifestsHadHashesIsTakenOverOnlyIfEveryFileInItHoldsTheBuildsBytes() throws IOException {
        TestSite.write(root, TestSite.BASE + EXTRA_PAGE);
        assertEquals(0, TestSite.build(root).exitCode());
        // As an earlier version of the tool left it: a manifest of paths without hashes.
        Files.writeString(site().resolve(".explainer-manifest"), """
                # The files the last build by explainer wrote into this folder, one per line.
                # The next build deletes those it no longer makes and leaves every other file here alone.
                index.html
                """);
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
        assertEquals(refusal("has no .explainer-manifest, so this version of the tool did not write it, and these files in it"
                + " are not what this build writes: extra/, sitemap.xml; build into a new or empty folder, or remove those files"
                + " from it"), refused.err());
        assertSameFiles(before, TestSite.snapshot(site()));

        // The same with the manifest of an earlier version: it proves nothing, so one file edited by hand is refused.
        assertEquals(0, TestSite.build(root, "--out", root.resolve("fresh").toString()).exitCode());
        TestSite.Run rebuilt = TestSite.build(root, "--out", root.resolve("older").toString());
        assertEquals(0, rebuilt.exitCode(), rebuilt.err());
        Path older = root.resolve("older");
        Files.writeString(older.resolve(".explainer-manifest"), """
                # The files the last build by explainer wrote into this folder, one per line.
                # The next build deletes those it no longer makes and leaves every other file here alone.
                index.html
                notes.txt
                """);
        Files.writeString(older.resolve("notes.txt"), "mine");
        Map<String, byte[]> olderBefore = TestSite.snapshot(older);
        TestSite.Run legacy = TestSite.build(root, "--out", older.toString());
        assertEquals(2, legacy.exitCode(), legacy.err());
        assertEquals(older + ":1:1: error: the output folder " + older.toRealPath() + " has an .explainer-manifest of an earlier"
                + " version of the tool, without the hashes that show which files are the build's, and these files in it are not"
                + " what this build writes: notes.txt; build into a new or empty folder, or remove those files from it\n1 error\n",
                legacy.err());
        assertSameFiles(olderBefore, TestSite.snapshot(older));
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static final String NO_HASH = "0".repeat(64);

    /** A site built once, then a {@code .git/}, notes and a CNAME of the user's put beside it. */
    private Map<String, byte[]> builtWithTheUsersFiles() throws IOException {
        TestSite.write(root, TestSite.BASE);
        assertEquals(0, TestSite.build(root).exitCode());
        Files.createDirectories(site().resolve(".git"));
        Files.writeString(site().resolve(".git/config"), "c\n");
        Files.writeString(site().resolve("notes.txt"), "keep\n");
        Files.writeString(site().resolve("CNAME"), "ex.com\n");
        TestSite.Run run = TestSite.build(root);
        assertEquals(List.of("kept 1 folder and 2 files the build did not write: .git/, CNAME, notes.txt"), notes(run));
        return TestSite.snapshot(site());
    }

    private String refusal(String message) throws IOException {
        return site() + ":1:1: error: the output folder " + site().toRealPath() + " " + message + "\n1 error\n";
    }

    @Test
    void pathsAddedToTheManifestDeleteNoFileOfTheUsers() throws IOException {
        Map<String, byte[]> before = builtWithTheUsersFiles();
        String manifest = Files.readString(site().resolve(".explainer-manifest"));
        long lines = manifest.lines().count();

        // Plain paths, as a pull request could add them: not the record's format.
        Files.writeString(site().resolve(".explainer-manifest"), manifest + ".git/config\nnotes.txt\nCNAME\n");
        Map<String, byte[]> tampered = TestSite.snapshot(site());
        TestSite.Run refused = TestSite.build(root);
        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals(refusal("has a damaged .explainer-manifest (line " + (lines + 1) + " is not a SHA-256 hash, two spaces"
                + " and a path), so the build cannot tell which files in it are its own; remove .explainer-manifest and build"
                + " into a new or empty folder"), refused.err());
        assertSameFiles(tampered, TestSite.snapshot(site()));

        // In the record's format: a hidden path with the true hash of its bytes, others with hashes of other bytes.
        Files.writeString(site().resolve(".explainer-manifest"), manifest + sha256("c\n".getBytes(StandardCharsets.UTF_8))
                + "  .git/config\n" + NO_HASH + "  notes.txt\n" + sha256("other.com\n".getBytes(StandardCharsets.UTF_8)) + "  CNAME\n");
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("kept 1 folder and 2 files the build did not write: .git/, CNAME, notes.txt"), notes(run));
        assertSameFiles(before, TestSite.snapshot(site()));
    }

    @Test
    void aJournalDeletesOnlyFilesWhoseBytesItRecorded() throws IOException {
        Map<String, byte[]> before = builtWithTheUsersFiles();
        Files.createDirectories(site().resolve("photos"));
        Files.writeString(site().resolve("photos/a.jpg"), "a photo");
        before = TestSite.snapshot(site());

        Files.writeString(site().resolve(".explainer-journal"), "# j\nnotes.txt\nphotos/a.jpg\n.git/config\n");
        Map<String, byte[]> tampered = TestSite.snapshot(site());
        TestSite.Run refused = TestSite.build(root);
        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals(refusal("has a damaged .explainer-journal (line 2 is not a SHA-256 hash, two spaces and a path), so the"
                + " build cannot tell which files in it are its own; remove .explainer-journal and build into a new or empty"
                + " folder"), refused.err());
        assertSameFiles(tampered, TestSite.snapshot(site()));

        Files.writeString(site().resolve(".explainer-journal"), "# j\n" + NO_HASH + "  notes.txt\n"
                + sha256("another photo".getBytes(StandardCharsets.UTF_8)) + "  photos/a.jpg\n"
                + sha256("c\n".getBytes(StandardCharsets.UTF_8)) + "  .git/config\n");
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("the previous build was interrupted; repaired",
                "kept 2 folders and 2 files the build did not write: .git/, CNAME, notes.txt, photos/"), notes(run));
        assertSameFiles(before, TestSite.snapshot(site()));
    }

    @Test
    void oneCopiedBuildFileDoesNotMakeAUsersFolderAnEarlierBuild() throws IOException {
        TestSite.write(root, TestSite.BASE);
        assertEquals(0, TestSite.build(root).exitCode());
        Path own = root.resolve("o13");
        Files.createDirectories(own);
        Files.writeString(own.resolve("index.html"), "<h1>My own homepage</h1>\n");
        Files.copy(site().resolve("robots.txt"), own.resolve("robots.txt"));
        Map<String, byte[]> before = TestSite.snapshot(own);

        TestSite.Run run = TestSite.build(root, "--out", own.toString());

        assertEquals(2, run.exitCode(), run.err());
        assertEquals(own + ":1:1: error: the output folder " + own.toRealPath() + " has no .explainer-manifest, so this version"
                + " of the tool did not write it, and these files in it are not what this build writes: index.html; build into"
                + " a new or empty folder, or remove those files from it\n1 error\n", run.err());
        assertSameFiles(before, TestSite.snapshot(own));
    }

    @Test
    void aFileTheUserEditedIsKeptAndNeverOverwritten() throws IOException {
        TestSite.write(root, TestSite.BASE + EXTRA_PAGE);
        assertEquals(0, TestSite.build(root).exitCode());
        Files.writeString(site().resolve("extra/index.html"), "<p>my edit</p>");
        Map<String, byte[]> before = TestSite.snapshot(site());

        TestSite.Run refused = TestSite.build(root);
        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals(refusal("holds files the build did not write, or that were changed since it wrote them, where this build"
                + " writes: extra/index.html; move them out of the folder and build again").replace("1 error\n",
                "content/pages/extra.md:1:1: warning: no other page links to /extra/; link to it, or readers will not find it\n"
                + "1 error, 1 warning\n"), refused.err());
        assertSameFiles(before, TestSite.snapshot(site()));

        Files.delete(root.resolve("content/pages/extra.md"));
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("kept 1 folder the build did not write: extra/"), notes(run));
        assertEquals("<p>my edit</p>", Files.readString(site().resolve("extra/index.html")));
    }

    @Test
    void aDamagedManifestIsRefusedAndSaysSo() throws IOException {
        TestSite.write(root, TestSite.BASE);
        assertEquals(0, TestSite.build(root).exitCode());
        Files.write(site().resolve(".explainer-manifest"), new byte[] {0, (byte) 0xff, (byte) 0xfe, 7, '\n', 'x'});
        Map<String, byte[]> before = TestSite.snapshot(site());
        TestSite.Run run = TestSite.build(root);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(refusal("has a damaged .explainer-manifest (it is not text), so the build cannot tell which files in it are"
                + " its own; remove .explainer-manifest and build into a new or empty folder"), run.err());
        assertSameFiles(before, TestSite.snapshot(site()));
    }

    @Test
    void recordsOfTheWrongKindAreRefusedInWords() throws IOException {
        TestSite.write(root, TestSite.BASE);
        assertEquals(0, TestSite.build(root).exitCode());
        Files.createDirectories(site().resolve(".explainer-journal"));
        Files.writeString(site().resolve(".explainer-journal/mine.txt"), "mine");
        Map<String, byte[]> before = TestSite.snapshot(site());
        TestSite.Run journal = TestSite.build(root);
        assertEquals(2, journal.exitCode(), journal.err());
        assertEquals(refusal("holds .explainer-journal as a folder, but the build keeps a file of its own records there; move"
                + " it out of the folder and build again"), journal.err());
        assertSameFiles(before, TestSite.snapshot(site()));
        assertFalse(Files.exists(site().resolve(".explainer-incoming")));
        TestSite.Run again = TestSite.build(root);
        assertEquals(journal.err(), again.err(), "and the same on the next build");

        Files.delete(site().resolve(".explainer-journal/mine.txt"));
        Files.delete(site().resolve(".explainer-journal"));
        Files.writeString(site().resolve(".explainer-incoming"), "mine");
        before = TestSite.snapshot(site());
        TestSite.Run incoming = TestSite.build(root);
        assertEquals(2, incoming.exitCode(), incoming.err());
        assertEquals(refusal("holds .explainer-incoming as a file, but the build keeps a folder of its own records there; move"
                + " it out of the folder and build again"), incoming.err());
        assertSameFiles(before, TestSite.snapshot(site()));
    }
}
