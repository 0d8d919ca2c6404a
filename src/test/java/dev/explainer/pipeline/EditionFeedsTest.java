package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;
import dev.explainer.testing.TestSite.Run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.explainer.pipeline.TranslationsTest.TWO_LANGUAGES;
import static dev.explainer.pipeline.TranslationsTest.translations;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Feeds and other files for machines in a site of two languages, the second written in Eastern
 * Arabic digits: each edition has its own, under its prefix, with ids of its own, and numbers and
 * dates in them stay in the digits 0-9 that their readers parse.
 */
class EditionFeedsTest {
    static String site() throws Exception {
        return TWO_LANGUAGES.replace("{code: ar, name: العربية, direction: rtl}",
                "{code: ar, name: العربية, direction: rtl, digits: arabic-indic}") + translations() + """
                -- content/pages/feed.md --
                ---
                title: Updates
                url: /updates.xml
                template: feed.ftlx
                ---
                -- content/pages/data.md --
                ---
                title: Data
                url: /data.json
                template: data.json.ftl
                ---
                -- content/pages/calendar.md --
                ---
                title: Calendar
                url: /calendar.ics
                template: calendar.ics.ftl
                ---
                -- templates/feed.ftlx --
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${site.language}"><id>${page.permalink}</id><title>${entry.title}</title>
                <#list collections.quotes as q><entry><id>${page.permalink}#${q.id}</id><updated>${q.date?string.iso}</updated><n>${q?index + 1000}</n><c>${(q?index + 1000)?c}</c><day>${q.date?string("d MMMM yyyy")}</day></entry>
                </#list></feed>
                -- templates/data.json.ftl --
                {"count": ${collections.people?size + 1000}, "at": "${collections.quotes[0].date?iso_utc}", "day": "${collections.quotes[0].date}"}
                -- templates/calendar.ics.ftl --
                BEGIN:VCALENDAR
                <#list collections.quotes as q>DTSTART;VALUE=DATE:${q.date?string("yyyyMMdd")} ${q?index + 1000}
                </#list>END:VCALENDAR
                -- templates/people.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.title><h1>${entry.title}</h1><p class="count">${collections.people?size + 1000}</p>
                <#list collections.people as p><a href="${p.href}">${p.name}</a></#list><a href="${href('/updates.xml')}">feed</a>
                <a href="${href('/data.json')}">data</a><a href="${href('/calendar.ics')}">calendar</a></@l.frame>
                """;
    }

    @Test
    void eachEditionHasItsFeedUnderItsPrefixWithItsOwnIdsInLatinDigits(@TempDir Path root) throws Exception {
        TestSite.write(root, site());
        Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar"><id>https://example.org/test/ar/updates.xml</id><title>Updates</title>
                <entry><id>https://example.org/test/ar/updates.xml#ann-hello</id><updated>2015-10-23</updated><n>1000</n><c>1000</c><day>23 أكتوبر 2015</day></entry>
                <entry><id>https://example.org/test/ar/updates.xml#bob-bye</id><updated>2015-10-24</updated><n>1001</n><c>1001</c><day>24 أكتوبر 2015</day></entry>
                </feed>
                """, Files.readString(root.resolve("site/ar/updates.xml")));
        assertEquals("https://example.org/test/updates.xml", TestSite.html(root.resolve("site/updates.xml")).selectFirst("feed > id").text());
        assertEquals("{\"count\": 1002, \"at\": \"2015-10-23\", \"day\": \"23 أكتوبر 2015\"}\n",
                Files.readString(root.resolve("site/ar/data.json")));
        assertEquals("BEGIN:VCALENDAR\r\nDTSTART;VALUE=DATE:20151023 1000\r\nDTSTART;VALUE=DATE:20151024 1001\r\nEND:VCALENDAR\r\n",
                Files.readString(root.resolve("site/ar/calendar.ics")));
        assertEquals("١٠٠٢", TestSite.html(root.resolve("site/ar/people/index.html")).selectFirst(".count").text(),
                "pages for readers keep the edition's digits");
    }
}
