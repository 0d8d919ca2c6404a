package dev.explainer.site;

import dev.explainer.cli.Main;
import dev.explainer.testing.TestSite;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An explainer in two languages, one written right to left, in
 * {@code src/test/fixtures/two-languages}: read as a reader (and a search engine) would read it,
 * each page's editions link one another, the language switcher is plain links, a page not yet
 * translated shows the original's text marked as such, a translation behind its original is
 * reported to the editor and shown to the reader, a translation may not contradict its original,
 * dates and numbers are written in each edition's language, and the output is the same bytes
 * whatever the machine's locale, time zone or Java version.
 */
class TwoLanguageSiteTest {
    static final Path SOURCE = Path.of("src/test/fixtures/two-languages").toAbsolutePath();
    static final String BASE_URL = "https://ferry-talks.example.org/";
    /** The one warning the fixture builds with: Dunmoor's original gained a clause after it was translated. */
    static final String STALE = "content/towns/dunmoor.ar.md:2:13: warning: this translation into 'ar' is behind its original,"
            + " content/towns/dunmoor.md, which has changed since it was translated (it translates version 25fb6ba0ac, the original is"
            + " now at aee460da1f); bring it up to date, then run 'explainer translated ar towns dunmoor' to record that";
    static final String NOT_TRANSLATED = "لم تُترجم هذه الصفحة إلى العربية بعد؛ وهي معروضة باللغة التي كُتبت بها.";
    static final String OUT_OF_DATE = "قد تكون هذه الترجمة قديمة؛ فقد تغيّر الأصل منذ ترجمتها.";

    @TempDir
    static Path temp;
    static Path built;
    /** Every page by its output file, in file order. */
    static final Map<String, Document> pages = new TreeMap<>();

    @BeforeAll
    static void buildTheFixture() throws IOException {
        built = temp.resolve("site");
        TestSite.Run run = TestSite.cli("build", "--source", SOURCE.toString(), "--out", built.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(STALE + "\n0 errors, 1 warning\n", run.err(), "the fixture builds with its one stale translation, at its line");
        try (Stream<Path> walk = Files.walk(built)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
                pages.put(built.relativize(file).toString().replace('\\', '/'), TestSite.html(file));
            }
        }
    }

    /** The English pages, by output file: the original's edition, at the root. */
    private static List<String> englishPages() {
        return pages.keySet().stream().filter(file -> !file.startsWith("ar/")).toList();
    }

    @Test
    void eachEditionHasEveryPageInItsLanguageAndDirection() {
        List<String> english = englishPages();
        assertEquals(List.of("about/index.html", "index.html", "timeline/index.html", "towns/ashby/index.html",
                "towns/dunmoor/index.html", "towns/index.html", "towns/kelvale/index.html"), english);
        assertEquals(english.stream().map(file -> "ar/" + file).toList(),
                pages.keySet().stream().filter(file -> file.startsWith("ar/")).toList());
        for (String file : english) {
            assertEquals("en ltr", language(pages.get(file).selectFirst("html")), file);
            assertEquals("ar rtl", language(pages.get("ar/" + file).selectFirst("html")), "ar/" + file);
        }
        assertEquals("كِلفيل", pages.get("ar/towns/kelvale/index.html").selectFirst("h1").text());
        assertEquals("Kelvale", pages.get("towns/kelvale/index.html").selectFirst("h1").text());
    }

    /** Each page and its translation name each other, and the original as x-default, by absolute URL: the same set on both. */
    @Test
    void eachPageAndItsTranslationAreReciprocalAlternatesByAbsoluteUrl() {
        for (String file : englishPages()) {
            String path = file.equals("index.html") ? "" : file.substring(0, file.length() - "index.html".length());
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("en", BASE_URL + path);
            expected.put("ar", BASE_URL + "ar/" + path);
            expected.put("x-default", BASE_URL + path);
            assertEquals(expected, alternates(pages.get(file)), file);
            assertEquals(expected, alternates(pages.get("ar/" + file)), "ar/" + file);
            assertEquals(expected.get("en"), pages.get(file).selectFirst("link[rel=canonical]").attr("href"));
            assertEquals(expected.get("ar"), pages.get("ar/" + file).selectFirst("link[rel=canonical]").attr("href"));
        }
    }

