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

        // A schema that does not declare the date leaves it text: the change is not dated, so not listed.
        TestSite.edit(root, "content/schemas/page.json", "\"date\": {\"type\": \"string\", \"format\": \"date\"}", "\"date\": {}");
        TestSite.Run lenient = TestSite.build(root);
        assertEquals(0, lenient.exitCode(), lenient.err());
        Document updates = TestSite.html(root.resolve("site/updates/index.html"));
        assertEquals(1, updates.select("main li").size());
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
