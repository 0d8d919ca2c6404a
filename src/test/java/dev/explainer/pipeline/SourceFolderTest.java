package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The build reads nothing outside the source folder and nothing that is not a plain file of a
 * sensible size: links out of the folder, named pipes, folders where a file belongs, files too
 * big and names the system cannot represent are errors at their path, in {@code check} and
 * {@code build} alike, and the previous output stays as it was.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a named pipe that is opened blocks for ever
class SourceFolderTest {
    @TempDir
    Path temp;
    /** The source folder. */
    Path root;
    /** Beside the source folder, not in it: what links must not reach. */
    Path outside;

    @BeforeEach
    void folders() throws IOException {
        root = Files.createDirectories(temp.resolve("source"));
        outside = Files.createDirectories(temp.resolve("outside"));
    }

    private interface Change {
        void apply() throws Exception;
    }

    /**
     * Builds the base site, applies {@code change}, then checks that {@code check} and
     * {@code build} both fail with exactly {@code expected} (and the count), and that the
     * previous output is untouched.
     */
    private void assertRefused(Change change, String... expected) throws Exception {
        TestSite.write(root, TestSite.BASE);
        TestSite.Run first = TestSite.build(root);
        assertEquals(0, first.exitCode(), first.err());
        Map<String, byte[]> before = TestSite.snapshot(root.resolve("site"));

        change.apply();
        List<String> lines = new ArrayList<>(List.of(expected));
        lines.add(expected.length + " error" + (expected.length == 1 ? "" : "s"));
        TestSite.Run check = TestSite.cli("check", "--source", root.toString());
        assertEquals(1, check.exitCode(), check.err());
        assertEquals(lines, check.err().lines().toList(), "check reports what build would");
        TestSite.Run build = TestSite.build(root);
        assertEquals(1, build.exitCode(), build.err());
        assertEquals(lines, build.err().lines().toList());
        assertEquals("", build.out());

        Map<String, byte[]> after = TestSite.snapshot(root.resolve("site"));
        assertEquals(before.keySet(), after.keySet(), "the previous output keeps its files");
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
    }

    private Path outsideFile(String name, String text) throws IOException {
        return Files.writeString(outside.resolve(name), text).toRealPath();
    }

