package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per class of error: each builds a valid site first, breaks one thing, and checks the
 * exit code, the exact diagnostic with its position, and that the previous output is untouched.
 */
class ErrorReportingTest {
    @TempDir
    Path root;

    /** Builds the base site, applies {@code change}, builds again, and checks the failure. */
    private String assertFails(String change, String... expected) {
        TestSite.write(root, TestSite.BASE);
        TestSite.Run run = TestSite.breakWith(root, change);
        for (String line : expected) {
            assertTrue(run.err().contains(line), "expected\n  " + line + "\nin\n" + run.err());
        }
        List<String> lines = run.err().lines().toList();
        assertTrue(lines.get(lines.size() - 1).matches("\\d+ errors?(, \\d+ warnings?)?"), "count line: " + run.err());
        try (var siblings = Files.list(root)) {
            assertEquals(List.of(), siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".site")).toList(),
                    "no staging folder is left behind");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return run.err();
    }

    @Test
    void yamlSyntaxError() {
        assertFails("""
                -- content/topics.yaml --
                - id: tax
                  name: Tax
                   broken: indentation
                """, "content/topics.yaml:3:4: error: wrong indentation: 'broken' starts at column 4, but 'name' on line 2 starts at column 3;"
                + " start it at column 3 (or, if it goes on with the value of 'name', put that whole value in quotes)");
    }

    @Test
    void aFileThatCannotBeReadDoesNotCascadeIntoUnknownReferences() {
        String err = assertFails("""
                -- content/parties.yaml --
                - id: reds
                  name: "The Reds
                """, "content/parties.yaml:");
        assertEquals(2, err.lines().count(), "one error and the count, not one per reference: " + err);
    }

    @Test
    void frontMatterErrorsCountWholeFileLines() {
        assertFails("""
                -- content/people/bob.md --
                ---
                name: Bob
                party: [blues
                ---
                Bob.
                """, "content/people/bob.md:3:8: error: the list opened with '[' here is not closed; end it with ']' on this line, and separate its items with ', '");
    }

    @Test
    void customYamlTagsAreNotPlainData() {
        assertFails("""
                -- content/topics.yaml --
                - id: tax
                  name: !!java.net.URL [http://example.org]
                """, "content/topics.yaml:2:9: error: YAML tag '!!java.net.URL' is not allowed");
    }

    @Test
    void tooManyAliases() {
        StringBuilder yaml = new StringBuilder("- id: tax\n  name: Tax\n  x: &a [1]\n  y: [");
        for (int i = 0; i < 25; i++) {
            yaml.append(i == 0 ? "" : ", ").append("*a");
        }
        assertFails("-- content/topics.yaml --\n" + yaml + "]\n",
                "content/topics.yaml:4:", "too many YAML aliases (more than 20)");
    }

    @Test
    void duplicateKeys() {
        assertFails("""
                -- content/topics.yaml --
                - id: tax
                  name: Tax
                  name: Taxes
                """, "content/topics.yaml:3:3: error: duplicate key 'name' (first given at line 2); remove one of them");
    }

    @Test
    void missingRequiredField() {
        assertFails("""
                -- content/people/bob.md --
                ---
                party: blues
                ---
                Bob.
                """, "content/people/bob.md:2:1: error: missing required field 'name' (collection 'people'); add 'name: ...'");
    }

    @Test
    void fieldOfTheWrongType() {
        assertFails("""
                -- content/parties.yaml --
                - id: reds
                  name: 42
                - id: blues
                  name: The Blues
                """, "content/parties.yaml:2:9: error: field 'name': integer found, string expected; put the value in quotes to make it a string");
    }

    @Test
    void aFieldLeftEmptySaysToFillItIn() {
        assertFails("""
                -- content/parties.yaml --
                - id: reds
                  name:
                - id: blues
                  name: The Blues
                """, "content/parties.yaml:2:8: error: field 'name': has no value; fill it in (string expected)");
    }

    @Test
    void unknownFieldWithSuggestion() {
        assertFails("""
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                brn: 1990-01-01
                ---
                """, "content/people/bob.md:4:1: error: unknown field 'brn' (collection 'people'); did you mean 'born'?");
    }

    @Test
    void invalidDate() {
        assertFails("""
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                born: 1990-02-30
                ---
                """, "content/people/bob.md:4:7: error: field 'born': '1990-02-30' is not a date that exists (February 1990 has 28 days); dates are written YYYY-MM-DD");
    }

    @Test
    void unknownReferenceWithSuggestion() {
        assertFails("""
                -- content/people/bob.md --
                ---
                name: Bob
                party: bluez
                ---
                """, "content/people/bob.md:3:8: error: unknown parties id 'bluez' in 'party'; did you mean 'blues'?");
    }

    @Test
    void duplicateIds() {
        assertFails("""
                -- content/topics.yaml --
                - id: tax
                  name: Tax
                - id: tax
                  name: Taxes
                """, "content/topics.yaml:3:7: error: duplicate id 'tax' in collection 'topics' (also at content/topics.yaml:1:7); ids must be unique");
    }

    @Test
    void idThatIsNotASlug() {
        assertFails("""
                -- content/topics.yaml --
                - id: Big_Tax
                  name: Tax
                """, "content/topics.yaml:1:7: error: id 'Big_Tax' is not valid: ids are lowercase words (letters a-z and digits) joined by hyphens; write 'big-tax'");
    }

    @Test
    void markdownFileNameThatIsNotASlug() {
        assertFails("""
                -- content/people/Dan.md --
                ---
                name: Dan
                party: reds
                ---
                """, "content/people/Dan.md:1:1: error: the file name 'Dan.md' does not make a valid id: ids are lowercase words (letters a-z and digits) joined by hyphens; rename the file to 'dan.md'");
    }

    @Test
    void twoEntriesWithOneUrl() {
        assertFails("""
                -- content/pages/ann.md --
                ---
                title: Also Ann
                url: /people/ann/
                ---
                """, "error: URL /people/ann/ is also the URL of content/");
    }

    @Test
    void markdownLinkToAPageThatDoesNotExist() {
        assertFails("""
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                ---
                Bob knows [Ann](/people/anne/).
                """, "content/people/bob.md:5:11: error: link to '/people/anne/': no page or asset has the path /people/anne/; did you mean '/people/ann/'?");
    }

    @Test
    void markdownLinkToAFragmentThatDoesNotExist() {
        assertFails("""
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                ---
                See [the members](/parties/reds/#member).
                """, "content/people/bob.md:5:5: error: link to '#member' on /parties/reds/: that page has no element with this id; did you mean '#members'?");
    }

    @Test
    void unsafeLinkSchemesNeverReachTheOutput() {
        String err = assertFails("""
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                ---
                [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](java&#x09;script:alert(1)) [d](%6Aavascript:alert(1)) [e](data:text/html,x)
                """, "content/people/bob.md:5:1: error: link scheme 'javascript:' is not allowed",
                "content/people/bob.md:5:26:", "content/people/bob.md:5:51:", "content/people/bob.md:5:82:",
                "content/people/bob.md:5:109: error: link scheme 'data:' is not allowed");
        assertEquals(6, err.lines().count(), err);
    }

    @Test
    void refusedLinksAreNotWrittenEvenByCheck() {
        TestSite.write(root, TestSite.BASE + """
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                ---
                [a](javascript:alert(1))
                """);
        TestSite.Run run = TestSite.cli("check", "--source", root.toString());
        assertEquals(1, run.exitCode());
        assertFalse(Files.exists(root.resolve("site")));
    }

    @Test
    void fileThatIsNotUtf8() throws Exception {
        TestSite.write(root, TestSite.BASE);
        assertEquals(0, TestSite.build(root).exitCode());
        Map<String, byte[]> before = TestSite.snapshot(root.resolve("site"));
        Files.write(root.resolve("content/topics.yaml"), new byte[] {'-', ' ', 'i', 'd', ':', ' ', 't', '\n', ' ', ' ', 'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, 't', 'e', '\n'});
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("content/topics.yaml:2:9: error: file is not valid UTF-8: byte 0xE9 at offset 16"), run.err());
        Map<String, byte[]> after = TestSite.snapshot(root.resolve("site"));
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
    }

    @Test
    void templateErrorNamesTheTemplateLineAndThePage() {
        assertFails("""
                -- templates/party.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.name><h1>${entry.name}</h1>
                <p>${entry.leader.name}</p>
                </@l.frame>
                """, "templates/party.ftlh:2:6: error: template error: The following has evaluated to null or missing: entry.leader",
                "(rendering /parties/blues/ from content/parties.yaml, and 1 more page)");
    }

    @Test
    void aTemplateErrorOnAFirstBuildLeavesNoOutputAndNoStagingFolder() throws java.io.IOException {
        // The output's folders are made while pages render: a failed render must take them away.
        TestSite.write(root, TestSite.BASE);
        TestSite.write(root, """
                -- templates/party.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.name><h1>${entry.leader.name}</h1></@l.frame>
                """);
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("template error"), run.err());
        try (var siblings = Files.list(root)) {
            assertEquals(List.of(), siblings.map(p -> p.getFileName().toString()).filter(n -> n.contains("site")).toList(),
                    "neither an output folder nor a staging folder");
        }
    }

    @Test
    void templateSyntaxError() {
        assertFails("""
                -- templates/party.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.name>
                <#if entry.name>
                </@l.frame>
                """, "templates/party.ftlh:3:1: error: template syntax error:");
    }

    @Test
    void templatesCannotReachJavaClasses() {
        assertFails("""
                -- templates/party.ftlh --
                <#assign ex = "freemarker.template.utility.Execute"?new()>${ex("id")}
                """, "templates/party.ftlh:1:", "not allowed");
    }

    @Test
    void missingMatrixCell() {
        assertFails("""
                -- content/stances.yaml --
                - id: reds-tax
                  party: reds
                  topic: tax
                  text: Lower.
                """, "content/stances.yaml:1:1: error: collection 'stances' has no entry for party 'blues' and topic 'tax'");
    }

    @Test
    void everyErrorOfARunIsReportedTogether() {
        String err = assertFails("""
                -- content/topics.yaml --
                - id: tax
                  name: [not, a, string]
                -- content/people/bob.md --
                ---
                name: Bob
                party: purples
                ---
                -- content/pages/about.md --
                ---
                title: About
                ---
                [Nowhere](/nowhere/)
                """, "content/pages/about.md:4:1:", "content/people/bob.md:3:8:", "content/topics.yaml:2:9:", "3 errors");
        List<String> lines = err.lines().toList();
        assertEquals(List.copyOf(lines.subList(0, 3).stream().sorted().toList()), lines.subList(0, 3), "sorted by file and position");
    }

    @Test
    void referenceToADraftExplainsWhatToDo() {
        assertFails("""
                -- content/parties.yaml --
                - id: reds
                  name: The Reds
                - id: blues
                  name: The Blues
                  draft: true
                """, "content/people/bob.md:3:8: error: 'blues' in 'party' is a draft of 'parties'; publish it (remove 'draft: true') or build with --drafts");
    }
}
