package dev.explainer.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.explainer.pipeline.BuildOptions;
import dev.explainer.pipeline.BuildResult;
import dev.explainer.pipeline.SiteBuilder;
import dev.explainer.testing.TestSite;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A second explainer, of a fictional negotiation, in {@code src/test/fixtures/second-site}: other
 * collections, URL patterns, a sparse matrix and a renamed change log than the real site. It shows
 * that the engine serves a site of another shape with no Java changes, read as a reader would.
 */
class SecondSiteTest {
    static final Path SOURCE = Path.of("src/test/fixtures/second-site").toAbsolutePath();

    @TempDir
    static Path temp;
    static Path built;
    static final Map<String, Document> pages = new TreeMap<>();

    @BeforeAll
    static void buildTheFixture() throws IOException {
        built = temp.resolve("site");
        BuildResult result = new SiteBuilder().run(BuildOptions.build(SOURCE, built));
        assertEquals(List.of(), result.diagnostics(), "the fixture site builds without errors or warnings");
        try (Stream<Path> walk = Files.walk(built)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
                pages.put(built.relativize(file).toString().replace('\\', '/'), TestSite.html(file));
            }
        }
    }

    @Test
    void everyEntryWithAPageGetsItAtItsCollectionsPattern() {
        assertEquals(List.of("blocs/delta/index.html", "blocs/upstream/index.html", "errors/not-found/index.html", "index.html",
                "members/index.html", "statements/highmere-shares/index.html", "statements/index.html",
                "statements/lowfen-minimum-flow/index.html", "statements/sorrel-disputes/index.html",
                "treaty/article-allocation.html", "treaty/article-disputes.html", "treaty/article-monitoring.html",
                "treaty/index.html"), pages.entrySet().stream()
                .filter(page -> page.getValue().select("meta[http-equiv=refresh]").isEmpty()).map(Map.Entry::getKey).toList());
        assertEquals("Article 2: Joint monitoring", pages.get("treaty/article-monitoring.html").selectFirst("h1").text());
    }

    @Test
    void theSparseMatrixShowsEveryDemandAndSaysWhereThereIsNone() {
        Element table = pages.get("treaty/index.html").selectFirst("table.demands");
        assertEquals("What each bloc asks of each article", table.selectFirst("caption").text());
        List<String> rows = new ArrayList<>();
        for (Element row : table.select("tbody tr")) {
            rows.add(row.select("th, td").eachText().toString());
        }
        assertEquals(List.of(
                "[1. Allocation of flow, A guaranteed minimum flow at the mouth., Shares set by each country's area of the basin.]",
                "[2. Joint monitoring, Measurements published every day., No demand]",
                "[3. Settling disputes, No demand, No demand]"), rows);
    }

    @Test
    void shortcodesShowAStatementByIdAndACalloutAndTheStatementKnowsWhereItIsCited() {
        Document allocation = pages.get("treaty/article-allocation.html");
        Element card = allocation.selectFirst("main figure.statement-card");
        assertEquals("Without a guaranteed minimum, the delta's fields go dry in <summer>.", card.selectFirst("blockquote").text());
        assertEquals("../statements/lowfen-minimum-flow/index.html", card.selectFirst("figcaption a").attr("href"));
        Element callout = allocation.selectFirst("main aside.callout.callout-note");
        assertEquals("Still open", callout.selectFirst(".callout-title").text());
        assertEquals("not agreed", callout.selectFirst("p strong").text());
        assertEquals("../treaty/index.html", callout.selectFirst("a").attr("href"));
        assertEquals(List.of("Allocation of flow"),
                pages.get("statements/lowfen-minimum-flow/index.html").select("ul.cited li a").eachText(), "cited by the shortcode");
    }

    @Test
    void referencesWorkBothWays() {
        assertEquals(List.of("Highmere", "Sorrel"), pages.get("blocs/upstream/index.html").select("ul.members a").eachText());
        assertEquals(List.of("Lowfen wants a minimum flow & daily data", "Highmere asks for shares by area"),
                pages.get("treaty/article-allocation.html").select("ul.statements a").eachText());
        Element by = pages.get("statements/lowfen-minimum-flow/index.html").selectFirst("p.by a");
        assertEquals("../../members/index.html#lowfen", by.attr("href"));
        assertEquals("Lowfen, since 30 Jun 2029", pages.get("members/index.html").getElementById("lowfen").text());
    }

    /** {@code supporters[].country}: each item of a list of objects names a country. */
    @Test
    void aReferenceInsideAListOfObjectsGivesTheEntryAndCountsAsReferring() {
        Document statement = pages.get("statements/sorrel-disputes/index.html");
        assertEquals(List.of("Lowfen (co-sponsor)", "Marsh (observer)"), statement.select("ul.supporters li").eachText());
        assertEquals("../../members/index.html#marsh", statement.select("ul.supporters a").get(1).attr("href"));
        // Only Sorrel's statement names Marsh, inside its supporters: no 'nothing refers to' warning (the build has none).
        assertEquals("Marsh, since 2 Nov 2030", pages.get("members/index.html").getElementById("marsh").text());
        assertEquals(null, pages.get("statements/lowfen-minimum-flow/index.html").selectFirst("ul.supporters"));
    }

    @Test
    void statementsComeNewestFirstAndTextIsEscaped() throws IOException {
        assertEquals(List.of("Lowfen wants a minimum flow & daily data", "Sorrel proposes a standing panel",
                "Highmere asks for shares by area"), pages.get("statements/index.html").select("ol.statements a").eachText());
        String html = Files.readString(built.resolve("statements/lowfen-minimum-flow/index.html"));
        assertTrue(html.contains("dry in &lt;summer&gt;."), html);
    }

    @Test
    void theRenamedChangeLogFeedsTheAtomFeed() throws IOException {
        Document feed = Jsoup.parse(Files.readString(built.resolve("revisions.xml")), "", Parser.xmlParser());
        assertEquals(List.of("Lowfen wants a minimum flow & daily data: Corrected the date of the statement.",
                        "The Verdant Basin water talks: First published, with two blocs and three treaty articles."),
                feed.select("entry > title").eachText());
        assertEquals("https://basin-talks.example.net/explainer/statements/lowfen-minimum-flow/",
                feed.selectFirst("entry > link").attr("href"));
    }

    @Test
    void everyLinkOnEveryPageLeadsToAFileOfTheSite() {
        List<String> broken = new ArrayList<>();
        pages.forEach((path, page) -> {
            for (Element link : page.select("a[href], link[href]")) {
                String href = link.attr("href");
                if (href.startsWith("https:")) {
                    continue;
                }
                // The error page links from the root of base_url, as it is served at any depth.
                String fromRoot = href.startsWith("/") ? href.replaceFirst("^/explainer/", "/") : href;
                URI target = URI.create("file:/" + path).resolve(fromRoot);
                Path file = built.resolve(target.getPath().substring(1));
                if (Files.isDirectory(file)) {
                    file = file.resolve("index.html");
                }
                if (!Files.isRegularFile(file)) {
                    broken.add(path + " -> " + href);
                }
            }
        });
        assertEquals(List.of(), broken);
    }

    @Test
    void theErrorPageIsWhereTheSiteSaysLinksFromTheRootAndIsLeftOutOfTheSitemap() {
        Document page = pages.get("errors/not-found/index.html");
        assertEquals("/explainer/index.html", page.selectFirst("main a").attr("href"), "served at any depth, it links from the root");
        assertTrue(page.selectFirst("link[rel=stylesheet]").attr("href").startsWith("/explainer/assets/basin."));
        String sitemap = new String(TestSite.snapshot(built).get("sitemap.xml"), StandardCharsets.UTF_8);
        assertFalse(sitemap.contains("errors"), sitemap);
        assertFalse(Files.exists(built.resolve("404.html")));
    }

    @Test
    void theRootStaticFilesArePublishedByteForByteWithTheSitesOwnRobotsFile() throws IOException {
        for (String path : List.of("favicon.ico", "CNAME", ".well-known/security.txt", "robots.txt")) {
            assertArrayEquals(Files.readAllBytes(SOURCE.resolve("content/static/" + path)), Files.readAllBytes(built.resolve(path)), path);
        }
        assertEquals("favicon.ico", pages.get("index.html").selectFirst("link[rel=icon]").attr("href"));
        assertEquals("../favicon.ico", pages.get("treaty/index.html").selectFirst("link[rel=icon]").attr("href"));
    }

    @Test
    void imagesBesideAnArticleAndInTheMediaFolderAreShownWithTheirSizeFromFingerprintedFiles() throws IOException {
        Element map = pages.get("index.html").selectFirst("img");
        assertTrue(map.attr("src").matches("media/basin-map\\.[0-9a-f]{10}\\.svg"), map.attr("src"));
        assertEquals(List.of("320", "180"), List.of(map.attr("width"), map.attr("height")), "from the SVG's viewBox");
        assertTrue(map.attr("alt").startsWith("A map of the Verdant Basin"), map.attr("alt"));

        Element shares = pages.get("treaty/article-allocation.html").selectFirst("img");
        assertTrue(shares.attr("src").matches("\\.\\./articles/allocation-shares\\.[0-9a-f]{10}\\.png"), shares.attr("src"));
        assertEquals(List.of("16", "8", "Shares of the flow", "lazy"),
                List.of(shares.attr("width"), shares.attr("height"), shares.attr("title"), shares.attr("loading")));
        byte[] published = Files.readAllBytes(built.resolve("treaty").resolve(shares.attr("src")).normalize());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(SOURCE.resolve("content/articles/allocation-shares.png")), published),
                "the image's own bytes, under its fingerprinted name");
    }

    @Test
    void theSearchIndexHoldsEveryPageButTheErrorPageAndEachSectionIsAnIdOnItsPage() throws IOException {
        JsonNode index = new ObjectMapper().readTree(built.resolve("find/index.json").toFile());
        List<String> indexed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (JsonNode page : index.get("pages")) {
            String url = page.get("url").asText();
            indexed.add(url);
            for (JsonNode section : page.get("sections")) {
                if (pages.get(url).getElementById(section.get("id").asText()) == null) {
                    missing.add(url + "#" + section.get("id").asText());
                }
            }
        }
        List<String> expected = new ArrayList<>(pages.keySet());
        expected.remove("errors/not-found/index.html");
        expected.removeIf(url -> pages.get(url).selectFirst("meta[name=robots][content*=noindex]") != null); // redirect pages
        assertEquals(expected, indexed.stream().sorted().toList());
        assertEquals(List.of(), missing, "every result's link leads to an element of its page");
        JsonNode monitoring = index.get("pages").get(indexed.indexOf("treaty/article-monitoring.html"));
        assertEquals("""
                {"title":"Article 2: Joint monitoring","url":"treaty/article-monitoring.html",\
                "text":"Who measures the flow, and who sees the measurements.",\
                "sections":[{"id":"statements","title":"Statements on this article","text":""}]}""", monitoring.toString(),
                "the list of statements is excluded");
        assertTrue(!Files.exists(built.resolve("search.json")));
    }

    @Test
    void aStrictCheckFindsNothingToReport() {
        TestSite.Run run = TestSite.cli("check", "--strict", "--source", SOURCE.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
    }

    @Test
    void buildingTwiceGivesTheSameBytes(@TempDir Path again) {
        BuildResult second = new SiteBuilder().run(BuildOptions.build(SOURCE, again.resolve("site")));
        assertEquals(List.of(), second.diagnostics());
        TestSite.assertSameFiles(TestSite.snapshot(built), again.resolve("site"));
        assertTrue(new String(TestSite.snapshot(built).get("sitemap.xml"), StandardCharsets.UTF_8)
                .contains("<loc>https://basin-talks.example.net/explainer/treaty/article-allocation.html</loc>"));
    }

    @Test
    void meetingsAreCalendarFilesAtAddressesMadeFromTheirDates() throws IOException {
        assertEquals(List.of("../meetings/2031/04/opening-session.ics", "../meetings/2031/05/monitoring-session.ics"),
                pages.get("statements/index.html").select("ul.meetings a").eachAttr("href"));
        String calendar = Files.readString(built.resolve("meetings/2031/04/opening-session.ics"));
        assertTrue(calendar.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), calendar);
        assertTrue(calendar.contains("\r\nDTSTART;VALUE=DATE:20310427\r\nSUMMARY:Opening session\\, at the river authority\r\n"
                + "LOCATION:Lowfen\\; the river authority's hall\r\n"), calendar);
        String sitemap = Files.readString(built.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("/statements/</loc>") && !sitemap.contains(".ics") && !sitemap.contains(".json"), sitemap);
    }

    @Test
    void theStatementsAreAlsoAJsonFileWithTheirTextUnescaped() throws IOException {
        JsonNode data = new ObjectMapper().readTree(built.resolve("statements.json").toFile());
        assertEquals("The Verdant Basin water talks", data.get("title").asText());
        JsonNode newest = data.get("statements").get(0);
        assertEquals("Lowfen wants a minimum flow & daily data", newest.get("headline").asText());
        assertEquals("Without a guaranteed minimum, the delta's fields go dry in <summer>.", newest.get("said").asText());
        assertEquals("[\"allocation\",\"monitoring\"]", newest.get("articles").toString());
        assertEquals("https://basin-talks.example.net/explainer/statements/lowfen-minimum-flow/", newest.get("url").asText());
        assertEquals(3, data.get("statements").size());
    }

    @Test
    void formerAddressesLeadToTheRenamedEntries() throws IOException {
        Document formerId = pages.get("statements/lowfen-flow/index.html");
        assertEquals("0; url=../../statements/lowfen-minimum-flow/index.html", formerId.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals("https://basin-talks.example.net/explainer/statements/lowfen-minimum-flow/",
                formerId.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("Lowfen wants a minimum flow & daily data", formerId.selectFirst("body a").text(), "named by its display field");
        assertEquals("en-GB", formerId.selectFirst("html").attr("lang"));
        assertEquals("../../statements/lowfen-minimum-flow/index.html",
                pages.get("statements/2031/lowfen.html").selectFirst("body a").attr("href"));
        assertEquals("../treaty/article-allocation.html", pages.get("treaty/article-flow.html").selectFirst("body a").attr("href"),
                "a former id placed by the collection's .html pattern");
        assertEquals("""
                # Former addresses and where they lead, written by the build for nginx's 'map' (see docs/deploying.md).
                "/statements/2031/lowfen.html" "/statements/lowfen-minimum-flow/";
                "/statements/lowfen-flow/" "/statements/lowfen-minimum-flow/";
                "/statements/lowfen-flow" "/statements/lowfen-minimum-flow/";
                "/treaty/article-flow.html" "/treaty/article-allocation.html";
                """, Files.readString(built.resolve("redirects.map")));
        assertTrue(!Files.readString(built.resolve("sitemap.xml")).contains("lowfen-flow"), "redirects are not pages of the site");
    }
}
