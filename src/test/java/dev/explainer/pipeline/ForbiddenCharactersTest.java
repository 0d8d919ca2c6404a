package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Characters that no page or feed may hold (control characters, noncharacters, lone surrogates)
 * are errors at their place in the sources, however they are written; and no diagnostic prints
 * one to the terminal.
 */
class ForbiddenCharactersTest {
    private static final String ANN = """
            -- content/people/ann.md --
            ---
            name: %s
            party: reds
            ---
            Ann is %s.
            """;

    @TempDir
    Path root;

    /** Builds the base site, writes {@code change}, and checks the build fails with exactly {@code expected}. */
    private void assertRefused(String change, String... expected) {
        TestSite.write(root, TestSite.BASE);
        assertEquals(0, TestSite.build(root).exitCode());
        Map<String, byte[]> before = TestSite.snapshot(root.resolve("site"));

        TestSite.write(root, change);
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode(), run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(List.of(expected), lines.subList(0, lines.size() - 1), run.err());
        assertNoForbiddenCharacter(run.err());
        Map<String, byte[]> after = TestSite.snapshot(root.resolve("site"));
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
    }

    private static void assertNoForbiddenCharacter(String printed) {
        printed.codePoints().forEach(c -> assertTrue(c >= 0x20 && c != 0x7f || c == '\n' || c == '\r',
                "printed U+" + Integer.toHexString(c) + " in\n" + printed));
    }

    @Test
    void aTerminalEscapeWrittenInAMarkdownBody() {
        assertRefused(ANN.formatted("Ann", "\u001b[2Jred"),
                "content/people/ann.md:5:8: error: control character U+001B is not allowed: web pages and feeds cannot hold it;"
                        + " delete it (an editor may show it as a box, or not at all)");
    }

    @Test
    void controlCharactersWrittenInAYamlFileAreEachReported() {
        assertRefused("""
                -- content/topics.yaml --
                - id: tax
                  name: "Tax\u0001"
                  # a comment with DEL \u007f and a C1 control \u0085
                """,
                "content/topics.yaml:2:13: error: control character U+0001 is not allowed: web pages and feeds cannot hold it;"
                        + " delete it (an editor may show it as a box, or not at all)",
                "content/topics.yaml:3:24: error: control character U+007F is not allowed: web pages and feeds cannot hold it;"
                        + " delete it (an editor may show it as a box, or not at all)",
                "content/topics.yaml:3:43: error: control character U+0085 is not allowed: web pages and feeds cannot hold it;"
                        + " delete it (an editor may show it as a box, or not at all)");
    }

    @Test
    void aControlCharacterWrittenWithAYamlEscape() {
        assertRefused(ANN.formatted("\"A\\x01nn\"", "red"),
                "content/people/ann.md:2:7: error: the quoted string holds control character U+0001 (written with an escape such as"
                        + " \\x01): web pages and feeds cannot hold it; remove the escape");
    }

    @Test
    void noncharactersAndLoneSurrogatesWrittenWithYamlEscapes() {
        assertRefused("""
                -- content/quotes.yaml --
                - id: ann-hello
                  speaker: ann
                  text: "Hello\\uFFFE"
                  date: 2015-10-23
                - id: bob-bye
                  speaker: bob
                  text: "Bye \\uD800 and \\U0010FFFF"
                  date: 2015-10-24
                """,
                "content/quotes.yaml:3:9: error: the quoted string holds noncharacter U+FFFE (written with an escape such as"
                        + " \\uFFFE): web pages and feeds cannot hold it; remove the escape",
                "content/quotes.yaml:7:9: error: the quoted string holds lone surrogate U+D800 (written with an escape such as"
                        + " \\uD800): half of a surrogate pair and no character on its own; write the character itself instead of escapes");
        TestSite.write(root, """
                -- content/topics.yaml --
                - id: tax
                  name: "Tax \\U0010FFFF"
                """);
        TestSite.Run run = TestSite.build(root);
        assertTrue(run.err().lines().toList().contains("content/topics.yaml:2:9: error: the quoted string holds noncharacter U+10FFFF"
                + " (written with an escape such as \\U0010FFFF): web pages and feeds cannot hold it; remove the escape"), run.err());
    }

