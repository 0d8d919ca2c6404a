package dev.explainer.link;

import dev.explainer.load.ContentLoader;
import dev.explainer.load.LoadedSite;
import dev.explainer.markdown.MarkdownRenderer;
import dev.explainer.testing.TestSite;
import dev.explainer.validate.Validator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The link stage's cache: what a run reuses is decided by values, so a run that reads every file
 * afresh (new objects throughout, as from a new loader and validator) still reuses what did not
 * change, and gives a new revision to exactly the entries that did.
 */
class LinkCacheTest {
    @TempDir
    Path root;
    private final Linker linker = new Linker(new MarkdownRenderer(false));
    private LinkCache cache = LinkCache.empty();

    @BeforeEach
    void writeTheSite() {
        TestSite.write(root, TestSite.BASE);
    }

    /** Links the site as it is on disk, read by a new loader and validator, with the cache of the last run. */
    private Site relink() {
        Linker.Result result = linkFresh(cache);
        cache = result.cache();
        return result.site();
    }

    private Linker.Result linkFresh(LinkCache with) {
        LoadedSite site = new ContentLoader().load(root).site().orElseThrow();
        return linker.link(site, new Validator().validate(site).entries(), false, with);
    }

    /** The body the cache holds for an entry. */
    private Bodies.Rendered renderedBody(String key) {
        Bodies.Rendered body = cache.bodies.validFor(cache.bodies.targets(), false, cache.bodies.shortcodes()).apply(key);
        assertNotNull(body, key);
        return body;
    }

