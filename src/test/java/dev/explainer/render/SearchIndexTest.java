package dev.explainer.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.explainer.load.ChangedFiles;
import dev.explainer.output.OutputFile;
import dev.explainer.pipeline.BuildOptions;
import dev.explainer.pipeline.BuildResult;
import dev.explainer.pipeline.SiteBuilder;
import dev.explainer.testing.TestSite;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site's search index ({@code search:} in site.yaml): what it holds of each page, read from
 * the rendered HTML, and each way of declaring it wrongly.
 */
class SearchIndexTest {
    @TempDir
    Path root;

    /** A guide with sections (one heading without an id), an error page, a page marked noindex, and a feed. */
    private static final String GUIDE = """
            -- content/pages/guide.md --
            ---
            title: The guide
            ---
            How to *read* the site.

            ## Where to start

            With the people.

            ### Café hours

            Open early.

            #### A note

            Not a section of its own.
            -- content/pages/missing.md --
            ---
            title: Not found
            url: /404.html
            ---
            Nothing here.
            -- content/pages/private.md --
            ---
            title: Private
            template: private.ftlh
            ---
            Hidden.
            -- content/pages/feed.md --
            ---
            title: Feed
            url: /feed.xml
            template: feed.ftlx
            ---
            A feed.
            -- templates/private.ftlh --
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>x</title></head>
            <body><main><h1>${entry.title}</h1></main></body></html>
            -- templates/feed.ftlx --
            <feed><title>${entry.title}</title></feed>
            -- templates/page.ftlh --
            <#import "layout.ftlh" as l><@l.frame title=entry.title><nav class="toc"><a href="#where-to-start">Contents</a></nav>
            <h1>${entry.title}</h1>${entry.content}<script>var hidden = "script text";</script><p hidden>not shown</p></@l.frame>
            """;

    private void writeSite(String search) {
        TestSite.write(root, TestSite.BASE + GUIDE);
        TestSite.edit(root, "content/site.yaml", "menu:\n", search + "\nmenu:\n");
    }

    private JsonNode index(String file) throws IOException {
        return new ObjectMapper().readTree(root.resolve("site").resolve(file).toFile());
    }

    @Test
    void theIndexHoldsEachPagesTitleTextAndSectionsAsReadersSeeThem() throws IOException {
        writeSite("search: {index: /search.json, exclude: [nav.toc]}");
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode index = index("search.json");
        List<String> urls = new ArrayList<>();
        index.get("pages").forEach(page -> urls.add(page.get("url").asText()));
        assertEquals(List.of("index.html", "guide/index.html", "parties/blues/index.html", "parties/reds/index.html",
                "people/index.html", "people/ann/index.html", "people/bob/index.html"), urls,
                "every HTML page in site order, but the error page, the page marked noindex and the feed");
        JsonNode guide = index.get("pages").get(1);
        assertEquals("""
                {"title":"The guide","url":"guide/index.html","text":"How to read the site.","sections":[\
                {"id":"where-to-start","title":"Where to start","text":"With the people."},\
                {"id":"café-hours","title":"Café hours","text":"Open early. A note Not a section of its own."}]}""",
                guide.toString());
        JsonNode people = index.get("pages").get(4);
        assertEquals("Everyone", people.get("title").asText());
        assertEquals("ann", people.get("sections").get(0).get("id").asText(), "an h2 heading a section with an id starts a section");
        assertEquals("Hello <world> & friends (23 October 2015)", people.get("sections").get(0).get("text").asText(),
                "text as readers see it, entities decoded");
        String bytes = Files.readString(root.resolve("site/search.json"), StandardCharsets.UTF_8);
        assertFalse(bytes.contains("\n "), "compact: no indentation");
        assertTrue(bytes.endsWith("}\n"));
    }

    @Test
    void theContentSelectorChoosesWhatIsIndexedAndTheIndexMayLiveInAFolder() throws IOException {
        writeSite("search: {index: /find/all.json, content: 'main .body'}");
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode index = index("find/all.json");
        List<String> urls = new ArrayList<>();
        index.get("pages").forEach(page -> urls.add(page.get("url").asText() + " " + page.get("title").asText()
                + ": " + page.get("text").asText()));
        assertEquals(List.of("people/ann/index.html Ann: Ann is red.", "people/bob/index.html Bob: Bob is blue."), urls,
                "only pages with the part chosen; without an h1 in it, the page's title");
        assertFalse(Files.exists(root.resolve("site/search.json")));
    }

    @Test
    void templatesGetALinkToTheIndexFromEachPageAndNothingWithoutSearch() {
        String layout = """
                -- templates/layout.ftlh --
                <#macro frame title><!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
                <body><main data-index="${site.search_index}"><#nested></main></body></html></#macro>
                """;
        TestSite.write(root, TestSite.BASE + layout);
        assertEquals(0, TestSite.build(root).exitCode());
        assertEquals("", TestSite.html(root.resolve("site/people/ann/index.html")).select("main").attr("data-index"));
        assertFalse(Files.exists(root.resolve("site/search.json")), "no index unless the site declares search");

        TestSite.edit(root, "content/site.yaml", "menu:\n", "search: {}\nmenu:\n");
        assertEquals(0, TestSite.build(root).exitCode());
        Document ann = TestSite.html(root.resolve("site/people/ann/index.html"));
        assertEquals("../../search.json", ann.select("main").attr("data-index"));
        assertEquals("search.json", TestSite.html(root.resolve("site/index.html")).select("main").attr("data-index"));
        assertTrue(Files.exists(root.resolve("site/search.json")), "search: {} writes the index at /search.json");
    }

