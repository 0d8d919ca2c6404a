package dev.explainer.yaml;

import dev.explainer.diagnostic.Diagnostic;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlParserTest {
    private final YamlParser parser = new YamlParser();

    private Map<?, ?> data(String yaml) {
        YamlParser.Result result = parser.parse("f.yaml", yaml, 1);
        assertEquals(List.of(), result.diagnostics());
        return (Map<?, ?>) result.root().orElseThrow().toPlain();
    }

    @Test
    void yaml11SurprisesDoNotChangeData() {
        Map<?, ?> data = data("""
                country: no
                answer: yes
                switch: off
                zip: 01234
                version: 1.10
                """);
        assertEquals("no", data.get("country"));
        assertEquals("yes", data.get("answer"));
        assertEquals("off", data.get("switch"));
        assertEquals("01234", data.get("zip"), "leading zeros are kept as text");
        assertEquals(1.1, data.get("version"), "a decimal is a number; a schema saying string reports it");
    }

    @Test
    void typesPlainScalarsStrictly() {
        Map<?, ?> data = data("""
                flag: true
                count: 42
                empty:
                tilde: ~
                quoted: "true"
                date: 2015-10-23
                quoted_date: '2015-10-23'
                stamp: 2015-10-23T10:00:00Z
                """);
        assertEquals(Boolean.TRUE, data.get("flag"));
        assertEquals(42L, data.get("count"));
        assertEquals(null, data.get("empty"));
        assertEquals(null, data.get("tilde"));
        assertEquals("true", data.get("quoted"));
        assertEquals(LocalDate.of(2015, 10, 23), data.get("date"), "a bare date is a java.time date, not a java.util.Date");
        assertEquals("2015-10-23", data.get("quoted_date"));
        assertEquals("2015-10-23T10:00:00Z", data.get("stamp"));
    }

    @Test
    void explicitStringTagIsHonoured() {
        assertEquals("5", data("n: !!str 5\n").get("n"));
        assertEquals("true", data("b: !!str true\n").get("b"));
        assertEquals("<<", data("arrow: <<\n").get("arrow"), "'<<' as a value is text, not a merge");
        assertEquals(List.of(1L, "two", "3"), data("list: [1, two, '3']\n").get("list"));
    }

    @Test
    void positionsAreWholeFileAndOneBased() {
        YamlParser.Result result = parser.parse("a.md", "title: x\nlist:\n  - one\n  - two\n", 2);
        YamlNode.Mapping root = (YamlNode.Mapping) result.root().orElseThrow();
        YamlNode.Sequence list = (YamlNode.Sequence) root.get("list").orElseThrow();
        assertEquals(5, list.items().get(1).position().line(), "line 4 of the front matter, which starts at line 2");
        assertEquals(5, list.items().get(1).position().column());
        assertEquals(3, root.member("list").orElseThrow().keyPosition().line());
    }

    @Test
    void rejectsTagsThatAreNotPlainData() {
        YamlParser.Result result = parser.parse("f.yaml", "a: !custom x\nb: !!set {x}\nc: !!binary aGk=\n", 1);
        List<String> messages = result.diagnostics().stream().map(Diagnostic::format).toList();
        assertEquals(3, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("f.yaml:1:4: error: YAML tag '!custom' is not allowed"), messages.get(0));
        assertTrue(messages.get(1).startsWith("f.yaml:2:4: error: YAML tag '!!set' is not allowed"), messages.get(1));
        assertTrue(messages.get(2).startsWith("f.yaml:3:4: error: YAML tag '!!binary' is not allowed"), messages.get(2));
    }

    @Test
    void rejectsMergeKeysAndNonScalarKeys() {
        YamlParser.Result result = parser.parse("f.yaml", "base: &b {x: 1}\nuse:\n  <<: *b\n? [a, b]\n: v\n", 1);
        List<String> messages = result.diagnostics().stream().map(Diagnostic::format).toList();
        assertEquals(List.of(
                "f.yaml:3:3: error: YAML merge keys ('<<') are not supported; write the keys out",
                "f.yaml:4:3: error: a key must be a plain name, not a list"), messages);
    }

    @Test
    void aBillionLaughsStopsAtTheAliasLimit() {
        String bomb = """
                a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
                c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
                d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
                """;
        YamlParser.Result result = parser.parse("bomb.yaml", bomb, 1);
        assertTrue(result.root().isEmpty());
        assertEquals("bomb.yaml:4:16: error: too many YAML aliases (more than 20); write the values out instead of repeating anchors",
                result.diagnostics().get(0).format());
    }

    @Test
    void reportsDuplicateKeysAtTheSecondKey() {
        YamlParser.Result result = parser.parse("f.yaml", "a: 1\nb: 2\na: 3\n", 1);
        assertEquals("f.yaml:3:1: error: duplicate key 'a' (first given at line 1); remove one of them",
                result.diagnostics().get(0).format());
    }

    @Test
    void syntaxErrorsCarryTheirPosition() {
        YamlParser.Result result = parser.parse("f.md", "title: x\n\tbad: tab\n", 2);
        Diagnostic error = result.diagnostics().get(0);
        assertEquals(3, error.line());
        assertEquals(1, error.column());
        assertTrue(error.message().startsWith("a tab character"), error.message());
    }
}
