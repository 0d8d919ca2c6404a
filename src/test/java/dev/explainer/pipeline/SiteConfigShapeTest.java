package dev.explainer.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A site config that is not a mapping of settings, or sets no setting at all, is one positioned
 * error (exit 1), never a crash; {@code check --format json} still prints its document.
 */
class SiteConfigShapeTest {
    @TempDir
    Path root;

    private static final String EMPTY = "content/site.yaml:1:1: error: the site's configuration is empty;"
            + " it needs at least title, base_url and collections";

    /** Builds the base site, replaces its config, builds again: one error, the old output kept. */
    private String buildWithConfig(String config) {
        TestSite.write(root, TestSite.BASE);
        assertEquals(0, TestSite.build(root).exitCode());
        Map<String, byte[]> before = TestSite.snapshot(root.resolve("site"));
        TestSite.write(root, "-- content/site.yaml --\n" + config);
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode(), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        Map<String, byte[]> after = TestSite.snapshot(root.resolve("site"));
        assertEquals(before.keySet(), after.keySet(), "the previous output is untouched");
        return run.err();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "# only a comment\n", "# a comment\n\n# and another\n", "---\n"})
    void anEmptyConfigIsOneErrorAtItsStart(String config) {
        assertEquals(EMPTY + "\n1 error\n", buildWithConfig(config));
    }

    @Test
    void aListOrATextIsNotAConfig() {
        String mapping = "error: the site config must be a mapping of settings (title, base_url, collections, ...)\n1 error\n";
        assertEquals("content/site.yaml:2:1: " + mapping, buildWithConfig("# settings\n- title: Test\n"));
        assertEquals("content/site.yaml:1:1: " + mapping, buildWithConfig("just some words\n"));
    }

    @Test
    void aConfigWithoutCollectionsSaysSo() {
        String err = buildWithConfig("title: T\nbase_url: https://example.org/\n");
        assertEquals(List.of("content/site.yaml:1:1: error: the site config needs 'collections'"),
                err.lines().filter(line -> line.contains(": error: ")).toList(), err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "# only a comment\n"})
    void checkAsJsonStillPrintsItsDocument(String config) throws Exception {
        TestSite.write(root, TestSite.BASE + "-- content/site.yaml --\n" + config);
        TestSite.Run run = TestSite.cli("check", "--source", root.toString(), "--format", "json");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertFalse(json.get("ok").asBoolean());
        assertEquals(1, json.get("errors").asInt());
        JsonNode problem = json.get("diagnostics").get(0);
        assertEquals("content/site.yaml", problem.get("file").asText());
        assertEquals(1, problem.get("line").asInt());
        assertEquals(1, problem.get("column").asInt());
        assertEquals("config", problem.get("code").asText());
        assertEquals(EMPTY.substring(EMPTY.indexOf("the site's")), problem.get("message").asText());
    }
}
