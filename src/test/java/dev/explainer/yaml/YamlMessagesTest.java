package dev.explainer.yaml;

import dev.explainer.diagnostic.Diagnostic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The YAML mistakes editors make, each reported once, in plain words, at the line to change.
 * Front matter starts at line 2 of its file, so these parse with {@code firstLine} 2 where the
 * message names another line: the line numbers must be the file's.
 */
class YamlMessagesTest {
    private final YamlParser parser = new YamlParser();

    /** The only diagnostic of parsing {@code yaml}, formatted as the build prints it. */
    private String error(String yaml, int firstLine) {
        YamlParser.Result result = parser.parse("f.md", yaml, firstLine);
        assertTrue(result.root().isEmpty(), "nothing is read from a file with a syntax error");
        List<Diagnostic> diagnostics = result.diagnostics();
        assertEquals(1, diagnostics.size(), "one problem, one message: " + diagnostics);
        String message = diagnostics.get(0).format();
        for (String jargon : List.of("<block", "<scalar>", "mapping values", "expected", "token", "YAMLException")) {
            assertFalse(message.contains(jargon), "no parser jargon (" + jargon + "): " + message);
        }
        return message;
    }

    @Test
    void aMissingColonIsReportedOnItsOwnLine() {
        assertEquals("f.md:2:1: error: 'name Ann' has no ':' after the field's name; write it as 'name: Ann'",
                error("name Ann\nparty: reds\n", 2));
        assertEquals("f.md:3:1: error: 'party' has no ':' after the field's name; write it as 'party: ...'",
                error("name: Ann\nparty\nborn: 1970-01-02\n", 2));
        assertEquals("f.md:3:3: error: 'b 1' has no ':' after the field's name; write it as 'b: 1'",
                error("a:\n  b 1\n  c: 2\n", 2));
    }

    @Test
    void aFieldIndentedTooFarSaysWhichColumnWasExpected() {
        assertEquals("f.md:3:3: error: wrong indentation: 'party' starts at column 3, but 'name' on line 2 starts at column 1;"
                        + " start it at column 1 (or, if it goes on with the value of 'name', put that whole value in quotes)",
                error("name: Ann\n  party: reds\n", 2));
        // The three-space indent of a data file's item: SnakeYAML says "mapping values are not allowed here".
        assertEquals("f.md:4:4: error: wrong indentation: 'name' starts at column 4, but 'id' on line 3 starts at column 3;"
                        + " start it at column 3 (or, if it goes on with the value of 'id', put that whole value in quotes)",
                error("- id: reds\n  name: The Reds\n- id: blues\n   name: The Blues\n", 1));
        assertEquals("f.md:4:5: error: wrong indentation: 'c' starts at column 5, but 'b' on line 3 starts at column 3;"
                        + " start it at column 3 (or, if it goes on with the value of 'b', put that whole value in quotes)",
                error("a:\n  b: 1\n    c: 2\n", 2));
    }

    @Test
    void aLineIndentedBetweenTwoLevelsSaysWhichColumnWasExpected() {
        // SnakeYAML: "expected <block end>, but found '<block sequence start>'"
        assertEquals("f.md:3:2: error: wrong indentation: '- id' starts at column 2, but the items above it, from line 1,"
                        + " start at column 1; start it at column 1",
                error("- id: reds\n  name: The Reds\n - id: blues\n  name: The Blues\n", 1));
        assertEquals("f.md:4:2: error: wrong indentation: 'c' starts at column 2, but the fields above it, from line 2,"
                        + " start at column 1; start it at column 1",
                error("a:\n  b: 1\n c: 2\n", 2));
    }

    @Test
    void listItemsAndFieldsCannotShareALevel() {
        assertEquals("f.md:3:1: error: a list item ('- ') cannot follow fields at the same indentation; put the list under a"
                + " field of its own, indented", error("a: b\n- c\n", 2));
        assertEquals("f.md:3:1: error: a field cannot follow list items at the same indentation; start it with '- ' to make it"
                + " an item, or indent it under an item", error("- a\nb: c\n", 2));
    }

    @Test
    void aValueContainingColonSpaceMustBeQuoted() {
        assertEquals("f.md:2:8: error: this value contains ': ', which YAML reads as the start of another field; put the whole"
                + " value in quotes: title: \"Note: this\"", error("title: Note: this\n", 2));
    }

