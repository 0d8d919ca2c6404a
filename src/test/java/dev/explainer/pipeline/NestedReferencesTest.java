package dev.explainer.pipeline;

import dev.explainer.load.ChangedFiles;
import dev.explainer.output.OutputFile;
import dev.explainer.testing.TestSite;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * References inside objects ({@code mediator.person}) and inside each item of a list of objects
 * ({@code signatories[].party}): held to the schema, their ids checked where they are written,
 * the entries given to templates in place, and counted as referrers.
 */
class NestedReferencesTest {
    @TempDir
    Path root;

    /** The base site with statements whose signatories (a list of objects) and mediator (an object) name entries. */
    static final String SITE = TestSite.replaced(TestSite.BASE, "  quotes:\n", """
              statements:
                file: statements.yaml
                schema: schemas/statement.json
                references:
                  signatories[].party: parties
                  signatories[].topics: topics
                  mediator.person: people
                url: /statements/{id}/
                template: statement.ftlh
              quotes:
            """) + """
            -- content/schemas/statement.json --
            {"type": "object",
             "properties": {
               "title": {"type": "string"},
               "signatories": {"type": "array", "items": {"$ref": "#/$defs/signatory"}},
               "mediator": {"type": "object", "properties": {"person": {"type": "string"}}, "additionalProperties": false}},
             "$defs": {"signatory": {"type": "object",
               "properties": {"party": {"type": "string"}, "role": {"type": "string"}, "topics": {"type": "array", "items": {"type": "string"}}},
               "required": ["party"], "additionalProperties": false}},
             "required": ["title"], "additionalProperties": false}
            -- content/statements.yaml --
            - id: joint
              title: Joint statement
              signatories:
                - {party: reds, role: lead, topics: [tax, trade]}
                - party: blues
                  role: second
              mediator:
                person: ann
            -- content/topics.yaml --
            - id: tax
              name: Tax
            - id: trade
              name: Trade
            -- content/stances.yaml --
            - id: reds-tax
              party: reds
              topic: tax
              text: Lower.
            - id: blues-tax
              party: blues
              topic: tax
              text: Higher.
            - id: reds-trade
              party: reds
              topic: trade
              text: Open.
            - id: blues-trade
              party: blues
              topic: trade
              text: Closed.
            -- templates/statement.ftlh --
            <#import "layout.ftlh" as l><@l.frame title=entry.title><h1>${entry.title}</h1>
            <ul><#list entry.signatories as s><li class="signatory"><a href="${s.party.href}">${s.party.name}</a> (${s.role})<#list s.topics![] as t> <span class="topic">${t.name}</span></#list></li></#list></ul>
            <p class="mediator"><a href="${entry.mediator.person.href}">${entry.mediator.person.name}</a></p>
            </@l.frame>
            -- templates/party.ftlh --
            <#import "layout.ftlh" as l><@l.frame title=entry.name><h1>${entry.name}</h1>
            <ul id="members"><#list entry.referrers.people![] as p><li><a href="${p.href}">${p.name}</a></li></#list></ul>
            <#list entry.referrers.statements![] as s><p class="statement"><a href="${s.href}">${s.title}</a></p></#list>
            </@l.frame>
            """;

    private Document page(String path) {
        return TestSite.html(root.resolve("site/" + path));
    }

    @Test
    void templatesGetTheEntriesNamedInsideObjectsAndListsOfObjectsInPlace() {
        TestSite.write(root, SITE);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        Document statement = page("statements/joint/index.html");
        assertEquals("The Reds (lead) Tax Trade | The Blues (second)", String.join(" | ", statement.select(".signatory").eachText()));
        assertEquals("../../parties/reds/index.html", statement.select(".signatory a").first().attr("href"));
        assertEquals("Ann", statement.select(".mediator a").text());
        assertEquals("../../people/ann/index.html", statement.select(".mediator a").attr("href"));
    }

    @Test
    void anEntryNamedInsideAListOfObjectsHasTheEntryAmongItsReferrers() {
        TestSite.write(root, SITE);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Joint statement", page("parties/blues/index.html").select(".statement a").text());
        assertEquals("../../statements/joint/index.html", page("parties/reds/index.html").select(".statement a").attr("href"));
    }

    @Test
    void anEntryNamedOnlyInsideAListOfObjectsIsReferred() {
        TestSite.write(root, SITE.replace("""
            - id: reds-trade
              party: reds
              topic: trade
              text: Open.
            - id: blues-trade
              party: blues
              topic: trade
              text: Closed.
            """, ""));
        TestSite.edit(root, "content/site.yaml", "matrix: [party, topic]", "matrix: {fields: [party, topic], complete: false}");
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("trade"), "only the statement names 'trade': " + run.err());

