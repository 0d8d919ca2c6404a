package dev.explainer.render;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.explainer.link.Entry;
import dev.explainer.link.Site;
import dev.explainer.load.ChangedFiles;
import dev.explainer.output.OutputFile;
import dev.explainer.pipeline.BuildOptions;
import dev.explainer.pipeline.BuildResult;
import dev.explainer.pipeline.SiteBuilder;
import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page is rendered again exactly when something it read changed, whichever route the template
 * took to the entry: one page per documented route (a field, a reference field, a reference inside
 * a list of objects, {@code ?keys},
 * {@code referrers}, {@code lookup()}, breadcrumbs, {@code matrices}, {@code changelog},
 * {@code collections}), each reading one thing by that route. For each, an edit to what it read
 * re-renders it, an edit to the same entry or collection that it did not read does not, and after
 * every edit the rebuild's files equal a fresh build's, byte for byte.
 */
class RecordedInputsTest {
    @TempDir
    Path root;
    SiteBuilder builder;

    /** The base site, People out of the menu (so that breadcrumbs show its page's title), notes, a change log and a page per route. */
    private static final String ROUTES = """
            -- content/schemas/page.json --
            {"type": "object",
             "properties": {"title": {"type": "string"}, "url": {"type": "string"}, "template": {"type": "string"},
               "changes": {"type": "array", "items": {"type": "object",
                 "properties": {"date": {"type": "string", "format": "date"}, "text": {"type": "string"}}}}},
             "required": ["title"], "additionalProperties": false}
            -- content/schemas/note.json --
            {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"], "additionalProperties": false}
            -- content/notes.yaml --
            - id: first
              text: One.
            -- content/schemas/remark.json --
            {"type": "object", "properties": {"text": {"type": "string"},
               "mentions": {"type": "array", "items": {"type": "object", "properties": {"person": {"type": "string"}}}}},
             "required": ["text"], "additionalProperties": false}
            -- content/remarks.yaml --
            - id: first
              text: One.
              mentions:
                - person: ann
            -- content/pages/field.md --
            ---
            title: Field
            template: routes/field.ftlh
            ---
            The body, which the field page does not show.
            -- templates/routes/field.ftlh --
            <p>${entry.title}</p>
            -- content/pages/reference.md --
            ---
            title: Reference
            template: routes/reference.ftlh
            ---
            -- templates/routes/reference.ftlh --
            <p>${lookup('people', 'ann').party.name}</p>
            -- content/pages/keys.md --
            ---
            title: Keys
            template: routes/keys.ftlh
            ---
            -- templates/routes/keys.ftlh --
            <p><#list lookup('people', 'ann')?keys as key>${key} </#list></p>
            -- content/pages/referrers.md --
            ---
            title: Referrers
            template: routes/referrers.ftlh
            ---
            -- templates/routes/referrers.ftlh --
            <p><#list lookup('parties', 'reds').referrers.people![] as person>${person.id} </#list></p>
            -- content/pages/nested.md --
            ---
            title: Nested
            template: routes/nested.ftlh
            ---
            -- templates/routes/nested.ftlh --
            <p><#list lookup('remarks', 'first').mentions as m>${m.person.name} </#list></p>
            <p><#list lookup('people', 'bob').referrers.remarks![] as remark>${remark.id} </#list></p>
            -- content/pages/lookup.md --
            ---
            title: Lookup
            template: routes/lookup.ftlh
            ---
            -- templates/routes/lookup.ftlh --
            <p>${lookup('people', 'bob').name}</p>
            -- content/pages/crumbs.md --
            ---
            title: Crumbs
            url: /people/crumbs/
            template: routes/crumbs.ftlh
            ---
            -- templates/routes/crumbs.ftlh --
            <p><#list page.breadcrumbs as crumb>${crumb.title} </#list></p>
            -- content/pages/matrix.md --
            ---
            title: Matrix
            template: routes/matrix.ftlh
            ---
            -- templates/routes/matrix.ftlh --
            <p>${matrices.stances['reds']['tax'].text}</p>
            -- content/pages/changelog.md --
            ---
            title: Changelog
            template: routes/changelog.ftlh
            changes:
              - {date: 2015-10-23, text: First published.}
            ---
            -- templates/routes/changelog.ftlh --
            <p><#list changelog as change>${change.date?string.iso} ${change.text} </#list></p>
            -- content/pages/collection.md --
            ---
            title: Collection
            template: routes/collection.ftlh
            ---
            -- templates/routes/collection.ftlh --
            <p><#list collections.notes as note>${note.id} </#list></p>
            """;

