package dev.explainer.config;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.text.SourceFile;
import dev.explainer.yaml.YamlParser;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code languages}, {@code translations} and {@code collections.NAME.translate} of the site config. */
class LanguagesConfigTest {
    private static ConfigParser.Result parse(String yaml) {
        return new ConfigParser(new YamlParser()).parse(new SourceFile("content/site.yaml", yaml));
    }

    private static List<String> problems(String yaml) {
        return parse(yaml).diagnostics().stream().map(Diagnostic::format).toList();
    }

    private static final String COLLECTIONS = """
            collections:
              parties:
                folder: parties
                schema: s.json
                references: {ally: parties}
                url: /parties/{id}/
                template: party.ftlh
                translate: [name, summary]
            """;

    @Test
    void theOriginalIsAtTheRootAndEveryOtherLanguageUnderItsCode() {
        SiteConfig config = parse("""
                title: T
                base_url: https://example.org/
                languages:
                  - {code: en, name: English, original: true}
                  - {code: ar, name: العربية, direction: rtl, digits: arabic-indic}
                  - {code: pt-BR, name: Português, prefix: /portugues/}
                translations: {missing: fallback}
                """ + COLLECTIONS).config().orElseThrow();
        assertEquals(List.of(
                new Language("en", "English", "ltr", "", true, "latn", config.languages().get(0).position()),
                new Language("ar", "العربية", "rtl", "/ar/", false, "arabic-indic", config.languages().get(1).position()),
                new Language("pt-BR", "Português", "ltr", "/portugues/", false, "latn", config.languages().get(2).position())),
                config.languages());
        assertEquals("en", config.language(), "the original's code is the site's language");
        assertEquals(false, config.translations().omitMissing());
        assertEquals(List.of("name", "summary"),
                config.collection("parties").orElseThrow().translate().stream().map(CollectionConfig.EntryField::field).toList());
    }

    @Test
    void aSiteWithoutLanguagesFallsBackAndTranslatesNothing() {
        SiteConfig config = parse("""
                title: T
                base_url: https://example.org/
                language: fr
                collections:
                  pages: {folder: pages, schema: s.json}
                """).config().orElseThrow();
        assertEquals(List.of(), config.languages());
        assertEquals("fr", config.language());
        assertEquals(false, config.translations().omitMissing());
    }

    @Test
    void eachMistakeInTheLanguagesIsAnErrorAtItsPlace() {
        assertEquals(List.of(
                "content/site.yaml:3:11: error: the site config has both 'language' and 'languages'; with 'languages', the original's code is the site's language: remove 'language'",
                "content/site.yaml:6:12: error: 'english' is not a language tag such as 'en', 'ar' or 'pt-BR'",
                "content/site.yaml:7:41: error: 'direction' of a language must be ltr or rtl, not 'right'",
                "content/site.yaml:8:5: error: a language needs a 'name'",
                "content/site.yaml:9:12: error: language 'ar' is declared twice (first at line 7); each language is one edition",
                "content/site.yaml:10:40: error: prefix 'fr' of language 'fr' must be '/' (the site's root) or a site path of lowercase letters, digits and '-' that starts and ends with '/', such as '/fr/'",
                "content/site.yaml:11:38: error: languages 'ar' and 'tr' both have the prefix '/ar/'; each edition needs a prefix of its own, such as '/tr/'",
                "content/site.yaml:12:41: error: language 'ru' is marked as the original, but so is the one at line 5; exactly one language is the one the entries' own files are written in",
                "content/site.yaml:13:25: error: 'translations.missing' must be 'fallback' (the original's text where an entry has no translation) or 'omit' (no page in that edition), not 'hide'"),
                problems("""
                        title: T
                        base_url: https://example.org/
                        language: en
                        languages:
                          - {code: en, name: English, original: true}
                          - {code: english, name: English}
                          - {code: ar, name: Arabic, direction: right}
                          - {code: de}
                          - {code: ar, name: Arabic}
                          - {code: fr, name: Français, prefix: fr}
                          - {code: tr, name: Türkçe, prefix: /ar/}
                          - {code: ru, name: Русский, original: true}
                        translations: {missing: hide}
                        collections:
                          pages: {folder: pages, schema: s.json}
                        """));
    }

    @Test
    void oneLanguageMustBeTheOriginal() {
        assertEquals(List.of(
                "content/site.yaml:4:3: error: no language is marked 'original: true'; mark the one the entries' own files are written in, such as {code: en, name: English, original: true}"),
                problems("""
                        title: T
                        base_url: https://example.org/
                        languages:
                          - {code: en, name: English}
                          - {code: ar, name: العربية, direction: rtl}
                        collections:
                          pages: {folder: pages, schema: s.json}
                        """));
    }

    @Test
    void aFieldThatPlacesOrFindsAnEntryCannotBeTranslated() {
        assertEquals(List.of(
                "content/site.yaml:13:17: error: collection 'parties': field 'ally' cannot be translated: it holds references, which name the same entries in every language; remove it from 'translate'",
                "content/site.yaml:13:23: error: collection 'parties': field 'slug' cannot be translated: it makes the entry's URL, which is the same in every edition but for its prefix; remove it from 'translate'",
                "content/site.yaml:13:29: error: collection 'parties': field 'id' cannot be translated: it is read by the engine itself; remove it from 'translate'",
                "content/site.yaml:13:39: error: collection 'parties': 'translate' names field 'name' twice"),
                problems("""
                        title: T
                        base_url: https://example.org/
                        languages:
                          - {code: en, name: English, original: true}
                          - {code: ar, name: العربية, direction: rtl}
                        collections:
                          parties:
                            folder: parties
                            schema: s.json
                            references: {ally: parties}
                            url: /parties/{slug}/
                            template: party.ftlh
                            translate: [ally, slug, id, name, name]
                        """));
    }

    @Test
    void translationSettingsNeedLanguages() {
        assertEquals(List.of(
                "content/site.yaml:3:15: error: 'translations' applies to a site with 'languages'; declare its languages, or remove 'translations'",
                "content/site.yaml:8:17: error: collection 'parties' has 'translate', but the site declares no 'languages' to translate into; declare them, or remove 'translate'"),
                problems("""
                        title: T
                        base_url: https://example.org/
                        translations: {missing: fallback}
                        collections:
                          parties:
                            folder: parties
                            schema: s.json
                            translate: [name]
                        """));
    }

    @Test
    void untranslatedPagesMayBeLeftOut() {
        String yaml = """
                        title: T
                        base_url: https://example.org/
                        languages:
                          - {code: en, name: English, original: true}
                          - {code: ar, name: العربية, direction: rtl}
                        translations: {missing: omit}
                        """ + COLLECTIONS;
        assertEquals(List.of(), problems(yaml));
        assertEquals(true, parse(yaml).config().orElseThrow().translations().omitMissing());
        assertEquals(false, parse(yaml.replace("omit", "fallback")).config().orElseThrow().translations().omitMissing());
    }
}
