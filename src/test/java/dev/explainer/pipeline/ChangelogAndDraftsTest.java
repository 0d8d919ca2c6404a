package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangelogAndDraftsTest {
    @TempDir
    Path root;

    @BeforeEach
    void site() throws Exception {
        TestSite.write(root, TestSite.BASE + """
                -- content/schemas/page.json --
                {"type": "object",
                 "properties": {"title": {"type": "string"}, "url": {"type": "string"}, "template": {"type": "string"},
                   "published": {"type": "string", "format": "date"},
                   "changes": {"type": "array", "items": {"type": "object",
                     "properties": {"date": {"type": "string", "format": "date"}, "text": {"type": "string"}}}}},
                 "required": ["title"], "additionalProperties": false}
                -- content/pages/index.md --
                ---
                title: Welcome
                url: /
                published: 2015-10-23
                changes:
                  - {date: 2015-10-23, text: First published.}
                  - {date: 2015-10-30, text: Added the broader meeting & its communiqu\u00e9.}
                ---
                Meet [Ann](/people/ann/) of the [Reds](/parties/reds/#members). See the [updates](/updates/).
                -- content/pages/updates.md --
                ---
                title: Updates
                template: updates.ftlh
                ---
                -- content/pages/feed.md --
                ---
                title: Feed
                url: /updates.xml
                template: feed.ftlx
                ---
                -- templates/page.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.title><h1>${entry.title}</h1>${entry.content}
                <#if entry.published??><p class="published">${entry.published}</p></#if></@l.frame>
                -- templates/updates.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.title><h1>${entry.title}</h1>
                <ol><#list changelog as c><li>${c.date?string.iso} <a href="${c.entry.href}">${c.entry.title}</a>: ${c.text}</li></#list></ol>
                </@l.frame>
                -- templates/feed.ftlx --
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>${site.title}</title><#list changelog as c>
                <entry><title>${c.text}</title><link href="${c.entry.permalink}"/><updated>${c.date?string.iso}T00:00:00Z</updated></entry></#list>
                </feed>
                """);
        TestSite.edit(root, "content/site.yaml", "menu:", "changelog: changes\nmenu:");
    }

    @Test
    void changesAreListedNewestFirstOnTheUpdatesPageAndInTheFeed() throws Exception {
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        Document updates = TestSite.html(root.resolve("site/updates/index.html"));
        assertEquals("2015-10-30 Welcome: Added the broader meeting & its communiqu\u00e9.", updates.select("main li").get(0).text());
        assertEquals("../index.html", updates.select("main li a").get(0).attr("href"));
        assertEquals("2015-10-23 Welcome: First published.", updates.select("main li").get(1).text());

        String xml = Files.readString(root.resolve("site/updates.xml"));
        assertTrue(xml.contains("<title>Added the broader meeting &amp; its communiqu\u00e9.</title>"), "XML is escaped: " + xml);
        Document feed = Jsoup.parse(xml, "", Parser.xmlParser());
        assertEquals("https://example.org/test/", feed.selectFirst("entry link").attr("href"));
        assertFalse(Files.readString(root.resolve("site/sitemap.xml")).contains("updates.xml"), "feeds are not in the sitemap");
        Document home = TestSite.html(root.resolve("site/index.html"));
        assertEquals("23 October 2015", home.selectFirst(".published").text());
    }

    @Test
    void aChangeDatedADayThatDoesNotExistIsReportedNotACrash() throws Exception {
        TestSite.edit(root, "content/pages/index.md", "{date: 2015-10-30,", "{date: 2015-13-45,");
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("content/pages/index.md:7:12: error: field 'changes[1].date': '2015-13-45' is not a date that exists (there is"
                + " no month 13); dates are written YYYY-MM-DD\n1 error\n", run.err());

        // A schema that does not declare the date leaves it text: the change log itself says it is no date, once.
        TestSite.edit(root, "content/schemas/page.json", "\"date\": {\"type\": \"string\", \"format\": \"date\"}", "\"date\": {}");
        TestSite.Run lenient = TestSite.build(root);
        assertEquals(1, lenient.exitCode(), lenient.err());
        assertEquals("content/pages/index.md:7:12: error: field 'changes[1].date': '2015-13-45' is not a date; a change's day is"
                + " written YYYY-MM-DD, such as 2024-01-31\n1 error\n", lenient.err());
    }

    @Test
    void aChangeWithoutTheDeclaredKeysIsAnErrorAtTheChangeNotAnEmptyFeed() throws Exception {
        TestSite.build(root);
        Map<String, byte[]> before = TestSite.snapshot(root.resolve("site"));
        TestSite.edit(root, "content/schemas/page.json", "\"text\": {\"type\": \"string\"}}",
                "\"text\": {\"type\": \"string\"}, \"when\": {}, \"what\": {}}");
        TestSite.edit(root, "content/pages/index.md", "{date: 2015-10-23, text: First published.}", "{when: 2015-10-23, what: First published.}");
        TestSite.edit(root, "content/pages/index.md", "{date: 2015-10-30, text:", "{date: 2015-10-30, what:");
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode(), run.err());
        String setting = "the site's 'changelog' setting (content/site.yaml:4:12) says each change has 'date' and 'text'; add the"
                + " missing key, or name the keys your changes use there, such as 'changelog: {field: changes, date: day, text: note}'";
        assertEquals("content/pages/index.md:6:5: error: field 'changes[0]': this change has no 'date' and no 'text'; " + setting + "\n"
                + "content/pages/index.md:7:5: error: field 'changes[1]': this change has no 'text'; " + setting + "\n2 errors\n",
                run.err());
        assertEquals(before.keySet(), TestSite.snapshot(root.resolve("site")).keySet(), "the previous site is untouched");
    }

    @Test
    void theChangelogSettingMayNameTheKeysOfAChange() throws Exception {
        TestSite.edit(root, "content/site.yaml", "changelog: changes", "changelog: {field: changes, date: day, text: note}");
        TestSite.edit(root, "content/schemas/page.json", "\"date\": {\"type\": \"string\", \"format\": \"date\"}, \"text\"",
                "\"day\": {\"type\": \"string\", \"format\": \"date\"}, \"note\"");
        TestSite.edit(root, "content/pages/index.md", "{date: 2015-10-23, text:", "{day: 2015-10-23, note:");
        TestSite.edit(root, "content/pages/index.md", "{date: 2015-10-30, text:", "{day: 2015-10-30, note:");
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        Document updates = TestSite.html(root.resolve("site/updates/index.html"));
        assertEquals("2015-10-30 Welcome: Added the broader meeting & its communiqu\u00e9.", updates.select("main li").get(0).text());
        assertEquals("2015-10-23 Welcome: First published.", updates.select("main li").get(1).text());

        TestSite.edit(root, "content/pages/index.md", "{day: 2015-10-23, note: First published.}", "{day: 2015-10-23, note: 2015}");
        TestSite.edit(root, "content/pages/index.md", "{day: 2015-10-30, note:", "{day: soon, note:");
        TestSite.edit(root, "content/schemas/page.json", "\"day\": {\"type\": \"string\", \"format\": \"date\"}, \"note\": {\"type\": \"string\"}",
                "\"day\": {}, \"note\": {}");
        TestSite.Run wrong = TestSite.build(root);
        assertEquals("content/pages/index.md:6:29: error: field 'changes[0].note': a change's text must be text, not an integer; put it"
                + " in quotes if it is meant as text\n"
                + "content/pages/index.md:7:11: error: field 'changes[1].day': 'soon' is not a date; a change's day is written"
                + " YYYY-MM-DD, such as 2024-01-31\n2 errors\n", wrong.err());
        assertEquals(1, wrong.exitCode());
    }

    @Test
    void aChangelogSettingThatIsNeitherAFieldNorAMappingIsAConfigError() throws Exception {
        TestSite.edit(root, "content/site.yaml", "changelog: changes", "changelog: [changes]");
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("content/site.yaml:4:12: error: 'changelog' must be a field name, such as 'changelog: changes', or a mapping"
                + " such as 'changelog: {field: changes, date: date, text: text}', not a list\n1 error\n", run.err());

        TestSite.edit(root, "content/site.yaml", "changelog: [changes]", "changelog: {field: changes, date: when, text: when}");
        TestSite.Run same = TestSite.build(root);
        assertEquals("content/site.yaml:4:47: error: 'changelog' names 'when' for both the date and the text of a change; give them"
                + " different keys\n1 error\n", same.err());
    }

    @Test
    void aLinkToADraftIsAnErrorThatSaysSo() throws Exception {
        TestSite.edit(root, "content/people/ann.md", "born: 1970-01-02", "born: 1970-01-02\ndraft: true");
        TestSite.edit(root, "content/people/bob.md", "party: blues", "party: reds");
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("content/pages/index.md:9:6: error: link to '/people/ann/': that page is a draft (draft: true), "
                + "left out of the published site; publish it, or remove the link"), run.err());
        assertEquals(0, TestSite.build(root, "--drafts").exitCode(), "with --drafts the link resolves");
    }
}