    @Test
    void aKeyHoldingATerminalEscapeIsPrintedEscaped() throws Exception {
        String change = """
                -- content/people/ann.md --
                ---
                name: Ann
                party: reds
                "\\e]0;pwned\\a\\e[2J": x
                ---
                Ann.
                """;
        String expected = "content/people/ann.md:4:1: error: the key '\\u001B]0;pwned\\u0007\\u001B[2J' holds control character"
                + " U+001B (written with an escape such as \\x1B): web pages and feeds cannot hold it; remove the escape";
        assertRefused(change, expected);

        TestSite.Run json = TestSite.cli("check", "--source", root.toString(), "--format", "json");
        assertEquals(1, json.exitCode(), json.err());
        assertNoForbiddenCharacter(json.out());
        JsonNode problems = new ObjectMapper().readTree(json.out());
        assertTrue(problems.toString().contains("\"message\":\"the key '\\\\u001B]0;pwned\\\\u0007\\\\u001B[2J' holds"), json.out());
    }

    @Test
    void markdownCharacterReferencesToForbiddenCharacters() {
        assertRefused(ANN.formatted("Ann", "&#27;[2J, [red](/ \"&#x7;\") and `&#1;` in code"),
                "content/people/ann.md:5:8: error: '&#27;' stands for control character U+001B, which web pages and feeds cannot hold;"
                        + " remove it",
                "content/people/ann.md:5:27: error: '&#x7;' stands for control character U+0007, which web pages and feeds cannot hold;"
                        + " remove it");
    }

    @Test
    void tabsLineBreaksAndOtherCharactersKeepTheFeedWellFormed() throws Exception {
        TestSite.write(root, TestSite.BASE + """
                -- content/schemas/page.json --
                {"type": "object",
                 "properties": {"title": {"type": "string"}, "url": {"type": "string"}, "template": {"type": "string"},
                   "changes": {"type": "array", "items": {"type": "object",
                     "properties": {"date": {"type": "string", "format": "date"}, "text": {"type": "string"}}}}},
                 "required": ["title"], "additionalProperties": false}
                -- content/pages/index.md --
                ---
                title: Welcome
                url: /
                changes:
                  - {date: 2015-10-23, text: "Tab\\tline\\nbreak, caf\\u00e9, \\U0001F600, \\u00a0 and \\uFFFD"}
                ---
                Tab\tand caf\u00e9 &#9; &#xA0; \uD83D\uDE00.
                -- content/pages/feed.md --
                ---
                title: Feed
                url: /updates.xml
                template: feed.ftlx
                ---
                -- templates/feed.ftlx --
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>${site.title}</title><#list changelog as c>
                <entry><title>${c.text}</title><updated>${c.date?string.iso}T00:00:00Z</updated></entry></#list>
                </feed>
                """);
        TestSite.edit(root, "content/site.yaml", "menu:", "changelog: changes\nmenu:");
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        byte[] feed = Files.readAllBytes(root.resolve("site/updates.xml"));
        org.w3c.dom.Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(feed));
        assertEquals("Tab\tline\nbreak, caf\u00e9, \uD83D\uDE00, \u00a0 and \uFFFD",
                xml.getElementsByTagName("entry").item(0).getFirstChild().getTextContent());

        TestSite.edit(root, "content/pages/index.md", "\\tline", "\\x1b[31mline");
        TestSite.Run refused = TestSite.build(root);
        assertEquals(1, refused.exitCode(), refused.err());
        assertTrue(refused.err().startsWith("content/pages/index.md:5:30: error: the quoted string holds control character U+001B"),
                refused.err());
        assertArrayEquals(feed, Files.readAllBytes(root.resolve("site/updates.xml")), "the feed of the last good build stays");
        assertFalse(TestSite.html(root.resolve("site/index.html")).text().isEmpty());
    }
}
