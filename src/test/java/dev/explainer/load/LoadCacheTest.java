package dev.explainer.load;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A load with the previous load's cache, told which files changed, gives what a fresh load of
 * the folder gives: the same config, entries (with every position), schemas, templates, assets
 * and problems.
 */
class LoadCacheTest {
    @TempDir
    Path root;
    private final ContentLoader loader = new ContentLoader();
    private LoadCache cache;

    @BeforeEach
    void loadOnce() {
        TestSite.write(root, TestSite.BASE + """
                -- templates/assets/site.css --
                body { color: black; }
                """);
        cache = loader.load(root).cache();
    }

    /** Loads with the cache, told exactly these files changed, and compares with a fresh load. */
    private ContentLoader.Result reload(String... changed) {
        ContentLoader.Result again = loader.load(root, ChangedFiles.exactly(Set.of(changed)), cache);
        ContentLoader.Result fresh = loader.load(root);
        assertEquals(messages(fresh), messages(again));
        assertSameSite(fresh.site().orElseThrow(), again.site().orElseThrow());
        cache = again.cache();
        return again;
    }

    private static void assertSameSite(LoadedSite fresh, LoadedSite again) {
        assertEquals(fresh.config(), again.config());
        assertEquals(fresh.entries().stream().map(RawEntry::key).toList(), again.entries().stream().map(RawEntry::key).toList());
        for (int i = 0; i < fresh.entries().size(); i++) {
            assertEquals(fresh.entries().get(i), again.entries().get(i), fresh.entries().get(i).key());
        }
        assertEquals(fresh.schemas(), again.schemas());
        assertEquals(fresh.templates(), again.templates());
        assertEquals(fresh.assets(), again.assets());
        assertEquals(fresh.incomplete(), again.incomplete());
        assertEquals(fresh, again, "and nothing else differs");
    }

    private void write(String path, String text) throws Exception {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), text);
    }

    private void edit(String path, String from, String to) throws Exception {
        String text = Files.readString(root.resolve(path));
        assertTrue(text.contains(from), path + " holds " + from);
        write(path, text.replace(from, to));
    }

    private static List<String> messages(ContentLoader.Result result) {
        return result.diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void editsOfEveryKindGiveWhatAFreshLoadGives() throws Exception {
        edit("content/people/ann.md", "Ann is *red*.", "Ann is *very* red.");
        reload("content/people/ann.md");
        edit("content/quotes.yaml", "text: Bye.", "text: Farewell.");
        reload("content/quotes.yaml");
        write("content/people/cy.md", "---\nname: Cy\nparty: blues\n---\nCy.\n");
        Files.delete(root.resolve("content/people/bob.md"));
        reload("content/people/cy.md", "content/people/bob.md");
        edit("content/quotes.yaml", "  speaker: ann", "  speaker: [ann");
        assertEquals(Set.of("quotes"), reload("content/quotes.yaml").site().orElseThrow().incomplete());
        edit("content/quotes.yaml", "  speaker: [ann", "  speaker: ann");
        reload("content/quotes.yaml");
        edit("content/schemas/quote.json", "\"text\": {\"type\": \"string\"}", "\"text\": {\"type\": \"string\", \"maxLength\": 5}");
        reload("content/schemas/quote.json");
        edit("templates/page.ftlh", "<h1>", "<h1 class=\"page\">");
        reload("templates/page.ftlh");
        String before = loader.load(root).site().orElseThrow().assets().get(0).outputPath();
        edit("templates/assets/site.css", "black", "navy");
        assertNotEquals(before, reload("templates/assets/site.css").site().orElseThrow().assets().get(0).outputPath(),
                "a changed stylesheet gets a new name");
        write("content/notes.txt", "not content");
        assertTrue(messages(reload("content/notes.txt")).contains(
                "content/notes.txt:1:1: warning: not part of any collection, schema or the site config: ignored"));
        edit("content/site.yaml", "sort: [date]", "sort: [-date]");
        reload("content/site.yaml");
    }

    @Test
    void aFileTwoCollectionsReadGivesEachItsOwnEntries() throws Exception {
        edit("content/site.yaml", "  topics:\n", "  subjects:\n    file: topics.yaml\n    schema: schemas/topic.json\n  topics:\n");
        cache = loader.load(root).cache();
        edit("templates/page.ftlh", "<h1>", "<h1 class=\"page\">");
        List<String> keys = reload("templates/page.ftlh").site().orElseThrow().entries().stream().map(RawEntry::key)
                .filter(key -> key.endsWith("/tax")).toList();
        assertEquals(List.of("subjects/tax", "topics/tax"), keys);
        edit("content/topics.yaml", "name: Tax", "name: Taxes");
        reload("content/topics.yaml");
    }

    @Test
    void aFileNotNamedIsNotReadAgainUnlessNothingIsKnown() throws Exception {
        edit("content/people/ann.md", "name: Ann", "name: Anne");
        ContentLoader.Result told = loader.load(root, ChangedFiles.exactly(Set.of()), cache);
        assertEquals("Ann", name(told, "people/ann"), "a watcher that lost nothing named no file");
        ContentLoader.Result unknown = loader.load(root, ChangedFiles.unknown(), told.cache());
        assertEquals("Anne", name(unknown, "people/ann"), "the file's size changed");
    }

    private static Object name(ContentLoader.Result result, String key) {
        RawEntry entry = result.site().orElseThrow().entries().stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
        return entry.fields().get("name").orElseThrow().toPlain();
    }
}
