package dev.explainer.pipeline;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.load.ChangedFiles;
import dev.explainer.load.ContentLoader;
import dev.explainer.load.LoadedSite;
import dev.explainer.validate.Validator;
import dev.explainer.testing.TestSite;
import dev.explainer.testing.TestSite.Run;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Translations beside their originals ({@code people/ann.ar.md}, {@code parties.ar.yaml}) in a
 * site of two languages, one written right to left: what the build accepts, refuses and warns of.
 */
class TranslationsTest {
    /** {@link TestSite#BASE} in English and Arabic, people and parties translating their names. */
    static final String TWO_LANGUAGES = TestSite.BASE + """
            -- content/site.yaml --
            title: Test site
            base_url: https://example.org/test/
            languages:
              - {code: en, name: English, original: true}
              - {code: ar, name: العربية, direction: rtl}
            menu:
              - {title: Home, url: /}
              - {title: People, url: /people/}
            collections:
              pages:
                folder: pages
                schema: schemas/page.json
                url: /{id}/
                template: page.ftlh
                url_field: url
                template_field: template
              people:
                folder: people
                schema: schemas/person.json
                references: {party: parties}
                url: /people/{id}/
                template: person.ftlh
                translate: [name]
              parties:
                file: parties.yaml
                schema: schemas/party.json
                url: /parties/{id}/
                template: party.ftlh
                translate: [name]
              topics:
                file: topics.yaml
                schema: schemas/topic.json
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
            """;

