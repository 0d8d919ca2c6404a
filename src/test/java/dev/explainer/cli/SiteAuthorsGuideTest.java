package dev.explainer.cli;

import dev.explainer.testing.TestSite;

import org.jsoup.nodes.Document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site authors' guide's example of adding a collection works as written: applied to a site
 * that {@code init} has just made, in the guide's own words and code, it checks strict without a
 * warning and gives each topic a page that lists the statements about it.
 */
class SiteAuthorsGuideTest {
    private static final Path GUIDE = Path.of("docs/site-authors.md");

    @TempDir
    Path root;

    @Test
    void addingTheGuidesCollectionToTheInitSiteWorks() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        String section = section(guide, "## Add a collection");
        Path site = root.resolve("site-src");
        assertEquals(0, TestSite.cli("init", site.toString()).exitCode());

        // 1. the collection, under collections: (the last key of the init site's site.yaml)
        Files.writeString(site.resolve("content/site.yaml"), "\n" + block(section, "yaml", 0), StandardOpenOption.APPEND);
        Files.createDirectories(site.resolve("content/topics"));
        // 2. its schema
        Files.writeString(site.resolve("content/schemas/topic.schema.json"), block(section, "json", 0));
        // 3. the reference, the statement schema's field and a statement naming a topic
        TestSite.edit(site, "content/site.yaml", "references: {group: groups}", inline(section, "references: {group: groups, topics: topics}"));
        TestSite.edit(site, "content/schemas/statement.schema.json", "    \"source\": {",
                "    " + inline(section, "\"topics\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}") + ",\n    \"source\": {");
        TestSite.edit(site, "content/statements.yaml", "  date: 2025-03-03\n", "  date: 2025-03-03\n  " + inline(section, "topics: [location]") + "\n");
        // 5. its template; 7. a link to each topic from the Statements page
        Files.writeString(site.resolve("templates/topic.ftlh"), block(section, "ftl", 0));
        TestSite.edit(site, "templates/statements.ftlh", "    <p>${statement.text}</p>\n", "    <p>${statement.text}</p>\n" + block(section, "ftl", 1));

        assertTrue(section.contains("`new topics location`"));
        TestSite.Run created = TestSite.cli("new", "topics", "location", "--source", site.toString());
        assertEquals(0, created.exitCode(), created.err());
        TestSite.edit(site, "content/topics/location.md", "title:\n", "title: Where the bridge goes\n");
        TestSite.edit(site, "content/topics/location.md", "question:\n", "question: Upstream or downstream?\n");

        TestSite.Run check = TestSite.cli("check", "--strict", "--source", site.toString());
        assertEquals(0, check.exitCode(), check.err());
        assertEquals("", check.err());
        assertEquals(0, TestSite.build(site).exitCode());
        Document topic = TestSite.html(site.resolve("site/topics/location/index.html"));
        assertEquals("Where the bridge goes", topic.selectFirst("h1").text());
        assertEquals(List.of("../../statements/index.html#residents-downstream"), topic.select("#statements + ul a").eachAttr("href"));
        Document statements = TestSite.html(site.resolve("site/statements/index.html"));
        assertEquals("About: Where the bridge goes", statements.selectFirst("#residents-downstream p.meta").text());
    }

    /** The text from a heading to the next heading of the same level. */
    private static String section(String text, String heading) {
        Matcher section = Pattern.compile("(?ms)^" + Pattern.quote(heading) + "$.*?(?=^## |\\z)").matcher(text);
        assertTrue(section.find(), "the guide has a section '" + heading + "'");
        return section.group();
    }

    /** The {@code index}th fenced block of that language in the text. */
    private static String block(String text, String language, int index) {
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("(?ms)^```" + language + "\\n(.*?)^```$").matcher(text);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertTrue(blocks.size() > index, "the guide has " + (index + 1) + " " + language + " block(s): " + blocks);
        return blocks.get(index);
    }

    /** A snippet the guide gives in backticks, as written. */
    private static String inline(String text, String snippet) {
        assertTrue(text.replaceAll("\\s*\\n\\s*", " ").contains("`" + snippet + "`"), "the guide shows `" + snippet + "`");
        return snippet;
    }
}