    private static Map<String, Long> revisions(Site site) {
        Map<String, Long> revisions = new HashMap<>();
        site.collections().values().forEach(list -> list.forEach(entry -> revisions.put(entry.key(), entry.revision())));
        return revisions;
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = root.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), "the edit must change the file: " + from);
        Files.writeString(path, text.replace(from, to));
    }

    /**
     * What templates can see of a site, without revisions: the same for a run with a cache as for
     * one without. Every entry is shown in full wherever the site holds it.
     */
    private static String contents(Site site) {
        StringBuilder text = new StringBuilder();
        site.collections().forEach((name, entries) -> entries.forEach(entry -> text.append(name).append(": ").append(shown(entry))
                .append(" referred to by ").append(site.referrers(entry).values().stream().flatMap(List::stream)
                        .map(LinkCacheTest::shown).toList()).append('\n')));
        site.pages().forEach(page -> text.append(page.sitePath()).append(' ').append(page.outputFile()).append(' ')
                .append(page.template()).append(' ').append(shown(page.entry())).append('\n'));
        site.matrices().forEach((name, rows) -> rows.forEach((row, cells) -> cells.forEach((column, entry) ->
                text.append(name).append(' ').append(row).append(' ').append(column).append(' ').append(shown(entry)).append('\n'))));
        site.changelog().forEach(change -> text.append(change.date()).append(' ').append(change.text()).append(' ')
                .append(shown(change.entry())).append('\n'));
        text.append(site.fragmentLinks());
        return text.toString();
    }

    private static String shown(Entry entry) {
        return entry.key() + " " + entry.position() + " " + entry.data() + " " + entry.html() + " " + entry.sitePath();
    }

    @Test
    void aRunThatReadsEverythingAgainKeepsEveryRevisionAndBody() throws IOException {
        Site first = relink();
        Bodies.Rendered ann = renderedBody("people/ann");
        Site second = relink();
        assertEquals(revisions(first), revisions(second));
        assertSame(ann, renderedBody("people/ann"), "the body rendered last time, not rendered again");
        assertEquals(contents(first), contents(second));

        edit("content/people/bob.md", "name: Bob", "name: Robert"); // a full run, which reuses bodies too
        relink();
        assertSame(ann, renderedBody("people/ann"));
    }

    @Test
    void aBodyEditGivesOnlyThatEntryANewRevision() throws IOException {
        Site before = relink();
        edit("content/people/bob.md", "Bob is blue.", "Bob is [blue](/parties/blues/).");
        Site after = relink();
        Map<String, Long> changed = new HashMap<>(revisions(after));
        revisions(before).forEach((key, revision) -> changed.remove(key, revision));
        assertEquals(Set.of("people/bob"), changed.keySet());
        assertTrue(after.entry("people", "bob").orElseThrow().html().contains("parties/blues/index.html"));
        assertEquals(contents(linkFresh(LinkCache.empty()).site()), contents(after), "the same site as a run without a cache");
    }

    @Test
    void aFieldEditRelinksTheEntryAndWhatRefersToIt() throws IOException {
        Site before = relink();
        edit("content/people/bob.md", "party: blues", "party: reds");
        Site after = relink();
        assertNotEquals(before.entry("people", "bob").orElseThrow().revision(), after.entry("people", "bob").orElseThrow().revision());
        assertEquals(before.entry("people", "ann").orElseThrow().revision(), after.entry("people", "ann").orElseThrow().revision());
        assertEquals(List.of("ann", "bob"), after.referrers(after.entry("parties", "reds").orElseThrow()).get("people").stream()
                .map(Entry::id).toList());
        assertEquals(contents(linkFresh(LinkCache.empty()).site()), contents(after), "the same site as a run without a cache");
    }

    @Test
    void anEntryChangedBackGetsARevisionItNeverHadBefore() throws IOException {
        Set<Long> seen = new HashSet<>();
        seen.add(relink().entry("people", "bob").orElseThrow().revision());
        for (String[] edit : List.of(new String[]{"Bob is blue.", "Bob is green."}, new String[]{"Bob is green.", "Bob is blue."},
                new String[]{"name: Bob", "name: Robert"}, new String[]{"name: Robert", "name: Bob"})) {
            edit("content/people/bob.md", edit[0], edit[1]);
            assertTrue(seen.add(relink().entry("people", "bob").orElseThrow().revision()), "a revision is never given twice");
        }
    }

    @Test
    void aBodyEditReachesEveryPlaceTheSiteHoldsItsEntry() throws IOException {
        TestSite.write(root, """
                -- content/stances/reds-tax.md --
                ---
                party: reds
                topic: tax
                text: Lower.
                ---
                Reds on tax.
                -- content/stances/blues-tax.md --
                ---
                party: blues
                topic: tax
                text: Higher.
                ---
                Blues on tax.
                -- content/schemas/page.json --
                {"type": "object",
                 "properties": {"title": {"type": "string"}, "url": {"type": "string"}, "template": {"type": "string"},
                   "changes": {"type": "array", "items": {"type": "object",
                     "properties": {"date": {"type": "string", "format": "date"}, "text": {"type": "string"}}}}},
                 "required": ["title"], "additionalProperties": false}
                -- content/pages/index.md --
                ---
                title: Welcome
                url: /
                changes:
                  - {date: 2015-10-23, text: First published.}
                ---
                Meet [Ann](/people/ann/).
                """);
        Files.delete(root.resolve("content/stances.yaml"));
        edit("content/site.yaml", "file: stances.yaml", "folder: stances");
        edit("content/site.yaml", "menu:", "changelog: changes\nmenu:");
        Site before = relink();
        assertEquals(1, before.changelog().size());

        edit("content/stances/reds-tax.md", "Reds on tax.", "The Reds on tax.");
        edit("content/pages/index.md", "Meet [Ann]", "Do meet [Ann]");
        edit("content/people/ann.md", "Ann is *red*.", "Ann is *very* red.");
        Site after = relink();
        assertTrue(after.matrices().get("stances").get("reds").get("tax").html().contains("The Reds on tax."));
        assertTrue(after.changelog().get(0).entry().html().contains("Do meet"));
        assertEquals(contents(linkFresh(LinkCache.empty()).site()), contents(after), "the same site as a run without a cache");
    }
}
