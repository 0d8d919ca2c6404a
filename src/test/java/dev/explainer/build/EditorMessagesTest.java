package dev.explainer.build;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What an editor new to the site sees for the mistakes such editors make: one message per
 * problem, in plain words, at the line to change; the whole of standard error is compared.
 */
class EditorMessagesTest {
    @TempDir
    Path temporary;
    private int sites;

    /** The errors {@code check} prints for the base site with {@code change} applied, without the count line. */
    private String check(String change) {
        Path root = temporary.resolve("site-" + ++sites);
        TestSite.write(root, TestSite.BASE);
        TestSite.write(root, change);
        TestSite.Run run = TestSite.cli("check", "--source", root.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        String err = run.err();
        return err.substring(0, err.stripTrailing().lastIndexOf('\n') + 1);
    }

    @Test
    void aMarkdownFileWithoutFrontMatterIsOneError() {
        assertEquals("content/people/x.md:1:1: error: this file has no front matter: it must start with a line '---', then the"
                + " entry's fields, then '---'\n", check("""
                -- content/people/x.md --
                name: X
                party: reds

                Some text.
                """));
    }

    @Test
    void aMissingColonInFrontMatterIsReportedOnItsLine() {
        assertEquals("content/people/bob.md:2:1: error: 'name Bob' has no ':' after the field's name; write it as 'name: Bob'\n",
                check("""
                        -- content/people/bob.md --
                        ---
                        name Bob
                        party: blues
                        ---
                        Bob.
                        """));
    }

    @Test
    void aWronglyIndentedFieldOfADataFileSaysWhichColumn() {
        assertEquals("content/topics.yaml:3:4: error: wrong indentation: 'broken' starts at column 4, but 'name' on line 2 starts"
                + " at column 3; start it at column 3 (or, if it goes on with the value of 'name', put that whole value in quotes)\n",
                check("""
                        -- content/topics.yaml --
                        - id: tax
                          name: Tax
                           broken: indentation
                        """));
    }

    @Test
    void recursiveAliasesInFrontMatterDataFilesAndItems() {
        String message = "error: an alias may not refer to the node that contains it: ";
        assertEquals("content/people/bob.md:2:14: " + message + "'*t' stands inside the value marked '&t' on line 2; write the"
                + " values out instead\n", check("""
                -- content/people/bob.md --
                ---
                name: &t [a, *t]
                party: blues
                ---
                """));
        assertEquals("content/topics.yaml:1:9: " + message + "'*all' stands inside the value marked '&all' on line 1; write the"
                + " values out instead\n", check("""
                -- content/topics.yaml --
                - &all [*all]
                """));
        assertEquals("content/topics.yaml:2:20: " + message + "'*n' stands inside the value marked '&n' on line 2; write the"
                + " values out instead\n", check("""
                -- content/topics.yaml --
                - id: tax
                  name: &n {a: [b, *n]}
                """));
    }
}
