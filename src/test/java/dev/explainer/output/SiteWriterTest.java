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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SiteWriterTest {
    @TempDir
    Path root;

    private static OutputFile text(String path, String text) {
        return new OutputFile.Generated(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The folder holds exactly these files, byte for byte. */
    private static void assertHolds(Map<String, byte[]> expected, Path folder) {
        Map<String, byte[]> actual = TestSite.snapshot(folder);
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    }

    /** The test's folder holds these names and nothing else: no staging or temporary folder is left. */
    private void assertRootHolds(String... names) throws IOException {
        try (var left = Files.list(root)) {
            assertEquals(List.of(names), left.map(p -> p.getFileName().toString()).sorted().toList(), "no staging folder left");
        }
    }

    @Test
    void aFailedWriteLeavesThePreviousOutputByteIdentical() throws IOException {
        Path out = root.resolve("site");
        new SiteWriter().write(out, List.of(text("index.html", "old"), text("a/index.html", "a")));
        Map<String, byte[]> before = TestSite.snapshot(out);

        List<OutputFile> failing = List.of(text("index.html", "new"),
                new OutputFile.Copied("assets/gone.css", root.resolve("no-such-file.css")));
        assertThrows(IOException.class, () -> new SiteWriter().write(out, failing));

        assertHolds(before, out);
        assertRootHolds("site");
    }

    @Test
    void aFailedUpdateRemovesTheFoldersItMade() throws IOException {
        Path out = root.resolve("site");
        new SiteWriter().write(out, List.of(text("index.html", "old")));
        List<OutputFile> failing = List.of(text("index.html", "new"), text("new/deep/index.html", "x"),
                new OutputFile.Copied("new/gone.css", root.resolve("no-such-file.css")));
        Map<String, byte[]> before = TestSite.snapshot(out);
        assertThrows(IOException.class, () -> new SiteWriter().write(out, failing));
        assertEquals(false, Files.exists(out.resolve("new")), "no folder is made before every new byte is on disk");
        assertEquals(false, Files.exists(out.resolve(OutputManifest.INCOMING)), "the new bytes written so far are removed");
        assertHolds(before, out);
    }

    @Test
    void aPreparedNewFolderGetsTheSameFilesAsAPlainWrite() throws IOException {
        List<OutputFile> files = List.of(text("index.html", "home"), text("pages/a/index.html", "a"),
                text("pages/b/index.html", "b"), text("deep/er/still/index.html", "c"));
        new SiteWriter().write(root.resolve("plain"), files);
        // Expected files name a folder the build ends up not writing, and miss one it does.
        SiteWriter.Preparation prepared = new SiteWriter().prepare(root.resolve("prepared"),
                List.of("index.html", "pages/a/index.html", "pages/b/index.html", "unused/index.html"));
        prepared.write(files);

        assertHolds(TestSite.snapshot(root.resolve("plain")), root.resolve("prepared"));
        assertEquals(false, Files.exists(root.resolve("prepared/unused")), "a prepared folder no file needs is not published");
        assertRootHolds("plain", "prepared");
    }

    @Test
    void aDiscardedPreparationLeavesNothingNewAndAnEarlierBuildUntouched() throws IOException {
        new SiteWriter().prepare(root.resolve("new"), List.of("index.html", "pages/a/index.html")).discard();
        assertRootHolds();

        Path out = root.resolve("site");
        new SiteWriter().write(out, List.of(text("index.html", "old"), text("a/index.html", "a")));
        Map<String, byte[]> before = TestSite.snapshot(out);
        new SiteWriter().prepare(out, List.of("index.html", "b/index.html")).discard();
        assertHolds(before, out);
        assertRootHolds("site");
    }

    @Test
    void aFailedWriteIntoANewFolderLeavesNothing() throws IOException {
        Path out = root.resolve("site");
        List<OutputFile> failing = List.of(text("index.html", "new"),
                new OutputFile.Copied("assets/gone.css", root.resolve("no-such-file.css")));
        assertThrows(IOException.class, () -> new SiteWriter().write(out, failing));
        assertEquals(false, Files.exists(out));
        assertRootHolds();
    }

    @Test
    void aRebuildTouchesOnlyWhatChanged() throws IOException {
        Path out = root.resolve("site");
        Path css = Files.writeString(root.resolve("style.css"), "body {}");
        new SiteWriter().write(out, List.of(text("index.html", "home"), text("a/index.html", "a"),
                text("old/deep/index.html", "gone soon"), new OutputFile.Copied("assets/style.css", css)));
        FileTime longAgo = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
        for (String path : List.of("index.html", "a/index.html", "assets/style.css")) {
            Files.setLastModifiedTime(out.resolve(path), longAgo);
        }

        new SiteWriter().write(out, List.of(text("index.html", "home"), text("a/index.html", "a, edited"),
                text("b/index.html", "new"), new OutputFile.Copied("assets/style.css", css)));

        assertEquals(Map.of("index.html", "home", "a/index.html", "a, edited", "b/index.html", "new", "assets/style.css", "body {}"),
                texts(out), "exactly the new files, nothing left over");
        assertEquals(longAgo, Files.getLastModifiedTime(out.resolve("index.html")), "unchanged page not rewritten");
        assertEquals(longAgo, Files.getLastModifiedTime(out.resolve("assets/style.css")), "unchanged asset not rewritten");
        assertNotEquals(longAgo, Files.getLastModifiedTime(out.resolve("a/index.html")), "changed page rewritten");
        assertEquals(false, Files.exists(out.resolve("old")), "folders of removed pages removed");
        assertRootHolds("site", "style.css");
    }

    @Test
    void aRebuildOfTheSameSiteWritesNothing() throws IOException {
        Path out = root.resolve("site");
        List<OutputFile> files = List.of(text("index.html", "home"), text("a/index.html", "a"));
        new SiteWriter().write(out, files);
        FileTime longAgo = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
        Files.setLastModifiedTime(out.resolve("a/index.html"), longAgo);
        Files.setLastModifiedTime(out.resolve("a"), longAgo);

        new SiteWriter().write(out, files);

        assertEquals(longAgo, Files.getLastModifiedTime(out.resolve("a/index.html")));
        assertEquals(longAgo, Files.getLastModifiedTime(out.resolve("a")), "no file created or removed in the folder");
    }

    @Test
    void aPageThatBecomesAFolderAndBackIsWrittenInPlaceKeepingTheUsersFiles() throws IOException {
        Path out = root.resolve("site");
        new SiteWriter().write(out, List.of(text("index.html", "home"), text("about", "a file"), text("old/deep/index.html", "x")));
        Files.writeString(out.resolve("CNAME"), "example.org");
        new SiteWriter().write(out, List.of(text("index.html", "home"), text("about/index.html", "a folder"), text("old", "a file")));
        assertEquals(Map.of("index.html", "home", "about/index.html", "a folder", "old", "a file", "CNAME", "example.org"), texts(out));
        new SiteWriter().write(out, List.of(text("index.html", "home"), text("about", "a file again")));
        assertEquals(Map.of("index.html", "home", "about", "a file again", "CNAME", "example.org"), texts(out));
        assertRecords(out, "about", "index.html");
        assertRootHolds("site");
    }

    @Test
    void aTemporaryFileLeftByAKilledRunOfAnEarlierVersionIsRemoved() throws IOException {
        Path out = root.resolve("site");
        new SiteWriter().write(out, List.of(text("index.html", "home"), text("a/index.html", "a")));
        Files.writeString(out.resolve(".index.html.explainer-tmp"), "half");
        Files.writeString(out.resolve("a/.index.html.explainer-tmp"), "half");
        SiteWriter.Outcome outcome = new SiteWriter().write(out, List.of(text("index.html", "home, edited")));
        assertEquals(new SiteWriter.Written(List.of(), true), outcome);
        assertEquals(Map.of("index.html", "home, edited"), texts(out));
        assertEquals(false, Files.exists(out.resolve("a")));
    }

    /** The site's files and the user's, by path: everything but the build's own record. */
    private static Map<String, String> texts(Path out) {
        Map<String, String> texts = new java.util.TreeMap<>();
        TestSite.snapshot(out).forEach((path, bytes) -> texts.put(path, new String(bytes, StandardCharsets.UTF_8)));
        texts.remove(OutputManifest.NAME);
        return texts;
    }

    /** The manifest of {@code out} lists exactly {@code paths}, each with the SHA-256 of the bytes it holds. */
    private static void assertRecords(Path out, String... paths) throws IOException {
        StringBuilder expected = new StringBuilder(MANIFEST_HEADER);
        for (String path : paths) {
            expected.append(sha256(Files.readString(out.resolve(path)))).append("  ").append(path).append('\n');
        }
        assertEquals(expected.toString(), Files.readString(out.resolve(OutputManifest.NAME)));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static final String MANIFEST_HEADER = """
            # The files the last build by explainer wrote into this folder: SHA-256 of the bytes, two spaces, path.
            # The next build deletes or replaces only those whose bytes are unchanged, and keeps every other file.
            """;

    @Test
    void theManifestListsTheFilesWrittenInTheSameBytesWhateverTheOrderOrTheFolder() throws IOException {
        List<OutputFile> files = List.of(text("index.html", "home"), text("b/index.html", "b"), text("B.html", "B"),
                text("a/z/index.html", "z"), text("assets/\u00e9t\u00e9.css", "summer"), text("a/index.html", "a"));
        new SiteWriter().write(root.resolve("one"), files);
        List<OutputFile> reversed = new java.util.ArrayList<>(files);
        java.util.Collections.reverse(reversed);
        new SiteWriter().write(root.resolve("two"), reversed);
        assertRecords(root.resolve("one"), "B.html", "a/index.html", "a/z/index.html", "assets/\u00e9t\u00e9.css", "b/index.html", "index.html");
        assertArrayEquals(Files.readAllBytes(root.resolve("one").resolve(OutputManifest.NAME)),
                Files.readAllBytes(root.resolve("two").resolve(OutputManifest.NAME)));

        Path updated = root.resolve("updated"); // the same site reached by an update in place
        new SiteWriter().write(updated, List.of(text("index.html", "old home"), text("gone/index.html", "gone")));
        new SiteWriter().write(updated, files);
        assertHolds(TestSite.snapshot(root.resolve("one")), updated);
    }

    @Test
    void filesTheBuildDidNotWriteAreKeptAndNamedOnce() throws IOException {
        Path out = root.resolve("site");
        new SiteWriter().write(out, List.of(text("index.html", "home"), text("assets/site.css", "css"),
                text("old/index.html", "old"), text("gone/index.html", "gone")));
        Files.writeString(out.resolve("CNAME"), "example.org");
        Files.writeString(out.resolve(".nojekyll"), "");
        Files.createDirectories(out.resolve(".git/objects/ab"));
        Files.writeString(out.resolve(".git/HEAD"), "ref: refs/heads/main");
        Files.writeString(out.resolve(".git/objects/ab/cdef"), "blob");
        Files.writeString(out.resolve("assets/custom.js"), "mine");
        Files.writeString(out.resolve("old/notes.txt"), "mine too");
        Map<String, byte[]> users = TestSite.snapshot(out);
        users.keySet().removeIf(path -> !path.startsWith(".git/") && !path.equals("CNAME") && !path.equals(".nojekyll")
                && !path.endsWith("custom.js") && !path.endsWith("notes.txt"));

        SiteWriter.Outcome outcome = new SiteWriter().write(out, List.of(text("index.html", "home, edited"), text("assets/site.css", "css")));

        List<String> kept = List.of(".git/", ".nojekyll", "CNAME", "assets/custom.js", "old/");
        assertEquals(new SiteWriter.Written(kept, false), outcome);
        assertEquals(List.of("kept 2 folders and 3 files the build did not write: .git/, .nojekyll, CNAME, assets/custom.js, old/"),
                ((SiteWriter.Written) outcome).notes());
        Map<String, byte[]> after = TestSite.snapshot(out);
        users.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
        assertEquals(false, Files.exists(out.resolve("old/index.html")), "a page no longer made is removed");
        assertEquals(false, Files.exists(out.resolve("gone")), "and its folder, once empty");
        assertEquals("home, edited", Files.readString(out.resolve("index.html")));
        assertRecords(out, "assets/site.css", "index.html");
    }

    @Test
    void aFolderNoBuildWroteIsRefusedAndLeftAsItWas() throws IOException {
        Path out = root.resolve("documents");
        Files.createDirectories(out.resolve("photos"));
        Files.writeString(out.resolve("index.html"), "my own page");
        Files.writeString(out.resolve("notes.txt"), "precious");
        Files.writeString(out.resolve("photos/cat.jpg"), "meow");
        Map<String, byte[]> before = TestSite.snapshot(out);

        SiteWriter.Outcome outcome = new SiteWriter().write(out, List.of(text("index.html", "home"), text("a/index.html", "a")));

        assertEquals(new SiteWriter.Refused("the output folder " + OutputGuard.real(out) + " has no .explainer-manifest, so this"
                + " version of the tool did not write it, and these files in it are not what this build writes: index.html,"
                + " notes.txt, photos/; build into a new or empty folder, or remove those files from it"), outcome);
        assertHolds(before, out);
        assertRootHolds("documents");
    }

    @Test
    void aFolderHoldingOnlyTheBuildsNamesButNoneOfItsBytesIsRefused() throws IOException {
        Path out = root.resolve("www");
        Files.createDirectories(out);
        Files.writeString(out.resolve("index.html"), "my own page");
        SiteWriter.Outcome outcome = new SiteWriter().write(out, List.of(text("index.html", "home"), text("a/index.html", "a")));
        assertEquals(new SiteWriter.Refused("the output folder " + OutputGuard.real(out) + " has no .explainer-manifest, so this"
                + " version of the tool did not write it, and these files in it are not what this build writes: index.html;"
                + " build into a new or empty folder, or remove those files from it"), outcome);
        assertEquals("my own page", Files.readString(out.resolve("index.html")));
        assertRootHolds("www");
    }

    @Test
    void anEarlierBuildWithoutAManifestIsTakenOverWithoutRewritingItOnlyIfEveryFileHoldsTheBuildsBytes() throws IOException {
        // A site/ built before builds kept a manifest with hashes: taken over only if nothing in it
        // differs from what this build writes. An older fingerprint of a stylesheet is not enough:
        // its bytes are not this build's, so it cannot be told from a file of the user's.
        Path out = root.resolve("site");
        Files.createDirectories(out.resolve("assets"));
        Files.writeString(out.resolve("index.html"), "home");
        Files.writeString(out.resolve("assets/style.0123456789.css"), "old css");
        Map<String, byte[]> before = TestSite.snapshot(out);
        List<OutputFile> files = List.of(text("index.html", "home"), text("assets/style.abcdef0123.css", "new css"));

        assertEquals(new SiteWriter.Refused("the output folder " + OutputGuard.real(out) + " has no .explainer-manifest, so this"
                + " version of the tool did not write it, and these files in it are not what this build writes:"
                + " assets/style.0123456789.css; build into a new or empty folder, or remove those files from it"),
                new SiteWriter().write(out, files));
        assertHolds(before, out);

        Files.delete(out.resolve("assets/style.0123456789.css"));
        Files.writeString(out.resolve("assets/style.abcdef0123.css"), "new css");
        FileTime longAgo = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
        Files.setLastModifiedTime(out.resolve("index.html"), longAgo);
        assertEquals(new SiteWriter.Written(List.of(), false), new SiteWriter().write(out, files));
        assertEquals(Map.of("index.html", "home", "assets/style.abcdef0123.css", "new css"), texts(out));
        assertEquals(longAgo, Files.getLastModifiedTime(out.resolve("index.html")), "an unchanged page is not rewritten");
        assertRecords(out, "assets/style.abcdef0123.css", "index.html");
    }

    @Test
    void aFileNoBuildWroteWhereTheBuildMustWriteIsRefused() throws IOException {
        Path out = root.resolve("site");
        new SiteWriter().write(out, List.of(text("index.html", "home")));
        Files.writeString(out.resolve("robots.txt"), "mine");
        Files.writeString(out.resolve("about"), "mine too");
        Files.createDirectories(out.resolve("feed.xml"));
        Files.writeString(out.resolve("feed.xml/mine.txt"), "mine as well");
        Map<String, byte[]> before = TestSite.snapshot(out);

        SiteWriter.Outcome outcome = new SiteWriter().write(out, List.of(text("index.html", "home, edited"),
                text("robots.txt", "User-agent: *"), text("about/index.html", "about"), text("feed.xml", "feed")));

        assertEquals(new SiteWriter.Refused("the output folder " + OutputGuard.real(out) + " holds files the build did not write,"
                + " or that were changed since it wrote them, where this build writes: about (where the build needs a folder), feed.xml/, robots.txt; move them out of the folder"
                + " and build again"), outcome);
        assertHolds(before, out);
    }

    @Test
    void anUpdateCutShortIsFinishedByTheNextBuild() throws IOException {
        Path out = root.resolve("site");
        new SiteWriter().write(out, List.of(text("index.html", "home"), text("a/index.html", "a"), text("old/index.html", "old")));
        // What a build killed while renaming its new files into place leaves: the journal (every
        // file of the old and the new site), some new files renamed in (index.html, b/), some old
        // ones not yet replaced (a/) or removed (old/), the rest of its new bytes in the private
        // folder, and the previous manifest.
        Files.writeString(out.resolve(OutputManifest.JOURNAL), "# journal\n" + sha256("a") + "  a/index.html\n" + sha256("a 2")
                + "  a/index.html\n" + sha256("b") + "  b/index.html\n" + sha256("home") + "  index.html\n" + sha256("home 2")
                + "  index.html\n" + sha256("old") + "  old/index.html\n");
        Files.writeString(out.resolve("index.html"), "home 2");
        Files.createDirectories(out.resolve("b"));
        Files.writeString(out.resolve("b/index.html"), "b");
        Files.createDirectories(out.resolve(OutputManifest.INCOMING));
        Files.writeString(out.resolve(OutputManifest.INCOMING).resolve("1"), "a 2");
        Files.writeString(out.resolve(OutputManifest.INCOMING).resolve("manifest"), "# the new manifest, half written");
        Files.writeString(out.resolve("CNAME"), "example.org");

        // The next build makes yet another site, without b/.
        List<OutputFile> files = List.of(text("index.html", "home 2"), text("a/index.html", "a 3"), text("c/index.html", "c"));
        SiteWriter.Outcome outcome = new SiteWriter().write(out, files);

        assertEquals(new SiteWriter.Written(List.of("CNAME"), true), outcome, "b/index.html was the build's, not the user's");
        assertEquals(List.of("the previous build was interrupted; repaired", "kept 1 file the build did not write: CNAME"),
                ((SiteWriter.Written) outcome).notes());
        new SiteWriter().write(root.resolve("fresh"), files);
        Map<String, byte[]> expected = TestSite.snapshot(root.resolve("fresh"));
        expected.put("CNAME", "example.org".getBytes(StandardCharsets.UTF_8));
        assertHolds(expected, out);
        try (var top = Files.list(out)) {
            assertEquals(List.of(".explainer-manifest", "CNAME", "a", "c", "index.html"),
                    top.map(p -> p.getFileName().toString()).sorted().toList(), "no journal, private folder or emptied folder left");
        }
    }

    @Test
    void newBytesLeftByAKilledBuildBeforeItChangedAnythingAreRemoved() throws IOException {
        Path out = root.resolve("site");
        List<OutputFile> files = List.of(text("index.html", "home"));
        new SiteWriter().write(out, files);
        Files.createDirectories(out.resolve(OutputManifest.INCOMING));
        Files.writeString(out.resolve(OutputManifest.INCOMING).resolve("0"), "half");
        assertEquals(new SiteWriter.Written(List.of(), true), new SiteWriter().write(out, files));
        assertEquals(false, Files.exists(out.resolve(OutputManifest.INCOMING)));
        assertEquals(new SiteWriter.Written(List.of(), false), new SiteWriter().write(out, files), "repaired once");
    }

    @Test
    void refusesFilesNamedLikeTheBuildsOwnRecords() throws IOException {
        Path out = root.resolve("site");
        for (String path : List.of(".explainer-manifest", ".explainer-journal", ".explainer-incoming/index.html")) {
            IOException refused = assertThrows(IOException.class, () -> new SiteWriter().write(out, List.of(text(path, "x"))));
            assertEquals("the site has a file " + path + ", but the build keeps the name " + path.replaceFirst("/.*", "")
                    + " for its own records; give that page another url", refused.getMessage());
        }
        assertRootHolds();
    }

    @Test
    void refusesPathsThatLeaveTheOutputFolder() throws IOException {
        Path out = root.resolve("site");
        assertThrows(IOException.class, () -> new SiteWriter().write(out, List.of(text("../escape.html", "x"))));
        assertEquals(false, Files.exists(root.resolve("escape.html")));

        SiteWriter.Preparation prepared = new SiteWriter().prepare(out, List.of("../../escaped/index.html"));
        assertThrows(IOException.class, () -> prepared.write(List.of(text("index.html", "x"))));
        assertEquals(false, Files.exists(root.getParent().resolve("escaped")), "no folder made outside the output folder");
        assertRootHolds();
    }

    @Test
    void publishedFoldersAreReadableByAWebServer() throws IOException {
        Path out = root.resolve("site");
        new SiteWriter().write(out, List.of(text("index.html", "x")));
        if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
            assertEquals("rwxr-xr-x", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        }
    }
}