    @BeforeEach
    void firstBuild() throws IOException {
        TestSite.write(root, TestSite.BASE + ROUTES);
        edit("content/site.yaml", "  - {title: People, url: /people/}\n", "");
        edit("content/site.yaml", "menu:", "changelog: changes\nmenu:");
        edit("content/site.yaml", "  quotes:\n", "  notes:\n    file: notes.yaml\n    schema: schemas/note.json\n"
                + "  remarks:\n    file: remarks.yaml\n    schema: schemas/remark.json\n    references:\n      mentions[].person: people\n"
                + "  quotes:\n");
        builder = SiteBuilder.forRebuilds();
        BuildResult first = build(Set.of());
        assertEquals(first.pages(), first.rendered().size(), "the first run renders every page");
    }

    @Test
    void aFieldItShows() throws IOException {
        assertRendersAgain("/field/", "content/pages/field.md", "title: Field", "title: The field");
        assertNotRenderedAgain("/field/", "content/pages/field.md", "The body,", "The new body,");
    }

    @Test
    void aFieldOfTheEntryAReferenceFieldNames() throws IOException {
        assertRendersAgain("/reference/", "content/parties.yaml", "name: The Reds", "name: The Red Party");
        assertNotRenderedAgain("/reference/", "content/parties.yaml", "name: The Blues", "name: The Blue Party");
        assertNotRenderedAgain("/reference/", "content/people/ann.md", "Ann is *red*.", "Ann is *very* red.");
        assertRendersAgain("/reference/", "content/people/ann.md", "party: reds", "party: blues");
    }

    @Test
    void aFieldOfTheEntryAReferenceInsideAListOfObjectsNames() throws IOException {
        assertRendersAgain("/nested/", "content/people/ann.md", "name: Ann", "name: Anne");
        assertNotRenderedAgain("/nested/", "content/people/ann.md", "Ann is *red*.", "Ann is *very* red.");
        assertNotRenderedAgain("/nested/", "content/remarks.yaml", "text: One.", "text: The first.");
        // Bob's referrers now hold the remark, which the page lists; the name it shows is Bob's.
        assertRendersAgain("/nested/", "content/remarks.yaml", "- person: ann", "- person: bob");
        assertRendersAgain("/nested/", "content/people/bob.md", "name: Bob", "name: Robert");
    }

    @Test
    void theNamesOfAnEntrysFields() throws IOException {
        assertNotRenderedAgain("/keys/", "content/people/ann.md", "born: 1970-01-02", "born: 1971-01-02");
        assertRendersAgain("/keys/", "content/people/ann.md", "born: 1971-01-02\n", "");
    }

    @Test
    void theEntriesThatReferToAnEntry() throws IOException {
        assertNotRenderedAgain("/referrers/", "content/people/ann.md", "name: Ann", "name: Anne");
        assertRendersAgain("/referrers/", "content/people/bob.md", "party: blues", "party: reds");
    }

    @Test
    void anEntryLookedUp() throws IOException {
        assertRendersAgain("/lookup/", "content/people/bob.md", "name: Bob", "name: Robert");
        assertNotRenderedAgain("/lookup/", "content/people/bob.md", "Bob is blue.", "Robert is blue.");
        assertNotRenderedAgain("/lookup/", "content/people/ann.md", "name: Ann", "name: Anne");
    }

    @Test
    void theTitleOfAPageAbove() throws IOException {
        assertRendersAgain("/people/crumbs/", "content/pages/people.md", "title: Everyone", "title: All of them");
        assertNotRenderedAgain("/people/crumbs/", "content/pages/people.md", "All the people.", "Every person.");
    }

    @Test
    void aCellOfAMatrix() throws IOException {
        assertRendersAgain("/matrix/", "content/stances.yaml", "text: Lower.", "text: Much lower.");
        assertNotRenderedAgain("/matrix/", "content/stances.yaml", "text: Higher.", "text: Much higher.");
        // The two stances change places: the cell holds another entry, whose text the page never read.
        assertRendersAgain("/matrix/", "content/stances.yaml", "party: reds\n  topic: tax\n  text: Much lower.\n- id: blues-tax\n  party: blues",
                "party: blues\n  topic: tax\n  text: Much lower.\n- id: blues-tax\n  party: reds");
    }

    @Test
    void theChangeLog() throws IOException {
        assertRendersAgain("/changelog/", "content/pages/changelog.md", "text: First published.", "text: Published.");
        assertNotRenderedAgain("/changelog/", "content/pages/changelog.md", "title: Changelog", "title: Updates");
    }

    @Test
    void theEntriesOfACollection() throws IOException {
        assertNotRenderedAgain("/collection/", "content/notes.yaml", "text: One.", "text: The first.");
        assertRendersAgain("/collection/", "content/notes.yaml", "text: The first.\n", "text: The first.\n- id: second\n  text: Two.\n");
    }

