package dev.explainer.link;

import dev.explainer.load.ContentLoader;
import dev.explainer.load.LoadedSite;
import dev.explainer.markdown.MarkdownRenderer;
import dev.explainer.testing.TestSite;
import dev.explainer.validate.Validator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LinkerTest {
    @TempDir
    Path root;

    private Linker.Result link(String change) {
        TestSite.write(root, TestSite.BASE + change);
        LoadedSite site = new ContentLoader().load(root).site().orElseThrow();
        return new Linker(new MarkdownRenderer(false)).link(site, new Validator().validate(site).entries(), false, LinkCache.empty());
    }

    @Test
    void sortsCollectionsByTheirDeclaredKeysThenById() {
        Site site = link("""
                -- content/people/cid.md --
                ---
                name: Ann
                party: reds
                ---
                """).site();
        assertEquals(List.of("ann", "cid", "bob"), site.collections().get("people").stream().map(Entry::id).toList(),
                "by name, then by id where names are equal");
        assertEquals(List.of("ann-hello", "bob-bye"), site.collections().get("quotes").stream().map(Entry::id).toList());
    }

    @Test
    void referrersFollowTheReferringCollectionsOrder() {
        Site site = link("""
                -- content/people/cid.md --
                ---
                name: Aaron
                party: reds
                ---
                """).site();
        Entry reds = site.entry("parties", "reds").orElseThrow();
        assertEquals(List.of("cid", "ann"), site.referrers(reds).get("people").stream().map(Entry::id).toList());
        Entry ann = site.entry("people", "ann").orElseThrow();
        assertEquals(reds, site.reference(ann, "party"));
    }

    @Test
    void placesPagesAtPrettyUrlsAndAnchoredEntriesOnTheirPage() {
        Site site = link("").site();
        assertEquals(List.of("/", "/parties/blues/", "/parties/reds/", "/people/", "/people/ann/", "/people/bob/"),
                site.pages().stream().map(Page::sitePath).toList());
        assertEquals("people/ann/index.html", site.page("/people/ann/").orElseThrow().outputFile());
        assertEquals("/people/#ann-hello", site.entry("quotes", "ann-hello").orElseThrow().sitePath().orElseThrow());
    }

    @Test
    void entryUrlsMustStaySafePaths() {
        List<String> problems = link("""
                -- content/pages/evil.md --
                ---
                title: Evil
                url: /../../etc/
                ---
                """).diagnostics().stream().map(d -> d.format()).toList();
        assertEquals(List.of("content/pages/evil.md:3:6: error: url '/../../etc/' has a '..' part, which would leave its folder and could write outside the site; remove it"), problems);
    }
}
