package dev.explainer.cli;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {
    @TempDir
    Path root;

    @Test
    void everyCommandHasHelpAndTheToolHasAVersion() {
        for (String[] args : new String[][] {{"--help"}, {"build", "--help"}, {"check", "--help"}}) {
            TestSite.Run run = TestSite.cli(args);
            assertEquals(0, run.exitCode());
            assertTrue(run.out().contains("Usage:"), run.out());
        }
        TestSite.Run version = TestSite.cli("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("explainer "), version.out());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, TestSite.cli("build", "--no-such-option").exitCode());
        assertEquals(2, TestSite.cli("publish").exitCode());
        assertEquals(2, TestSite.cli().exitCode());
        TestSite.Run badUrl = TestSite.cli("build", "--base-url", "ftp://example.org/");
        assertEquals(2, badUrl.exitCode());
        assertTrue(badUrl.err().contains("--base-url 'ftp://example.org/' must be an absolute http or https URL"), badUrl.err());
        TestSite.Run typo = TestSite.cli("build", "--sorce", "x");
        assertEquals(2, typo.exitCode());
        assertEquals("explainer build: unknown option '--sorce'; did you mean '--source'? (see 'explainer build --help')", typo.err().strip());
        TestSite.Run command = TestSite.cli("biuld");
        assertEquals(2, command.exitCode());
        assertTrue(command.err().contains("unknown command 'biuld'; did you mean 'build'?"), command.err());
        assertEquals(2, TestSite.cli("check", "stray-argument").exitCode());
        assertEquals(2, TestSite.cli("check", "--format", "xml").exitCode());
        assertEquals(2, TestSite.cli("new", "people").exitCode());
    }

    @Test
    void aMissingSourceFolderIsAUsageError() throws Exception {
        String nowhere = root.resolve("nowhere").toString();
        for (String command : List.of("check", "build", "new people cy", "serve")) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.addAll(List.of("--source", nowhere));
            TestSite.Run run = TestSite.cli(args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), command + ": " + run.err());
            String name = command.split(" ")[0];
            assertEquals("explainer " + name + ": --source '" + nowhere + "' does not exist; name the folder that holds content/"
                    + " and templates/ (see 'explainer " + name + " --help')", run.err().strip());
        }
        Files.writeString(root.resolve("a-file"), "");
        TestSite.Run file = TestSite.cli("check", "--source", root.resolve("a-file").toString());
        assertEquals(2, file.exitCode());
        assertTrue(file.err().contains("--source '" + root.resolve("a-file") + "' is not a folder;"), file.err());
    }

    @Test
    void aSourceFolderWithoutContentIsAnErrorNotACrash() {
        TestSite.Run run = TestSite.cli("check", "--source", root.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("content:1:1: error: folder not found in "), run.err());
    }

    @Test
    void refusesOutputFoldersThatOverlapTheSources() throws Exception {
        TestSite.write(root, TestSite.BASE);
        Map<String, byte[]> sources = TestSite.snapshot(root);
        for (String out : new String[] {".", "content", "templates", "content/site-out", "templates/assets", ".."}) {
            TestSite.Run run = TestSite.build(root, "--out", root.resolve(out).toString());
            assertEquals(2, run.exitCode(), "a usage error; " + out + ": " + run.err());
            assertTrue(run.err().contains("error: the output folder"), run.err());
        }
        Map<String, byte[]> after = TestSite.snapshot(root);
        assertEquals(sources.keySet(), after.keySet(), "nothing was deleted or added");
        sources.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
    }

    @Test
    void refusesToReplaceAFolderThatIsNotAnEarlierBuild() throws Exception {
        TestSite.write(root, TestSite.BASE);
        Path documents = root.resolve("documents");
        Files.createDirectories(documents);
        Files.writeString(documents.resolve("notes.txt"), "precious");
        TestSite.Run run = TestSite.build(root, "--out", documents.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("has no .explainer-manifest, so this version of the tool did not write it"), run.err());
        assertEquals("precious", Files.readString(documents.resolve("notes.txt")));
        assertEquals(0, TestSite.build(root, "--out", root.resolve("empty-or-new").toString()).exitCode());
    }

    @Test
    void replacesOnlyTheOutputFolderAndLeavesItsNeighbours() throws Exception {
        TestSite.write(root, TestSite.BASE);
        Path out = root.resolve("public");
        Files.writeString(root.resolve("neighbour.txt"), "keep me");
        assertEquals(0, TestSite.build(root, "--out", out.toString()).exitCode());
        TestSite.write(root, "-- content/people/bob.md --\n---\nname: Bob\nparty: reds\n---\nBob changed sides.\n");
        assertEquals(0, TestSite.build(root, "--out", out.toString()).exitCode());
        assertTrue(TestSite.html(out.resolve("people/bob/index.html")).text().contains("Bob changed sides."));
        assertEquals("keep me", Files.readString(root.resolve("neighbour.txt")));
    }
}
