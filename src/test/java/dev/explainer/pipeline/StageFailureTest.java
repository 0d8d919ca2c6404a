package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever a stage of the build runs into while it processes a file, the run ends with exit 1 and
 * an error at that file: never exit 3, never a stack trace (unless --verbose asks for one).
 */
class StageFailureTest {
    @TempDir
    Path root;

    /** Markdown nested 20,000 levels deep: far past what its renderer was made for. */
    private static final String DEEP = """
            -- content/people/bob.md --
            ---
            name: Bob
            party: blues
            ---
            """ + ">".repeat(20_000) + " deep\n";

    @Test
    void whatAStageRunsIntoIsReportedAtTheFileItWasProcessing() {
        TestSite.write(root, TestSite.BASE + DEEP);
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode(), run.err());
        List<String> errors = run.err().lines().filter(line -> line.contains(": error: ")).toList();
        assertEquals(1, errors.size(), run.err());
        assertTrue(errors.get(0).startsWith("content/people/bob.md:"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("Error"), "no Java names: " + run.err());
    }
}
