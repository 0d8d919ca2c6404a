package dev.explainer.pipeline;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.load.ChangedFiles;
import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stylesheets of templates/assets/ are published without their comments, under the hash of
 * the bytes published; strings and url() holding a comment's opening stay whole; scripts and the
 * root static files are copied as they are; an unclosed comment is a warning at its place.
 */
class StylesheetCommentsTest {
    @TempDir
    Path root;

    private static final String COMMENTED = """
            /* The site's stylesheet: notes for whoever keeps it. */
            body { color: black; } /* black on white */
            a::before { content: "/* not a comment */"; }
            .map { background: url(/*/map.png) no-repeat; }
            .sub { background: url("/*.png"); }
            /* a note
               over two lines */
            """;
    private static final String PUBLISHED = """

            body { color: black; }\s
            a::before { content: "/* not a comment */"; }
            .map { background: url(/*/map.png) no-repeat; }
            .sub { background: url("/*.png"); }

            """;

    private TestSite.Run buildOk(Path folder) {
        TestSite.Run run = TestSite.build(folder);
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    /** The stylesheet the home page links, as published in {@code folder}/site. */
    private static Path linkedStylesheet(Path folder) {
        String href = TestSite.html(folder.resolve("site/index.html")).selectFirst("link[rel=stylesheet]").attr("href");
        assertTrue(href.matches("assets/site\\.[0-9a-f]{10}\\.css"), href);
        return folder.resolve("site").resolve(href);
    }

    private static String hashOf(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 10);
    }

    @Test
    void theStylesheetIsPublishedWithoutItsCommentsStringsAndUrlsKeptWhole() throws Exception {
        TestSite.write(root, TestSite.BASE + "-- templates/assets/site.css --\n" + COMMENTED);
        buildOk(root);
        assertEquals(PUBLISHED, Files.readString(linkedStylesheet(root), StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(root.resolve("site/assets"))) {
            assertEquals(1, files.count(), "only the stylesheet without its comments is published");
        }
    }

    @Test
    void theHashInTheNameIsTheOneOfTheBytesPublished() throws Exception {
        TestSite.write(root, TestSite.BASE + "-- templates/assets/site.css --\n" + COMMENTED);
        buildOk(root);
        Path published = linkedStylesheet(root);
        String name = published.getFileName().toString();
        assertEquals("site." + hashOf(Files.readAllBytes(published)) + ".css", name);

        TestSite.write(root, "-- templates/assets/site.css --\n" + COMMENTED.replace("black on white", "the text"));
        buildOk(root);
        assertEquals(name, linkedStylesheet(root).getFileName().toString(), "a change to a comment alone changes no name");
    }

    @Test
    void theSameSourcesGiveTheSameBytes() {
        String spec = TestSite.BASE + "-- templates/assets/site.css --\n" + COMMENTED + "a/* joins */b { c: 1/**/2 }\n";
        Path other = root.resolve("other");
        TestSite.write(root.resolve("one"), spec);
        TestSite.write(other, spec);
        buildOk(root.resolve("one"));
        buildOk(other);
        Map<String, byte[]> first = TestSite.snapshot(root.resolve("one/site"));
        Map<String, byte[]> second = TestSite.snapshot(other.resolve("site"));
        assertEquals(first.keySet(), second.keySet());
        first.forEach((path, bytes) -> assertArrayEquals(bytes, second.get(path), path));
    }

    @Test
    void scriptsAndRootStaticFilesAreCopiedAsTheyAre() throws Exception {
        String script = "/* a note */\nconsole.log('/* kept */');\n";
        String raw = "/* an editor's own file, copied byte for byte */\nbody { color: red; }\n";
        TestSite.write(root, TestSite.replaced(TestSite.BASE, "base_url: https://example.org/test/\n",
                "base_url: https://example.org/test/\nstatic: static\n") + "-- templates/assets/a.js --\n" + script
                + "-- content/static/raw.css --\n" + raw);
        buildOk(root);
        assertEquals(raw, Files.readString(root.resolve("site/raw.css"), StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(root.resolve("site/assets"))) {
            Path published = files.filter(file -> file.getFileName().toString().endsWith(".js")).findFirst().orElseThrow();
            assertEquals(script, Files.readString(published, StandardCharsets.UTF_8));
        }
    }

    @Test
    void anUnclosedCommentIsAWarningAtItsPlaceAndTheStylesheetIsPublishedAsItIs() throws Exception {
        String css = "body { color: black; }\n/* done */ a { b: c; } /* not closed\np { margin: 0; }\n";
        TestSite.write(root, TestSite.BASE + "-- templates/assets/site.css --\n" + css);
        String warning = "templates/assets/site.css:2:24: warning: this comment is not closed, so browsers ignore the rest of"
                + " the stylesheet; close it with */ (until then the stylesheet is published with its comments)";
        TestSite.Run run = buildOk(root);
        assertTrue(run.err().contains(warning), run.err());
        assertEquals(css, Files.readString(linkedStylesheet(root), StandardCharsets.UTF_8));
        TestSite.Run check = TestSite.cli("check", "--source", root.toString());
        assertTrue(check.err().contains(warning), "check tells it too: " + check.err());

        SiteBuilder builder = SiteBuilder.forRebuilds();
        List<String> fresh = messages(builder.run(BuildOptions.check(root)));
        assertTrue(fresh.contains(warning), fresh.toString());
        assertEquals(fresh, messages(builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/people/ann.md")))),
                "a rebuild tells it again");
        assertEquals(fresh, messages(builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("templates/page.ftlh")))));
    }

    private static List<String> messages(BuildResult result) {
        return result.diagnostics().stream().map(Diagnostic::format).toList();
    }
}
