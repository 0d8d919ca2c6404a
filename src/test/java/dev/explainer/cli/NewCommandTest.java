package dev.explainer.cli;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewCommandTest {
    @TempDir
    Path root;

    @BeforeEach
    void site() {
        TestSite.write(root, TestSite.BASE);
    }

    private TestSite.Run run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "new";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--source";
        all[args.length + 2] = root.toString();
        return TestSite.cli(all);
    }

    @Test
    void createsAMarkdownEntryWithEveryRequiredFieldExplained() throws Exception {
        TestSite.Run run = run("people", "cy");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Created content/people/cy.md: fill in the fields, then run 'check'", run.out().strip());
        String text = Files.readString(root.resolve("content/people/cy.md"));
        assertEquals("""
                ---
                # name (required, text)
                name:
                # party (required, the id of an entry of parties)
                party:
                # Optional fields: remove the '# ' to use one.
                # born:  # a date, YYYY-MM-DD
                ---
                Write the text here, in your own words. Cite every claim to a source.
                """, text);
        TestSite.Run check = TestSite.cli("check", "--source", root.toString());
        assertEquals(1, check.exitCode(), "an unfilled scaffold is not a valid entry yet");
        assertTrue(check.err().contains("content/people/cy.md:3:6: error: field 'name': has no value; fill it in (string expected)"), check.err());
    }

    @Test
    void appendsToADataFileAndKeepsWhatWasThere() throws Exception {
        String before = Files.readString(root.resolve("content/quotes.yaml"));
        TestSite.Run run = run("quotes", "cy-hello");
        assertEquals(0, run.exitCode(), run.err());
        String after = Files.readString(root.resolve("content/quotes.yaml"));
        assertTrue(after.startsWith(before), "existing entries are untouched");
        assertTrue(after.endsWith("""
                - id: cy-hello
                  # speaker (required, the id of an entry of people)
                  speaker:
                  # text (required, text)
                  text:
                  # date (required, a date, YYYY-MM-DD)
                  date:
                """), after);
    }

    @Test
    void refusesAnExistingIdAnInvalidSlugAndAnUnknownCollection() throws Exception {
        String before = Files.readString(root.resolve("content/quotes.yaml"));
        TestSite.Run existing = run("quotes", "ann-hello");
        assertEquals(2, existing.exitCode());
        assertEquals("explainer new: quotes already has an entry 'ann-hello' at content/quotes.yaml:1:7", existing.err().strip());
        TestSite.Run slug = run("people", "Cy Young");
        assertEquals(2, slug.exitCode());
        assertEquals("explainer new: id 'Cy Young' is not a lowercase URL slug; use 'cy-young'", slug.err().strip());
        TestSite.Run unknown = run("peeple", "cy");
        assertEquals("explainer new: no collection 'peeple'; did you mean 'people'?", unknown.err().strip());
        assertEquals(before, Files.readString(root.resolve("content/quotes.yaml")), "nothing written on refusal");
        assertTrue(Files.notExists(root.resolve("content/people/Cy Young.md")));
    }

    @Test
    void aSiteCanOverrideTheScaffoldOfACollection() throws Exception {
        TestSite.write(root, """
                -- templates/scaffolds/people.ftl --
                ---
                name: ${id?cap_first}
                party: reds
                ---
                <#list fields as f>${f.name}<#sep>, </#list>
                """);
        assertEquals(0, run("people", "cy").exitCode());
        assertEquals("---\nname: Cy\nparty: reds\n---\nname, party, born\n", Files.readString(root.resolve("content/people/cy.md")));
        assertEquals(0, TestSite.cli("check", "--source", root.toString()).exitCode(), "the scaffold templates are not page templates");
    }

    /** A scaffold template is the site's code, like a page template: its errors are the site's (exit 1), at their line. */
    @Test
    void aBrokenScaffoldTemplateIsReportedAtItsLineAndWritesNothing() throws Exception {
        Map<String, String> broken = new java.util.LinkedHashMap<>();
        broken.put("---\nname: ${nope}\n---\n", "templates/scaffolds/people.ftl:2:9: error: template error:"
                + " The following has evaluated to null or missing: nope");
        broken.put("<#if>\n", "templates/scaffolds/people.ftl:1:2: error: template syntax error: #if is an existing directive,"
                + " but the tag is malformed.  (See FreeMarker Manual / Directive Reference.)");
        broken.put("<#macro f n><@f n + 1/></#macro><@f 1/>\n", "templates/scaffolds/people.ftl:1:1: error: the scaffold"
                + " template nests too deep (a macro or function that calls itself without end?); give it a case in which"
                + " it does not call itself");
        // A loop without end: stopped at its next turn once the limit of 1 s is past.
        broken.put("<#list 1.. as i><#assign x = i * 2></#list>\n", "templates/scaffolds/people.ftl:1:1: error: the"
                + " scaffold template ran longer than 1 s and was stopped; a loop or a macro that calls itself needs an end"
                + " (or raise limits.page_render_seconds in content/site.yaml)");
        Path config = root.resolve("content/site.yaml");
        Files.writeString(config, "limits: {page_render_seconds: 1}\n" + Files.readString(config));
        for (Map.Entry<String, String> scaffold : broken.entrySet()) {
            TestSite.write(root, "-- templates/scaffolds/people.ftl --\n" + scaffold.getKey());
            TestSite.Run run = run("people", "cy");
            assertEquals(1, run.exitCode(), run.err());
            assertEquals(scaffold.getValue(), run.err().strip());
            assertTrue(Files.notExists(root.resolve("content/people/cy.md")), "nothing written");
        }
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("explainer-scaffold")) {
                thread.join(10_000); // a loop stops at its next turn once interrupted: this returns at once
                assertTrue(!thread.isAlive(), "the scaffold that ran past its limit was stopped, not left running");
            }
        }
    }

    /** What {@code check} says about the site, line by line. */
    private List<String> checkErrors() {
        return TestSite.cli("check", "--source", root.toString()).err().lines().toList();
    }

    @Test
    void refusesACollectionOutsideContentWithTheErrorCheckGives() throws Exception {
        TestSite.edit(root, "content/site.yaml", "file: quotes.yaml", "file: ../elsewhere.yaml");
        TestSite.Run run = run("quotes", "cy-hello");
        assertEquals(1, run.exitCode(), run.err());
        String error = "content/site.yaml:35:3: error: collection 'quotes': '../elsewhere.yaml' must be a path inside content/";
        assertEquals(error, run.err().strip());
        assertTrue(checkErrors().contains(error), "check says the same: " + checkErrors());
        assertTrue(Files.notExists(root.resolve("elsewhere.yaml")), "nothing written outside content/");
    }

    @Test
    void refusesADataFileLinkedFromOutsideTheSite(@TempDir Path outside) throws Exception {
        Path quotes = Files.writeString(outside.resolve("quotes.yaml"), "- id: theirs\n").toRealPath();
        Path link = root.resolve("content/quotes.yaml");
        Files.delete(link);
        Files.createSymbolicLink(link, quotes);
        try {
            TestSite.Run run = run("quotes", "cy-hello");
            assertEquals(1, run.exitCode(), run.err());
            String error = "content/quotes.yaml:1:1: error: is a link to a file outside the site's folder (" + quotes
                    + "), and the build reads nothing outside it; copy the file into the site's folder instead";
            assertEquals(error, run.err().strip());
            assertTrue(checkErrors().contains(error), "check says the same: " + checkErrors());
            assertEquals("- id: theirs\n", Files.readString(quotes), "the file outside is untouched");
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void refusesACollectionFolderLinkedFromOutsideTheSite(@TempDir Path outside) throws Exception {
        Path people = Files.createDirectories(outside.resolve("people")).toRealPath();
        Path link = root.resolve("content/people");
        for (String name : List.of("ann.md", "bob.md")) {
            Files.move(link.resolve(name), people.resolve(name));
        }
        Files.delete(link);
        Files.createSymbolicLink(link, people);
        try {
            TestSite.Run run = run("people", "cy");
            assertEquals(1, run.exitCode(), run.err());
            assertEquals("content/people:1:1: error: is a link to a folder outside the site's folder (" + people
                    + "), and the build reads nothing outside it; copy the folder into the site's folder instead", run.err().strip());
            assertTrue(Files.notExists(people.resolve("cy.md")), "nothing written outside the site");
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void followsALinkedFolderThatStaysInsideTheSite() throws Exception {
        Files.move(root.resolve("content/people"), root.resolve("shared-people"));
        Files.createSymbolicLink(root.resolve("content/people"), Path.of("../shared-people"));
        TestSite.Run run = run("people", "cy");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(root.resolve("shared-people/cy.md")));
    }

    /** Parties and topics whose ids contain hyphens, so that an id of the stances matrix splits more than one way. */
    private void matrixOfHyphenatedIds() throws Exception {
        Files.writeString(root.resolve("content/parties.yaml"), """
                - id: reds
                  name: The Reds
                - id: blues
                  name: The Blues
                - id: green-left
                  name: Green Left
                - id: reds-new
                  name: New Reds
                """);
        Files.writeString(root.resolve("content/topics.yaml"), """
                - id: tax
                  name: Tax
                - id: housing
                  name: Housing
                - id: new-tax
                  name: A new tax
                - id: "2024"
                  name: The 2024 budget
                """);
    }

    @Test
    void aMatrixEntryGetsTheTwoFieldsItsIdNames() throws Exception {
        matrixOfHyphenatedIds();
        TestSite.Run run = run("stances", "green-left-housing");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Added 'green-left-housing' to content/stances.yaml: fill in the fields, then run 'check'\n"
                + "pre-filled party: green-left and topic: housing from the id", run.out().strip());
        assertTrue(Files.readString(root.resolve("content/stances.yaml")).endsWith("""
                  text: Higher.

                - id: green-left-housing
                  # party (required, the id of an entry of parties)
                  party: green-left
                  # topic (required, the id of an entry of topics)
                  topic: housing
                  # text (required, text)
                  text:
                """), Files.readString(root.resolve("content/stances.yaml")));

        TestSite.Run number = run("stances", "reds-2024");
        assertEquals(0, number.exitCode(), number.err());
        assertTrue(Files.readString(root.resolve("content/stances.yaml")).endsWith("""
                  party: reds
                  # topic (required, the id of an entry of topics)
                  topic: '2024'
                  # text (required, text)
                  text:
                """), "an id YAML would read as a number is quoted");
        TestSite.edit(root, "content/stances.yaml", "topic: housing\n  # text (required, text)\n  text:",
                "topic: housing\n  text: Build.");
        TestSite.edit(root, "content/stances.yaml", "topic: '2024'\n  # text (required, text)\n  text:", "topic: '2024'\n  text: Cut.");
        TestSite.Run check = TestSite.cli("check", "--source", root.toString());
        // The matrix is not complete yet (the new party and topic need their other cells), but the new cells are right.
        assertEquals(List.of(), check.err().lines().filter(line -> line.contains("stances.yaml")
                && !line.contains("has no entry for party")).toList(), check.err());
    }

    @Test
    void aMatrixIdThatSplitsNoWayOrTwoWaysPreFillsNothingAndSaysSo() throws Exception {
        matrixOfHyphenatedIds();
        TestSite.Run twoWays = run("stances", "reds-new-tax");
        assertEquals(0, twoWays.exitCode(), twoWays.err());
        assertEquals("Added 'reds-new-tax' to content/stances.yaml: fill in the fields, then run 'check'\n"
                + "'party' and 'topic' are left empty: 'reds-new-tax' can be read as party reds and topic new-tax, or as party"
                + " reds-new and topic tax; fill them in", twoWays.out().strip());
        assertTrue(Files.readString(root.resolve("content/stances.yaml")).endsWith("""
                - id: reds-new-tax
                  # party (required, the id of an entry of parties)
                  party:
                  # topic (required, the id of an entry of topics)
                  topic:
                  # text (required, text)
                  text:
                """));

        TestSite.Run noWay = run("stances", "greens-tax");
        assertEquals(0, noWay.exitCode(), noWay.err());
        assertEquals("Added 'greens-tax' to content/stances.yaml: fill in the fields, then run 'check'\n"
                + "'party' and 'topic' are left empty: 'greens-tax' is not 'party-topic' of an entry of parties and one of topics"
                + " that exist", noWay.out().strip());
        assertTrue(Files.readString(root.resolve("content/stances.yaml")).endsWith("""
                - id: greens-tax
                  # party (required, the id of an entry of parties)
                  party:
                  # topic (required, the id of an entry of topics)
                  topic:
                  # text (required, text)
                  text:
                """));
    }

    @Test
    void aScaffoldTemplateSeesThePreFilledFields() throws Exception {
        matrixOfHyphenatedIds();
        Files.createDirectories(root.resolve("templates/scaffolds"));
        Files.writeString(root.resolve("templates/scaffolds/stances.ftl"), """
                - id: ${id}
                <#list prefilled as name, value>  ${name}: ${value}
                </#list>  text: To be written.
                """);
        TestSite.Run run = run("stances", "green-left-tax");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(root.resolve("content/stances.yaml")).endsWith("""
                - id: green-left-tax
                  party: green-left
                  topic: tax
                  text: To be written.
                """), Files.readString(root.resolve("content/stances.yaml")));
    }
}
