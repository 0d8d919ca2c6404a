package dev.explainer.cli;

import dev.explainer.load.ContentLoader;
import dev.explainer.load.LoadedSite;
import dev.explainer.load.RawEntry;
import dev.explainer.scaffold.StarterSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guides' examples of {@code new} name a collection and an id it does not have yet: an editor
 * who tries one sees an entry created, not "already has an entry". Examples for the real site are
 * checked against it; those that follow {@code init} (the README's section on it, the site
 * authors' guide) against a site {@code init} has just written.
 */
class NewExamplesTest {
    private static final Pattern EXAMPLE = Pattern.compile("(?:explainer(?:\\.jar)? |`)new ([a-z_]+) ([a-z0-9-]+)");
    private static final List<Path> GUIDES = List.of(Path.of("README.md"), Path.of("docs/editing.md"), Path.of("docs/templates.md"));
    private static final Path SITE_AUTHORS = Path.of("docs/site-authors.md");
    /** The README's section that starts a site with init, up to the next section. */
    private static final Pattern INIT_SECTION = Pattern.compile("(?ms)^## From `init`.*?(?=^## )");

    @TempDir
    Path temp;

    @Test
    void everyExampleOfNewNamesAnIdTheRealSiteDoesNotHave() throws IOException {
        LoadedSite site = new ContentLoader().load(Path.of(".")).site().orElseThrow();
        List<String> examples = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Path guide : GUIDES) {
            String text = Files.readString(guide, StandardCharsets.UTF_8);
            check(guide, INIT_SECTION.matcher(text).replaceAll(""), site, "", examples, wrong);
        }
        assertTrue(examples.size() >= 3, "the guides' examples were found: " + examples);
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyExampleOfNewAfterInitNamesAnIdTheNewSiteDoesNotHave() throws IOException {
        Path folder = temp.resolve("new-site");
        assertInstanceOf(StarterSite.Outcome.Created.class, new StarterSite().create(folder, "new-site"));
        LoadedSite site = new ContentLoader().load(folder).site().orElseThrow();
        List<String> examples = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        Matcher section = INIT_SECTION.matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        assertTrue(section.find(), "the README has a section on init");
        check(Path.of("README.md"), section.group(), site, "", examples, wrong);
        String guide = Files.readString(SITE_AUTHORS, StandardCharsets.UTF_8);
        check(SITE_AUTHORS, guide, site, guide, examples, wrong);
        assertTrue(examples.size() >= 2, "the examples were found: " + examples);
        assertEquals(List.of(), wrong);
    }

    /**
     * @param declares text that may declare, in a YAML block, a collection the site does not have
     *                 yet (a guide's example of adding one): its examples have no entries to clash with
     */
    private static void check(Path guide, String text, LoadedSite site, String declares, List<String> examples, List<String> wrong) {
        Matcher example = EXAMPLE.matcher(text);
        while (example.find()) {
            String collection = example.group(1);
            String id = example.group(2);
            examples.add(guide + ": new " + collection + " " + id);
            boolean declared = Pattern.compile("(?m)^  " + collection + ":\\n    (folder|file): ").matcher(declares).find();
            if (site.config().collection(collection).isEmpty() && !declared) {
                wrong.add(guide + ": 'new " + collection + " " + id + "': the site has no collection '" + collection + "'");
            }
            for (RawEntry entry : site.entries()) {
                if (entry.collection().equals(collection) && entry.id().equals(id)) {
                    wrong.add(guide + ": 'new " + collection + " " + id + "': that entry exists, at " + entry.idPosition());
                }
            }
        }
    }
}
