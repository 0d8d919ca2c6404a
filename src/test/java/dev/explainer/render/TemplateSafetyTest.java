package dev.explainer.render;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Templates reach plain data only: no Java classes, methods or services, whatever they try. */
class TemplateSafetyTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {
            "${\"freemarker.template.utility.Execute\"?new()(\"id\")}",
            "${\"freemarker.template.utility.ObjectConstructor\"?new()(\"java.io.File\", \"/\")}",
            "${entry?api.getClass().getName()}",
            "${entry.getClass()}",
            "${site.title?api.length()}",
            "${collections.people?api.size()}",
            "${entry.class}",
            "<#assign x = .data_model?api>",
    })
    void refusesEveryWayOutOfTheDataModel(String attempt) {
        TestSite.write(root, TestSite.BASE + "-- templates/party.ftlh --\n" + attempt + "\n");
        TestSite.Run run = TestSite.cli("check", "--source", root.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("templates/party.ftlh:1:"), run.err());
        assertTrue(run.err().contains("(rendering /parties/blues/ from content/parties.yaml, and 1 more page)"), run.err());
    }
}
