package dev.explainer.pipeline;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.load.ChangedFiles;
import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rebuild after an edit reports every problem where a fresh build reports it, also when the
 * edit only moves a field and changes no value, so that the link stage could take the entry for
 * unchanged.
 */
class RebuildDiagnosticsTest {
    @TempDir
    Path root;

    private final SiteBuilder builder = SiteBuilder.forRebuilds();

    private List<String> rebuild(String changed) {
        return formatted(builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of(changed))).diagnostics());
    }

    private List<String> freshBuild() {
        return formatted(new SiteBuilder().run(BuildOptions.check(root)).diagnostics());
    }

    private static List<String> formatted(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::format).toList();
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = root.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), "the edit must change the file: " + from);
        Files.writeString(path, text.replace(from, to));
    }

    @Test
    void aReferenceProblemMovesWithItsFieldWhenOnlyItsPlaceChanges() throws IOException {
        TestSite.write(root, TestSite.BASE + """
                -- content/quotes.yaml --
                - id: ann-hello
                  speaker: ann
                  text: Hello.
                  date: 2015-10-23
                - id: bob-bye
                  speaker: bobby
                  text: Bye.
                  date: 2015-10-24
                """);
        assertEquals(List.of("content/quotes.yaml:6:12: error: unknown people id 'bobby' in 'speaker'; did you mean 'bob'?"),
                rebuild("content/quotes.yaml").stream().filter(d -> d.contains("error")).toList());

        edit("content/quotes.yaml", "  speaker: bobby", "  # who said it\n  speaker: bobby"); // the same data and id position
        List<String> after = rebuild("content/quotes.yaml");
        assertEquals(freshBuild(), after);
        assertTrue(after.contains("content/quotes.yaml:7:12: error: unknown people id 'bobby' in 'speaker'; did you mean 'bob'?"),
                after.toString());
    }

    @Test
    void aBodyEditLeavesTheProblemsOfOtherFilesAndFindsItsOwn() throws IOException {
        TestSite.write(root, TestSite.BASE + """
                -- content/people/cy.md --
                ---
                name: Cy
                party: greens
                ---
                Cy.
                """);
        List<String> first = rebuild("content/people/cy.md");
        assertTrue(first.contains("content/people/cy.md:3:8: error: unknown parties id 'greens' in 'party'"), first.toString());

        edit("content/people/bob.md", "Bob is blue.", "Bob is [blue](/parties/purples/).");
        List<String> after = rebuild("content/people/bob.md");
        assertEquals(freshBuild(), after);
        assertTrue(after.contains("content/people/cy.md:3:8: error: unknown parties id 'greens' in 'party'"), after.toString());
        assertTrue(after.stream().anyMatch(d -> d.startsWith("content/people/bob.md:5:8: error: link to '/parties/purples/'")),
                after.toString());
    }
}
