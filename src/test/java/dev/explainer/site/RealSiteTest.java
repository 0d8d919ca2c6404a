package dev.explainer.site;

import dev.explainer.pipeline.BuildOptions;
import dev.explainer.pipeline.BuildResult;
import dev.explainer.pipeline.SiteBuilder;
import dev.explainer.testing.TestSite;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real Vienna site, built fresh from content/ and templates/ and compared and checked. */
class RealSiteTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    static Path temp;
    static Path built;
    static Map<String, Document> pages = new TreeMap<>();

    @BeforeAll
    static void buildTheSite() throws IOException {
        built = temp.resolve("site");
        BuildResult result = new SiteBuilder().run(BuildOptions.build(PROJECT, built));
        assertEquals(List.of(), result.diagnostics(), "the real site builds without errors or warnings");
        try (Stream<Path> walk = Files.walk(built)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
                pages.put(built.relativize(file).toString().replace('\\', '/'), TestSite.html(file));
            }
        }
    }

    @Test
    void committedSiteEqualsAFreshBuild() {
        Map<String, byte[]> fresh = TestSite.snapshot(built);
        Map<String, byte[]> committed = TestSite.snapshot(PROJECT.resolve("site"));
        assertEquals(fresh.keySet(), committed.keySet(),
                "site/ has other files than a fresh build: run 'java -jar target/explainer.jar build' and commit site/");
        fresh.forEach((path, bytes) -> assertArrayEquals(bytes, committed.get(path),
                "site/" + path + " differs from a fresh build: rebuild and commit site/"));
    }

    @Test
    void everyInternalLinkAndFragmentResolves() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            if (page.getKey().endsWith("404.html")) {
                continue; // each edition's error page links from the base URL's path, checked below
            }
            for (Element element : page.getValue().select("[href], [src]")) {
                String ref = element.hasAttr("href") ? element.attr("href") : element.attr("src");
                if (element.is("link[rel=canonical]") || ref.matches("^[a-z]+:.*")) {
                    continue;
                }
                checked++;
                URI uri = URI.create(page.getKey()).resolve(ref);
                String target = uri.getPath().isEmpty() ? page.getKey() : uri.getPath();
                if (target.startsWith("..") || target.startsWith("/")) {
                    broken.add(page.getKey() + ": " + ref + " leaves the site");
                    continue;
                }
                if (!Files.isRegularFile(built.resolve(target))) {
                    broken.add(page.getKey() + ": " + ref + " -> no file " + target);
                    continue;
                }
                String fragment = uri.getFragment();
                if (fragment != null && !fragment.isEmpty() && pages.get(target).getElementById(fragment) == null) {
                    broken.add(page.getKey() + ": " + ref + " -> no id '" + fragment + "'");
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(checked > 1000, "links checked: " + checked);
    }

    @Test
    void errorPageLinksFromTheSiteRootSoItWorksAtAnyDepth() {
        for (String errorPage : List.of("404.html", "ar/404.html", "ru/404.html")) {
            for (Element link : pages.get(errorPage).select("a[href], link[href]")) {
                String href = link.attr("href");
                assertTrue(href.startsWith("/") || href.startsWith("https://") || href.startsWith("#"), errorPage + ": " + href);
            }
        }
    }

    @Test
    void everyPageIsStructuredForEveryReader() {
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            Document doc = page.getValue();
            String name = page.getKey();
            String edition = edition(name);
            assertEquals(edition, doc.selectFirst("html").attr("lang"), name);
            assertEquals(edition.equals("ar") ? "rtl" : "", doc.selectFirst("html").attr("dir"), name);
            assertEquals(1, doc.select("h1").size(), name + ": one h1");
            assertEquals(1, doc.select("main#main").size(), name + ": one main landmark");
            assertEquals("#main", doc.selectFirst("body > a.skip-link").attr("href"), name + ": skip link first");
            assertFalse(doc.select("header nav[aria-label]").isEmpty(), name + ": labelled navigation");
            assertFalse(doc.title().isBlank(), name);
            assertFalse(doc.select("meta[name=description]").attr("content").isBlank(), name);
            assertTrue(doc.select("link[rel=canonical]").attr("href").startsWith("https://"), name);
            for (Element table : doc.select("table")) {
                assertNotNull(table.selectFirst("caption"), name + ": table caption");
                for (Element th : table.select("th")) {
                    assertTrue(th.hasAttr("scope"), name + ": th scope in " + th);
                }
            }
            Set<String> ids = new HashSet<>();
            for (Element element : doc.select("[id]")) {
                assertTrue(ids.add(element.id()), name + ": duplicate id " + element.id());
            }
            for (Element script : doc.select("script")) {
                // Scripts only enhance: external ones are deferred (never block rendering), inline ones are data.
                assertTrue(script.hasAttr("src") ? script.hasAttr("defer") : script.attr("type").equals("application/ld+json"),
                        name + ": " + script.outerHtml());
            }
        }
    }

    @Test
    void positionsMatrixHasEveryCellAndSaysWhereTheReportingIsSilent() {
        Document matrix = pages.get("positions/index.html");
        assertEquals(7, matrix.select("table.matrix tbody tr").size(), "parties");
        assertEquals(6, matrix.select("table.matrix thead th").size(), "party column and five issues");
        assertEquals(35, matrix.select("table.matrix td").size());
        for (Element cell : matrix.select("table.matrix td")) {
            boolean silent = cell.hasClass("silent");
            assertEquals(silent, cell.text().startsWith("Not stated in the reporting"), cell.outerHtml());
            if (!silent) {
                assertFalse(cell.select(".sources a").isEmpty(), "a stated stance links to its source: " + cell.outerHtml());
            }
        }
        assertEquals("Assad must give up power.", matrix.selectFirst("#united-states-assad .stance").text());
    }

    @Test
    void everyMatrixCellShowsItsLabelAboveTheStanceAndSilentCellsSayNotStated() throws IOException {
        Map<String, Map<String, Object>> positions = new TreeMap<>();
        for (Map<String, Object> position : loadList(PROJECT.resolve("content/positions.yaml"))) {
            positions.put((String) position.get("id"), position);
        }
        Document matrix = pages.get("positions/index.html");
        for (Element cell : matrix.select("table.matrix td")) {
            Map<String, Object> position = positions.get(cell.id());
            Element label = cell.selectFirst("p.label");
            assertNotNull(label, "every cell has a label: " + cell.outerHtml());
            assertEquals(label, cell.child(0), "the label comes first, above the sentence: " + cell.outerHtml());
            if (Boolean.TRUE.equals(position.get("stated"))) {
                assertNotNull(position.get("label"), cell.id() + ": every stated position has a label in positions.yaml");
                assertEquals(position.get("label"), label.text(), cell.id());
            } else {
                assertEquals("Not stated", label.ownText(), cell.id());
            }
        }
        Element quoted = matrix.selectFirst("#united-states-iran .cell-quotes");
        assertNotNull(quoted, "a cell links the quotes behind it");
        assertEquals(List.of("../quotes/kerry-iran-undecided/index.html", "../quotes/kerry-inclusive-reuters/index.html"), quoted.select("a").eachAttr("href"));
        assertEquals("Kerry: “We want to be inclusive…”", quoted.select("a").get(1).text());
        assertEquals("Not stated in the reporting: Iran at the table, Coordination vs IS, US–Russia cooperation, Next meeting",
                matrix.selectFirst("th:has(a[href*=parties/syrian-government/]) .folded").text(),
                "on phones the silent cells without a note fold into one line per party");
        assertFalse(matrix.select(".legend").isEmpty(), "a legend explains the shading");
    }

    @Test
    void quoteIndexShowsEveryQuoteOnceWithItsAttribution() throws IOException {
        Document index = pages.get("quotes/index.html");
        List<Map<String, Object>> quotes = loadList(PROJECT.resolve("content/quotes.yaml"));
        for (Map<String, Object> quote : quotes) {
            Element article = index.getElementById((String) quote.get("id"));
            assertNotNull(article, "anchor for " + quote.get("id"));
            String text = (String) quote.get("text");
            assertNotNull(article.selectFirst(".attribution time[datetime]"), quote.get("id") + " has a date");
            if (quote.get("kind").equals("direct")) {
                assertEquals(text, article.selectFirst("blockquote p").wholeText(), "verbatim: " + quote.get("id"));
            } else {
                assertTrue(article.select("blockquote, q").isEmpty(), "reported speech is never quoted: " + quote.get("id"));
                String shown = article.selectFirst(".reported").text();
                assertFalse(shown.contains("\"") || shown.contains("\u201C"), shown);
            }
            String outlet = article.selectFirst(".attribution").text();
            assertTrue(outlet.contains("Reported by") || outlet.contains("The report does not name the outlet"), outlet);
            assertTrue(Files.isRegularFile(built.resolve("quotes/" + quote.get("id") + "/index.html")), "permanent page");
        }
        // The wordings of one remark are one item (QuotePagesTest); every other quote is an item of its own.
        assertEquals(quotes.stream().filter(q -> !q.containsKey("wording_of")).count(), index.select("article.quote").size());
    }

    @Test
    void directQuotesAreVerbatimInTheCitedReporting() throws IOException {
        Path seed = PROJECT.resolve("../shared/seed");
        Assumptions.assumeTrue(Files.isDirectory(seed), "the source report is not beside the project: ../shared/seed");
        StringBuilder reporting = new StringBuilder();
        try (Stream<Path> files = Files.list(seed)) {
            for (Path file : files.sorted().toList()) {
                reporting.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
        }
        for (Map<String, Object> quote : loadList(PROJECT.resolve("content/quotes.yaml"))) {
            if (quote.get("kind").equals("direct")) {
                assertTrue(reporting.indexOf((String) quote.get("text")) >= 0, "not verbatim in the reporting: " + quote.get("id"));
            }
        }
    }

    @Test
    void partyPagesListTheirPositionsAndQuotes() {
        Document russia = pages.get("parties/russia/index.html");
        assertEquals(5, russia.select("table.stances tbody tr").size());
        assertFalse(russia.select("ul.quote-list li").isEmpty());
        assertTrue(russia.selectFirst("ul.quote-list li").text().startsWith("Sergei Lavrov"));
        Document jordan = pages.get("parties/jordan/index.html");
        assertTrue(jordan.text().contains("The reporting we cite quotes no one who spoke for this party."));
    }

    @Test
    void issueAndPartyTablesMarkNotStatedCellsAsTheMatrixDoes() {
        for (String page : List.of("issues/assad/index.html", "parties/jordan/index.html", "parties/russia/index.html")) {
            Elements cells = pages.get(page).select("table.stances td");
            assertFalse(cells.isEmpty(), page);
            for (Element cell : cells) {
                assertEquals(cell.text().startsWith("Not stated in the reporting"), cell.hasClass("silent"), page + ": " + cell.outerHtml());
            }
        }
        assertFalse(pages.get("issues/assad/index.html").select("table.stances td.silent").isEmpty(), "some party is silent on Assad");
    }

    @Test
    void directQuotesCarryQuotationDataAndEveryQuoteAPreviewForSharing() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<String, String> outletNames = new TreeMap<>();
        for (Map<String, Object> outlet : loadList(PROJECT.resolve("content/outlets.yaml"))) {
            outletNames.put((String) outlet.get("id"), (String) outlet.get("name"));
        }
        Map<String, Map<String, Object>> sources = new TreeMap<>();
        for (Map<String, Object> source : loadList(PROJECT.resolve("content/sources.yaml"))) {
            sources.put((String) source.get("id"), source);
        }
        int direct = 0;
        for (Map<String, Object> quote : loadList(PROJECT.resolve("content/quotes.yaml"))) {
            Document page = pages.get("quotes/" + quote.get("id") + "/index.html");
            Element script = page.selectFirst("script[type=application/ld+json]");
            if (quote.get("kind").equals("direct")) {
                direct++;
                com.fasterxml.jackson.databind.JsonNode data = json.readTree(script.data());
                assertEquals("https://schema.org", data.get("@context").asText());
                assertEquals("Quotation", data.get("@type").asText());
                assertEquals(quote.get("text"), data.get("text").asText());
                assertEquals("Person", data.at("/creator/@type").asText());
                assertFalse(data.at("/creator/jobTitle").asText().isBlank());
                assertFalse(data.at("/isBasedOn/name").asText().isBlank(), "the report it came from");
                assertEquals(data.get("isBasedOn"), data.get("citation"));
                // The report's publisher is its own outlet, never the outlet the quote is credited to.
                Object sourceOutlet = sources.get((String) quote.get("source")).get("outlet");
                assertEquals(sourceOutlet == null ? "" : outletNames.get((String) sourceOutlet),
                        data.at("/isBasedOn/publisher/name").asText(), "publisher of " + quote.get("source"));
                assertTrue(data.at("/recordedAt").isMissingNode(), "no source places a quote at the meeting itself");
            } else {
                assertEquals(null, script, "a reported statement is our wording, nobody's Quotation: " + quote.get("id"));
            }
            String description = page.selectFirst("meta[property=og:description]").attr("content");
            assertTrue(description.contains((String) quote.get("text")), description);
            assertTrue(description.contains("23 October 2015"), description);
            assertEquals("summary_large_image", page.selectFirst("meta[name=twitter:card]").attr("content"));
            assertEquals(page.selectFirst("meta[property=og:title]").attr("content"),
                    page.selectFirst("meta[name=twitter:title]").attr("content"));
            assertEquals("article", page.selectFirst("meta[property=og:type]").attr("content"));
        }
        com.fasterxml.jackson.databind.JsonNode index = json.readTree(
                pages.get("quotes/index.html").selectFirst("script[type=application/ld+json]").data());
        assertEquals(direct, index.get("@graph").size());
        assertEquals(8, direct);
    }

    @Test
    void everyPageOffersTheShareImageAtAnAbsoluteUrlWithItsSizeAndATextEquivalent() throws IOException {
        URI base = URI.create(pages.get("index.html").selectFirst("link[rel=canonical]").attr("href"));
        for (Path site : List.of(built, PROJECT.resolve("site"))) {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(site.resolve("assets/share.png").toFile());
            assertEquals(List.of(1200, 630), List.of(image.getWidth(), image.getHeight()), "share.png in " + site);
        }
        for (Map.Entry<String, Document> entry : pages.entrySet()) {
            Document page = entry.getValue();
            String image = page.selectFirst("meta[property=og:image]") == null ? ""
                    : page.selectFirst("meta[property=og:image]").attr("content");
            assertEquals(base.resolve("assets/share.png").toString(), image, entry.getKey());
            assertTrue(URI.create(image).isAbsolute(), entry.getKey());
            assertEquals("1200", page.selectFirst("meta[property=og:image:width]").attr("content"), entry.getKey());
            assertEquals("630", page.selectFirst("meta[property=og:image:height]").attr("content"), entry.getKey());
            String alt = page.selectFirst("meta[property=og:image:alt]").attr("content");
            assertTrue(switch (edition(entry.getKey())) {
                case "ar" -> alt.contains("أكتوبر 2015") && alt.contains("السعودية");
                case "ru" -> alt.contains("23 октября 2015") && alt.contains("Саудовская Аравия");
                default -> alt.contains("23 October 2015") && alt.contains("Saudi Arabia");
            }, entry.getKey() + ": " + alt);
            assertEquals("summary_large_image", page.selectFirst("meta[name=twitter:card]").attr("content"), entry.getKey());
            assertEquals(image, page.selectFirst("meta[name=twitter:image]").attr("content"), entry.getKey());
            assertEquals(alt, page.selectFirst("meta[name=twitter:image:alt]").attr("content"), entry.getKey());
        }
    }

    private static int gzipped(byte[] bytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.size();
    }

    @Test
    void timelineScaleMarksTheTalksAndPlacesEveryDatedEventInOrderWithoutFalsePrecision() {
        Document timeline = pages.get("timeline/index.html");
        LocalDate start = LocalDate.of(2015, 9, 30);
        long days = ChronoUnit.DAYS.between(start, LocalDate.of(2015, 12, 18));
        Element scale = timeline.selectFirst("figure.scale");
        assertNotNull(scale, "the timeline page draws a scale");
        assertEquals("true", scale.attr("aria-hidden"), "the scale is decoration: the list says the same in words");
        assertTrue(scale.select("a, [tabindex]").isEmpty(), "a hidden scale holds nothing to focus");
        // The scale is drawn from 30 September, but no report dates anything that day: the caption names the month only.
        assertTrue(scale.text().contains("September to 18 December 2015") && !scale.text().contains("30 September"), scale.text());

        Element here = scale.selectFirst("[data-date]:containsOwn(You are here)");
        assertNotNull(here, "the scale says 'you are here'");
        assertEquals("2015-10-23", here.attr("data-date"));
        assertEquals(100.0 * 23 / days, placeOnScale(here), 0.5, "'you are here' sits at 23 October");

        double previous = -1;
        int dated = 0;
        for (Element event : timeline.select("ol.timeline > li")) {
            String date = event.selectFirst("time").attr("datetime");
            Element mark = scale.selectFirst("[data-event=" + event.id() + "]");
            if (date.length() == 7) {
                assertEquals(null, mark, event.id() + " is dated to the month only: no dot on one day");
                assertNotNull(scale.selectFirst("[data-month=" + date + "]"), event.id() + " spans its month");
                continue;
            }
            assertNotNull(mark, event.id() + " has its mark on the scale");
            double place = placeOnScale(mark);
            double expected = 100.0 * ChronoUnit.DAYS.between(start, LocalDate.parse(date)) / days;
            assertEquals(expected, place, 0.5, event.id() + " sits at its day");
            assertTrue(place >= 0 && place <= 100, event.id() + " lies between the ends of the scale");
            assertTrue(place >= previous, event.id() + " is in date order on the scale");
            previous = place;
            dated++;
        }
        assertTrue(dated >= 5, "every exactly-dated event was checked: " + dated);
    }

    /** A mark's place along the scale, in whole percent, from its {@code at-N} class. */
    private static double placeOnScale(Element mark) {
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("(?:^|\\s)at-([0-9]+)(?:\\s|$)").matcher(mark.attr("class"));
        assertTrue(at.find(), "the mark has a place on the scale: " + mark.outerHtml());
        return Double.parseDouble(at.group(1));
    }

    @Test
    void everyPageFitsTheFirstRoundTripAndTheWeightBudget() throws IOException {
        // Every edition's pages, the Arabic ones too, whose letters take two bytes each.
        assertTrue(pages.keySet().containsAll(List.of("index.html", "ar/index.html", "ar/quotes/index.html", "ar/positions/index.html", "ru/index.html", "ru/quotes/index.html")), pages.keySet().toString());
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            Path file = built.resolve(page.getKey());
            byte[] html = Files.readAllBytes(file);
            int firstTrip = gzipped(html);
            int total = html.length;
            for (Element resource : page.getValue().select("link[rel=stylesheet], script[src]")) {
                String ref = resource.hasAttr("src") ? resource.attr("src") : resource.attr("href");
                Path asset = ref.startsWith("/") ? built.resolve(ref.substring(1)) : file.getParent().resolve(ref).normalize();
                byte[] bytes = Files.readAllBytes(asset);
                total += bytes.length;
                if (resource.is("link")) {
                    firstTrip += gzipped(bytes);
                }
            }
            assertTrue(firstTrip <= 14 * 1024, page.getKey() + ": HTML and CSS compress to " + firstTrip + " bytes, over 14 KB");
            assertTrue(total <= 100 * 1024, page.getKey() + ": " + total + " bytes in all, over 100 KB");
        }
    }

    @Test
    void theArabicEditionLinksEveryEditionAndKeepsDirectQuotesInTheOutletsWordsBesideTheSitesTranslation() {
        Document home = pages.get("ar/index.html");
        assertEquals(List.of("en https://vienna-talks.example.org/", "ar https://vienna-talks.example.org/ar/",
                        "ru https://vienna-talks.example.org/ru/", "x-default https://vienna-talks.example.org/"),
                home.select("link[rel=alternate][hreflang]").stream().map(l -> l.attr("hreflang") + " " + l.attr("href")).toList());
        Elements editions = home.select("header .site-languages a");
        assertEquals(List.of("English", "العربية", "Русский"), editions.eachText());
        assertEquals(List.of("../index.html", "../ar/index.html", "../ru/index.html"), editions.eachAttr("href"));
        assertEquals(List.of("en", "ar", "ru"), editions.eachAttr("lang"));
        assertEquals(List.of("en", "ar", "ru"), editions.eachAttr("hreflang"));
        assertEquals(List.of("ltr", "rtl", "ltr"), editions.eachAttr("dir"));
        assertEquals(List.of("page"), editions.eachAttr("aria-current"), "only the page's own edition is current");
        assertEquals("page", pages.get("index.html").selectFirst("header .site-languages a[lang=en]").attr("aria-current"));

        Element english = pages.get("quotes/kerry-inclusive-reuters/index.html").selectFirst("article.quote blockquote");
        Element arabic = pages.get("ar/quotes/kerry-inclusive-reuters/index.html").selectFirst("article.quote blockquote");
        assertEquals(english.text(), arabic.text(), "a direct quote stays as the outlet printed it");
        assertEquals(List.of("en", "ltr"), List.of(arabic.attr("lang"), arabic.attr("dir")));
        Element translation = arabic.nextElementSibling();
        assertTrue(translation.is("p.quote-translation") && translation.text().startsWith("ترجمة الموقع:"), translation.outerHtml());
        assertFalse(pages.get("quotes/kerry-inclusive-reuters/index.html").html().contains("quote-translation"), "no translation in the original");
        assertEquals("ar", home.selectFirst("aside.key-points").parents().last().attr("lang"), "the key points box in the Arabic edition too");
    }

    /** English words the translated prose quotes from the reporting are marked English, in both translated editions. */
    @Test
    void theEnglishWordsTheTranslationsQuoteAreMarkedAsEnglish() {
        Element arabic = pages.get("ar/index.html").selectFirst("span:containsOwn(from allies Saudi Arabia and Turkey)");
        assertNotNull(arabic, "the quoted words in a span of their own");
        assertEquals(List.of("en", "ltr"), List.of(arabic.attr("lang"), arabic.attr("dir")));
        Element inBrackets = pages.get("ar/timeline/index.html").selectFirst("span:containsOwn(last month)");
        assertEquals(List.of("en", "ltr"), List.of(inBrackets.attr("lang"), inBrackets.attr("dir")));
        Element russian = pages.get("ru/index.html").selectFirst("span:containsOwn(another key ally of Assad)");
        assertEquals(List.of("en", ""), List.of(russian.attr("lang"), russian.attr("dir")));
        assertNull(pages.get("index.html").selectFirst("span[lang]:containsOwn(another key ally of Assad)"), "nothing to mark in English");
    }

    /**
     * The Arabic prose writes Western digits ("23 أكتوبر 2015"), so the dates the engine writes must
     * too: a page that mixed the two would read as two hands. Month names are Arabic.
     */
    @Test
    void theArabicEditionWritesDatesWithArabicMonthNamesInTheDigitsOfItsProse() throws IOException {
        java.util.regex.Pattern arabicIndic = java.util.regex.Pattern.compile("[\u0660-\u0669]");
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            if (page.getKey().startsWith("ar/")) {
                assertFalse(arabicIndic.matcher(page.getValue().outerHtml()).find(), page.getKey() + " mixes Eastern Arabic digits into its Western ones");
            }
        }
        assertEquals("23 أكتوبر 2015", pages.get("ar/quotes/kerry-inclusive-reuters/index.html").selectFirst(".attribution time").text());
        assertFalse(arabicIndic.matcher(Files.readString(built.resolve("ar/updates.xml"))).find(), "the feed in the same digits");
    }

    /** The published Content-Security-Policy (src/deploy/nginx) has style-src 'self': inline styles would be refused. */
    @Test
    void noPageHasAnInlineStyleThePolicyWouldRefuse() {
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            assertEquals(List.of(), page.getValue().select("[style], style").eachAttr("style"), page.getKey());
            assertTrue(page.getValue().select("style").isEmpty(), page.getKey() + " has a <style> element");
        }
    }

    @Test
    void noRequestLeavesTheSite() throws IOException {
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            for (Element resource : page.getValue().select("link[href]:not([rel=canonical]):not([rel=alternate][hreflang]), script[src], img, iframe, source, video, audio, embed, object")) {
                String ref = resource.hasAttr("src") ? resource.attr("src") : resource.attr("href");
                assertFalse(ref.matches("(?i)^([a-z]+:)?//.*"), page.getKey() + " loads " + ref);
            }
        }
        try (Stream<Path> assets = Files.list(built.resolve("assets"))) {
            for (Path asset : assets.filter(a -> a.toString().endsWith(".css")).toList()) {
                String css = Files.readString(asset);
                assertFalse(css.contains("@import") || css.matches("(?s).*url\\(\\s*['\"]?(https?:)?//.*"), asset + " loads from elsewhere");
            }
        }
    }

    @Test
    void everyPageHasItsOwnTitleAndDescription() {
        Map<String, String> titles = new TreeMap<>();
        Map<String, String> descriptions = new TreeMap<>();
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            String title = page.getValue().title();
            String description = page.getValue().selectFirst("meta[name=description]").attr("content");
            assertEquals(null, titles.put(title, page.getKey()), "title '" + title + "' also on " + titles.get(title));
            assertEquals(null, descriptions.put(description, page.getKey()), "description also on " + descriptions.get(description));
        }
    }

    @Test
    void whoBacksWhomDrawsEachRelationBetweenItsActorsAndTheTableGivesEachWithItsSources() throws IOException {
        List<Map<String, Object>> relations = loadList(PROJECT.resolve("content/relations.yaml"));
        Map<String, String> names = new TreeMap<>();
        loadList(PROJECT.resolve("content/actors.yaml")).forEach(actor -> names.put((String) actor.get("id"), (String) actor.get("name")));
        for (String path : List.of("parties/index.html", "index.html")) {
            assertWhoBacksWhom(pages.get(path), path, relations, names);
        }
        assertNotNull(pages.get("index.html").selectFirst("details table.relations"), "the home page folds the table");
    }

    private static void assertWhoBacksWhom(Document parties, String path, List<Map<String, Object>> relations, Map<String, String> names) {
        Element diagram = parties.selectFirst("svg.relations-diagram");
        assertNotNull(diagram, path + " draws who backs whom");
        assertEquals("img", diagram.attr("role"));
        for (String id : diagram.attr("aria-labelledby").split(" ")) {
            assertFalse(diagram.getElementById(id).text().isBlank(), "the diagram's name and description: " + id);
        }
        assertTrue(diagram.select("a, [tabindex]").isEmpty(), "nothing to focus inside the picture: the table has the links");

        Map<String, double[]> boxes = new TreeMap<>();
        for (Element actor : diagram.select("g.actor")) {
            Element box = actor.selectFirst("rect");
            String name = actor.select("tspan").eachText().stream().collect(java.util.stream.Collectors.joining(" "));
            assertEquals(null, boxes.put(name, new double[] {number(box, "x"), number(box, "y"),
                    number(box, "x") + number(box, "width"), number(box, "y") + number(box, "height")}), name + " is drawn once");
        }
        List<double[]> corners = new ArrayList<>(boxes.values());
        for (int i = 0; i < corners.size(); i++) {
            for (int j = i + 1; j < corners.size(); j++) {
                double[] a = corners.get(i), b = corners.get(j);
                assertFalse(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3], "two actors' boxes overlap");
            }
        }
        List<Element> lines = diagram.select("line.relation");
        assertEquals(relations.size(), lines.size(), "one line per relation");
        Set<String> joined = new java.util.TreeSet<>();
        for (int i = 0; i < relations.size(); i++) {
            Map<String, Object> relation = relations.get(i);
            Element line = lines.get(i);
            String from = names.get(relation.get("from")), to = names.get(relation.get("to"));
            joined.add(from);
            joined.add(to);
            assertTrue(line.hasClass("relation-" + relation.get("kind")), relation.get("id") + " is drawn as its kind");
            double[] start = {number(line, "x1"), number(line, "y1")}, end = {number(line, "x2"), number(line, "y2")};
            assertTrue(near(boxes.get(from), start), relation.get("id") + " starts at the box of " + from);
            assertTrue(near(boxes.get(to), end), relation.get("id") + " ends at the box of " + to);
            for (Map.Entry<String, double[]> other : boxes.entrySet()) {
                if (other.getKey().equals(from) || other.getKey().equals(to)) {
                    continue;
                }
                for (int step = 0; step <= 20; step++) {
                    double[] point = {start[0] + (end[0] - start[0]) * step / 20, start[1] + (end[1] - start[1]) * step / 20};
                    assertFalse(inside(other.getValue(), point), relation.get("id") + " crosses the box of " + other.getKey());
                }
            }

            Element row = parties.getElementById((String) relation.get("id"));
            assertNotNull(row, "the table has a row for " + relation.get("id"));
            assertTrue(row.selectFirst("th[scope=row]").text().startsWith(from), relation.get("id") + " starts from " + from);
            assertTrue(row.select("td").get(1).text().startsWith(to), relation.get("id") + " names " + to);
            assertEquals(((List<?>) relation.get("sources")).size(), row.select("td .cite a[href]").size(),
                    relation.get("id") + " links each of its sources");
        }
        assertEquals(joined, boxes.keySet(), "the diagram draws exactly the actors its relations join");
        assertNotNull(parties.selectFirst("table.relations caption"), "the table says what it is");
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.attr(attribute));
    }

    /** Whether a point lies on or just outside (within 4 units of) a box {left, top, right, bottom}. */
    private static boolean near(double[] box, double[] point) {
        return point[0] >= box[0] - 4 && point[0] <= box[2] + 4 && point[1] >= box[1] - 4 && point[1] <= box[3] + 4;
    }

    private static boolean inside(double[] box, double[] point) {
        return point[0] > box[0] && point[0] < box[2] && point[1] > box[1] && point[1] < box[3];
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> loadList(Path file) throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        return (List<Map<String, Object>>) yaml.load(Files.readString(file));
    }

    /** The language of the edition a page of the built site belongs to, from its folder. */
    private static String edition(String page) {
        return page.startsWith("ar/") ? "ar" : page.startsWith("ru/") ? "ru" : "en";
    }
}
