package dev.explainer.pipeline;

import dev.explainer.load.ChangedFiles;
import dev.explainer.output.OutputFile;
import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A collection's {@code display_field}: the field that names its entries in breadcrumbs. */
class DisplayFieldTest {
    @TempDir
    Path root;

    /** The base site, people with an optional 'known_as', and a page below Ann's and one below Bob's. */
    private static final String SITE = TestSite.BASE + """
            -- content/schemas/person.json --
            {"type": "object",
             "properties": {"name": {"type": "string"}, "party": {"type": "string"}, "born": {"type": "string", "format": "date"},
                            "known_as": {"type": "string"}},
             "required": ["name", "party"], "additionalProperties": false}
            -- content/people/ann.md --
            ---
            name: Ann
            party: reds
            known_as: Annie
            ---
            Ann is *red*.
            -- content/pages/ann-notes.md --
            ---
            title: Notes on Ann
            url: /people/ann/notes/
            ---
            Notes.
            -- content/pages/bob-notes.md --
            ---
            title: Notes on Bob
            url: /people/bob/notes/
            ---
            Notes.
            """;

    private String crumbs(String page) {
        return TestSite.html(root.resolve("site/" + page)).select(".crumbs a").text();
    }

    @Test
    void withoutADisplayFieldAnEntryIsNamedByItsTitleOrName() {
        TestSite.write(root, SITE);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Home People Ann", crumbs("people/ann/notes/index.html"));
    }

    @Test
    void aDisplayFieldNamesTheEntriesOfItsCollectionAndTheIdWhereItIsMissing() {
        TestSite.write(root, SITE);
        TestSite.edit(root, "content/site.yaml", "sort: [name]", "sort: [name]\n    display_field: known_as");
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Home People Annie", crumbs("people/ann/notes/index.html"));
        assertEquals("Home People bob", crumbs("people/bob/notes/index.html"), "Bob has no 'known_as'");
    }

    @Test
    void aDisplayFieldTheSchemaDoesNotDeclareIsAnErrorAtTheKey() throws Exception {
        TestSite.write(root, SITE);
        assertEquals(0, TestSite.build(root).exitCode());
        byte[] before = Files.readAllBytes(root.resolve("site/people/ann/notes/index.html"));
        TestSite.edit(root, "content/site.yaml", "sort: [name]", "sort: [name]\n    display_field: knwon_as");
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode());
        assertEquals("content/site.yaml:22:20: error: collection 'people': 'display_field' names field 'knwon_as', which its schema"
                + " content/schemas/person.json does not declare; did you mean 'known_as'?\n1 error\n", run.err());
        assertEquals(new String(before), Files.readString(root.resolve("site/people/ann/notes/index.html")), "the previous site stays");
        assertFalse(run.out().contains("Wrote"), run.out());
    }

    @Test
    void aRebuildRendersThePagesBelowAnEntryWhenItsDisplayFieldChangesAndOnlyThen() {
        TestSite.write(root, SITE);
        TestSite.edit(root, "content/site.yaml", "sort: [name]", "sort: [name]\n    display_field: known_as");
        SiteBuilder builder = SiteBuilder.forRebuilds();
        builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of()));

        TestSite.edit(root, "content/people/ann.md", "known_as: Annie", "known_as: Nan");
        BuildResult renamed = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/people/ann.md")));
        assertTrue(renamed.rendered().contains("/people/ann/notes/"), renamed.rendered().toString());
        String notes = renamed.files().stream().filter(f -> f.path().equals("people/ann/notes/index.html")).findFirst()
                .map(f -> new String(((OutputFile.Generated) f).bytes(), StandardCharsets.UTF_8)).orElseThrow();
        assertTrue(notes.contains(">Nan</a>"), notes);

        TestSite.edit(root, "content/people/ann.md", "name: Ann", "name: Anna");
        BuildResult other = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/people/ann.md")));
        assertFalse(other.rendered().contains("/people/ann/notes/"), "the notes show Ann's 'known_as', not her name: " + other.rendered());
    }
}
