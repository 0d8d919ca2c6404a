package dev.explainer.pipeline;

import dev.explainer.load.ChangedFiles;
import dev.explainer.output.OutputFile;
import dev.explainer.testing.TestSite;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Former addresses ({@code collections.NAME.aliases}): a redirect page at each, the list for web
 * servers, and an error for every alias that cannot have its page.
 */
class AliasesTest {
    @TempDir
    Path root;

    /** The base site, with people and quotes declaring their former addresses in 'former'. */
    private static final String SITE = TestSite.BASE + """
            -- content/schemas/person.json --
            {"type": "object",
             "properties": {"name": {"type": "string"}, "party": {"type": "string"}, "born": {"type": "string", "format": "date"},
                            "former": {"type": "array", "items": {"type": "string"}}},
             "required": ["name", "party"], "additionalProperties": false}
            -- content/schemas/quote.json --
            {"type": "object",
             "properties": {"speaker": {"type": "string"}, "text": {"type": "string"}, "date": {"type": "string", "format": "date"},
                            "former": {"type": "string"}},
             "required": ["speaker", "text", "date"], "additionalProperties": false}
            -- content/people/ann.md --
            ---
            name: Ann & Co
            party: reds
            former: [/people/anne/, annie, /old/ann.html]
            ---
            Ann is *red*.
            -- content/quotes.yaml --
            - id: ann-hello
              speaker: ann
              text: "Hello <world> & friends"
              date: 2015-10-23
              former: /quotes/hello/
            - id: bob-bye
              speaker: bob
              text: Bye.
              date: 2015-10-24
            """;

    private void writeSite() {
        TestSite.write(root, SITE);
        TestSite.edit(root, "content/site.yaml", "sort: [name]", "sort: [name]\n    aliases: former");
        TestSite.edit(root, "content/site.yaml", "url: /people/#{id}", "url: /people/#{id}\n    aliases: former");
    }

    private String read(String file) throws Exception {
        return Files.readString(root.resolve("site/" + file), StandardCharsets.UTF_8);
    }

    @Test
    void eachAliasGetsAPageThatLeadsToTheEntry() {
        writeSite();
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());

        Document page = TestSite.html(root.resolve("site/people/anne/index.html"));
        assertEquals("en", page.select("html").attr("lang"));
        assertEquals("Ann & Co", page.title());
        assertEquals("noindex", page.select("meta[name=robots]").attr("content"));
        assertEquals("https://example.org/test/people/ann/", page.select("link[rel=canonical]").attr("href"));
        assertEquals("0; url=../../people/ann/index.html", page.select("meta[http-equiv=refresh]").attr("content"));
        assertEquals("../../people/ann/index.html", page.select("body a").attr("href"));
        assertEquals("Ann & Co", page.select("body a").text());

