package dev.explainer.render;

import dev.explainer.testing.TestSite;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Interface strings from {@code templates/i18n/LANG.yaml} through {@code t()}, and dates in the site's language. */
class MessagesTest {
    @TempDir
    Path root;

    private static final String MESSAGES = """
            -- templates/i18n/en.yaml --
            menu:
              home: Home & away
            people:
              born: "{0} was born on {1}, one of {2}"
            -- templates/person.ftlh --
            <#import "layout.ftlh" as l><@l.frame title=entry.name><h1>${entry.name}</h1>
            <p class="home">${t('menu.home')}</p>
            <#if entry.born??><p class="born">${t('people.born', entry.name, entry.born, 1200)}</p></#if>
            </@l.frame>
            """;

    @Test
    void aTemplateShowsTheMessageOfItsLanguageEscapedWithItsArgumentsFilledIn() throws Exception {
        TestSite.write(root, TestSite.BASE + MESSAGES);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(root.resolve("site/people/ann/index.html"));
        assertTrue(html.contains("<p class=\"home\">Home &amp; away</p>"), html);
        Document ann = TestSite.html(root.resolve("site/people/ann/index.html"));
        assertEquals("Ann was born on 2 January 1970, one of 1200", ann.select(".born").text());
    }

    @Test
    void aKeyNoMessageFileHasIsAnErrorAtTheTemplateWithTheClosestKey() {
        TestSite.write(root, TestSite.BASE + MESSAGES);
        TestSite.Run run = TestSite.breakWith(root, """
                -- templates/party.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.name>
                <h1>${t('menu.hom')}</h1></@l.frame>
                """);
        assertTrue(run.err().contains("templates/party.ftlh:2:5: error: template error: t: no message file has the key"
                + " 'menu.hom'; did you mean 'menu.home'?"), run.err());
    }

    @Test
    void aPlaceholderWithoutItsArgumentIsAnErrorNamingTheMessageFileLine() {
        TestSite.write(root, TestSite.BASE + MESSAGES);
        TestSite.Run run = TestSite.breakWith(root, """
                -- templates/party.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.name>${t('people.born', 'x')}</@l.frame>
                """);
        assertTrue(run.err().contains("templates/party.ftlh:1:56: error: template error: t: message 'people.born'"
                + " (templates/i18n/en.yaml:4) has {1}, but the template gives 1 argument after the key"), run.err());
    }

    @Test
    void aMessageFileForALanguageTheSiteDoesNotUseIsAnError() {
        TestSite.write(root, TestSite.BASE + MESSAGES);
        TestSite.Run run = TestSite.breakWith(root, """
                -- templates/i18n/fr.yaml --
                menu:
                  home: Accueil
                """);
        assertEquals("templates/i18n/fr.yaml:1:1: error: a message file for 'fr', which is not a language of the site (en);"
                + " rename or remove it\n1 error\n", run.err());
    }

    @Test
    void aMalformedMessageFileIsAnErrorAtItsPlace() {
        TestSite.write(root, TestSite.BASE + MESSAGES);
        TestSite.Run run = TestSite.breakWith(root, """
                -- templates/i18n/en.yaml --
                menu:
                  home: Home
                  more: [a, b]
                  empty:
                people:
                  born: "{0} {1} {2}"
                """);
        assertEquals("""
                templates/i18n/en.yaml:3:3: error: message 'menu.more' is a list; write its text, or a mapping of keys below it
                templates/i18n/en.yaml:4:3: error: message 'menu.empty' is empty; write its text, or a mapping of keys below it
                2 errors
                """, run.err());
        TestSite.write(root, MESSAGES);
        TestSite.Run list = TestSite.breakWith(root, "-- templates/i18n/en.yaml --\n- home\n");
        assertTrue(list.err().startsWith("templates/i18n/en.yaml:1:1: error: a message file must be a mapping of keys to texts,"
                + " such as 'menu: {home: Home}'\n"), list.err());
    }

    @Test
    void withoutMessageFilesTIsAnErrorThatSaysWhereToWriteThem() {
        TestSite.write(root, TestSite.BASE);
        TestSite.Run run = TestSite.breakWith(root, """
                -- templates/party.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.name>${t('menu.home')}</@l.frame>
                """);
        assertTrue(run.err().contains("templates/party.ftlh:1:56: error: template error: t: the site has no message files;"
                + " add templates/i18n/en.yaml with the key 'menu.home'"), run.err());
    }