    /** A page that looks an entry up and reads nothing of it depends on the entry's being there. */
    @Test
    void anEntryLookedUpThatIsThenRemoved() throws IOException {
        Files.writeString(root.resolve("templates/routes/collection.ftlh"), "<#assign note = lookup('notes', 'first')><p>there</p>");
        assertTrue(build(Set.of("templates/routes/collection.ftlh")).rendered().contains("/collection/"));
        edit("content/notes.yaml", "- id: first\n  text: One.\n", "- id: second\n  text: Two.\n");
        BuildResult result = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/notes.yaml")));
        assertEquals(List.of("/collection/"), result.rendered());
        assertEquals(new SiteBuilder().run(BuildOptions.check(root)).diagnostics(), result.diagnostics());
        assertTrue(result.failed(), "the lookup fails: " + result.diagnostics());
    }

    /**
     * The mechanism behind the routes: no class of the render stage but the recording layer
     * ({@link SiteReads}) and the comparison in the same terms ({@link SiteChanges}) reads what an
     * entry holds or what the site lists, so a new model cannot hand a template a value unrecorded.
     * The classes that report problems read where an entry is defined, for the message.
     */
    @Test
    void onlyTheRecordingLayerReadsWhatEntriesHold() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.explainer.render");
        Set<String> entryContent = Set.of("data", "html", "shortcodes", "sitePath", "displayName");
        Set<String> siteContent = Set.of("collections", "entry", "reference", "referrers", "referrersByKey", "matrices", "changelog",
                "textLanguage", "textLanguages");
        DescribedPredicate<JavaMethodCall> readsContent = new DescribedPredicate<>("read an entry's fields, body or path, or the site's lists") {
            @Override
            public boolean test(JavaMethodCall call) {
                String owner = call.getTargetOwner().getName();
                return owner.equals(Entry.class.getName()) && entryContent.contains(call.getName())
                        || owner.equals(Site.class.getName()) && siteContent.contains(call.getName());
            }
        };
        noClasses().that().resideInAPackage("dev.explainer.render").and().doNotBelongToAnyOf(SiteReads.class, SiteChanges.class)
                .should().callMethodWhere(readsContent)
                .because("templates must reach the site only through SiteReads, which records what each page reads")
                .check(classes);
        DescribedPredicate<JavaMethodCall> readsFile = new DescribedPredicate<>("read where an entry is defined") {
            @Override
            public boolean test(JavaMethodCall call) {
                return call.getTargetOwner().getName().equals(Entry.class.getName()) && call.getName().equals("position");
            }
        };
        noClasses().that().resideInAPackage("dev.explainer.render")
                .and().doNotBelongToAnyOf(SiteReads.class, SiteChanges.class, PageRenderer.class, RenderErrors.class)
                .should().callMethodWhere(readsFile)
                .because("an entry's file reaches templates only through SiteReads.file")
                .check(classes);
    }

    private void assertRendersAgain(String page, String file, String from, String to) throws IOException {
        BuildResult result = buildAfter(file, from, to);
        assertTrue(result.rendered().contains(page), page + " read what changed, so it is rendered again: " + result.rendered());
    }

    private void assertNotRenderedAgain(String page, String file, String from, String to) throws IOException {
        BuildResult result = buildAfter(file, from, to);
        assertFalse(result.rendered().contains(page), page + " did not read what changed: " + result.rendered());
    }

    /** Edits a file, rebuilds, and checks the rebuild against a fresh build. */
    private BuildResult buildAfter(String file, String from, String to) throws IOException {
        edit(file, from, to);
        BuildResult result = build(Set.of(file));
        BuildResult fresh = new SiteBuilder().run(BuildOptions.check(root));
        assertEquals(fresh.diagnostics(), result.diagnostics());
        assertEquals(texts(fresh), texts(result), "the rebuild gives what a fresh build gives");
        return result;
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = root.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), file + " holds '" + from + "'");
        Files.writeString(path, text.replace(from, to));
    }

    private BuildResult build(Set<String> changed) {
        BuildResult result = builder.run(BuildOptions.check(root), ChangedFiles.exactly(changed));
        assertEquals(List.of(), result.diagnostics().stream().filter(d -> d.isError()).toList());
        return result;
    }

    private static Map<String, String> texts(BuildResult result) {
        Map<String, String> texts = new TreeMap<>();
        for (OutputFile file : result.files()) {
            if (file instanceof OutputFile.Generated generated) {
                texts.put(file.path(), new String(generated.bytes(), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }
}
