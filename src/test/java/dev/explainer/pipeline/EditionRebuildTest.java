package dev.explainer.pipeline;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.load.ChangedFiles;
import dev.explainer.output.OutputFile;
import dev.explainer.testing.TestSite;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static dev.explainer.pipeline.TranslationsTest.TWO_LANGUAGES;
import static dev.explainer.pipeline.TranslationsTest.translations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview's rebuilds of a site in two languages: an edit to a translation or its original shows in the edition. */
class EditionRebuildTest {
    private static String h1(BuildResult result, String file) {
        OutputFile.Generated page = (OutputFile.Generated) result.files().stream().filter(f -> f.path().equals(file)).findFirst()
                .orElseThrow();
        return Jsoup.parse(new String(page.bytes(), StandardCharsets.UTF_8)).selectFirst("h1").text();
    }

    @Test
    void anEditedTranslationChangesItsEditionsPageAndAnEditedOriginalWarnsThatItIsBehind(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES + translations());
        SiteBuilder builder = SiteBuilder.forRebuilds();
        BuildResult first = builder.run(BuildOptions.check(root));
        assertEquals(List.of(), first.diagnostics());
        assertEquals("آن", h1(first, "ar/people/ann/index.html"));

        TestSite.edit(root, "content/people/ann.ar.md", "name: آن", "name: آنا");
        BuildResult translated = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/people/ann.ar.md")));
        assertEquals(List.of(), translated.diagnostics());
        assertEquals("آنا", h1(translated, "ar/people/ann/index.html"));
        assertEquals("Ann", h1(translated, "people/ann/index.html"));
        assertTrue(translated.rendered().contains("/ar/people/ann/"), translated.rendered().toString());
        assertFalse(translated.rendered().contains("/ar/people/bob/"), "each edition renders again only what the edit touches: "
                + translated.rendered());
        assertFalse(translated.rendered().contains("/people/ann/"), "the original's pages do not read the translation");
        assertSameFiles(new SiteBuilder().run(BuildOptions.check(root)), translated);

        TestSite.edit(root, "content/people/ann.md", "name: Ann", "name: Anne");
        BuildResult original = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/people/ann.md")));
        assertEquals(List.of("content/people/ann.ar.md:2:13"), original.diagnostics().stream().map(Diagnostic::format)
                .map(line -> line.substring(0, line.indexOf(": "))).toList());
        assertEquals("Anne", h1(original, "people/ann/index.html"));
        assertEquals("آنا", h1(original, "ar/people/ann/index.html"), "the translation is shown until it is brought up to date");
        assertSameFiles(new SiteBuilder().run(BuildOptions.check(root)), original);
    }

    /** The files of a rebuild are those of a fresh build, byte for byte. */
    private static void assertSameFiles(BuildResult fresh, BuildResult rebuilt) {
        assertEquals(contents(fresh), contents(rebuilt));
    }

    private static Map<String, String> contents(BuildResult result) {
        Map<String, String> files = new TreeMap<>();
        result.files().stream().filter(OutputFile.Generated.class::isInstance).map(OutputFile.Generated.class::cast)
                .forEach(file -> files.put(file.path(), new String(file.bytes(), StandardCharsets.UTF_8)));
        return files;
    }
}