    @Test
    void anEditedMessageFileRendersThePagesAgainInARebuild() throws Exception {
        TestSite.write(root, TestSite.BASE + MESSAGES);
        dev.explainer.pipeline.SiteBuilder builder = dev.explainer.pipeline.SiteBuilder.forRebuilds();
        dev.explainer.pipeline.BuildResult first = builder.run(dev.explainer.pipeline.BuildOptions.check(root),
                dev.explainer.load.ChangedFiles.exactly(java.util.Set.of()));
        assertEquals(6, first.rendered().size(), first.diagnostics().toString());
        TestSite.edit(root, "templates/i18n/en.yaml", "Home & away", "Start");
        dev.explainer.pipeline.BuildResult after = builder.run(dev.explainer.pipeline.BuildOptions.check(root),
                dev.explainer.load.ChangedFiles.exactly(java.util.Set.of("templates/i18n/en.yaml")));
        assertEquals(6, after.rendered().size(), "every page may call t()");
        String ann = after.files().stream().filter(f -> f.path().equals("people/ann/index.html")).findFirst()
                .map(f -> new String(((dev.explainer.output.OutputFile.Generated) f).bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .orElseThrow();
        assertTrue(ann.contains("<p class=\"home\">Start</p>"), ann);
    }

    private static final String ARABIC_DATES = """
            -- templates/person.ftlh --
            <#import "layout.ftlh" as l><@l.frame title=entry.name><h1>${entry.name}</h1>
            <#if entry.born??><p class="born">${entry.born}</p>
            <p class="day">${entry.born?string("@lang EEEE d MMMM yyyy")}</p>
            <p class="short">${entry.born?string("@lang d MMM yy 'at' yyyy")}</p></#if>
            </@l.frame>
            """;

    @Test
    void datesAreWrittenWithTheEnginesMonthAndWeekdayNamesOfTheSitesLanguage() throws Exception {
        TestSite.write(root, TestSite.BASE + ARABIC_DATES);
        TestSite.edit(root, "content/site.yaml", "base_url:", "language: ar\nbase_url:");
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        Document ann = TestSite.html(root.resolve("site/people/ann/index.html"));
        assertEquals("2 يناير 1970", ann.select(".born").text());
        assertEquals("الجمعة 2 يناير 1970", ann.select(".day").text());
        assertEquals("2 يناير 70 at 1970", ann.select(".short").text());

        TestSite.edit(root, "content/site.yaml", "language: ar", "language: ru");
        assertEquals(0, TestSite.build(root).exitCode());
        ann = TestSite.html(root.resolve("site/people/ann/index.html"));
        assertEquals("2 января 1970", ann.select(".born").text(), "a month after its day in the genitive");
        assertEquals("пятница 2 января 1970", ann.select(".day").text());

        TestSite.edit(root, "content/site.yaml", "language: ru", "language: tr");
        assertEquals(0, TestSite.build(root).exitCode());
        assertEquals("Cuma 2 Ocak 1970", TestSite.html(root.resolve("site/people/ann/index.html")).select(".day").text());
    }

    @Test
    void aLetterNoLanguageTableWritesIsATemplateErrorInWords() {
        TestSite.write(root, TestSite.BASE);
        TestSite.Run run = TestSite.breakWith(root, """
                -- templates/party.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.name>${"2015-10-23"?date("yyyy-MM-dd")?string("@lang d MMMM G")}</@l.frame>
                """);
        assertTrue(run.err().contains("the letter 'G' is not one a date in any language can be written with; use y (year),"), run.err());
    }

    @Test
    void theSameBytesInEveryDefaultLocaleAndTimeZone() throws Exception {
        TestSite.write(root, TestSite.BASE + ARABIC_DATES + MESSAGES.substring(0, MESSAGES.indexOf("-- templates/person.ftlh")).replace("en.yaml", "ar.yaml"));
        TestSite.edit(root, "content/site.yaml", "base_url:", "language: ar\nbase_url:");
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        Map<String, byte[]> first = null;
        try {
            int run = 0;
            for (String[] setting : new String[][] {{"en-US", "UTC"}, {"ar-EG", "America/Los_Angeles"}, {"th-TH", "Pacific/Kiritimati"},
                    {"tr-TR", "Asia/Tehran"}, {"ru-RU", "Pacific/Pago_Pago"}}) {
                Locale.setDefault(Locale.forLanguageTag(setting[0]));
                TimeZone.setDefault(TimeZone.getTimeZone(setting[1]));
                Path out = root.resolve("out" + run++);
                assertEquals(0, TestSite.build(root, "--out", out.toString()).exitCode());
                Map<String, byte[]> files = TestSite.snapshot(out);
                if (first == null) {
                    first = files;
                    assertEquals("2 يناير 1970", TestSite.html(out.resolve("people/ann/index.html")).select(".born").text());
                } else {
                    assertEquals(first.keySet(), files.keySet());
                    Map<String, byte[]> expected = first;
                    files.forEach((path, bytes) -> assertArrayEquals(expected.get(path), bytes, path + " under " + String.join(" ", setting)));
                }
            }
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }
}