    private static void replaceWithLink(Path link, Path target) throws IOException {
        Files.deleteIfExists(link);
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, target);
    }

    /** Makes a named pipe with mkfifo(1); the test is skipped where there is none. */
    private static void mkfifo(Path path) throws Exception {
        Files.deleteIfExists(path);
        Files.createDirectories(path.getParent());
        Process process;
        try {
            process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available: " + e.getMessage());
            return;
        }
        assumeTrue(process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0, "mkfifo failed");
    }

    @Test
    void aContentFileLinkedFromOutsideIsAnErrorAtTheLink() throws Exception {
        Path secret = outsideFile("x.md", "---\ntitle: Not ours\n---\nSecret.\n");
        assertRefused(() -> replaceWithLink(root.resolve("content/pages/x.md"), secret),
                "content/pages/x.md:1:1: error: is a link to a file outside the site's folder (" + secret
                        + "), and the build reads nothing outside it; copy the file into the site's folder instead");
        assertFalse(Files.exists(root.resolve("site/x/index.html")));
    }

    @Test
    void anAssetLinkedFromOutsideIsNotCopied() throws Exception {
        Path secret = outsideFile("shadow.txt", "root:secret\n");
        Path link = root.resolve("templates/assets/shadow.txt");
        assertRefused(() -> replaceWithLink(link, secret),
                "templates/assets/shadow.txt:1:1: error: is a link to a file outside the site's folder (" + secret
                        + "), and the build reads nothing outside it; copy the file into the site's folder instead");
        assertFalse(Files.exists(root.resolve("site/assets/shadow.txt")));
    }

    @Test
    void aChainOfLinksIsFollowedToItsEnd() throws Exception {
        Path secret = outsideFile("people.md", "---\nname: Eve\nparty: reds\n---\n");
        assertRefused(() -> {
            Files.createSymbolicLink(root.resolve("hop.md"), secret); // the first link stays inside
            Files.createSymbolicLink(root.resolve("content/people/eve.md"), root.resolve("hop.md"));
        }, "content/people/eve.md:1:1: error: is a link to a file outside the site's folder (" + secret
                + "), and the build reads nothing outside it; copy the file into the site's folder instead");
    }

    @Test
    void aFolderLinkedFromOutsideIsNotWalked() throws Exception {
        Files.createDirectories(outside.resolve("more"));
        Files.writeString(outside.resolve("more/layout.ftlh"), "<#-- not ours -->");
        Path more = outside.resolve("more").toRealPath();
        assertRefused(() -> Files.createSymbolicLink(root.resolve("templates/partials"), more),
                "templates/partials:1:1: error: is a link to a folder outside the site's folder (" + more
                        + "), and the build reads nothing outside it; copy the folder into the site's folder instead");
    }

    @Test
    void aCollectionFolderLinkedFromOutsideIsAnErrorAtTheLink() throws Exception {
        Path people = Files.createDirectories(outside.resolve("people")).toRealPath();
        assertRefused(() -> {
            Files.move(root.resolve("content/people/ann.md"), people.resolve("ann.md"));
            Files.move(root.resolve("content/people/bob.md"), people.resolve("bob.md"));
            Files.delete(root.resolve("content/people"));
            Files.createSymbolicLink(root.resolve("content/people"), people);
        }, "content/people:1:1: error: is a link to a folder outside the site's folder (" + people
                + "), and the build reads nothing outside it; copy the folder into the site's folder instead");
    }

    @Test
    void aLinkToAFolderThatHoldsItIsAnErrorNotAnEndlessWalk() throws Exception {
        assertRefused(() -> Files.createSymbolicLink(root.resolve("content/pages/all"), Path.of("..")),
                "content/pages/all:1:1: error: is a link to a folder that holds it (content), so the files in it would be"
                        + " listed for ever; remove the link");
    }

    @Test
    void linksThatStayInsideTheSiteAreFollowedFilesAndFolders() throws Exception {
        TestSite.write(root, TestSite.BASE);
        Path shared = Files.createDirectories(root.resolve("shared"));
        Files.move(root.resolve("content/people"), shared.resolve("people"));
        Files.createSymbolicLink(root.resolve("content/people"), Path.of("../shared/people"));
        Files.move(root.resolve("templates/assets/site.css"), shared.resolve("site.css"));
        Files.createSymbolicLink(root.resolve("templates/assets/site.css"), shared.resolve("site.css"));
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Bob", TestSite.html(root.resolve("site/people/bob/index.html")).selectFirst("h1").text());
        assertTrue(TestSite.html(root.resolve("site/index.html")).selectFirst("link[rel=stylesheet]").attr("href")
                .matches("assets/site\\.[0-9a-f]{10}\\.css"));
    }

    @Test
    void aBrokenLinkIsAnError() throws Exception {
        assertRefused(() -> Files.createSymbolicLink(root.resolve("content/pages/gone.md"), Path.of("nowhere.md")),
                "content/pages/gone.md:1:1: error: is a link to nowhere.md, which does not exist; fix the link or remove it");
    }

    @Test
    void theSiteConfigAsANamedPipeIsAnErrorAndIsNeverOpened() throws Exception {
        assertRefused(() -> mkfifo(root.resolve("content/site.yaml")),
                "content/site.yaml:1:1: error: is a named pipe (FIFO), not a file; replace it with a regular file, or remove it");
    }

    @Test
    void aDataFileAsANamedPipeIsAnErrorWithoutUnknownReferencesToIt() throws Exception {
        assertRefused(() -> mkfifo(root.resolve("content/topics.yaml")),
                "content/topics.yaml:1:1: error: is a named pipe (FIFO), not a file; replace it with a regular file, or remove it");
    }

    @Test
    void aSchemaAsANamedPipeIsAnError() throws Exception {
        assertRefused(() -> mkfifo(root.resolve("content/schemas/topic.json")),
                "content/schemas/topic.json:1:1: error: is a named pipe (FIFO), not a file; replace it with a regular file, or remove it");
    }

    @Test
    void aNamedPipeAmongTheTemplatesIsAnError() throws Exception {
        assertRefused(() -> mkfifo(root.resolve("templates/partials/menu.ftlh")),
                "templates/partials/menu.ftlh:1:1: error: is a named pipe (FIFO), not a file; replace it with a regular file, or remove it");
    }

    @Test
    void aFolderWhereAFileBelongsIsAnError() throws Exception {
        assertRefused(() -> {
            Files.delete(root.resolve("content/topics.yaml"));
            Files.createDirectories(root.resolve("content/topics.yaml"));
            Files.delete(root.resolve("content/schemas/party.json"));
            Files.createDirectories(root.resolve("content/schemas/party.json"));
        }, "content/schemas/party.json:1:1: error: is a folder, not a file; collection 'parties' names it as its schema, so fix 'schema'",
                "content/topics.yaml:1:1: error: is a folder, not a file; collection 'topics' reads its entries from this file"
                        + " (a YAML list), so fix 'file'");
    }

    @Test
    void theSiteConfigAsAFolderIsAnError() throws Exception {
        assertRefused(() -> {
            Files.delete(root.resolve("content/site.yaml"));
            Files.createDirectories(root.resolve("content/site.yaml"));
        }, "content/site.yaml:1:1: error: is a folder, not a file; the site's config must be a YAML file");
    }

    @Test
    void aFileOverTheSizeLimitIsAnErrorAndIsNotRead() throws Exception {
        assertRefused(() -> {
            // Sparse: 17 MiB long, next to nothing on disk.
            try (RandomAccessFile big = new RandomAccessFile(root.resolve("content/pages/big.md").toFile(), "rw")) {
                big.setLength(17L * 1024 * 1024);
            }
            try (RandomAccessFile big = new RandomAccessFile(root.resolve("content/site.yaml").toFile(), "rw")) {
                big.setLength(64L * 1024 * 1024 + 1);
            }
        }, "content/site.yaml:1:1: error: is 64.0 MiB (67108865 bytes), over the limit of 16 MiB for a source file; split it"
                + " into smaller files, or make it smaller");
        try (RandomAccessFile config = new RandomAccessFile(root.resolve("content/site.yaml").toFile(), "rw")) {
            config.setLength(0);
        }
        TestSite.write(root, TestSite.BASE);
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode());
        assertEquals(List.of("content/pages/big.md:1:1: error: is 17 MiB, over the limit of 16 MiB for a source file; split it"
                + " into smaller files, or make it smaller", "1 error"), run.err().lines().toList());
    }

    @Test
    void anAssetWhoseNameHoldsABackslashFailsCheckAsItWouldFailTheBuild() throws Exception {
        assertRefused(() -> Files.writeString(root.resolve("templates/assets/a\\b.png"), "not a picture"),
                "templates/assets:1:1: error: the name of a file here, 'a\\b.png', holds a backslash ('\\'), which a file name"
                        + " may not; rename it");
    }

    @Test
    void aFileNameWithAControlCharacterIsAnErrorAtItsFolder() throws Exception {
        assertRefused(() -> Files.writeString(root.resolve("content/pages/a\u0007b.md"), "---\ntitle: Bell\n---\n"),
                "content/pages:1:1: error: the name of a file here, 'a\\u0007b.md', holds a control character (U+0007), which a"
                        + " file name may not; rename it");
    }

    @Test
    void aCollectionOutsideContentIsAnErrorAndNothingOutsideIsRead() throws Exception {
        Path topics = outsideFile("topics.yaml", "- id: tax\n  name: Tax\n");
        String config = TestSite.BASE.substring(0, TestSite.BASE.indexOf("-- content/schemas/page.json"));
        assertRefused(() -> {
            TestSite.write(root, TestSite.replaced(config, "file: topics.yaml", "file: ../../outside/topics.yaml"));
            Files.delete(root.resolve("content/topics.yaml"));
        },
                "content/site.yaml:27:3: error: collection 'topics': '../../outside/topics.yaml' must be a path inside content/");
        assertEquals("- id: tax\n  name: Tax\n", Files.readString(topics));
    }
}