    @Test
    void theIndexIsTheSameAfterEditsAsFromAFreshBuild() throws IOException {
        writeSite("search: {}");
        SiteBuilder rebuilds = SiteBuilder.forRebuilds();
        rebuilds.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of()));
        TestSite.edit(root, "content/pages/guide.md", "With the people.", "With the parties.");
        BuildResult edited = rebuilds.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/pages/guide.md")));
        TestSite.edit(root, "content/people/bob.md", "name: Bob", "name: Robert");
        edited = rebuilds.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/people/bob.md")));
        BuildResult fresh = new SiteBuilder().run(BuildOptions.check(root));
        byte[] afterEdits = indexOf(edited);
        assertArrayEquals(indexOf(fresh), afterEdits);
        String text = new String(afterEdits, StandardCharsets.UTF_8);
        assertTrue(text.contains("With the parties.") && text.contains("\"title\":\"Robert\""), text);
    }

    private static byte[] indexOf(BuildResult result) {
        return result.files().stream().filter(f -> f.path().equals("search.json")).findFirst()
                .map(f -> ((OutputFile.Generated) f).bytes()).orElseThrow();
    }

    // --- Errors ---

    private String failsWith(String search, String change, String expected) {
        TestSite.write(root, TestSite.BASE);
        String config = TestSite.replaced(readConfig(), "menu:\n", search + "\nmenu:\n");
        TestSite.Run run = TestSite.breakWith(root, "-- content/site.yaml --\n" + config + change);
        assertTrue(run.err().contains(expected), "expected\n  " + expected + "\nin\n" + run.err());
        return run.err();
    }

    private String readConfig() {
        try {
            return Files.readString(root.resolve("content/site.yaml"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void searchMustBeAMapping() {
        failsWith("search: yes", "", "content/site.yaml:4:9: error: 'search' must be a mapping such as"
                + " 'search: {index: /search.json}' (or 'search: {}' for the defaults), not a string");
    }

    @Test
    void anUnknownKeyIsNamedWithTheNearestKnownOne() {
        failsWith("search: {indx: /search.json}", "", "content/site.yaml:4:10: error: unknown key 'indx' in 'search'; did you mean 'index'?");
    }

    @Test
    void theIndexMustBeAJsonFileOfPlainNames() {
        failsWith("search: {index: /search.js}", "", "content/site.yaml:4:17: error: 'search.index' must be a site path ending in"
                + " '.json', such as '/search.json', made of letters, digits, '-', '_', '.' and '~'; '/search.js' is not one");
        failsWith("search: {index: /.hidden/search.json}", "", "'/.hidden/search.json' is not one");
        failsWith("search: {index: search.json}", "", "'search.json' is not one");
    }

    @Test
    void theIndexCannotBeAmongTheAssets() {
        failsWith("search: {index: /assets/search.json}", "", "content/site.yaml:4:17: error: 'search.index' /assets/search.json is in"
                + " /assets/, the folder of the files in templates/assets/; give the index a path outside it, such as '/search.json'");
    }

    @Test
    void selectorsMustBeCss() {
        String err = failsWith("search: {content: 'main[', exclude: [nav, '>>']}", "",
                "content/site.yaml:4:19: error: 'search.content' must be a CSS selector such as 'main', 'article.body' or 'nav.toc';"
                        + " 'main[' is not one");
        assertTrue(err.contains("content/site.yaml:4:43: error: 'search.exclude' must be a CSS selector such as 'main',"
                + " 'article.body' or 'nav.toc'; '>>' is not one"), err);
    }

    @Test
    void aSelectorThatJsoupCannotReadIsAnErrorNotACrash() {
        failsWith("search: {content: 'p:has(', exclude: ['div:nth-child(x)', 'a:contains(']}", "",
                "content/site.yaml:4:19: error: 'search.content' must be a CSS selector such as 'main', 'article.body' or"
                        + " 'nav.toc'; 'p:has(' is not one");
    }

    @Test
    void selectorsMayNotUseRegularExpressions() {
        failsWith("search: {content: 'main:matchesOwn((a+)+$)'}", "", "content/site.yaml:4:19: error: 'search.content' may not"
                + " match text by a regular expression (':matches' and the like); choose the part by element, class or id,"
                + " such as 'div.body'");
    }

    @Test
    void aPageThatNeedsTheIndexsNameForAFolderIsRefusedNamingBoth() {
        failsWith("search: {index: /search.json}", """
                -- content/pages/search.md --
                ---
                title: Search
                url: /search.json/
                ---
                Find.
                """, "content/pages/search.md:3:6: error: URL /search.json/ needs a folder 'search.json', but that is the name of"
                + " a file: search.json, the site's search index, which 'search.index' (content/site.yaml:4:17) puts there; change one of them");
    }

    @Test
    void aPageAtTheIndexsAddressIsRefusedNamingBoth() {
        failsWith("search: {index: /search.json}", """
                -- content/pages/search.md --
                ---
                title: Search
                url: /search.json
                ---
                Find.
                """, "content/pages/search.md:3:6: error: URL /search.json is search.json, the site's search index, which"
                + " 'search.index' (content/site.yaml:4:17) puts there; give the page another 'url'");
    }

    @Test
    void anIndexThatNeedsAPagesFileForAFolderIsRefusedNamingBoth() {
        failsWith("search: {index: /about.html/search.json}", """
                -- content/pages/about.md --
                ---
                title: About
                url: /about.html
                ---
                About.
                """, "content/site.yaml:4:17: error: 'search.index' /about.html/search.json needs a folder 'about.html', but that is"
                + " the name of the page /about.html (content/pages/about.md); give the index another path");
    }
}
