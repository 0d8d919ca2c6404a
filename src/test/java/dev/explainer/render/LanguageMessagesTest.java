package dev.explainer.render;

import dev.explainer.config.ConfigParser;
import dev.explainer.config.LanguageFormat;
import dev.explainer.config.LanguageFormat.Digits;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.text.SourceFile;
import dev.explainer.yaml.YamlParser;

import freemarker.template.SimpleDate;
import freemarker.template.SimpleNumber;
import freemarker.template.Template;
import freemarker.template.TemplateDateModel;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Message files of a site in two languages, and an edition in Eastern Arabic digits, as the
 * engine is given them by the site's languages ({@link LanguageFormat}).
 */
class LanguageMessagesTest {
    private static final List<LanguageFormat> ENGLISH_AND_ARABIC = List.of(
            new LanguageFormat("en", Digits.LATIN), new LanguageFormat("ar", Digits.ARABIC_INDIC));

    private static Map<String, SourceFile> files(String... namesAndTexts) {
        Map<String, SourceFile> files = new TreeMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            files.put(namesAndTexts[i], new SourceFile("templates/" + namesAndTexts[i], namesAndTexts[i + 1]));
        }
        return files;
    }

    private static List<String> problems(Map<String, SourceFile> files) {
        List<Diagnostic> problems = new ArrayList<>();
        Messages.read(files, ENGLISH_AND_ARABIC, problems);
        return problems.stream().map(Diagnostic::toString).toList();
    }

    @Test
    void aKeyMissingInOneLanguageIsAnErrorAtItsFileNamingTheFileThatHasIt() {
        assertEquals(List.of(
                "templates/i18n/ar.yaml:2:1: error: message 'menu.about' is missing: templates/i18n/en.yaml has it;"
                        + " add its text in this language",
                "templates/i18n/en.yaml:1:1: error: message 'quote.translated' is missing: templates/i18n/ar.yaml has it;"
                        + " add its text in this language"),
                problems(files(
                        "i18n/en.yaml", "title: Site\nmenu:\n  home: Home\n  about: About\n",
                        "i18n/ar.yaml", "title: الموقع\nmenu: {home: الرئيسية}\nquote:\n  translated: ترجمة الموقع\n",
                        "page.ftlh", "<p>${t('menu.home')}</p>")));
    }

    @Test
    void aLanguageWithoutAMessageFileIsAnErrorOnce() {
        assertEquals(List.of("templates/i18n/en.yaml:1:1: error: the site's language 'ar' has no message file;"
                        + " add templates/i18n/ar.yaml with the keys of this one"),
                problems(files("i18n/en.yaml", "menu: {home: Home}\n")));
    }

    @Test
    void aKeyGivenTwiceByADottedNameIsAnErrorAtTheSecond() {
        assertEquals(List.of("templates/i18n/ar.yaml:2:1: error: message 'menu.home' is given twice, here and at line 1; keep one"),
                problems(files("i18n/en.yaml", "menu: {home: Home}\n", "i18n/ar.yaml", "menu: {home: الرئيسية}\nmenu.home: ب\n")));
    }

    @Test
    void everyLanguageWithEveryKeyIsNoProblem() {
        assertEquals(List.of(), problems(files("i18n/en.yaml", "a: {b: B}\n", "i18n/ar.yaml", "a:\n  b: ب\n")));
    }

    private static SiteConfig site() {
        return new ConfigParser(new YamlParser()).parse(new SourceFile("content/site.yaml", """
                title: T
                base_url: https://example.org/
                collections: {pages: {folder: pages, url: "/{id}/", template: page.ftlh}}
                """)).config().orElseThrow();
    }

    /** {@code template} rendered in the edition of {@code language}, as an edition's render sets its locale. */
    private static String render(TemplateEngine engine, String template, LanguageFormat language) throws Exception {
        List<Diagnostic> problems = new ArrayList<>();
        assertEquals(List.of(), engine.compileAll());
        Template compiled = engine.template(template, problems).orElseThrow();
        StringWriter out = new StringWriter();
        freemarker.core.Environment env = compiled.createProcessingEnvironment(new freemarker.template.SimpleHash(Map.of(
                "day", new SimpleDate(Date.from(LocalDate.of(2015, 10, 23).atStartOfDay(ZoneOffset.UTC).toInstant()), TemplateDateModel.DATE),
                "count", new SimpleNumber(1234.5),
                "t", new MessageFunction()), null), out);
        env.setLocale(language.locale());
        env.process();
        return out.toString();
    }

    @Test
    void anEditionInEasternArabicDigitsWritesDatesNumbersAndMessagesInThem() throws Exception {
        TemplateEngine engine = new TemplateEngine(site(), files(
                "i18n/en.yaml", "count: \"{0} sources, {1}\"\n",
                "i18n/ar.yaml", "count: \"{0} مصدرًا، {1}\"\n",
                "page.ftlh", "${day} | ${day?string('@lang d MMM yyyy')} | ${count} | ${count?c} | ${t('count', count, day)}"),
                ENGLISH_AND_ARABIC);
        assertEquals("٢٣ أكتوبر ٢٠١٥ | ٢٣ أكتوبر ٢٠١٥ | ١٢٣٤٫٥ | 1234.5 | ١٢٣٤٫٥ مصدرًا، ٢٣ أكتوبر ٢٠١٥".replace('٫', '.'),
                render(engine, "page.ftlh", ENGLISH_AND_ARABIC.get(1)));
        assertEquals("23 October 2015 | 23 Oct 2015 | 1234.5 | 1234.5 | 1234.5 sources, 23 October 2015",
                render(engine, "page.ftlh", ENGLISH_AND_ARABIC.get(0)));
    }
}
