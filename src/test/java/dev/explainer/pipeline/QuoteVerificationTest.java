package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** check verifies direct quotes against the passage of the entry they cite. */
class QuoteVerificationTest {
    @TempDir
    Path root;

    @BeforeEach
    void site() throws Exception {
        // Here a quote's source is its speaker, whose Markdown body holds what they said.
        TestSite.write(root, TestSite.BASE + """
                -- content/people/ann.md --
                ---
                name: Ann
                party: reds
                ---
                Asked about the talks, Ann said: \u201CHello world & friends \u2014 it went well.\u201D
                """);
        TestSite.edit(root, "content/quotes.yaml", "Hello <world> & friends", "Hello world & friends");
        TestSite.edit(root, "content/site.yaml", "    url: /people/#{id}\n",
                "    url: /people/#{id}\n    verbatim: {text: text, source: speaker, when: {date: 2015-10-23}}\n");
    }

    private TestSite.Run checkWithQuote(String text) throws Exception {
        TestSite.edit(root, "content/quotes.yaml", "text: \"Hello world & friends\"", "text: \"" + text + "\"");
        return TestSite.cli("check", "--source", root.toString());
    }

    @Test
    void aVerbatimQuotePasses() throws Exception {
        TestSite.Run run = checkWithQuote("Hello world & friends -- it went well.");
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void anElisionPasses() throws Exception {
        TestSite.Run run = checkWithQuote("Hello ... it went well.");
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void aChangedWordFailsWithTheClosestPassageAndWhatDiffers() throws Exception {
        TestSite.Run run = checkWithQuote("Hello world & enemies");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("content/quotes.yaml:3:9: error: the quote does not match its source word for word; "
                + "the closest passage is \"Hello world & friends"), run.err());
        assertTrue(run.err().contains("differs at word 4 of the quote: 'enemies' where the source has 'friends'"), run.err());
        assertTrue(run.err().contains("(source 'ann')"), run.err());
    }

    @Test
    void onlyTheEntriesTheConditionSelectsAreChecked() throws Exception {
        TestSite.edit(root, "content/quotes.yaml", "text: Bye.", "text: Words Bob never said.");
        TestSite.Run run = TestSite.cli("check", "--source", root.toString());
        assertEquals(0, run.exitCode(), "bob-bye is dated 24 October: " + run.err());
    }
}
