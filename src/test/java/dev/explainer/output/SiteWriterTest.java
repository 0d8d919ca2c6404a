package dev.explainer.output;

import dev.explainer.render.OutputFile;
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
        assertThrows(IOException.class, () -> new SiteWriter().write(out, failing));
        assertEquals(false, Files.exists(out.resolve("new")), "folders made for the failed update are removed");
        assertHolds(Map.of("index.html", "old".getBytes(StandardCharsets.UTF_8)), out);
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
    void aPageThatBecomesAFolderAndBackIsWritten() throws IOException {
        Path out = root.resolve("site");
        new SiteWriter().write(out, List.of(text("index.html", "home"), text("about", "a file")));
        new SiteWriter().write(out, List.of(text("index.html", "home"), text("about/index.html", "a folder")));
        assertEquals(Map.of("index.html", "home", "about/index.html", "a folder"), texts(out));
        new SiteWriter().write(out, List.of(text("index.html", "home"), text("about", "a file again")));
        assertEquals(Map.of("index.html", "home", "about", "a file again"), texts(out));
    }

    @Test
    void aTemporaryFileLeftByAKilledRunIsRemoved() throws IOException {
        Path out = root.resolve("site");
        new SiteWriter().write(out, List.of(text("index.html", "home")));
        Files.writeString(out.resolve(".index.html.explainer-tmp"), "half");
        Files.writeString(out.resolve(".other.explainer-tmp"), "half");
        new SiteWriter().write(out, List.of(text("index.html", "home, edited")));
        assertEquals(Map.of("index.html", "home, edited"), texts(out));
    }

    private static Map<String, String> texts(Path out) {
        Map<String, String> texts = new java.util.TreeMap<>();
        TestSite.snapshot(out).forEach((path, bytes) -> texts.put(path, new String(bytes, StandardCharsets.UTF_8)));
        return texts;
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
