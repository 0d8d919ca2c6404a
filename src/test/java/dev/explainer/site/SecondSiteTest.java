package dev.explainer.site;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(List.of("404.html", "blocs/delta/index.html", "blocs/upstream/index.html", "index.html",
                "members/index.html", "statements/highmere-shares/index.html", "statements/index.html",
                "statements/lowfen-minimum-flow/index.html", "statements/sorrel-disputes/index.html",
                "treaty/article-allocation.html", "treaty/article-disputes.html", "treaty/article-monitoring.html",
                "treaty/index.html"), List.copyOf(pages.keySet()));
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
}
