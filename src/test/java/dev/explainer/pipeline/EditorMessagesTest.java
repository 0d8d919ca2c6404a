package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** The base site with people who must name exactly one of a party or an organisation. */
    private static final String ONE_OF = """
            -- content/schemas/person.json --
            {"type": "object",
             "properties": {"name": {"type": "string"}, "party": {"type": "string"}, "organisation": {"type": "string"},
                            "born": {"type": "string", "format": "date"}},
             "required": ["name"], "oneOf": [{"required": ["party"]}, {"required": ["organisation"]}],
             "additionalProperties": false}
            """;

    @Test
    void oneOfSaysGiveExactlyOne() {
        assertEquals("content/people/bob.md:2:1: error: neither 'party' nor 'organisation' is given (collection 'people'); give"
                + " exactly one of 'party' or 'organisation'\n", check(ONE_OF + """
                -- content/people/bob.md --
                ---
                name: Bob
                ---
                """));
        assertEquals("content/people/bob.md:4:1: error: both 'party' and 'organisation' are given (collection 'people'); give"
                + " exactly one of 'party' or 'organisation'\n", check(ONE_OF + """
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                organisation: UN
                ---
                """));
    }

    @Test
    void aDayThatDoesNotExistIsOneMessage() {
        assertEquals("content/people/bob.md:4:7: error: field 'born': '2015-13-45' is not a date that exists (there is no month"
                + " 13); dates are written YYYY-MM-DD\n", check("""
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                born: 2015-13-45
                ---
                """));
        assertEquals("content/people/bob.md:4:7: error: field 'born': '1990-02-30' is not a date that exists (February 1990 has"
                + " 28 days); dates are written YYYY-MM-DD\n", check("""
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                born: "1990-02-30"
                ---
                """));
        assertEquals("content/people/bob.md:4:7: error: field 'born': '23 October 1990' is not a date written YYYY-MM-DD, such as"
                + " 2024-01-31\n", check("""
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                born: 23 October 1990
                ---
                """));
    }

    @Test
    void anUppercaseIdIsOneMessageWithoutARegularExpression() {
        String schema = """
                -- content/schemas/topic.json --
                {"type": "object",
                 "properties": {"id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}, "name": {"type": "string"}},
                 "required": ["name"], "additionalProperties": false}
                """;
        assertEquals("content/topics.yaml:1:7: error: id 'Tax' is not valid: ids are lowercase words (letters a-z and digits)"
                + " joined by hyphens; write 'tax'\n", check(schema + """
                -- content/topics.yaml --
                - id: Tax
                  name: Tax
                """).lines().filter(line -> line.startsWith("content/topics.yaml:") && line.contains(": error: "))
                .map(line -> line + "\n").collect(java.util.stream.Collectors.joining()),
                "the id's own errors (the stances that name 'tax' find no such topic: that is another message)");
        assertEquals("content/people/Dan.md:1:1: error: the file name 'Dan.md' does not make a valid id: ids are lowercase words"
                + " (letters a-z and digits) joined by hyphens; rename the file to 'dan.md'\n", check("""
                -- content/people/Dan.md --
                ---
                name: Dan
                party: blues
                ---
                """));
    }

    @Test
    void aPatternFailureQuotesTheFieldsDescriptionNotTheExpression() {
        assertEquals("content/topics.yaml:2:9: error: field 'name': 'tax' does not have the form this field needs: a capitalised"
                + " name, such as Tax\n", check("""
                -- content/schemas/topic.json --
                {"type": "object",
                 "properties": {"name": {"type": "string", "pattern": "^[A-Z]", "description": "a capitalised name, such as Tax"}},
                 "required": ["name"], "additionalProperties": false}
                -- content/topics.yaml --
                - id: tax
                  name: tax
                """));
    }

    /** The base site whose parties have a website: a URL field, with a pattern that lets anything through. */
    private static final String WEBSITES = """
            -- content/schemas/party.json --
            {"type": "object",
             "properties": {"name": {"type": "string"},
                            "website": {"type": "string", "format": "uri", "pattern": "^.*$"},
                            "links": {"type": "array", "items": {"type": "string", "format": "uri-reference"}}},
             "required": ["name"], "additionalProperties": false}
            -- templates/party.ftlh --
            <#import "layout.ftlh" as l><@l.frame title=entry.name><h1>${entry.name}</h1>
            <#if entry.website??><a id="website" href="${entry.website}">site</a></#if>
            <#list entry.links![] as link><a class="link" href="${link}">link</a></#list>
            <ul id="members"></ul></@l.frame>
            """;

    @Test
    void urlFieldsRefuseUnsafeSchemesWhateverThePattern() {
        String refused = "is not allowed (only http, https, mailto and tel)\n";
        assertEquals("content/parties.yaml:3:12: error: field 'website': link scheme 'javascript:' " + refused
                + "content/parties.yaml:4:11: error: field 'links[0]': link scheme 'data:' " + refused
                + "content/parties.yaml:4:31: error: field 'links[1]': link scheme 'vbscript:' " + refused
                + "content/parties.yaml:4:43: error: field 'links[2]': link scheme 'file:' " + refused
                + "content/parties.yaml:4:65: error: field 'links[3]': link scheme 'javascript:' " + refused
                + "content/parties.yaml:7:12: error: field 'website': the URL contains '&#x09;', which a browser may read as an"
                + " HTML character reference; write the character itself, or percent-encode it\n"
                + "content/parties.yaml:8:11: error: field 'links[0]': link scheme 'javascript:' " + refused, check(WEBSITES + """
                -- content/parties.yaml --
                - id: reds
                  name: The Reds
                  website: javascript:alert(1)
                  links: ["data:text/html,x", vbscript:x, "file:///etc/passwd", "%6Aavascript:alert(1)"]
                - id: blues
                  name: The Blues
                  website: "java&#x09;script:alert(1)"
                  links: [JaVaScRiPt:alert(1), /parties/reds/, "mailto:blues@example.org"]
                """));
    }

    @Test
    void safeUrlFieldsReachTheirHref() {
        Path root = temporary.resolve("safe");
        TestSite.write(root, TestSite.BASE + WEBSITES + """
                -- content/parties.yaml --
                - id: reds
                  name: The Reds
                  website: https://reds.example.org/?a=1&b=2
                  links: [/parties/blues/, "mailto:reds@example.org", "tel:+431234"]
                - id: blues
                  name: The Blues
                """);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        Document page = TestSite.html(root.resolve("site/parties/reds/index.html"));
        assertEquals("https://reds.example.org/?a=1&b=2", page.getElementById("website").attr("href"));
        assertEquals("[/parties/blues/, mailto:reds@example.org, tel:+431234]", page.select("a.link").eachAttr("href").toString());
    }

    @Test
    void aRelativeAddressInAnAbsoluteUrlFieldIsOneMessage() {
        assertEquals("content/parties.yaml:3:12: error: field 'website': '/reds/' is not an absolute URL such as"
                + " https://example.org/page\n", check(TestSite.replaced(WEBSITES, "\"^.*$\"", "\"^https://\"") + """
                -- content/parties.yaml --
                - id: reds
                  name: The Reds
                  website: /reds/
                - id: blues
                  name: The Blues
                """));
    }

    /** The base site's config with {@code from} replaced by {@code to}, as a file block. */
    private static String baseConfigWith(String from, String to) {
        String base = TestSite.BASE;
        int start = base.indexOf("-- content/site.yaml --\n");
        String config = base.substring(start, base.indexOf("\n-- ", start + 1) + 1);
        assertTrue(config.contains(from), from);
        return config.replace(from, to);
    }

    @Test
    void twoEntriesSharingAFieldDeclaredUniqueNameBoth() {
        // Capitals and spacing aside, the two texts are one: as page titles they would read alike.
        assertEquals("content/quotes.yaml:7:9: error: 'text' of 'bob-bye' is the same as that of 'ann-hello' (at"
                + " content/quotes.yaml:3:9); each entry of collection 'quotes' needs a text of its own\n",
                check(baseConfigWith("    sort: [date]\n", "    sort: [date]\n    unique: [text]\n") + """
                        -- content/quotes.yaml --
                        - id: ann-hello
                          speaker: ann
                          text: "Hello there"
                          date: 2015-10-23
                        - id: bob-bye
                          speaker: bob
                          text: "hello  THERE "
                          date: 2015-10-24
                        """));
    }

    @Test
    void aFieldThatNeedsAnotherSaysWhichToAdd() {
        assertEquals("content/quotes.yaml:8:3: error: 'wording_of' needs the field 'wording_note' beside it (collection"
                + " 'quotes'); add 'wording_note: ...'\n", check("""
                -- content/schemas/quote.json --
                {"type": "object",
                 "properties": {"speaker": {"type": "string"}, "text": {"type": "string"}, "date": {"type": "string", "format": "date"},
                                "wording_of": {"type": "string"}, "wording_note": {"type": "string"}},
                 "required": ["speaker", "text", "date"], "dependentRequired": {"wording_of": ["wording_note"]},
                 "additionalProperties": false}
                -- content/quotes.yaml --
                - id: ann-hello
                  speaker: ann
                  text: "Hello"
                  date: 2015-10-23
                - id: bob-hello
                  speaker: bob
                  text: "Hello!"
                  wording_of: ann-hello
                  date: 2015-10-23
                """));
    }
}
