package dev.explainer.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import dev.explainer.yaml.YamlParser;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schemas editors' YAML tooling uses (through the modeline at the top of each data file)
 * accept the real content and flag the mistakes the build flags.
 */
class EditorSchemasTest {
    private static final Path CONTENT = Path.of("content").toAbsolutePath();
    private static final Pattern MODELINE = Pattern.compile("\\A# yaml-language-server: \\$schema=(\\S+)\\n");

    private static JsonNode data(Path file) throws Exception {
        YamlParser.Result parsed = new YamlParser().parse(file.toString(), Files.readString(file), 1);
        assertEquals(List.of(), parsed.diagnostics());
        return EntryChecker.toJson(parsed.root().orElseThrow());
    }

    private static JsonSchema schemaFor(Path dataFile) throws Exception {
        Matcher modeline = MODELINE.matcher(Files.readString(dataFile));
        assertTrue(modeline.lookingAt(), dataFile + " starts with a yaml-language-server modeline");
        Path schema = dataFile.getParent().resolve(modeline.group(1));
        assertTrue(Files.isRegularFile(schema), schema.toString());
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of(schema.toUri().toString()), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    @Test
    void everyDataFileNamesASchemaThatAcceptsIt() throws Exception {
        try (Stream<Path> files = Files.list(CONTENT)) {
            // Translations (quotes.ar.yaml) give only ids and translated fields: the build checks each
            // merged with its original, so no schema of their own applies to them as written.
            List<Path> dataFiles = files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("site.yaml")
                    && !f.getFileName().toString().matches(".*\\.[a-z]{2,3}(-[A-Za-z0-9]+)?\\.yaml")).sorted().toList();
            assertTrue(dataFiles.size() >= 6, "every data file is checked: " + dataFiles);
            for (Path file : dataFiles) {
                Set<ValidationMessage> problems = schemaFor(file).validate(data(file));
                assertEquals(Set.of(), problems, file.toString());
            }
        }
    }

    @Test
    void theEditorSchemaFlagsAnUnknownFieldAndAMissingId() throws Exception {
        Path quotes = CONTENT.resolve("quotes.yaml");
        JsonNode list = data(quotes);
        ((ObjectNode) list.get(0)).put("speakr", "kerry");
        ((ObjectNode) list.get(1)).remove("id");
        Set<ValidationMessage> problems = schemaFor(quotes).validate(list);
        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().anyMatch(p -> p.getMessage().contains("speakr")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> "id".equals(p.getProperty())), problems.toString());
    }
}
