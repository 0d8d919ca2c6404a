package dev.explainer.validate;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.load.ContentLoader;
import dev.explainer.load.LoadedSite;
import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidatorTest {
    @TempDir
    Path root;

    private Validator.Result validate(String change) {
        TestSite.write(root, TestSite.BASE + change);
        LoadedSite site = new ContentLoader().load(root).site().orElseThrow();
        return new Validator().validate(site);
    }

    private static List<String> messages(Validator.Result result) {
        return result.diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void typesFieldsAsTheSchemaDeclaresThem() {
        Validator.Result result = validate("""
                -- content/people/bob.md --
                ---
                name: "2015-10-23"
                party: blues
                born: "1990-05-06"
                ---
                """);
        assertEquals(List.of(), messages(result));
        ValidEntry bob = result.entries().stream().filter(e -> e.id().equals("bob")).findFirst().orElseThrow();
        assertEquals("2015-10-23", bob.data().get("name"), "a string field stays text even when it looks like a date");
        assertEquals(LocalDate.of(1990, 5, 6), bob.data().get("born"), "a date field is a date even when quoted");
    }

    @Test
    void aDateDeclaredThroughARefIsADate() {
        Validator.Result result = validate("""
                -- content/schemas/person.json --
                {"type": "object",
                 "$defs": {"day": {"type": "string", "format": "date"}, "birthday": {"$ref": "#/$defs/day"}},
                 "properties": {"name": {"type": "string"}, "party": {"type": "string"},
                                "born": {"$ref": "#/$defs/birthday"}, "met": {"type": "array", "items": {"$ref": "#/$defs/day"}}},
                 "required": ["name", "party"], "additionalProperties": false}
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                born: "1990-05-06"
                met: ["2015-10-23"]
                ---
                """);
        assertEquals(List.of(), messages(result));
        ValidEntry bob = result.entries().stream().filter(e -> e.id().equals("bob")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(1990, 5, 6), bob.data().get("born"), "a $ref to a $ref to a date is a date");
        assertEquals(List.of(LocalDate.of(2015, 10, 23)), bob.data().get("met"), "a list of $ref dates is a list of dates");
    }

    @Test
    void dateFormatIsAsserted() {
        assertEquals(List.of("content/people/bob.md:4:7: error: field 'born': 'May 1990' is not a date written YYYY-MM-DD, such as 2024-01-31"),
                messages(validate("""
                        -- content/people/bob.md --
                        ---
                        name: Bob
                        party: blues
                        born: "May 1990"
                        ---
                        """)));
    }

    @Test
    void schemasMayNotReachTheNetworkOrClaimReservedNames() {
        List<String> problems = messages(validate("""
                -- content/schemas/topic.json --
                {"type": "object", "properties": {"name": {"$ref": "https://example.org/name.json"}}}
                -- content/schemas/party.json --
                {"type": "object",
                 "properties": {"name": {"type": "string"},
                   "href": {"type": "string"}}}
                """));
        assertTrue(problems.contains("content/schemas/topic.json:1:1: error: \"$ref\" 'https://example.org/name.json' points outside this file; only local references (#/$defs/...) are allowed"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("content/schemas/party.json:3:4: error: schema declares field 'href', a name the engine reserves")), problems.toString());
    }

    @Test
    void aSchemaThatIsNotJsonIsReportedWhereItBreaks() {
        List<String> problems = messages(validate("""
                -- content/schemas/topic.json --
                {"type": "object",
                 "properties": {"name": {"type": "string"},}}
                """));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("content/schemas/topic.json:2:44: error: schema is not valid JSON:"), problems.get(0));
    }

    @Test
    void aSchemaCutShortSaysWhichBraceIsNotClosedWithoutTheParsersSettings() {
        List<String> problems = messages(validate("""
                -- content/schemas/topic.json --
                {"type": "object", "properties": {
                """));
        assertEquals(List.of("content/schemas/topic.json:2:1: error: schema is not valid JSON: the file ends before the '{' opened"
                + " at line 1, column 34 is closed; close it with '}'"), problems);
    }

    @Test
    void aSchemaThatBreaksTheRulesOfJsonSchemaIsReportedAtItsValueOnce() {
        List<String> problems = messages(validate("""
                -- content/schemas/topic.json --
                {"type": "object",
                 "properties": {"name": {"type": "strng"}, "size": {"minimum": "ten"}}}
                """));
        assertEquals(List.of("content/schemas/topic.json:2:26: error: the value of 'type' is not what JSON Schema allows there:"
                + " 'strng' is not one of array, boolean, integer, null, number, object, string; did you mean 'string'?",
                "content/schemas/topic.json:2:53: error: the value of 'minimum' is not what JSON Schema allows there: string found,"
                + " number expected"), problems);
    }
}