    private static Map<String, String> alternates(Document page) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Element link : page.select("head link[rel=alternate][hreflang]")) {
            assertNull(found.put(link.attr("hreflang"), link.attr("href")), "one alternate per language");
        }
        return found;
    }

    /** Plain links, no script: each leads to the same page in the language it names, marked with it; the current one says so. */
    @Test
    void theLanguageSwitcherIsPlainLinksToTheSamePageInEachEdition() {
        pages.forEach((file, page) -> {
            assertTrue(page.select("script").isEmpty(), file + " needs no JavaScript");
            List<Element> links = page.select("nav.languages a");
            assertEquals(List.of("English", "العربية"), links.stream().map(Element::text).toList(), file);
            String own = file.startsWith("ar/") ? "ar" : "en";
            for (Element link : links) {
                String code = link.attr("hreflang");
                assertEquals(code, link.attr("lang"), file + ": the language's name is marked as written in it");
                Path target = resolve(file, link.attr("href"));
                assertTrue(Files.isRegularFile(target), file + " -> " + link.attr("href"));
                String targetFile = built.relativize(target).toString().replace('\\', '/');
                assertEquals(code.equals("ar") ? "ar/" + file.replaceFirst("^ar/", "") : file.replaceFirst("^ar/", ""), targetFile);
                assertEquals(code, pages.get(targetFile).selectFirst("html").attr("lang"));
                assertEquals(code.equals(own), link.attr("aria-current").equals("page"), file + ": aria-current on " + code);
            }
        });
        assertEquals("en ltr", language(pages.get("ar/index.html").select("nav.languages a").get(0)),
                "English, a left-to-right name on a right-to-left page");
        assertEquals("ar", pages.get("index.html").select("nav.languages a").get(1).attr("lang"));
        assertEquals("rtl", pages.get("index.html").select("nav.languages a").get(1).attr("dir"));
    }

    /** A page with no translation shows the original's text, marked as English and left to right, under a notice in Arabic. */
    @Test
    void aPageNotYetTranslatedShowsTheOriginalsTextMarkedAndSaysSo() {
        Document fallback = pages.get("ar/towns/ashby/index.html");
        Element article = fallback.selectFirst("main article");
        assertEquals("en ltr", language(article));
        assertEquals("Ashby Reach", article.selectFirst("h1").text());
        assertTrue(article.text().contains("joined the agreement last"), article.text());
        Element notice = fallback.selectFirst("main .notice");
        assertEquals(NOT_TRANSLATED, notice.text());
        assertEquals("ar", languageOf(notice), "the notice is in the page's language, outside the English text");
        assertEquals(1, fallback.select("main .notice").size());
        Element inList = pages.get("ar/index.html").selectFirst("ul.towns a[href*=ashby]");
        assertEquals("Ashby Reach en ltr", inList.text() + " " + language(inList), "its name is marked wherever it is shown");

        for (String file : List.of("towns/ashby/index.html", "ar/towns/kelvale/index.html", "ar/index.html", "ar/timeline/index.html")) {
            assertTrue(pages.get(file).select("main .notice").isEmpty(), file + " shows its own language's text, up to date");
            assertEquals("", language(pages.get(file).selectFirst("main article")), file + ": the page's language holds");
        }
    }

    /** Every English word on an Arabic page is marked as English: each interface string comes from the Arabic messages. */
    @Test
    void theArabicEditionHasNoUnmarkedEnglish() {
        Pattern latin = Pattern.compile("\\p{IsLatin}");
        List<String> unmarked = new ArrayList<>();
        pages.forEach((file, page) -> {
            if (!file.startsWith("ar/")) {
                return;
            }
            for (TextNode text : allText(page.body())) {
                if (latin.matcher(text.text()).find() && !"en".equals(languageOf(text.parent()))) {
                    unmarked.add(file + ": " + text.text().strip());
                }
            }
        });
        assertEquals(List.of(), unmarked);
    }

    private static List<TextNode> allText(Element root) {
        List<TextNode> texts = new ArrayList<>();
        root.traverse((node, depth) -> {
            if (node instanceof TextNode text && !text.isBlank()) {
                texts.add(text);
            }
        });
        return texts;
    }

    @Test
    void theTranslationBehindItsOriginalTellsTheReaderItMayBeOutOfDate() {
        Document stale = pages.get("ar/towns/dunmoor/index.html");
        assertEquals(List.of(OUT_OF_DATE), stale.select("main .notice").eachText());
        assertEquals("دَنمور", stale.selectFirst("main article h1").text(), "the translation is still shown");
        assertEquals("", language(stale.selectFirst("main article")));
        assertTrue(pages.get("towns/dunmoor/index.html").select("main .notice").isEmpty(), "the original is its own latest version");
        assertTrue(pages.get("ar/towns/kelvale/index.html").select("main .notice").isEmpty());
    }

    @Test
    void withStrictTheStaleTranslationIsAnErrorAndThePreviousOutputStays(@TempDir Path copy) {
        Path source = copyOfTheFixture(copy);
        TestSite.Run first = TestSite.build(source);
        assertEquals(0, first.exitCode(), first.err());
        Map<String, byte[]> before = TestSite.snapshot(source.resolve("site"));

        TestSite.Run strict = TestSite.build(source, "--strict");
        assertEquals(1, strict.exitCode(), strict.err());
        assertEquals(STALE.replace(": warning: ", ": error: ") + " (--strict)\n1 error\n", strict.err());
        TestSite.assertSameFiles(before, source.resolve("site"));
    }

    @Test
    void aTranslationThatContradictsAReferenceOfItsOriginalIsRefusedAtTheField(@TempDir Path copy) {
        Path source = copyOfTheFixture(copy);
        TestSite.Run first = TestSite.build(source);
        assertEquals(0, first.exitCode(), first.err());
        Map<String, byte[]> before = TestSite.snapshot(source.resolve("site"));

        TestSite.edit(source, "content/people.ar.yaml", "  town: dunmoor", "  town: kelvale");
        TestSite.Run run = TestSite.build(source);
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("content/people.ar.yaml:9:9: error: field 'town' is not translated (collection 'people' translates"
                + " name, role): every edition takes it from the original, content/people.yaml:5:7, where it is 'dunmoor'; remove it"
                + " from this translation\n" + STALE + "\n1 error, 1 warning\n", run.err());
        TestSite.assertSameFiles(before, source.resolve("site"));
    }

    /** Dates in Arabic month names and Eastern Arabic digits in the Arabic edition, in English and Latin digits in the English. */
    @Test
    void datesAndNumbersAreWrittenInEachEditionsLanguageAndDigits() {
        assertEquals(List.of("14 March 2031", "2 April 2031", "23 May 2031"),
                pages.get("timeline/index.html").select("ol.timeline time").eachText());
        assertEquals(List.of("١٤ مارس ٢٠٣١", "٢ أبريل ٢٠٣١", "٢٣ مايو ٢٠٣١"),
                pages.get("ar/timeline/index.html").select("ol.timeline time").eachText());
        assertEquals(List.of("2031-03-14", "2031-04-02", "2031-05-23"),
                pages.get("ar/timeline/index.html").select("ol.timeline time").eachAttr("datetime"), "machine-readable dates stay ISO");
        assertEquals("Population: 12400", pages.get("towns/kelvale/index.html").selectFirst(".population").text());
        assertEquals("عدد السكان: ١٢٤٠٠", pages.get("ar/towns/kelvale/index.html").selectFirst(".population").text());
    }

    /** Every link and fragment on every page, in both editions, leads to a file of the site and an element of it. */
    @Test
    void everyInternalLinkLeadsToAFileAndFragmentOfTheSite() {
        List<String> broken = new ArrayList<>();
        pages.forEach((file, page) -> {
            for (Element link : page.select("a[href], link[href]")) {
                String href = link.attr("href");
                if (href.startsWith(BASE_URL)) {
                    href = relativeToRoot(file) + href.substring(BASE_URL.length());
                }
                Path target = resolve(file, href);
                if (Files.isDirectory(target)) {
                    target = target.resolve("index.html");
                }
                if (!Files.isRegularFile(target)) {
                    broken.add(file + " -> " + link.attr("href"));
                    continue;
                }
                int hash = href.indexOf('#');
                if (hash >= 0) {
                    Document targetPage = pages.get(built.relativize(target).toString().replace('\\', '/'));
                    if (targetPage == null || targetPage.getElementById(href.substring(hash + 1)) == null) {
                        broken.add(file + " -> " + link.attr("href") + " (no such id)");
                    }
                }
            }
        });
        assertEquals(List.of(), broken);
        assertFalse(pages.get("ar/towns/dunmoor/index.html").select("main a[href*='#']").isEmpty(), "fragments are among them");
    }

    /**
     * The same bytes in every file, built in fresh JVMs in an Arabic locale in Riyadh, a Turkish one
     * at UTC+14, English at UTC, and on Java 25 where it is installed (another release of the
     * locale data): the engine's own tables write the dates, never the machine's.
     */
    @Test
    void theOutputIsTheSameBytesInEveryLocaleTimeZoneAndJavaVersion(@TempDir Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, List<String>> runs = new LinkedHashMap<>();
        runs.put("ar-riyadh", List.of(java, "-Duser.language=ar", "-Duser.country=SA", "-Duser.timezone=Asia/Riyadh"));
        runs.put("tr-kiritimati", List.of(java, "-Duser.language=tr", "-Duser.country=TR", "-Duser.timezone=Pacific/Kiritimati"));
        runs.put("en-utc", List.of(java, "-Duser.language=en", "-Duser.country=US", "-Duser.timezone=UTC"));
        Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        if (Files.isExecutable(java25)) {
            runs.put("java25-ar-riyadh", List.of(java25.toString(), "-Duser.language=ar", "-Duser.country=SA",
                    "-Duser.timezone=Asia/Riyadh"));
        }
        Map<String, Process> started = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> run : runs.entrySet()) {
            List<String> command = new ArrayList<>(run.getValue());
            command.addAll(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "build", "--source", SOURCE.toString(), "--out", out.resolve(run.getKey()).toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.resolve(run.getKey() + ".log").toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG") || name.equals("TZ"));
            started.put(run.getKey(), builder.start());
        }
        Map<String, byte[]> here = TestSite.snapshot(built);
        for (Map.Entry<String, Process> run : started.entrySet()) {
            assertTrue(run.getValue().waitFor(120, TimeUnit.SECONDS), run.getKey() + " finished");
            String log = Files.readString(out.resolve(run.getKey() + ".log"));
            assertEquals(0, run.getValue().exitValue(), run.getKey() + ": " + log);
            assertTrue(log.contains(STALE), run.getKey() + " reports the same warning: " + log);
            Map<String, byte[]> there = TestSite.snapshot(out.resolve(run.getKey()));
            assertEquals(here.keySet(), there.keySet(), run.getKey());
            here.forEach((path, bytes) -> assertArrayEquals(bytes, there.get(path), run.getKey() + ": " + path));
        }
    }

    // ---- helpers ----

    /** {@code lang} and {@code dir} of an element as written on it ({@code "en ltr"}), empty where it has neither. */
    private static String language(Element element) {
        assertNotNull(element);
        return (element.attr("lang") + " " + element.attr("dir")).strip();
    }

    /** The language an element's text is in: its own {@code lang} or its nearest ancestor's. */
    private static String languageOf(Element element) {
        for (Element at = element; at != null; at = at.parent()) {
            if (at.hasAttr("lang")) {
                return at.attr("lang");
            }
        }
        return "";
    }

    /** The file a relative link on the page at {@code file} leads to, without its fragment. */
    private static Path resolve(String file, String href) {
        URI target = URI.create("file:/" + file).resolve(href);
        return built.resolve(target.getPath().substring(1));
    }

    /** The path from the page at {@code file} to the site's root: {@code ../../} for {@code towns/kelvale/index.html}. */
    private static String relativeToRoot(String file) {
        return "../".repeat((int) file.chars().filter(c -> c == '/').count());
    }

    /** A copy of the fixture's source below {@code folder}, for a test that edits it. */
    private static Path copyOfTheFixture(Path folder) {
        Path source = folder.resolve("source");
        try (Stream<Path> walk = Files.walk(SOURCE)) {
            for (Path from : walk.toList()) {
                Path to = source.resolve(SOURCE.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return source;
    }
}