        Document formerId = TestSite.html(root.resolve("site/people/annie/index.html"));
        assertEquals("0; url=../../people/ann/index.html", formerId.select("meta[http-equiv=refresh]").attr("content"),
                "a former id is placed by the collection's URL pattern");
        Document formerHtml = TestSite.html(root.resolve("site/old/ann.html"));
        assertEquals("../people/ann/index.html", formerHtml.select("body a").attr("href"));
        Document anchor = TestSite.html(root.resolve("site/quotes/hello/index.html"));
        assertEquals("../../people/index.html#ann-hello", anchor.select("body a").attr("href"), "an entry shown on another page");
        assertEquals("https://example.org/test/people/#ann-hello", anchor.select("link[rel=canonical]").attr("href"));
    }

    @Test
    void theRedirectPageEscapesTheEntrysName() throws Exception {
        writeSite();
        assertEquals(0, TestSite.build(root).exitCode());
        String html = read("people/anne/index.html");
        assertTrue(html.contains("<title>Ann &amp; Co</title>"), html);
        assertTrue(html.contains(">Ann &amp; Co</a>"), html);
    }

    @Test
    void theRedirectListNamesEachFormerAddressForNginxAndTheSitemapNone() throws Exception {
        writeSite();
        assertEquals(0, TestSite.build(root).exitCode());
        assertEquals("""
                # Former addresses and where they lead, written by the build for nginx's 'map' (see docs/deploying.md).
                "/old/ann.html" "/people/ann/";
                "/people/anne/" "/people/ann/";
                "/people/anne" "/people/ann/";
                "/people/annie/" "/people/ann/";
                "/people/annie" "/people/ann/";
                "/quotes/hello/" "/people/#ann-hello";
                "/quotes/hello" "/people/#ann-hello";
                """, read("redirects.map"));
        String sitemap = read("sitemap.xml");
        assertFalse(sitemap.contains("anne") || sitemap.contains("hello") || sitemap.contains("old/"), sitemap);
    }

    @Test
    void aSiteWithoutAliasesWritesNoRedirectList() {
        TestSite.write(root, TestSite.BASE);
        assertEquals(0, TestSite.build(root).exitCode());
        assertFalse(Files.exists(root.resolve("site/redirects.map")));
    }

    @Test
    void aRemovedAliasRemovesItsPageOnTheNextBuildAndNothingElse() throws Exception {
        writeSite();
        assertEquals(0, TestSite.build(root).exitCode());
        Files.writeString(root.resolve("site/people/anne/notes.txt"), "a publisher's own file");
        TestSite.edit(root, "content/people/ann.md", "former: [/people/anne/, annie, /old/ann.html]", "former: [annie]");
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(Files.exists(root.resolve("site/people/anne/index.html")));
        assertFalse(Files.exists(root.resolve("site/old")), "the folder the build made for it goes too");
        assertEquals("a publisher's own file", read("people/anne/notes.txt"), "a file the build did not write is kept");
        assertTrue(Files.exists(root.resolve("site/people/annie/index.html")));
        assertFalse(read("redirects.map").contains("anne"), read("redirects.map"));

        TestSite.edit(root, "content/site.yaml", "sort: [name]\n    aliases: former", "sort: [name]");
        TestSite.edit(root, "content/site.yaml", "url: /people/#{id}\n    aliases: former", "url: /people/#{id}");
        TestSite.edit(root, "content/schemas/person.json", "\"former\"", "\"formerly\"");
        TestSite.edit(root, "content/people/ann.md", "former: [annie]\n", "");
        TestSite.edit(root, "content/quotes.yaml", "  former: /quotes/hello/\n", "");
        assertEquals(0, TestSite.build(root).exitCode());
        assertFalse(Files.exists(root.resolve("site/redirects.map")), "no collection declares aliases any more");
        assertFalse(Files.exists(root.resolve("site/people/annie")));
    }

    @Test
    void aRebuildFollowsAnAliasChange() {
        writeSite();
        SiteBuilder builder = SiteBuilder.forRebuilds();
        assertFalse(builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of())).failed());
        TestSite.edit(root, "content/people/ann.md", "annie", "nan");
        BuildResult rebuilt = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/people/ann.md")));
        BuildResult fresh = new SiteBuilder().run(BuildOptions.check(root));
        assertEquals(files(fresh), files(rebuilt));
        assertTrue(files(rebuilt).containsKey("people/nan/index.html"));
        assertFalse(files(rebuilt).containsKey("people/annie/index.html"));

        TestSite.edit(root, "content/people/ann.md", "name: Ann & Co", "name: Anna");
        BuildResult renamed = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/people/ann.md")));
        assertTrue(files(renamed).get("people/nan/index.html").contains("<title>Anna</title>"), "the page shows the entry's name now");
    }

    private static Map<String, String> files(BuildResult result) {
        return result.files().stream().filter(f -> f instanceof OutputFile.Generated)
                .collect(Collectors.toMap(OutputFile::path, f -> new String(((OutputFile.Generated) f).bytes(), StandardCharsets.UTF_8)));
    }

    @Test
    void aFormerIdIsAnErrorWhereTheUrlPatternNeedsMoreThanTheId() {
        writeSite();
        TestSite.edit(root, "content/site.yaml", "url: /people/{id}/", "url: /people/{party}-{id}/");
        TestSite.Run run = TestSite.build(root);
        assertEquals("""
                content/pages/index.md:7:6: error: link to '/people/ann/': no page or asset has the path /people/ann/; did you mean \
                '/people/'?
                content/people/ann.md:4:25: error: alias 'annie' is a former id, but the url pattern '/people/{party}-{id}/' of \
                collection 'people' makes addresses from more than the id; write the former address as a site path, such as \
                '/notes/old-name/'
                2 errors
                """, run.err());
    }

    @Test
    void everyAliasThatCannotHaveItsPageIsAnErrorAtTheAlias() {
        writeSite();
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/people/ann.md --
                ---
                name: Ann
                party: reds
                former:
                  - /people/bob/
                  - /People/Bob/
                  - /people/ann/
                  - /people/#ann
                  - /people/ann.pdf
                  - Old Name
                  - /people/a:b/
                  - /people/ann/index.html/
                  - /people/
                  - /gone/
                  - /gone/
                  - /both/
                ---
                Ann is *red*.
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                former: [/both/]
                ---
                Bob is blue.
                -- content/quotes.yaml --
                - id: ann-hello
                  speaker: ann
                  text: Hello.
                  date: 2015-10-23
                  former: old-hello
                """);
        assertEquals("""
                content/people/ann.md:5:5: error: alias /people/bob/ is the address of the page /people/bob/ (content/people/bob.md), so it cannot lead to /people/ann/; remove the alias, or move the other
                content/people/ann.md:6:5: error: alias /People/Bob/ is the address of the page /people/bob/ (content/people/bob.md) (written with other capitals, one file on macOS and Windows), so it cannot lead to /people/ann/; remove the alias, or move the other
                content/people/ann.md:7:5: error: alias /people/ann/ is the entry's own address; remove it
                content/people/ann.md:8:5: error: alias /people/#ann has a fragment ('#ann'): browsers keep the part after '#' to themselves, so no redirect can answer it; write the former page's path alone
                content/people/ann.md:9:5: error: alias /people/ann.pdf must be the address of a page, ending with '/' or '.html': a redirect is a page
                content/people/ann.md:10:5: error: alias 'Old Name' is neither a site path (starting with '/', such as '/notes/old-name/') nor a former id (lowercase letters, digits and '-')
                content/people/ann.md:11:5: error: alias /people/a:b/ has the character ':', which cannot be in a file name everywhere; use only letters a-z, A-Z, digits, '.', '_', '~' and '-'
                content/people/ann.md:12:5: error: alias /people/ann/index.html/ needs a folder where the site has the page /people/ann/ (content/people/ann.md); remove the alias, or move the other
                content/people/ann.md:13:5: error: alias /people/ is the address of the page /people/ (content/pages/people.md), so it cannot lead to /people/ann/; remove the alias, or move the other
                content/people/ann.md:15:5: error: alias /gone/ is listed twice; remove one
                content/people/bob.md:4:10: error: alias /both/ is also an alias of content/people/ann.md (line 16); a former address can lead to one entry only: remove one of them
                content/quotes.yaml:5:11: error: alias 'old-hello' is a former id, but the entries of collection 'quotes' are shown on another page, whose part after '#' no server sees; write the former address as a site path, such as '/notes/old-name/'
                12 errors
                """, run.err());
    }

    @Test
    void aliasesNeedAnAddressAndADeclaredFieldOfTheirOwn() {
        writeSite();
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/site.yaml --
                title: Test site
                base_url: https://example.org/test/
                collections:
                  pages:
                    folder: pages
                    schema: schemas/page.json
                    url: /{id}/
                    template: page.ftlh
                    aliases: formr
                  people:
                    folder: people
                    schema: schemas/person.json
                    references: {party: parties}
                    url: /people/{id}/
                    template: person.ftlh
                    aliases: party
                  parties:
                    file: parties.yaml
                    schema: schemas/party.json
                    url: /parties/{id}/
                    template: party.ftlh
                  topics:
                    file: topics.yaml
                    schema: schemas/topic.json
                    aliases: name
                  stances:
                    file: stances.yaml
                    schema: schemas/stance.json
                    references: {party: parties, topic: topics}
                    matrix: [party, topic]
                  quotes:
                    file: quotes.yaml
                    schema: schemas/quote.json
                    references: {speaker: people}
                    url: /people/#{id}
                """);
        assertEquals("""
                content/site.yaml:9:14: error: collection 'pages': 'aliases' names field 'formr', which its schema content/schemas/page.json does not declare; its fields are template, title, url
                content/site.yaml:16:14: error: collection 'people': 'aliases' names field 'party', which already has another use; name a field of its own, such as 'aliases'
                content/site.yaml:25:14: error: collection 'topics' has 'aliases' but no 'url': its entries have no address for a former one to lead to
                3 errors
                """, run.err());
    }

    @Test
    void anAliasOverAnAssetAndAPageOverTheRedirectListAreErrorsNamingBoth() {
        writeSite();
        TestSite.Run run = TestSite.breakWith(root, """
                -- templates/assets/old.html --
                <!DOCTYPE html><html lang="en"><head><title>Old</title></head><body></body></html>
                -- content/people/ann.md --
                ---
                name: Ann
                party: reds
                former: [/assets/old.html]
                ---
                Ann is *red*.
                -- content/pages/list.md --
                ---
                title: A list
                url: /redirects.map/
                ---
                Text.
                """);
        assertEquals("""
                content/pages/list.md:3:6: error: URL /redirects.map/ needs a folder 'redirects.map', but that is the name of a file: redirects.map, the list of former addresses the build writes for web servers while a collection declares 'aliases'; change one of them
                content/people/ann.md:4:10: error: alias /assets/old.html is the address of the asset /assets/old.html, so it cannot lead to /people/ann/; remove the alias, or move the other
                2 errors
                """, run.err());
    }
}