    /** The hash of the canonical JSON of an original's translated fields and body, as DESIGN16 fixes it, worked out here by hand. */
    static String hash(String canonicalJson) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalJson.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 10);
    }

    static final String ANN = "{\"body\":\"Ann is *red*.\\n\",\"fields\":{\"name\":\"Ann\"}}";
    static final String REDS = "{\"body\":\"\",\"fields\":{\"name\":\"The Reds\"}}";

    static String translations() throws Exception {
        return """
                -- content/people/ann.ar.md --
                ---
                translates: %s
                name: آن
                party: reds
                ---
                آن من *الحمر*.
                -- content/parties.ar.yaml --
                - id: reds
                  translates: %s
                  name: الحمر
                """.formatted(hash(ANN), hash(REDS));
    }

    @Test
    void currentTranslationsBuildWithoutAWord(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES + translations());
        Run run = TestSite.build(root, "--strict");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
    }

    @Test
    void aTranslationBehindItsOriginalIsAWarningAtItsTranslatesLine(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES + translations());
        TestSite.edit(root, "content/people/ann.md", "Ann is *red*.", "Ann is *very* red.");
        String now = hash("{\"body\":\"Ann is *very* red.\\n\",\"fields\":{\"name\":\"Ann\"}}");
        String warning = "content/people/ann.ar.md:2:13: warning: this translation into 'ar' is behind its original,"
                + " content/people/ann.md, which has changed since it was translated (it translates version " + hash(ANN)
                + ", the original is now at " + now + "); bring it up to date, then run 'explainer translated ar people ann' to record that";
        Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(warning + "\n0 errors, 1 warning\n", run.err());

        Run strict = TestSite.build(root, "--strict");
        assertEquals(1, strict.exitCode(), strict.err());
        assertEquals(warning.replace(": warning: ", ": error: ") + " (--strict)\n1 error\n", strict.err());
    }

    @Test
    void aChangeToAFieldThatIsNotTranslatedLeavesTheTranslationCurrent(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES + translations());
        TestSite.edit(root, "content/people/ann.md", "born: 1970-01-02", "born: 1970-01-03");
        Run run = TestSite.build(root, "--strict");
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void aTranslationThatDoesNotSayWhatItTranslatesIsAWarningAtItsStart(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES + translations().replaceFirst("  translates: \\w+\n", ""));
        Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("content/parties.ar.yaml:1:7: warning: this translation into 'ar' does not say which version of its original,"
                + " content/parties.yaml:1:7, it translates; once it is up to date, run 'explainer translated ar parties reds' to record"
                + " that (it adds 'translates: " + hash(REDS) + "')\n0 errors, 1 warning\n", run.err());
    }

    @Test
    void aTranslationThatContradictsAReferenceOfItsOriginalIsRefusedAtTheField(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES);
        TestSite.build(root);
        Run run = TestSite.breakWith(root, translations().replace("party: reds", "party: blues"));
        assertEquals("content/people/ann.ar.md:4:8: error: field 'party' is not translated (collection 'people' translates name):"
                + " every edition takes it from the original, content/people/ann.md, where it is 'reds'; remove it from this"
                + " translation\n1 error\n", run.err());
    }

    @Test
    void aTranslationOfNoEntryAndOneInAnUndeclaredLanguageAreRefused(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES + translations());
        Run run = TestSite.breakWith(root, """
                -- content/people/zed.ar.md --
                ---
                name: زد
                ---
                -- content/people/ann.fr.md --
                ---
                name: Anne
                ---
                -- content/people/ann.en.md --
                ---
                name: Ann
                ---
                -- content/parties.tr.yaml --
                - id: reds
                  name: Kırmızılar
                -- content/parties.ar.yaml --
                - id: reds
                  name: الحمر
                  translates: %s
                - id: greens
                  name: الخضر
                """.formatted(hash(REDS)));
        assertEquals("""
                content/parties.ar.yaml:4:7: error: this item translates entry 'greens' of collection 'parties', but content/parties.yaml has no entry with id 'greens'; fix the id, or remove the item
                content/parties.tr.yaml:1:1: error: this file is named as a translation of parties.yaml into 'tr', but the site declares no language 'tr' (its translations are into ar); rename the file, or declare the language in 'languages' of the site config
                content/people/ann.en.md:1:1: error: this file is named as a translation of entry 'ann' into 'en', but 'en' is the site's original language, which the entry's own file is written in; remove this file, or rename it for a language it translates into (ar)
                content/people/ann.fr.md:1:1: error: this file is named as a translation of entry 'ann' into 'fr', but the site declares no language 'fr' (its translations are into ar); rename the file, or declare the language in 'languages' of the site config
                content/people/zed.ar.md:1:1: error: this file translates entry 'zed' of collection 'people', but there is no such entry (no content/people/zed.md); rename it after the entry it translates, or remove it
                5 errors
                """, run.err());
    }

    @Test
    void aTranslationMayGiveOnlyFieldsTheSchemaDeclares(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES);
        Run run = TestSite.breakWith(root, translations().replace("name: آن", "nmae: آن"));
        assertEquals("content/people/ann.ar.md:3:1: error: field 'nmae' is not a field of collection 'people': its schema"
                + " content/schemas/person.json does not declare it; did you mean 'name'?\n1 error\n", run.err());
    }

    @Test
    void translatedFieldsMustBeFieldsOfTheSchema(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES);
        Run run = TestSite.breakWith(root, "-- content/site.yaml --\n"
                + TestSite.replaced(TWO_LANGUAGES.substring(TWO_LANGUAGES.lastIndexOf("-- content/site.yaml --\n") + 24),
                "translate: [name]\n  parties", "translate: [nam]\n  parties"));
        assertEquals("content/site.yaml:23:17: error: collection 'people': 'translate' names field 'nam', which its schema"
                + " content/schemas/person.json does not declare; did you mean 'name'?\n1 error\n", run.err());
    }

    @Test
    void theTranslatedCommandRecordsTheOriginalsVersionAndTheWarningGoes(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES + translations().replaceAll("(?m)^ *translates: \\w+\n", ""));
        Run ann = TestSite.cli("translated", "ar", "people", "ann", "--source", root.toString());
        assertEquals(0, ann.exitCode(), ann.err());
        assertEquals("content/people/ann.ar.md:2: now translates " + hash(ANN) + ", the version of content/people/ann.md as it is now\n",
                ann.out());
        Run reds = TestSite.cli("translated", "ar", "parties", "reds", "--source", root.toString());
        assertEquals("content/parties.ar.yaml:2: now translates " + hash(REDS) + ", the version of content/parties.yaml:1:7 as it is"
                + " now\n", reds.out());
        assertEquals("- id: reds\n  translates: " + hash(REDS) + "\n  name: الحمر\n",
                Files.readString(root.resolve("content/parties.ar.yaml")));
        Run quiet = TestSite.build(root, "--strict");
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertEquals("", quiet.err());

        TestSite.edit(root, "content/people/ann.md", "Ann is *red*.", "Ann is *very* red.");
        assertEquals(0, TestSite.build(root).exitCode());
        assertEquals(1, TestSite.build(root, "--strict").exitCode(), "the original changed: the translation is behind");
        Run again = TestSite.cli("translated", "ar", "people", "ann", "--source", root.toString());
        String now = hash("{\"body\":\"Ann is *very* red.\\n\",\"fields\":{\"name\":\"Ann\"}}");
        assertEquals("content/people/ann.ar.md:2: now translates " + now + ", the version of content/people/ann.md as it is now\n",
                again.out());
        assertEquals("---\ntranslates: " + now + "\nname: آن\nparty: reds\n---\nآن من *الحمر*.\n",
                Files.readString(root.resolve("content/people/ann.ar.md")));
        assertEquals("", TestSite.build(root, "--strict").err());
        Run unchanged = TestSite.cli("translated", "ar", "people", "ann", "--source", root.toString());
        assertEquals("content/people/ann.ar.md:2: already translates " + now + ", the version of content/people/ann.md as it is now\n",
                unchanged.out());
    }

    @Test
    void theTranslatedCommandNamesWhatItCannotFind(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES + translations());
        Run language = TestSite.cli("translated", "fr", "people", "ann", "--source", root.toString());
        assertEquals(2, language.exitCode());
        assertEquals("explainer translated: 'fr' is not a language the site translates into; it translates into ar\n", language.err());
        Run missing = TestSite.cli("translated", "ar", "people", "bob", "--source", root.toString());
        assertEquals(2, missing.exitCode());
        assertEquals("explainer translated: there is no translation of people/bob into 'ar' (content/people/bob.ar.md); write it"
                + " first, then run this command\n", missing.err());
        Run item = TestSite.cli("translated", "ar", "parties", "blues", "--source", root.toString());
        assertEquals("explainer translated: there is no translation of parties/blues into 'ar' (content/parties.ar.yaml, an item"
                + " with id 'blues'); write it first, then run this command\n", item.err());
        Run entry = TestSite.cli("translated", "ar", "people", "zed", "--source", root.toString());
        assertEquals("explainer translated: collection 'people' has no entry 'zed'\n", entry.err());
    }

    @Test
    void aRebuildToldOfAnEditToTheOriginalOrItsTranslationReportsWhatAFreshBuildWould(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES + translations());
        SiteBuilder builder = SiteBuilder.forRebuilds();
        assertEquals(List.of(), builder.run(BuildOptions.check(root)).diagnostics());

        TestSite.edit(root, "content/people/ann.md", "Ann is *red*.", "Ann is *very* red.");
        List<Diagnostic> behind = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/people/ann.md")))
                .diagnostics();
        assertEquals(List.of("content/people/ann.ar.md:2:13"), behind.stream().map(d -> d.path() + ":" + d.line() + ":" + d.column())
                .toList());
        assertEquals(behind, new SiteBuilder().run(BuildOptions.check(root)).diagnostics());

        String now = hash("{\"body\":\"Ann is *very* red.\\n\",\"fields\":{\"name\":\"Ann\"}}");
        TestSite.edit(root, "content/people/ann.ar.md", hash(ANN), now);
        assertEquals(List.of(), builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/people/ann.ar.md")))
                .diagnostics());
        TestSite.edit(root, "content/people/ann.ar.md", "party: reds", "party: blues");
        List<Diagnostic> contradicted = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/people/ann.ar.md")))
                .diagnostics();
        assertEquals(new SiteBuilder().run(BuildOptions.check(root)).diagnostics(), contradicted);
        assertEquals(1, contradicted.size());
    }

    @Test
    void aTranslatedFieldIsCheckedByTheSchemaAtTheTranslation(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES);
        Run run = TestSite.breakWith(root, translations().replace("name: آن", "name: [آن]"));
        assertEquals("content/people/ann.ar.md:3:7: error: field 'name': array found, string expected\n1 error\n", run.err());
    }

    @Test
    void eachTranslationIsTheOriginalWithItsTranslatedFieldsAndBodyInPlace(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES + translations());
        TestSite.edit(root, "content/parties.yaml", "name: The Reds", "name: The Red Party");
        LoadedSite site = new ContentLoader().load(root).site().orElseThrow();
        Validator.Result validated = new Validator().validate(site);
        assertEquals(List.of("ar people/ann fresh {name=آن, party=reds, born=1970-01-02} آن من *الحمر*.\n",
                        "ar parties/reds stale {name=الحمر} "),
                validated.translations().stream().map(t -> t.language() + " " + t.entry().key() + " " + (t.stale() ? "stale" : "fresh")
                        + " " + t.entry().data() + " " + t.entry().raw().body().map(b -> b.markdown()).orElse("")).toList());
    }

    @Test
    void anOriginalThatCannotBeReadIsReportedOnceAndNotAsMissing(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES + translations());
        Run run = TestSite.breakWith(root, """
                -- content/people/ann.md --
                ---
                name: Ann
                """);
        assertEquals("content/people/ann.md:1:1: error: front matter is not closed: add a line '---' after its last field\n1 error\n",
                run.err());
    }

    @Test
    void theTranslatedCommandKeepsTheFilesLineEndsAndEverythingElse(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES);
        String written = "---\r\nname: آن # the translator's note\r\n---\r\nآن من *الحمر*.\r\n";
        Files.writeString(root.resolve("content/people/ann.ar.md"), written);
        Run run = TestSite.cli("translated", "ar", "people", "ann", "--source", root.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("---\r\ntranslates: " + hash(ANN) + "\r\nname: آن # the translator's note\r\n---\r\nآن من *الحمر*.\r\n",
                Files.readString(root.resolve("content/people/ann.ar.md")));
        Files.writeString(root.resolve("content/people/ann.ar.md"), "---\r\ntranslates: '0000000000' # old\r\nname: آن\r\n---\r\n");
        TestSite.cli("translated", "ar", "people", "ann", "--source", root.toString());
        assertEquals("---\r\ntranslates: " + hash(ANN) + " # old\r\nname: آن\r\n---\r\n",
                Files.readString(root.resolve("content/people/ann.ar.md")));
    }

    @Test
    void eachEditionHasEveryPageUnderItsPrefixWithItsTranslationsOrTheOriginalsText(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES + translations());
        Run run = TestSite.build(root, "--strict");
        assertEquals(0, run.exitCode(), run.err());
        Document original = TestSite.html(root.resolve("site/people/ann/index.html"));
        assertEquals("en", original.selectFirst("html").attr("lang"));
        assertEquals("Ann", original.selectFirst("h1").text());

        Document arabic = TestSite.html(root.resolve("site/ar/people/ann/index.html"));
        assertEquals("ar", arabic.selectFirst("html").attr("lang"));
        assertEquals("آن", arabic.selectFirst("h1").text());
        assertEquals("آن من الحمر.", arabic.selectFirst(".body").text());
        assertEquals("الحمر", arabic.selectFirst(".party a").text(), "a reference shows the entry of the same edition");
        assertEquals("../../../ar/parties/reds/index.html", arabic.selectFirst(".party a").attr("href"), "links stay in the edition");
        assertEquals("../../../ar/people/index.html", arabic.select("nav a").get(1).attr("href"), "the menu too");
        String stylesheet = arabic.selectFirst("link[rel=stylesheet]").attr("href");
        assertEquals("../" + original.selectFirst("link[rel=stylesheet]").attr("href"), stylesheet, "assets are shared");
        assertTrue(Files.isRegularFile(root.resolve("site/ar/people/ann/").resolve(stylesheet).normalize()));

        Document untranslated = TestSite.html(root.resolve("site/ar/people/bob/index.html"));
        assertEquals("Bob", untranslated.selectFirst("h1").text(), "an entry not yet translated shows the original's text");
        Document home = TestSite.html(root.resolve("site/ar/index.html"));
        assertEquals("../ar/people/ann/index.html", home.selectFirst("main a").attr("href"), "a body's link stays in the edition");
    }

    @Test
    void anEditionWhosePagesWouldOverwriteTheOriginalsIsRefusedAtItsLanguage(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES);
        Run run = TestSite.breakWith(root, """
                -- content/pages/ar.md --
                ---
                title: A page whose address is the prefix
                ---
                """);
        assertEquals("content/site.yaml:5:5: error: the 'ar' edition's page / would be written to ar/index.html, where the"
                + " original's page /ar/ is; give language 'ar' a prefix no page of the original starts with\n1 error\n", run.err());
    }

    @Test
    void everyPageKnowsItselfInEveryEditionAndItsDirection(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES + translations() + """
                -- templates/layout.ftlh --
                <#macro frame title><!DOCTYPE html>
                <html lang="${site.language}" dir="${site.direction}"><head><meta charset="utf-8"><title>${title}</title>
                <#list site.languages as l><link rel="alternate" hreflang="${l.code}" href="${l.permalink}"></#list></head>
                <body><nav><#list site.languages as l><a href="${l.href}" lang="${l.code}" dir="${l.direction}"<#if l.current> aria-current="true"</#if>>${l.name}</a></#list></nav>
                <main><#nested></main></body></html></#macro>
                """);
        Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        Document arabic = TestSite.html(root.resolve("site/ar/people/ann/index.html"));
        assertEquals("rtl", arabic.selectFirst("html").attr("dir"));
        assertEquals(List.of("en https://example.org/test/people/ann/", "ar https://example.org/test/ar/people/ann/"),
                arabic.select("link[rel=alternate]").stream().map(l -> l.attr("hreflang") + " " + l.attr("href")).toList());
        assertEquals(List.of("../../../people/ann/index.html en ltr English false", "../../../ar/people/ann/index.html ar rtl العربية true"),
                arabic.select("nav a").stream().map(a -> a.attr("href") + " " + a.attr("lang") + " " + a.attr("dir") + " " + a.text()
                        + " " + a.hasAttr("aria-current")).toList());
        Document english = TestSite.html(root.resolve("site/people/ann/index.html"));
        assertEquals("ltr", english.selectFirst("html").attr("dir"));
        assertEquals("../../ar/people/ann/index.html", english.select("nav a").get(1).attr("href"));
    }

    @Test
    void eachEditionShowsItsOwnMessagesAndWritesDatesInItsLanguageAndDigits(@TempDir Path root) throws Exception {
        TestSite.write(root, TWO_LANGUAGES.replace("{code: ar, name: العربية, direction: rtl}",
                "{code: ar, name: العربية, direction: rtl, digits: arabic-indic}") + translations() + """
                -- templates/i18n/en.yaml --
                person: {born: "Born {0}"}
                -- templates/i18n/ar.yaml --
                person: {born: "وُلدت في {0}"}
                -- templates/person.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.name><h1>${entry.name}</h1>
                <#if entry.born??><p class="born">${t('person.born', entry.born)}</p></#if>
                <p class="party"><a href="${entry.party.href}">${entry.party.name}</a></p><div class="body">${entry.content}</div>
                </@l.frame>
                """);
        Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Born 2 January 1970", TestSite.html(root.resolve("site/people/ann/index.html")).selectFirst(".born").text());
        assertEquals("وُلدت في ٢ يناير ١٩٧٠", TestSite.html(root.resolve("site/ar/people/ann/index.html")).selectFirst(".born").text(),
                "the Arabic edition's message, with the date in Arabic and in Eastern Arabic digits");
    }
}