        TestSite.edit(root, "content/statements.yaml", "topics: [tax, trade]", "topics: [tax]");
        run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("content/topics.yaml:3:7: warning: nothing refers to topics entry 'trade'; cite it, or remove it"),
                run.err());
    }

    @Test
    void anUnknownIdInsideAListOfObjectsIsAnErrorAtItsValue() {
        TestSite.write(root, SITE);
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/statements.yaml --
                - id: joint
                  title: Joint statement
                  signatories:
                    - {party: reds, role: lead, topics: [tax, trdae]}
                    - party: bleus
                      role: second
                  mediator:
                    person: ann
                """);
        assertEquals("content/statements.yaml:4:47: error: unknown topics id 'trdae' in 'signatories[].topics'; did you mean 'trade'?\n"
                + "content/statements.yaml:5:14: error: unknown parties id 'bleus' in 'signatories[].party'; did you mean 'blues'?\n"
                + "2 errors\n", run.err());
    }

    @Test
    void aDraftNamedInsideAnObjectIsAnErrorAtItsValue() {
        TestSite.write(root, SITE);
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/people/ann.md --
                ---
                name: Ann
                party: reds
                draft: true
                ---
                Ann is *red*.
                """);
        assertTrue(run.err().contains("content/statements.yaml:8:13: error: 'ann' in 'mediator.person' is a draft of 'people';"
                + " publish it (remove 'draft: true') or build with --drafts\n"), run.err());
        assertEquals(0, TestSite.build(root, "--drafts").exitCode(), "with --drafts the reference resolves");
    }

    @Test
    void aValueThatIsNotAnIdInsideAnObjectIsAnErrorAtIt() {
        // A schema that lets 'person' hold anything: the reference still takes only ids.
        TestSite.write(root, TestSite.replaced(SITE, "{\"person\": {\"type\": \"string\"}}", "{\"person\": {}}"));
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/statements.yaml --
                - id: joint
                  title: Joint statement
                  signatories: []
                  mediator:
                    person: {name: Ann}
                """);
        assertEquals("content/statements.yaml:5:13: error: 'mediator.person' must hold the id of an entry of 'people'"
                + " (or a list of them), not a mapping\n1 error\n", run.err());
    }

    @Test
    void aMisspeltFieldInAReferencePathIsAnErrorAtItsKeyWithTheClosestField() {
        TestSite.write(root, SITE);
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/schemas/statement.json --
                {"type": "object",
                 "properties": {
                   "title": {"type": "string"},
                   "signatories": {"type": "array", "items": {"$ref": "#/$defs/signatory"}},
                   "mediatr": {"type": "object", "properties": {"person": {"type": "string"}}, "additionalProperties": false}},
                 "$defs": {"signatory": {"type": "object",
                   "properties": {"party": {"type": "string"}, "role": {"type": "string"}, "topic": {"type": "array", "items": {"type": "string"}}},
                   "required": ["party"], "additionalProperties": false}},
                 "required": ["title"], "additionalProperties": false}
                -- content/statements.yaml --
                - id: joint
                  title: Joint statement
                  signatories:
                    - {party: reds, role: lead}
                """);
        assertEquals("content/site.yaml:38:7: error: collection 'statements': reference 'signatories[].topics' names field 'topics',"
                + " which its schema content/schemas/statement.json does not declare inside 'signatories[]';"
                + " did you mean 'signatories[].topic'?\n"
                + "content/site.yaml:39:7: error: collection 'statements': reference 'mediator.person' names field 'mediator',"
                + " which its schema content/schemas/statement.json does not declare; did you mean 'mediatr.person'?\n"
                + "2 errors\n", run.err());
    }

    @Test
    void aMisspeltTopLevelReferenceFieldIsAnErrorAtItsKey() {
        TestSite.write(root, SITE);
        TestSite.edit(root, "content/site.yaml", "references: {party: parties}", "references: {paty: parties}");
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode());
        assertEquals("content/site.yaml:16:18: error: collection 'people': reference 'paty' names field 'paty', which its schema"
                + " content/schemas/person.json does not declare; did you mean 'party'?\n1 error\n", run.err());
    }

    @Test
    void aSchemaThatAllowsOtherFieldsMustStillDeclareTheReferenceField() {
        TestSite.write(root, SITE);
        TestSite.write(root, """
                -- content/schemas/statement.json --
                {"type": "object",
                 "properties": {"title": {"type": "string"}, "signatories": {"type": "array", "items": {"type": "object"}},
                   "mediator": {"type": "object", "properties": {"person": {"type": "string"}}}}}
                """);
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode());
        assertEquals("content/site.yaml:37:7: error: collection 'statements': reference 'signatories[].party' names field 'party',"
                + " which its schema content/schemas/statement.json does not declare inside 'signatories[]'\n"
                + "content/site.yaml:38:7: error: collection 'statements': reference 'signatories[].topics' names field 'topics',"
                + " which its schema content/schemas/statement.json does not declare inside 'signatories[]'\n"
                + "2 errors\n", run.err());
    }

    /** Fields declared by the schemas an object combines ({@code allOf}, {@code anyOf}, {@code oneOf}, through {@code $ref}) count. */
    @Test
    void aFieldDeclaredThroughACombinedSchemaIsDeclared() {
        TestSite.write(root, SITE + """
                -- content/schemas/statement.json --
                {"type": "object",
                 "properties": {
                   "title": {"type": "string"},
                   "signatories": {"type": "array", "items": {"$ref": "#/$defs/signatory"}},
                   "mediator": {"allOf": [{"$ref": "#/$defs/named"}, {"$ref": "#/$defs/named"}]}},
                 "$defs": {
                   "named": {"type": "object", "properties": {"person": {"type": "string"}}},
                   "signatory": {"anyOf": [{"$ref": "#/$defs/party"}, {"$ref": "#/$defs/role"}]},
                   "party": {"type": "object", "properties": {"party": {"type": "string"}}, "oneOf": [{"$ref": "#/$defs/role"}, {}]},
                   "role": {"type": "object", "properties": {"role": {"type": "string"}, "topics": {"type": "array"}}}},
                 "required": ["title"]}
                """);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Ann", page("statements/joint/index.html").select(".mediator a").text());
    }

    @Test
    void aPathThatDoesNotFollowTheSchemasListsAndObjectsIsAnErrorSayingHowToWriteIt() {
        TestSite.write(root, SITE);
        TestSite.edit(root, "content/site.yaml", """
                      signatories[].party: parties
                      signatories[].topics: topics
                      mediator.person: people
                """, """
                      signatories.party: parties
                      signatories[].topics: topics
                      mediator[].person: people
                      title.text: people
                      signatories: parties
                """);
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode());
        assertEquals("content/site.yaml:37:7: error: collection 'statements': reference 'signatories.party' goes into 'signatories',"
                + " but its schema content/schemas/statement.json declares it as a list of objects; write 'signatories[].party'\n"
                + "content/site.yaml:39:7: error: collection 'statements': reference 'mediator[].person' goes into each item of"
                + " 'mediator', but its schema content/schemas/statement.json declares it as an object, not a list; write 'mediator.person'\n"
                + "content/site.yaml:40:7: error: collection 'statements': reference 'title.text' goes into 'title', but its schema"
                + " content/schemas/statement.json does not declare it as an object with fields\n"
                + "content/site.yaml:41:7: error: collection 'statements': reference 'signatories' names 'signatories', which its schema"
                + " content/schemas/statement.json declares as a list of objects, not ids; name the field inside that holds the id,"
                + " such as 'signatories[].party'\n"
                + "content/statements.yaml:4:7: error: 'signatories' must hold the id of an entry of 'parties' (or a list of them),"
                + " not a mapping\n"
                + "content/statements.yaml:5:7: error: 'signatories' must hold the id of an entry of 'parties' (or a list of them),"
                + " not a mapping\n"
                + "6 errors\n", run.err());
    }

    @Test
    void aReferenceKeyThatIsNotAPathIsAnErrorAtIt() {
        TestSite.write(root, SITE);
        TestSite.edit(root, "content/site.yaml", "      mediator.person: people\n",
                "      mediator.person: people\n      mediator..person: people\n      signatories[].topics[]: topics\n");
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode());
        assertEquals("content/site.yaml:40:7: error: collection 'statements': reference 'mediator..person' is not a field path;"
                + " write a field ('author'), a field inside an object ('mediator.country') or a field inside each item of a list"
                + " of objects ('signatories[].country')\n"
                + "content/site.yaml:41:7: error: collection 'statements': reference 'signatories[].topics[]' ends with '[]', but '[]'"
                + " marks a list of objects that the path goes into; a field may hold one id or a list of ids as it is:"
                + " write 'signatories[].topics'\n"
                + "2 errors\n", run.err());
    }

    @Test
    void aPathKeyInABraceMappingIsAYamlErrorUnlessQuoted() {
        TestSite.write(root, SITE);
        TestSite.edit(root, "content/site.yaml", """
                    references:
                      signatories[].party: parties
                      signatories[].topics: topics
                      mediator.person: people
                """, """
                    references: {signatories[].party: parties, "signatories[].topics": topics, mediator.person: people}
                """);
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode());
        assertEquals("content/site.yaml:36:29: error: '[' in the middle of a key or value opens a list inside this '{...}' mapping;"
                + " put that key or value in quotes, such as \"items[].name\": ..., or write the mapping one key a line\n1 error\n",
                run.err());

        TestSite.edit(root, "content/site.yaml", "{signatories[].party: parties,", "{\"signatories[].party\": parties,");
        run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("The Reds (lead) Tax Trade | The Blues (second)",
                String.join(" | ", page("statements/joint/index.html").select(".signatory").eachText()));
    }

    @Test
    void aMatrixFieldMustBeATopLevelReference() {
        TestSite.write(root, SITE);
        TestSite.edit(root, "content/site.yaml", "    template: statement.ftlh\n",
                "    template: statement.ftlh\n    matrix:\n      - signatories[].party\n      - mediator.person\n");
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("error: collection 'statements': matrix field 'mediator.person' must be one of its 'references',"
                + " a field of the entry itself (not a path into its objects)\n"), run.err());
    }

    @Test
    void aRebuildRendersWhatANestedReferenceChangesAndNotTheRest() {
        TestSite.write(root, SITE);
        SiteBuilder builder = SiteBuilder.forRebuilds();
        assertTrue(builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of())).diagnostics().isEmpty());

        TestSite.edit(root, "content/statements.yaml", "- party: blues", "- party: reds");
        BuildResult moved = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/statements.yaml")));
        assertTrue(moved.diagnostics().isEmpty(), moved.diagnostics().toString());
        assertTrue(moved.rendered().containsAll(Set.of("/statements/joint/", "/parties/blues/")), moved.rendered().toString());
        assertFalse(moved.rendered().contains("/people/ann/"), moved.rendered().toString());
        assertFalse(html(moved, "parties/blues/index.html").contains("Joint statement"), "blues no longer signs");

        TestSite.edit(root, "content/parties.yaml", "name: The Reds", "name: The Red Party");
        BuildResult renamed = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/parties.yaml")));
        assertTrue(renamed.rendered().contains("/statements/joint/"), renamed.rendered().toString());
        assertTrue(html(renamed, "statements/joint/index.html").contains(">The Red Party</a> (second)"), "the statement shows the new name");
    }

    /** An edit to a body alone relinks only the bodies; the entry must still be replaced among the referrers its nested references give it. */
    @Test
    void aRebuildAfterABodyEditShowsTheNewBodyWhereANestedReferenceListsTheEntry() {
        TestSite.write(root, SITE + """
                -- content/schemas/person.json --
                {"type": "object",
                 "properties": {"name": {"type": "string"}, "party": {"type": "string"}, "born": {"type": "string", "format": "date"},
                   "allies": {"type": "array", "items": {"type": "object", "properties": {"party": {"type": "string"}}}}},
                 "required": ["name", "party"], "additionalProperties": false}
                -- content/people/bob.md --
                ---
                name: Bob
                party: blues
                allies:
                  - party: reds
                ---
                Bob is blue.
                -- templates/party.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.name><h1>${entry.name}</h1>
                <div id="members"><#list entry.referrers.people![] as p><div class="member">${p.content}</div></#list></div>
                </@l.frame>
                """);
        TestSite.edit(root, "content/site.yaml", "references: {party: parties}", "references: {party: parties, \"allies[].party\": parties}");
        SiteBuilder builder = SiteBuilder.forRebuilds();
        BuildResult first = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of()));
        assertFalse(first.failed(), first.diagnostics().toString());
        assertTrue(html(first, "parties/reds/index.html").contains("Bob is blue."), "Bob is among the Reds' referrers");

        TestSite.edit(root, "content/people/bob.md", "Bob is blue.", "Bob is sky blue.");
        BuildResult edited = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/people/bob.md")));
        assertFalse(edited.failed(), edited.diagnostics().toString());
        assertTrue(html(edited, "parties/reds/index.html").contains("Bob is sky blue."), html(edited, "parties/reds/index.html"));
    }

    private static String html(BuildResult result, String path) {
        return result.files().stream().filter(f -> f.path().equals(path)).findFirst()
                .map(f -> new String(((OutputFile.Generated) f).bytes(), StandardCharsets.UTF_8)).orElseThrow();
    }
}
