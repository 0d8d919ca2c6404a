package dev.explainer.pipeline;

import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.load.ChangedFiles;
import dev.explainer.output.OutputFile;
import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A builder run again after an edit renders only the pages that read what changed. */
class IncrementalBuildTest {
    @TempDir
    Path root;
    SiteBuilder builder;

    @BeforeEach
    void firstBuild() {
        TestSite.write(root, TestSite.BASE);
        builder = SiteBuilder.forRebuilds();
        BuildResult first = build();
        assertEquals(6, first.rendered().size(), "the first run renders every page");
    }

    private BuildResult build(String... changed) {
        BuildResult result = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of(changed)));
        assertEquals(List.of(), result.diagnostics().stream().filter(d -> d.isError()).toList());
        return result;
    }

    private static String page(BuildResult result, String path) {
        return result.files().stream().filter(f -> f.path().equals(path)).findFirst()
                .map(f -> new String(((OutputFile.Generated) f).bytes(), StandardCharsets.UTF_8)).orElseThrow();
    }

    private static List<String> sorted(List<String> paths) {
        return paths.stream().sorted().toList();
    }

    @Test
    void nothingChangedRendersNothing() {
        BuildResult again = build();
        assertEquals(List.of(), again.rendered());
        assertEquals(6, again.pages());
    }

    @Test
    void aOneQuoteEditRendersOnlyThePagesShowingThatQuote() throws Exception {
        TestSite.edit(root, "content/quotes.yaml", "text: Bye.", "text: Farewell, all.");
        BuildResult after = build("content/quotes.yaml");
        assertEquals(List.of("/people/", "/people/bob/"), sorted(after.rendered()));
        assertTrue(page(after, "people/bob/index.html").contains("Farewell, all."));
        assertTrue(page(after, "people/index.html").contains("Farewell, all."));
    }

    @Test
    void pagesThatShowOtherFieldsOfAnEntryAreNotRenderedAgain() throws Exception {
        TestSite.edit(root, "content/people/bob.md", "Bob is blue.", "Bob is very blue.");
        BuildResult body = build("content/people/bob.md");
        assertEquals(List.of("/people/bob/"), sorted(body.rendered()), "only Bob's page shows his body");
        assertTrue(page(body, "people/bob/index.html").contains("Bob is very blue."));

        TestSite.edit(root, "content/people/bob.md", "name: Bob", "name: Robert");
        BuildResult name = build("content/people/bob.md");
        assertTrue(name.rendered().containsAll(List.of("/people/", "/people/bob/", "/parties/blues/")), name.rendered().toString());
        assertTrue(page(name, "parties/blues/index.html").contains("Robert"));
    }

    @Test
    void aChangedReferenceRendersThePagesOfTheOldAndNewTargets() throws Exception {
        TestSite.edit(root, "content/people/bob.md", "party: blues", "party: reds");
        BuildResult after = build("content/people/bob.md");
        assertTrue(after.rendered().containsAll(List.of("/parties/blues/", "/parties/reds/", "/people/bob/")), after.rendered().toString());
        assertTrue(!after.rendered().contains("/people/ann/"), after.rendered().toString());
        assertTrue(page(after, "parties/reds/index.html").contains("Bob"));
    }

    @Test
    void aTemplateEditRendersThePagesThatUseIt() throws Exception {
        TestSite.edit(root, "templates/party.ftlh", "<h1>", "<h1 class=\"party\">");
        assertEquals(List.of("/parties/blues/", "/parties/reds/"), sorted(build("templates/party.ftlh").rendered()));

        TestSite.edit(root, "templates/layout.ftlh", "<main>", "<main id=\"main\">");
        assertEquals(6, build("templates/layout.ftlh").rendered().size(), "every page imports the layout");
    }

    @Test
    void aNewEntryRendersEverythingItCouldAppearOn() throws Exception {
        Files.writeString(root.resolve("content/people/cy.md"), "---\nname: Cy\nparty: blues\n---\nCy.\n");
        BuildResult after = build("content/people/cy.md");
        assertEquals(7, after.pages());
        assertTrue(page(after, "parties/blues/index.html").contains("Cy"));
        assertTrue(page(after, "people/index.html").contains("Cy"));
    }

    @Test
    void toldExactlyWhatChangedItSeesAddedRemovedAndChangedFilesWithoutLookingAtOthers() throws Exception {
        Files.writeString(root.resolve("content/people/cy.md"), "---\nname: Cy\nparty: blues\n---\nCy.\n");
        Files.delete(root.resolve("content/people/bob.md"));
        TestSite.edit(root, "content/quotes.yaml", "- id: bob-bye\n  speaker: bob\n  text: Bye.\n  date: 2015-10-24\n", "");
        TestSite.edit(root, "templates/party.ftlh", "<h1>", "<h1 class=\"party\">");
        BuildResult after = build("content/people/cy.md", "content/people/bob.md", "content/quotes.yaml", "templates/party.ftlh");
        assertTrue(page(after, "people/index.html").contains("Cy"));
        assertTrue(after.files().stream().noneMatch(f -> f.path().startsWith("people/bob/")));
        assertTrue(page(after, "parties/reds/index.html").contains("<h1 class=\"party\">"));

        // The contract with a watcher that lost no events: files it did not name are not looked at.
        TestSite.edit(root, "content/people/ann.md", "name: Ann", "name: Anne");
        assertTrue(!page(build(), "people/index.html").contains("Anne"));
        assertTrue(page(builder.run(BuildOptions.check(root), ChangedFiles.unknown()), "people/index.html").contains("Anne"));
    }

    @Test
    void filesSavedWhileSiteYamlIsBrokenAreReadOnceItIsFixed() throws Exception {
        Path config = root.resolve("content/site.yaml");
        String good = Files.readString(config);
        Files.writeString(config, good + "menu: {\n");
        assertTrue(builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/site.yaml"))).failed());
        replaceIn("content/people/bob.md", "name: Bob", "name: Robert");
        replaceIn("templates/party.ftlh", "<h1>", "<h1 class=\"party\">");
        assertTrue(builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/people/bob.md", "templates/party.ftlh")))
                .failed(), "site.yaml is still broken");

        Files.writeString(config, good);
        BuildResult fixed = build("content/site.yaml");
        assertTrue(page(fixed, "people/bob/index.html").contains("<h1>Robert</h1>"), "the entry saved while site.yaml was broken");
        assertTrue(page(fixed, "parties/blues/index.html").contains("<h1 class=\"party\">"), "the template saved meanwhile");
        assertSameAsFreshBuild(fixed);
    }

    /** Replaces text in a source file, failing if the text is not there (an edit that changes nothing tests nothing). */
    private void replaceIn(String path, String from, String to) throws Exception {
        Path file = root.resolve(path);
        String before = Files.readString(file);
        assertTrue(before.contains(from), path + " holds '" + from + "'");
        Files.writeString(file, before.replace(from, to));
    }

    @Test
    void thePagesNothingLinksToAreFoundAgainAfterEachEdit() throws Exception {
        Files.writeString(root.resolve("content/pages/about.md"), "---\ntitle: About\n---\nAbout us.\n");
        String warning = "no other page links to /about/; link to it, or readers will not find it";
        assertEquals(List.of(warning), unlinked(build("content/pages/about.md")));
        Path home = root.resolve("content/pages/index.md");
        String before = Files.readString(home);
        Files.writeString(home, before + "\nSee [about us](/about/).\n");
        assertEquals(List.of(), unlinked(build("content/pages/index.md")), "the new link counts");
        Files.writeString(home, before);
        assertEquals(List.of(warning), unlinked(build("content/pages/index.md")), "the removed link no longer counts");
        Files.delete(root.resolve("content/pages/about.md"));
        assertEquals(List.of(), unlinked(build("content/pages/about.md")));
    }

    private static List<String> unlinked(BuildResult result) {
        return result.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.UNLINKED).map(d -> d.message()).toList();
    }

    @Test
    void bodyEditsGiveWhatAFreshBuildGivesProblemsIncluded() throws Exception {
        Path bob = root.resolve("content/people/bob.md");
        String before = Files.readString(bob);
        Files.writeString(bob, TestSite.replaced(before, "Bob is blue.", "Bob is blue, unlike [the Reds](/parties/reds/#members)."));
        assertSameAsFreshBuild(build("content/people/bob.md"));

        for (String broken : List.of("[the Reds](/parties/redz/)", "[them](/parties/reds/#nobody)")) {
            Files.writeString(bob, TestSite.replaced(before, "Bob is blue.", "Bob is blue, unlike " + broken + "."));
            BuildResult incremental = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/people/bob.md")));
            assertEquals(new SiteBuilder().run(BuildOptions.check(root)).diagnostics(), incremental.diagnostics());
            assertEquals(1, incremental.diagnostics().stream().filter(d -> d.isError() && d.path().equals("content/people/bob.md")).count(),
                    incremental.diagnostics().toString());
        }

        Files.writeString(bob, before);
        assertSameAsFreshBuild(build("content/people/bob.md"));
    }

    @Test
    void anEntryAddedToOrRemovedFromADataFileGivesWhatAFreshBuildGives() throws Exception {
        Path quotes = root.resolve("content/quotes.yaml");
        String before = Files.readString(quotes);
        Files.writeString(quotes, before + "- id: ann-again\n  speaker: ann\n  text: Again.\n  date: 2015-10-24\n");
        BuildResult added = build("content/quotes.yaml");
        assertTrue(page(added, "people/ann/index.html").contains("Again."));
        assertSameAsFreshBuild(added);
        Files.writeString(quotes, before);
        assertSameAsFreshBuild(build("content/quotes.yaml"));
    }

    private void assertSameAsFreshBuild(BuildResult incremental) {
        BuildResult fresh = new SiteBuilder().run(BuildOptions.check(root));
        assertEquals(fresh.diagnostics(), incremental.diagnostics());
        assertSameFiles(fresh, incremental);
    }

    private static void assertSameFiles(BuildResult fresh, BuildResult incremental) {
        assertEquals(fresh.files().size(), incremental.files().size());
        for (OutputFile file : fresh.files()) {
            if (file instanceof OutputFile.Generated generated) {
                assertEquals(new String(generated.bytes(), StandardCharsets.UTF_8), page(incremental, file.path()), file.path());
            }
        }
    }

    @Test
    void theResultEqualsAFreshBuild() throws Exception {
        TestSite.edit(root, "content/quotes.yaml", "text: Bye.", "text: So long.");
        BuildResult incremental = build("content/quotes.yaml");
        assertSameFiles(new SiteBuilder().run(BuildOptions.check(root)), incremental);
    }
}
