package dev.explainer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {
    @TempDir
    Path root;

    /** The base site with a page nothing links to and a source nothing cites. */
    private void siteWithWarnings() throws Exception {
        TestSite.write(root, TestSite.BASE + """
                -- content/pages/hidden.md --
                ---
                title: Hidden
                ---
                Nobody links here.
                -- content/sources.yaml --
                - id: cited
                  title: A report
                - id: forgotten
                  title: Another report
                -- content/schemas/source.json --
                {"type": "object", "properties": {"title": {"type": "string"}}, "required": ["title"], "additionalProperties": false}
                -- content/schemas/person.json --
                {"type": "object",
                 "properties": {"name": {"type": "string"}, "party": {"type": "string"}, "born": {"type": "string", "format": "date"},
                                "sources": {"type": "array", "items": {"type": "string"}}},
                 "required": ["name", "party"], "additionalProperties": false}
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                sources: [cited]
                ---
                """);
        Path config = root.resolve("content/site.yaml");
        Files.writeString(config, TestSite.replaced(Files.readString(config),
                "references: {party: parties}", "references: {party: parties, sources: sources}")
                + "  sources:\n    file: sources.yaml\n    schema: schemas/source.json\n");
    }

    @Test
    void warnsOfUnlinkedPagesAndUncitedSourcesWithoutFailing() throws Exception {
        siteWithWarnings();
        TestSite.Run run = TestSite.cli("check", "--source", root.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("content/pages/hidden.md:1:1: warning: no other page links to /hidden/; link to it, or readers will not find it"), run.err());
        assertTrue(run.err().contains("content/sources.yaml:3:7: warning: nothing refers to sources entry 'forgotten'; cite it, or remove it"), run.err());
        assertTrue(run.err().strip().endsWith("0 errors, 2 warnings"), run.err());
        assertEquals(0, TestSite.build(root).exitCode(), "warnings do not stop a build");
    }

    @Test
    void strictTurnsWarningsIntoErrorsAndWritesNothing() throws Exception {
        siteWithWarnings();
        TestSite.Run check = TestSite.cli("check", "--strict", "--source", root.toString());
        assertEquals(1, check.exitCode());
        assertTrue(check.err().contains("content/pages/hidden.md:1:1: error: no other page links to /hidden/"), check.err());
        TestSite.Run build = TestSite.build(root, "--strict");
        assertEquals(1, build.exitCode());
        assertFalse(Files.exists(root.resolve("site")));
    }

    @Test
    void jsonFormatGivesEveryFieldOfEveryDiagnostic() throws Exception {
        siteWithWarnings();
        Files.writeString(root.resolve("content/people/ann.md"), "---\nname: Ann\nparty: redz\n---\n");
        TestSite.Run run = TestSite.cli("check", "--format", "json", "--source", root.toString());
        assertEquals(1, run.exitCode());
        assertEquals("", run.err(), "JSON mode prints only the JSON document");
        JsonNode document = new ObjectMapper().readTree(run.out());
        assertFalse(document.get("ok").asBoolean());
        assertEquals(1, document.get("errors").asInt());
        JsonNode first = document.get("diagnostics").get(0);
        assertEquals("content/people/ann.md", first.get("file").asText());
        assertEquals(3, first.get("line").asInt());
        assertEquals(8, first.get("column").asInt());
        assertEquals("error", first.get("severity").asText());
        assertEquals("unknown-reference", first.get("code").asText());
        assertEquals("unknown parties id 'redz' in 'party'; did you mean 'reds'?", first.get("message").asText());
    }

    @Test
    void jsonKeepsWarningsBesideErrors() throws Exception {
        siteWithWarnings();
        Files.writeString(root.resolve("content/people/ann.md"), "---\nname: Ann\nparty: redz\n---\n");
        TestSite.Run run = TestSite.cli("check", "--format", "json", "--source", root.toString());
        assertEquals(1, run.exitCode());
        JsonNode document = new ObjectMapper().readTree(run.out());
        assertEquals(List.of("ok", "errors", "warnings", "pages", "diagnostics"), fieldNames(document));
        assertEquals(1, document.get("errors").asInt());
        assertEquals(1, document.get("warnings").asInt());
        assertEquals(0, document.get("pages").asInt(), "an error stops the run before pages are rendered");
        JsonNode warning = document.get("diagnostics").get(1);
        assertEquals(List.of("file", "line", "column", "severity", "code", "message"), fieldNames(warning));
        assertEquals("content/sources.yaml", warning.get("file").asText());
        assertEquals(3, warning.get("line").asInt());
        assertEquals(7, warning.get("column").asInt());
        assertEquals("warning", warning.get("severity").asText());
        assertEquals("unreferenced", warning.get("code").asText());
        assertEquals("nothing refers to sources entry 'forgotten'; cite it, or remove it", warning.get("message").asText());

        TestSite.Run text = TestSite.cli("check", "--source", root.toString());
        assertTrue(text.err().contains("content/sources.yaml:3:7: warning: nothing refers to sources entry 'forgotten'"), text.err());
        assertTrue(text.err().strip().endsWith("1 error, 1 warning"), text.err());
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void jsonFormatOfACleanSite() throws Exception {
        TestSite.write(root, TestSite.BASE);
        TestSite.Run run = TestSite.cli("check", "--format", "json", "--source", root.toString());
        assertEquals(0, run.exitCode());
        JsonNode document = new ObjectMapper().readTree(run.out());
        assertTrue(document.get("ok").asBoolean());
        assertEquals(6, document.get("pages").asInt());
        assertEquals(0, document.get("diagnostics").size());
    }
}
