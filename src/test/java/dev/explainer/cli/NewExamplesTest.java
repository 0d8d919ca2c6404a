package dev.explainer.cli;

import dev.explainer.load.ContentLoader;
import dev.explainer.load.LoadedSite;
import dev.explainer.load.RawEntry;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guides' examples of {@code new} name a collection of the real site and an id it does not
 * have yet: an editor who tries one sees an entry created, not "already has an entry".
 */
class NewExamplesTest {
    private static final Pattern EXAMPLE = Pattern.compile("(?:explainer\\.jar |`)new ([a-z_]+) ([a-z0-9-]+)");
    private static final List<Path> GUIDES = List.of(Path.of("README.md"), Path.of("docs/editing.md"), Path.of("docs/templates.md"));

    @Test
    void everyExampleOfNewNamesAnIdTheRealSiteDoesNotHave() throws IOException {
        LoadedSite site = new ContentLoader().load(Path.of(".")).site().orElseThrow();
        List<String> examples = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Path guide : GUIDES) {
            Matcher example = EXAMPLE.matcher(Files.readString(guide, StandardCharsets.UTF_8));
            while (example.find()) {
                String collection = example.group(1);
                String id = example.group(2);
                examples.add(guide + ": new " + collection + " " + id);
                if (site.config().collection(collection).isEmpty()) {
                    wrong.add(guide + ": 'new " + collection + " " + id + "': the site has no collection '" + collection + "'");
                }
                for (RawEntry entry : site.entries()) {
                    if (entry.collection().equals(collection) && entry.id().equals(id)) {
                        wrong.add(guide + ": 'new " + collection + " " + id + "': that entry exists, at " + entry.idPosition());
                    }
                }
            }
        }
        assertTrue(examples.size() >= 3, "the guides' examples were found: " + examples);
        assertEquals(List.of(), wrong);
    }
}
