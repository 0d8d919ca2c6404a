package dev.explainer.render;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Dates show in the proleptic Gregorian calendar (that of ISO 8601 and java.time) however a
 * template formats them, in the site's language, whatever the machine's locale and time zone
 * (the tests run in tr_TR and Pacific/Kiritimati).
 */
class CalendarTest {
    @TempDir
    Path root;

    /** How Ann's page shows her date of birth, {@code born}, in each way a template can format it. */
    private String born(String born, String siteLanguage) throws Exception {
        TestSite.write(root, TestSite.BASE + """
                -- content/people/ann.md --
                ---
                name: Ann
                party: reds
                born: %s
                ---
                Ann.
                -- templates/person.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.name><h1>${entry.name}</h1>
                <#if entry.born??><p class="born">${entry.born} | ${entry.born?string.iso} | ${entry.born?string("EEEE d MMMM yyyy G")}
                | ${entry.born?string.long} | ${json(entry.born)}</p></#if>
                </@l.frame>
                """.formatted(born));
        TestSite.edit(root, "content/site.yaml", "base_url:", "language: " + siteLanguage + "\nbase_url:");
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        return TestSite.html(root.resolve("site/people/ann/index.html")).select(".born").text();
    }

    @Test
    void aDateBeforeTheGregorianReformIsNotShownAsItsJulianDate() throws Exception {
        assertEquals("1 March 1500 | 1500-03-01 | Thursday 1 March 1500 AD | March 1, 1500 | \"1500-03-01\"", born("1500-03-01", "en"));
        assertEquals("10 October 1582 | 1582-10-10 | Sunday 10 October 1582 AD | October 10, 1582 | \"1582-10-10\"",
                born("1582-10-10", "en"), "a day the Julian calendar skipped");
    }

    @Test
    void theFirstYears() throws Exception {
        assertEquals("1 January 0001 | 0001-01-01 | Monday 1 January 0001 AD | January 1, 1 | \"0001-01-01\"", born("0001-01-01", "en"));
        assertEquals("31 December 0001 | 0000-12-31 | Sunday 31 December 0001 BC | December 31, 1 | \"0000-12-31\"",
                born("0000-12-31", "en"), "year 0 is 1 BC");
    }

    @Test
    void inTheSitesLanguage() throws Exception {
        assertEquals("1 März 1500 | 1500-03-01 | Donnerstag 1 März 1500 n. Chr. | 1. März 1500 | \"1500-03-01\"", born("1500-03-01", "de"));
        assertEquals("23 October 2015 | 2015-10-23 | Friday 23 October 2015 AD | October 23, 2015 | \"2015-10-23\"",
                born("2015-10-23", "en"));
    }
}
