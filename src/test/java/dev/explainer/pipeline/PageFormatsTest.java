package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages that are not HTML: JSON, plain text and iCalendar files, per entry and for the site, each
 * made by a template that escapes for its format, left out of the sitemap and the HTML checks;
 * and a template that does not suit its page's URL refused.
 */
class PageFormatsTest {
    @TempDir
    Path root;

    /** The base site with a JSON list of people, a humans.txt, and a calendar file per meeting at a dated URL. */
    static final String SITE = TestSite.replaced(TestSite.BASE, "    url: /people/#{id}\n    sort: [date]\n", """
                url: /people/#{id}
                sort: [date]
              meetings:
                file: meetings.yaml
                schema: schemas/meeting.json
                url: /meetings/{date:yyyy}/{id}.ics
                template: meeting.ics.ftl
            """) + """
            -- content/schemas/meeting.json --
            {"type": "object",
             "properties": {"title": {"type": "string"}, "date": {"type": "string", "format": "date"}, "notes": {"type": "string"}},
             "required": ["title", "date"], "additionalProperties": false}
            -- content/meetings.yaml --
            - id: second-round
              title: "Talks; round 2, in the \\"old\\" hall"
              date: 2015-11-14
              notes: "Delegations from every party of the first round, and observers from the neighbouring states, met again."
            -- content/pages/people-list.md --
            ---
            title: Everyone, "quoted" \\ escaped
            url: /people.json
            template: people.json.ftl
            ---
            -- content/pages/humans.md --
            ---
            title: Humans & <friends>
            url: /humans.txt
            template: humans.txt.ftl
            ---
            -- templates/people.json.ftl --
            {"title": "${entry.title}",
             "people": [<#list collections.people as p>{"name": "${p.name}", "url": "${p.permalink}"}<#sep>, </#list>],
             "dates": ${json(collections.quotes?map(q -> q.date))}}
            -- templates/humans.txt.ftl --
            ${entry.title}
            <#list collections.people as p>
            ${p.name} <${p.permalink}>
            </#list>
            -- templates/meeting.ics.ftl --
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Example//Test site//EN
            BEGIN:VEVENT
            UID:${entry.id}@example.org
            DTSTAMP:${entry.date?string("yyyyMMdd")}T000000Z
            DTSTART;VALUE=DATE:${entry.date?string("yyyyMMdd")}
            SUMMARY:${entry.title}
            <#if entry.notes??>
            DESCRIPTION:${entry.notes}
            </#if>
            URL:${entry.permalink}
            END:VEVENT
            END:VCALENDAR
            """;

    private String read(String path) throws Exception {
        return Files.readString(root.resolve("site/" + path));
    }

    @Test
    void aJsonPageEscapesTextInsideItsStringsAndJsonWritesValues() throws Exception {
        TestSite.write(root, SITE);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode people = new ObjectMapper().readTree(read("people.json"));
        assertEquals("Everyone, \"quoted\" \\ escaped", people.get("title").asText());
        assertEquals("https://example.org/test/people/ann/", people.get("people").get(0).get("url").asText());
        assertEquals("[\"2015-10-23\",\"2015-10-24\"]", people.get("dates").toString());
    }

    @Test
    void aPlainTextPageIsNotEscaped() throws Exception {
        TestSite.write(root, SITE);
        assertEquals(0, TestSite.build(root).exitCode());
        assertEquals("Humans & <friends>\nAnn <https://example.org/test/people/ann/>\nBob <https://example.org/test/people/bob/>\n",
                read("humans.txt"));
    }

    @Test
    void aCalendarFileEscapesTextAndHasTheLinesRfc5545Asks() throws Exception {
        TestSite.write(root, SITE);
        assertEquals(0, TestSite.build(root).exitCode());
        assertEquals("""
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Example//Test site//EN\r
                BEGIN:VEVENT\r
                UID:second-round@example.org\r
                DTSTAMP:20151114T000000Z\r
                DTSTART;VALUE=DATE:20151114\r
                SUMMARY:Talks\\; round 2\\, in the "old" hall\r
                DESCRIPTION:Delegations from every party of the first round\\, and observers\r
                  from the neighbouring states\\, met again.\r
                URL:https://example.org/test/meetings/2015/second-round.ics\r
                END:VEVENT\r
                END:VCALENDAR\r
                """, read("meetings/2015/second-round.ics"));
    }

    @Test
    void pagesThatAreNotHtmlAreLeftOutOfTheSitemapAndTheLinkChecks() throws Exception {
        TestSite.write(root, SITE);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        String sitemap = read("sitemap.xml");
        assertTrue(sitemap.contains("/test/people/ann/"), sitemap);
        assertFalse(sitemap.contains("people.json") || sitemap.contains("humans.txt") || sitemap.contains(".ics"), sitemap);
        assertFalse(run.err().contains("people.json") || run.err().contains("humans.txt") || run.err().contains(".ics"),
                "no page links to them, and no warning says so: " + run.err());
    }

