package dev.explainer.pipeline;

import dev.explainer.load.ChangedFiles;
import dev.explainer.output.OutputFile;
import dev.explainer.parallel.Cancellation;
import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rebuild that ends before it renders (errors elsewhere, a cancellation) loses nothing: the
 * next rebuild still renders what the unfinished one would have.
 */
class UnfinishedRebuildTest {
    @TempDir
    Path root;
    SiteBuilder builder;

    @BeforeEach
    void firstBuild() {
        TestSite.write(root, TestSite.BASE);
        builder = SiteBuilder.forRebuilds();
        assertEquals(List.of(), errors(builder.run(BuildOptions.check(root))));
    }

    private static List<String> errors(BuildResult result) {
        return result.diagnostics().stream().filter(d -> d.isError()).map(d -> d.format()).toList();
    }

    private static String home(BuildResult result) {
        return page(result, "index.html");
    }

    private static String page(BuildResult result, String path) {
        return result.files().stream().filter(f -> f.path().equals(path)).findFirst()
                .map(f -> new String(((OutputFile.Generated) f).bytes(), StandardCharsets.UTF_8)).orElseThrow();
    }

    private void changeTemplate() {
        TestSite.write(root, """
                -- templates/page.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.title><h1>New: ${entry.title}</h1>${entry.content}</@l.frame>
                """);
    }

    @Test
    void aTemplateChangedInARunThatFailedIsRenderedOnceTheErrorIsFixed() throws Exception {
        changeTemplate();
        Path topics = root.resolve("content/topics.yaml");
        String good = Files.readString(topics);
        Files.writeString(topics, "- id: tax\n  name: [unclosed\n");
        BuildResult broken = builder.run(BuildOptions.check(root),
                ChangedFiles.exactly(Set.of("templates/page.ftlh", "content/topics.yaml")));
        assertEquals(1, errors(broken).size(), broken.diagnostics().toString());

        Files.writeString(topics, good);
        BuildResult fixed = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/topics.yaml")));
        assertEquals(List.of(), errors(fixed));
        assertTrue(home(fixed).contains("<h1>New: Welcome</h1>"), "the changed template was rendered: " + home(fixed));
    }

    @Test
    void filesEditedWhileTheSiteConfigWasBrokenAreReadOnceItIsFixed() throws Exception {
        Path config = root.resolve("content/site.yaml");
        String good = Files.readString(config);
        Files.writeString(config, good.replace("title: Test site", "title: [unclosed"));
        Path ann = root.resolve("content/people/ann.md");
        Files.writeString(ann, Files.readString(ann).replace("name: Ann", "name: Anne"));
        changeTemplate();
        BuildResult broken = builder.run(BuildOptions.check(root),
                ChangedFiles.exactly(Set.of("content/site.yaml", "content/people/ann.md", "templates/page.ftlh")));
        assertEquals(1, errors(broken).size(), broken.diagnostics().toString());

        Files.writeString(config, good);
        BuildResult fixed = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/site.yaml")));
        assertEquals(List.of(), errors(fixed));
        assertTrue(page(fixed, "people/index.html").contains("Anne"), "the edited entry was read: " + page(fixed, "people/index.html"));
        assertTrue(home(fixed).contains("<h1>New: Welcome</h1>"), "the edited template was read: " + home(fixed));
    }

    @Test
    void aCancelledRunChangesNothingTheNextRunNeeds() {
        changeTemplate();
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();
        BuildResult abandoned = builder.run(new BuildOptions(root, Optional.empty(), Optional.empty(), false, false, cancelled),
                ChangedFiles.exactly(Set.of("templates/page.ftlh")));
        assertEquals(List.of("content:1:1: error: the build was cancelled"), errors(abandoned));

        BuildResult next = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of()));
        assertEquals(List.of(), errors(next));
        assertTrue(home(next).contains("<h1>New: Welcome</h1>"), home(next));
    }
}
