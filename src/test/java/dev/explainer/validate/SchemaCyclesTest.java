package dev.explainer.validate;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.load.ContentLoader;
import dev.explainer.load.LoadedSite;
import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A schema that refers to itself without end is an error at its "$ref"; one that nests with the data works. */
class SchemaCyclesTest {
    private static final String ADVICE = " without stepping into a field or an item, so a value would be checked against the same"
            + " schema again without end; point it at a schema that does not lead back here, or put the reference inside"
            + " \"properties\" or \"items\" if the value really nests";

    @TempDir
    Path root;

    private List<String> messages(String change) {
        TestSite.write(root, TestSite.BASE + change);
        LoadedSite site = new ContentLoader().load(root).site().orElseThrow();
        return new Validator().validate(site).diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void aPropertyThatRefersToItselfIsAnErrorAtItsRef() {
        assertEquals(List.of("content/schemas/party.json:2:30: error: \"$ref\" '#/properties/name' refers to the schema it is in"
                        + ADVICE),
                messages("""
                        -- content/schemas/party.json --
                        {"type": "object", "properties": {
                          "name": {"type": "string", "$ref": "#/properties/name"}}, "required": ["name"]}
                        """));
    }

    @Test
    void definitionsThatReferToEachOtherAreAnErrorAtTheRefThatClosesTheCycle() {
        assertEquals(List.of("content/schemas/party.json:5:6: error: \"$ref\" '#/$defs/a' leads back to where it started"
                        + " ('#/$defs/a' \u2192 '#/$defs/b' \u2192 '#/$defs/b/anyOf/0' \u2192 '#/$defs/a')" + ADVICE),
                messages("""
                        -- content/schemas/party.json --
                        {"type": "object", "properties": {"name": {"$ref": "#/$defs/a"}}, "required": ["name"],
                         "$defs": {
                          "a": {"$ref": "#/$defs/b"},
                          "b": {"anyOf": [
                            {"$ref": "#/$defs/a"}, {"type": "string"}]}}}
                        """));
    }

    @Test
    void aSchemaWhoseRootIncludesItselfIsAnError() {
        List<String> messages = messages("""
                -- content/schemas/party.json --
                {"type": "object", "allOf": [{"$ref": "#"}], "properties": {"name": {"type": "string"}}}
                """);
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("content/schemas/party.json:1:31: error: \"$ref\" '#' leads back to where it started"
                + " ('#' \u2192 '#/allOf/0' \u2192 '#')"), messages.get(0));
    }

    @Test
    void aTreeThatNestsThroughPropertiesAndItemsStillValidates() {
        String tree = """
                -- content/schemas/party.json --
                {"type": "object", "properties": {"name": {"type": "string"}, "branches": {"$ref": "#/$defs/branches"}},
                 "required": ["name"], "additionalProperties": false,
                 "$defs": {"branches": {"type": "array", "items": {"$ref": "#/$defs/branch"}},
                           "branch": {"type": "object", "properties": {"label": {"type": "string"},
                                      "branches": {"$ref": "#/$defs/branches"}}, "additionalProperties": false}}}
                -- content/parties.yaml --
                - id: reds
                  name: The Reds
                  branches:
                    - label: North
                      branches:
                        - label: Hills
                          branches: [{label: Top}]
                - id: blues
                  name: The Blues
                """;
        assertEquals(List.of(), messages(tree));
        assertEquals(List.of("content/parties.yaml:7:30: error: field 'branches[0].branches[0].branches[0].label': integer found,"
                        + " string expected; put the value in quotes to make it a string"),
                messages(TestSite.replaced(tree, "{label: Top}", "{label: 7}")));
    }

    @Test
    void aChainOfReferencesTooDeepToFollowIsAnErrorAtTheSchemaNotABug() {
        StringBuilder chain = new StringBuilder();
        int length = 20_000;
        for (int i = 0; i < length; i++) {
            chain.append("\"d").append(i).append("\": {\"$ref\": \"#/$defs/d").append(i + 1).append("\"},\n");
        }
        List<String> messages = messages("-- content/schemas/party.json --\n"
                + "{\"type\": \"object\", \"properties\": {\"name\": {\"$ref\": \"#/$defs/d0\"}}, \"$defs\": {\n" + chain
                + "\"d" + length + "\": {\"type\": \"string\"}}}\n");
        assertEquals(List.of("content/schemas/party.json:1:1: error: checking the entry at content/parties.yaml:1:7 against this"
                        + " schema went deeper than the tool has room for: its \"$ref\"s lead from schema to schema without end (or"
                        + " thousands of times) without stepping into a field or an item; point them at schemas that do not lead back,"
                        + " or put them inside \"properties\" or \"items\"",
                "content/schemas/party.json:1:1: error: checking the entry at content/parties.yaml:3:7 against this"
                        + " schema went deeper than the tool has room for: its \"$ref\"s lead from schema to schema without end (or"
                        + " thousands of times) without stepping into a field or an item; point them at schemas that do not lead back,"
                        + " or put them inside \"properties\" or \"items\""),
                messages);
    }

    @Test
    void theCommandLineReportsTheCycleWithExitOne() {
        TestSite.write(root, TestSite.BASE + """
                -- content/schemas/party.json --
                {"type": "object", "properties": {"name": {"$ref": "#/properties/name"}}}
                """);
        TestSite.Run run = TestSite.cli("check", "--source", root.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("content/schemas/party.json:1:44: error: \"$ref\" '#/properties/name' refers to the schema"
                + " it is in"), run.err());
        assertFalse(run.err().contains("bug in explainer"), run.err());
    }
}