    @Test
    void tabsAreNamed() {
        String tab = "a tab character: YAML allows only spaces to indent and to separate a field's name from its value;"
                + " replace the tab with spaces";
        assertEquals("f.md:3:1: error: " + tab, error("name: Ann\n\tparty: reds\n", 2));
        assertEquals("f.md:3:7: error: " + tab, error("name: Ann\nparty:\treds\n", 2));
    }

    @Test
    void charactersThatCannotStartAValue() {
        assertEquals("f.md:2:7: error: a value cannot start with '@' unless it is in quotes; write \"@ann\"",
                error("name: @ann\n", 2));
        assertEquals("f.md:2:7: error: a value that starts with '*' is read as a YAML alias; put the value in quotes",
                error("name: *bold* text\n", 2));
    }

    @Test
    void unclosedQuotesAndBracketsPointAtWhereTheyOpen() {
        assertEquals("f.md:2:7: error: the quotation mark \" here is never closed; add a \" at the end of the value",
                error("name: \"Ann\nparty: reds\n", 2));
        assertEquals("f.md:3:8: error: the list opened with '[' here is not closed; end it with ']' on this line, and separate"
                + " its items with ', '", error("name: Bob\nparty: [blues\n", 2));
        assertEquals("f.md:2:7: error: the mapping opened with '{' here is not closed; end it with '}' on this line, and"
                + " separate its fields with ', '", error("tags: {a: b\n", 2));
    }

    @Test
    void textAfterAValue() {
        assertEquals("f.md:2:13: error: text after the closing quotation mark: a quoted value ends at its closing quote; put all"
                + " of the value inside the quotes (inside single quotes, write a ' as '')", error("name: \"Ann\" Smith\n", 2));
        assertEquals("f.md:2:11: error: text after the closing quotation mark: a quoted value ends at its closing quote; put all"
                + " of the value inside the quotes (inside single quotes, write a ' as '')", error("name: 'it's'\n", 2));
        assertEquals("f.md:2:10: error: this ']' closes nothing: no '[' is open here; remove it", error("a: [1, 2]]\n", 2));
    }

    @Test
    void unknownEscapes() {
        assertEquals("f.md:2:10: error: '\\q' is not an escape YAML knows in double quotes; write a backslash as '\\\\', or put"
                + " the value in single quotes", error("name: \"a \\q b\"\n", 2));
    }

    @Test
    void recursiveAliasesAreErrorsAtTheAlias() {
        assertEquals("f.md:2:15: error: an alias may not refer to the node that contains it: '*t' stands inside the value"
                + " marked '&t' on line 2; write the values out instead", error("title: &t [a, *t]\n", 2));
        assertEquals("f.md:3:20: error: an alias may not refer to the node that contains it: '*m' stands inside the value"
                + " marked '&m' on line 3; write the values out instead", error("- id: x\n  name: &m {b: [1, *m]}\n", 2));
    }

    @Test
    void nestingTooDeepIsReportedWhereItGoesTooDeep() {
        // SnakeYAML's own limit stays; its message ("Nesting Depth exceeded max 40") has no position.
        assertEquals("f.md:2:43: error: lists and mappings are nested more than 40 deep here; content is plain data: flatten it",
                error("a: " + "[".repeat(50) + "]".repeat(50) + "\n", 2));
    }

    @Test
    void aliasesToFinishedNodesAndRedefinedAnchorsStillWork() {
        YamlParser.Result result = parser.parse("f.yaml", "a: &a [1]\nb: [*a, *a]\nc: &a x\nd: &e [*a]\n", 1);
        assertEquals(List.of(), result.diagnostics());
        assertEquals("{a=[1], b=[[1], [1]], c=x, d=[x]}", result.root().orElseThrow().toPlain().toString());
    }

    @Test
    void aDayThatDoesNotExistStaysTextForTheSchemaToReport() {
        YamlParser.Result result = parser.parse("f.yaml", "born: 2015-13-45\n", 1);
        assertEquals(List.of(), result.diagnostics(), "reported once, by the validator, which knows the field");
        assertEquals("2015-13-45", ((java.util.Map<?, ?>) result.root().orElseThrow().toPlain()).get("born"));
    }
}
