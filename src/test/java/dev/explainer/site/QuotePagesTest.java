package dev.explainer.site;

import dev.explainer.pipeline.BuildOptions;
import dev.explainer.pipeline.BuildResult;
import dev.explainer.pipeline.SiteBuilder;
import dev.explainer.testing.TestSite;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real site's quotes: each printed whole once, listed compactly elsewhere, the wordings of one
 * remark shown together, every quote page under its own headline with its related quotes.
 */
class QuotePagesTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    static Path temp;
    static Path built;
    /** The quotes of content/quotes.yaml by id, in the file's order. */
    static Map<String, Map<String, Object>> quotes = new LinkedHashMap<>();
    static String baseUrl;

    @BeforeAll
    static void buildTheSite() throws IOException {
        built = temp.resolve("site");
        BuildResult result = new SiteBuilder().run(BuildOptions.build(PROJECT, built));
        assertEquals(List.of(), result.diagnostics(), "the real site builds without errors or warnings");
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) yaml.load(Files.readString(PROJECT.resolve("content/quotes.yaml")));
        list.forEach(quote -> quotes.put((String) quote.get("id"), quote));
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) yaml.load(Files.readString(PROJECT.resolve("content/site.yaml")));
        baseUrl = (String) config.get("base_url");
    }

    private static Document page(String path) {
        return TestSite.html(built.resolve(path));
    }

    private static String pageOf(String id) {
        return "quotes/" + id + "/index.html";
    }

    /** The ids of the other wordings of a quote's remark (those naming it, or the one it names and its other wordings). */
    private static Set<String> otherWordings(String id) {
        Object first = quotes.get(id).get("wording_of");
        String root = first == null ? id : (String) first;
        Set<String> wordings = new HashSet<>();
        wordings.add(root);
        quotes.forEach((other, quote) -> {
            if (root.equals(quote.get("wording_of"))) {
                wordings.add(other);
            }
        });
        wordings.remove(id);
        return wordings;
    }

    /** The quote a link on a page at depth two (issues/x/, parties/x/, people/x/, quotes/x/) leads to, or null. */
    private static String quoteLinkedBy(Element link) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("^\\.\\./\\.\\./quotes/([a-z0-9-]+)/index\\.html$")
                .matcher(link.attr("href"));
        return matcher.matches() ? matcher.group(1) : null;
    }

    /**
     * A compact list of quotes: one line each, never the whole text of a quote, direct quotes'
     * first words in quotation marks, reported statements marked and never in quotation marks,
     * each line linking its quote's page (and the other wordings of the same remark). Returns the
     * quotes linked, in order.
     */
    private static List<String> assertCompactList(String name, Element list) {
        assertEquals("ul", list.tagName(), name + ": a list");
        List<String> linked = new ArrayList<>();
        for (Element item : list.children()) {
            assertEquals("li", item.tagName(), name);
            Element first = item.selectFirst("a");
            String id = quoteLinkedBy(first);
            assertNotNull(id, name + ": the line links its quote's own page: " + item.outerHtml());
            Map<String, Object> quote = quotes.get(id);
            String words = first.text();
            assertFalse(item.text().contains((String) quote.get("text")), name + ": not the whole text of " + id);
            String opening = words.replaceAll("^“|”$", "").replaceAll("…$", "");
            assertTrue(((String) quote.get("text")).startsWith(opening) && opening.length() < ((String) quote.get("text")).length(),
                    name + ": the first words of " + id + ": " + words);
            if (quote.get("kind").equals("direct")) {
                assertTrue(words.startsWith("“") && words.endsWith("”"), name + ": a direct quote in quotation marks: " + words);
            } else {
                assertFalse(item.text().matches(".*[\"“”].*"), name + ": a reported statement is never quoted: " + item.text());
                assertTrue(item.text().toLowerCase(java.util.Locale.ROOT).contains("as reported:"), name + ": marked as reported: " + item.text());
            }
            linked.add(id);
            for (Element other : item.select("a").subList(1, item.select("a").size())) {
                String otherId = quoteLinkedBy(other);
                assertTrue(otherWordings(id).contains(otherId), name + ": a line links only its remark's other wordings: " + other);
                linked.add(otherId);
            }
        }
        return linked;
    }

    @Test
    void issuePartyAndPersonPagesListTheirQuotesInALineEachLinkingEveryQuote() {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        quotes.forEach((id, quote) -> {
            for (Object issue : (List<?>) quote.get("issues")) {
                expected.computeIfAbsent("issues/" + issue + "/index.html", k -> new HashSet<>()).add(id);
            }
            expected.computeIfAbsent("people/" + quote.get("speaker") + "/index.html", k -> new HashSet<>()).add(id);
        });
        expected.put("parties/russia/index.html", expected.get("people/lavrov/index.html"));
        expected.put("parties/united-states/index.html", expected.get("people/kerry/index.html"));
        assertTrue(expected.size() >= 10, expected.keySet().toString());
        for (Map.Entry<String, Set<String>> page : expected.entrySet()) {
            Document document = page(page.getKey());
            Element section = document.selectFirst("section:has(> h2#quotes)");
            assertNotNull(section, page.getKey() + ": a section of quotes");
            assertTrue(section.select("article, blockquote, q").isEmpty(), page.getKey() + ": quotes listed, not shown whole");
            List<String> linked = assertCompactList(page.getKey(), section.selectFirst("ul.quote-list"));
            assertEquals(page.getValue(), new HashSet<>(linked), page.getKey() + ": every quote linked");
            assertEquals(linked.size(), new HashSet<>(linked).size(), page.getKey() + ": each quote once");
            // Reported statements are our words, which the prose may use too; direct quotes are the speaker's.
            for (Map.Entry<String, Map<String, Object>> quote : quotes.entrySet()) {
                assertFalse(quote.getValue().get("kind").equals("direct") && document.text().contains((String) quote.getValue().get("text")),
                        page.getKey() + " prints " + quote.getKey() + " whole");
            }
        }
        // Two wordings of one remark are one line, linking both.
        Element line = page("issues/next-meeting/index.html").selectFirst("ul.quote-list li:has(a[href*=kerry-constructive-ap])");
        assertEquals(List.of("../../quotes/kerry-constructive-ap/index.html", "../../quotes/kerry-constructive-reuters/index.html"),
                line.select("a").eachAttr("href"));
        assertEquals("John Kerry: “I am convinced, having been…” (The Associated Press; also in the wording of Reuters)", line.text());
        assertEquals("Sergei Lavrov, as reported: Russia and Jordan had agreed… (outlet not named)",
                page("parties/russia/index.html").selectFirst("section:has(> h2#quotes) li").text());
    }

    @Test
    void theTwoWordingsOfOneRemarkAreOneItemOnTheQuoteIndexWithTheNote() {
        Document index = page("quotes/index.html");
        int grouped = 0;
        for (Map.Entry<String, Map<String, Object>> quote : quotes.entrySet()) {
            Object first = quote.getValue().get("wording_of");
            if (first == null) {
                continue;
            }
            grouped++;
            Element wording = index.getElementById(quote.getKey());
            Element firstWording = index.getElementById((String) first);
            Element remark = wording.closest("article.quote");
            assertEquals(remark, firstWording.closest("article.quote"), quote.getKey() + " and " + first + " are one item");
            assertTrue(remark.hasClass("remark"));
            assertEquals(List.of(first, quote.getKey()), remark.select(".wording").eachAttr("id"), "the first wording first");
            for (Element each : List.of(firstWording, wording)) {
                Map<String, Object> data = quotes.get(each.id());
                assertEquals(data.get("text"), each.selectFirst("blockquote p").wholeText(), "verbatim: " + each.id());
                assertTrue(each.selectFirst(".attribution").text().contains("Reported by "), each.id());
                assertEquals("../sources/index.html#" + data.get("source"), each.selectFirst(".attribution a[href*=sources]").attr("href"));
                assertEquals("../quotes/" + each.id() + "/index.html", each.selectFirst("a.permalink").attr("href"));
            }
            assertTrue(wording.selectFirst(".attribution").text().contains("Reported by Reuters"), wording.text());
            assertTrue(firstWording.selectFirst(".attribution").text().contains("Reported by The Associated Press"), firstWording.text());
            assertEquals("How the wordings differ: " + ((String) quote.getValue().get("wording_note")).strip(),
                    remark.selectFirst(".wording-note").text());
            assertEquals(1, remark.select(".wording-note").size());
            assertTrue(remark.selectFirst(".quote-kind").text().contains("One remark, as worded by The Associated Press and Reuters"),
                    remark.selectFirst(".quote-kind").text());
            // The same remark is one line in the list by issue too.
            Elements lines = index.select("#by-issue ~ ul li:has(a[href='#" + first + "'])");
            assertFalse(lines.isEmpty());
            for (Element item : lines) {
                assertEquals(List.of("#" + first, "#" + quote.getKey()), item.select("a").eachAttr("href"));
            }
            assertTrue(index.select("#by-issue ~ ul li:has(> a[href='#" + quote.getKey() + "']:first-child)").isEmpty(),
                    "the second wording has no line of its own");
        }
        assertEquals(1, grouped, "the one remark the sources give in two wordings");
        assertEquals(quotes.size() - grouped, index.select("article.quote").size(), "each remark is one item");
        assertEquals(quotes.size(), index.select("a.permalink").size(), "every wording keeps its permanent link");
        assertTrue(index.select("blockquote, .reported").size() == quotes.size(), "each wording printed once");
    }

    @Test
    void eachWordingsPageShowsTheOtherWordingAndTheNote() {
        String note = ((String) quotes.get("kerry-constructive-reuters").get("wording_note")).strip();
        for (String[] pair : new String[][] {{"kerry-constructive-ap", "kerry-constructive-reuters"},
                {"kerry-constructive-reuters", "kerry-constructive-ap"}}) {
            Document document = page(pageOf(pair[0]));
            assertEquals(quotes.get(pair[0]).get("text"), document.selectFirst("main > article.quote blockquote p").wholeText());
            Element section = document.selectFirst("section:has(> h2#other-wordings)");
            assertNotNull(section, pair[0] + ": a section with the other wording");
            assertEquals("The same remark in another outlet's wording", section.selectFirst("h2").text());
            assertEquals(quotes.get(pair[1]).get("text"), section.selectFirst("article.quote blockquote p").wholeText());
            assertEquals("../../quotes/" + pair[1] + "/index.html", section.selectFirst("a.permalink").attr("href"));
            assertEquals("How the wordings differ: " + note, section.selectFirst(".wording-note").text());
        }
        for (String id : quotes.keySet()) {
            if (otherWordings(id).isEmpty()) {
                assertEquals(null, page(pageOf(id)).getElementById("other-wordings"), id + " has no other wording");
            }
        }
    }

    @Test
    void everyQuotePageHasItsOwnHeadlineAsItsOnlyH1AndItsTitle() {
        Set<String> headlines = new HashSet<>();
        for (Map.Entry<String, Map<String, Object>> quote : quotes.entrySet()) {
            String headline = (String) quote.getValue().get("headline");
            assertNotNull(headline, quote.getKey() + " has a headline");
            assertTrue(headlines.add(headline.toLowerCase(java.util.Locale.ROOT)), "headline used twice: " + headline);
            Document document = page(pageOf(quote.getKey()));
            assertEquals(List.of(headline), document.select("h1").eachText(), quote.getKey());
            assertTrue(document.title().startsWith(headline + " · "), document.title());
            assertEquals(headline, document.selectFirst("meta[property=og:title]").attr("content"));
        }
    }

    @Test
    void everyQuotePageLinksRelatedQuotesTheOtherWordingFirstAndNeverItself() {
        for (Map.Entry<String, Map<String, Object>> quote : quotes.entrySet()) {
            String id = quote.getKey();
            Document document = page(pageOf(id));
            Element section = document.selectFirst("section:has(> h2#related-quotes)");
            assertNotNull(section, id + ": a section of related quotes");
            assertEquals("Related quotes", section.selectFirst("h2").text());
            assertTrue(section.select("article, blockquote").isEmpty(), id + ": related quotes listed, not shown whole");
            List<String> linked = assertCompactList(id, section.selectFirst("ul.quote-list"));
            assertFalse(linked.contains(id), id + " links itself as related: " + linked);
            assertFalse(linked.isEmpty(), id);
            assertTrue(section.selectFirst("ul").children().size() <= 6, id + ": a short list");
            List<String> others = new ArrayList<>(otherWordings(id));
            assertEquals(others, linked.subList(0, others.size()), id + ": the same remark's other wordings first");
            // Then quotes sharing an issue, then the same speaker's.
            List<?> issues = (List<?>) quote.getValue().get("issues");
            boolean sharing = true;
            for (String other : linked.subList(others.size(), linked.size())) {
                boolean shares = ((List<?>) quotes.get(other).get("issues")).stream().anyMatch(issues::contains);
                assertTrue(shares || quotes.get(other).get("speaker").equals(quote.getValue().get("speaker")), id + " -> " + other);
                assertTrue(sharing || !shares, id + ": quotes sharing an issue come before the speaker's others: " + linked);
                sharing = shares;
            }
        }
    }

    @Test
    void everyPermanentLinkCarriesItsCanonicalAddressForCopyLink() {
        int checked = 0;
        for (String path : List.of("quotes/index.html", pageOf("kerry-constructive-ap"), pageOf("lavrov-syrian-people-afp"))) {
            for (Element link : page(path).select("a.permalink")) {
                String id = link.attr("href").replaceAll("^.*quotes/([a-z0-9-]+)/index\\.html$", "$1");
                assertTrue(quotes.containsKey(id), link.outerHtml());
                assertEquals(baseUrl + "quotes/" + id + "/", link.attr("data-permalink"), path);
                assertEquals(link.attr("data-permalink"), page(pageOf(id)).selectFirst("link[rel=canonical]").attr("href"));
                checked++;
            }
        }
        assertEquals(quotes.size() + 2 + 1, checked);
    }
}