    @Test
    void aTemplateThatDoesNotSuitItsPagesUrlIsAnErrorWithTheFix() {
        TestSite.write(root, SITE);
        assertEquals("""
                content/pages/people-list.md:4:11: error: URL /people.json makes a JSON file, but template 'people.ftlh' escapes \
                for HTML; use a template whose name ends in '.json.ftl', such as 'people.json.ftl'
                1 error
                """, TestSite.breakWith(root, """
                -- content/pages/people-list.md --
                ---
                title: Everyone
                url: /people.json
                template: people.ftlh
                ---
                """).err());
        TestSite.write(root, SITE);
        assertEquals("""
                content/site.yaml:44:10: error: collection 'meetings': url pattern '/meetings/{date:yyyy}/{id}.html' makes an HTML \
                page, but template 'meeting.ics.ftl' escapes for iCalendar text; use a template whose name ends in '.ftlh', such as \
                'meeting.ftlh'
                1 error
                """, TestSite.breakWith(root, TestSite.replaced(SITE, "{id}.ics", "{id}.html")).err());
        TestSite.write(root, SITE);
        assertEquals("""
                content/site.yaml:44:10: error: collection 'meetings': url pattern '/meetings/{date:yyyy}/{id}.json' makes a JSON \
                file, but template 'meeting.ics.ftl' escapes for iCalendar text; use a template whose name ends in '.json.ftl', \
                such as 'meeting.json.ftl'
                1 error
                """, TestSite.breakWith(root, TestSite.replaced(SITE, "{id}.ics", "{id}.json")).err());
        TestSite.write(root, SITE);
        assertEquals("""
                content/pages/humans.md:4:11: error: URL /humans.html makes an HTML page, but template 'humans.txt.ftl' does not \
                escape (plain text); use a template whose name ends in '.ftlh', such as 'humans.ftlh'
                1 error
                """, TestSite.breakWith(root, TestSite.replaced(SITE, "url: /humans.txt", "url: /humans.html")).err());
    }

    @Test
    void aJsonPageThatDoesNotParseIsAnErrorAtItsTemplate() {
        TestSite.write(root, SITE);
        assertEquals("""
                templates/people.json.ftl:1:1: error: page /people.json is not valid JSON: Unrecognized token 'Everyone': was \
                expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false') at line 1, column 20 of the page; \
                print text inside quotes ("${entry.title}") and lists and hashes with ${json(...)} (rendering /people.json from \
                content/pages/people-list.md)
                1 error
                """, TestSite.breakWith(root, TestSite.replaced(SITE, "{\"title\": \"${entry.title}\",", "{\"title\": ${entry.title},"))
                .err());
    }

    @Test
    void aJsonPageWithMoreThanOneValueOrNestedTooDeepIsAnErrorInWords() {
        TestSite.write(root, SITE);
        assertEquals("""
                templates/people.json.ftl:1:1: error: page /people.json is not valid JSON: more follows its first value (a JSON file \
                is one value, such as one {...}) at line 3, column 40 of the page; print text inside quotes ("${entry.title}") and \
                lists and hashes with ${json(...)} (rendering /people.json from content/pages/people-list.md)
                1 error
                """, TestSite.breakWith(root, TestSite.replaced(SITE, "q.date))}}", "q.date))}} {}")).err());
        TestSite.write(root, SITE);
        assertEquals("""
                templates/people.json.ftl:1:1: error: page /people.json is not valid JSON: its lists and hashes are nested more than \
                1000 deep; print text inside quotes ("${entry.title}") and lists and hashes with ${json(...)} (rendering /people.json from content/pages/people-list.md)
                1 error
                """, TestSite.breakWith(root, TestSite.replaced(SITE, "{\"title\": \"${entry.title}\",",
                "<#list 1..2000 as i>[</#list>{\"title\": \"${entry.title}\",")).err());
    }

    @Test
    void aControlCharacterInAPlainTextPageIsAnErrorWhereItIsPrinted() {
        TestSite.write(root, SITE);
        assertEquals("""
                templates/humans.txt.ftl:1:15: error: template error: the text holds the control character U+0007, which a \
                plain-text file may not hold; remove it (rendering /humans.txt from content/pages/humans.md)
                1 error
                """, TestSite.breakWith(root, TestSite.replaced(SITE, "${entry.title}\n<#list", "${entry.title}${\"\\x07\"}\n<#list"))
                .err());
    }
}
