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
import java.util.Set;

import static dev.explainer.pipeline.TranslationsTest.TWO_LANGUAGES;
import static dev.explainer.pipeline.TranslationsTest.translations;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

        TestSite.edit(root, "content/people/ann.md", "name: Ann", "name: Anne");
        BuildResult original = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/people/ann.md")));
        assertEquals(List.of("content/people/ann.ar.md:2:13"), original.diagnostics().stream().map(Diagnostic::format)
                .map(line -> line.substring(0, line.indexOf(": "))).toList());
        assertEquals("Anne", h1(original, "people/ann/index.html"));
        assertEquals("آنا", h1(original, "ar/people/ann/index.html"), "the translation is shown until it is brought up to date");
    }
}
