package dev.explainer.pipeline;

import dev.explainer.load.ChangedFiles;
import dev.explainer.output.OutputFile;
import dev.explainer.testing.TestSite;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shortcodes: templates in {@code templates/shortcodes/}, called from Markdown bodies with
 * {@code {{< name arg="value" >}}}, checked before anything renders, their output escaped as any
 * template's, their references counted like a field's.
 */
class ShortcodesTest {
    @TempDir
    Path root;

    /** The base site with three shortcodes: one naming a person, one with a body, one with a number; and a page calling them. */
    static final String SHORTCODES = """
            -- templates/shortcodes/person.ftlh --
            <#-- A card for one person.
              @param who reference:people required
              @param wide boolean
              @param note text
            -->
            <figure class="person<#if wide!false> wide</#if>"><a href="${who.href}">${who.name}</a><#if note??> <em>${note}</em></#if></figure>
            -- templates/shortcodes/callout.ftlh --
            <#-- A box around some Markdown.
              @param kind text required
              @body
            -->
            <aside class="callout ${kind}">${body}</aside>
            -- templates/shortcodes/double.ftlh --
            <#-- @param n number required -->
            <span class="double">${n * 2}</span>
            -- templates/person.ftlh --
            <#import "layout.ftlh" as l><@l.frame title=entry.name><h1>${entry.name}</h1>
            <div class="body">${entry.content}</div>
            <ul class="named-by"><#list entry.referrers.pages![] as p><li>${p.title}</li></#list></ul>
            </@l.frame>
            -- content/pages/notes.md --
            ---
            title: Notes
            ---
            Twice ten is {{< double n=10 >}}, said [Bob](/people/bob/).

            {{< person who="ann" wide=true note="<the \\"first\\">" >}}

            {{< callout kind="warning" >}}
            A **bold** claim, [linked](/parties/reds/), with <b>raw</b> HTML.
            {{< /callout >}}

            Code stays code: `{{< person who="nobody" >}}`, and so does \\{{< this >}}.

            ```
            {{< nothing >}}
            ```
            """;

    /** The errors of a run and its count line: the base site's warnings (a page nothing links to, raw HTML) left out. */
    private static String errors(TestSite.Run run) {
        List<String> lines = run.err().lines().toList();
        return String.join("\n", lines.stream().filter(line -> line.contains(": error: ")).toList()) + "\n"
                + lines.get(lines.size() - 1).replaceAll(", \\d+ warnings?", "") + "\n";
    }

    private Document built(String spec, String page) {
        TestSite.write(root, TestSite.BASE);
        TestSite.write(root, spec);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        return TestSite.html(root.resolve("site").resolve(page));
    }

    @Test
    void aShortcodeInAParagraphIsShownInIt() {
        Document notes = built(SHORTCODES, "notes/index.html");
        Element paragraph = notes.selectFirst("main > p");
        assertEquals("Twice ten is <span class=\"double\">20</span>, said <a href=\"../people/bob/index.html\">Bob</a>.", paragraph.html());
    }

    @Test
    void aShortcodeAloneInItsParagraphIsABlockAndItsReferenceIsTheEntry() {
        Document notes = built(SHORTCODES, "notes/index.html");
        Element card = notes.selectFirst("main > figure.person.wide");
        assertEquals("<a href=\"../people/ann/index.html\">Ann</a> <em>&lt;the \"first\"&gt;</em>", card.html(),
                "the entry's page linked relatively, the text argument escaped");
        String html = new String(TestSite.snapshot(root.resolve("site")).get("notes/index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("\n<figure class=\"person wide\">") && !html.contains("<p><figure"), "no paragraph around a block: " + html);
    }

    @Test
    void aShortcodeThatShowsABlockCannotStandInASentenceOrAHeading() {
        TestSite.write(root, TestSite.BASE);
        TestSite.write(root, SHORTCODES);
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/pages/notes.md --
                ---
                title: Notes
                ---
                Said by {{< person who="ann" >}} at the time.

                ## About {{< person who="bob" >}}

                - In a list {{< person who="ann" >}} a figure may stand.
                """);
        assertEquals("""
                content/pages/notes.md:4:9: error: the shortcode 'person' shows a block (<figure>), which cannot stand inside a\
                 paragraph or heading; put the call on a line of its own, with a blank line before and after it\
                 (rendering /notes/ from content/pages/notes.md)
                """, run.err().lines().filter(line -> line.contains("error:")).map(line -> line + "\n").findFirst().orElse(""),
                "the first call in a sentence stops the page; a call in a list item may show a block");
        assertTrue(run.err().contains("1 error"), run.err());

        TestSite.write(root, """
                -- content/pages/notes.md --
                ---
                title: Notes
                ---
                - In a list {{< person who="ann" >}} a figure may stand, as in a [party](/parties/blues/).
                """);
        TestSite.Run list = TestSite.build(root);
        assertEquals(0, list.exitCode(), list.err());
    }

    @Test
    void aBodyIsMarkdownRenderedWithTheSiteSettings() {
        TestSite.write(root, TestSite.BASE);
        TestSite.write(root, SHORTCODES);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        Element callout = TestSite.html(root.resolve("site/notes/index.html")).selectFirst("main > aside.callout.warning");
        assertEquals("<p>A <strong>bold</strong> claim, <a href=\"../parties/reds/index.html\">linked</a>, with &lt;b&gt;raw&lt;/b&gt; HTML.</p>",
                callout.html());
        assertTrue(run.err().contains("content/pages/notes.md:9:50: warning: raw HTML is shown as text;"), run.err());
    }

    @Test
    void aCallInCodeIsText() {
        Document notes = built(SHORTCODES, "notes/index.html");
        assertEquals("{{< person who=\"nobody\" >}}", notes.selectFirst("main p code").text());
        assertTrue(notes.selectFirst("main p:has(code)").text().endsWith(", and so does {{< this >}}."), notes.selectFirst("main p:has(code)").text());
        assertEquals("{{< nothing >}}\n", notes.selectFirst("main pre code").wholeText());
    }

    @Test
    void aSiteMayTurnShortcodesOff() {
        String off = """
                -- content/pages/notes.md --
                ---
                title: Notes
                ---
                Write {{< name >}} in Hugo.
                """;
        TestSite.write(root, TestSite.BASE);
        TestSite.write(root, off);
        TestSite.edit(root, "content/site.yaml", "collections:", "markdown: {shortcodes: false}\ncollections:");
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Write {{< name >}} in Hugo.", TestSite.html(root.resolve("site/notes/index.html")).selectFirst("main p").text());
    }

    @Test
    void anEntryNamedByAShortcodeCountsTheCallerAsAReferrer() {
        Document ann = built(SHORTCODES, "people/ann/index.html");
        assertEquals(List.of("Notes"), ann.select("ul.named-by li").eachText());
        Document bob = built(SHORTCODES, "people/bob/index.html");
        assertEquals(List.of(), bob.select("ul.named-by li").eachText(), "a link in prose is not a reference");
    }

    @Test
    void aPageLinkedOnlyByAShortcodeIsNotReportedAsUnlinked() {
        TestSite.write(root, TestSite.BASE);
        TestSite.write(root, SHORTCODES + """
                -- templates/shortcodes/party.ftlh --
                <#-- @param which reference:parties required -->
                <a href="${which.href}">${which.name}</a>
                """);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("content/parties.yaml:3:7: warning: no other page links to /parties/blues/"), run.err());
        TestSite.edit(root, "content/pages/notes.md", "Code stays code", "Ask {{< party which=\"blues\" >}}.\n\nCode stays code");
        run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("/parties/blues/"), run.err());
        assertEquals("../parties/blues/index.html", TestSite.html(root.resolve("site/notes/index.html")).selectFirst("main a[href*=blues]").attr("href"));
    }

    @Test
    void everyBadCallIsReportedAtItsPlace() {
        TestSite.write(root, TestSite.BASE);
        TestSite.write(root, SHORTCODES);
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/pages/notes.md --
                ---
                title: Notes
                ---
                A {{< dubble n=1 >}} and {{< double n=many >}} and {{< double >}}.

                {{< person who="ann" wide=yes colour="red" >}}

                {{< person who="an" >}} {{< person who="ann" >}}{{< /person >}}

                {{< callout kind="note" >}}
                Never closed.

                {{< /callout >}} {{< /callout >}}

                {{< double n="1 >}}
                """);
        assertEquals("""
                content/pages/notes.md:4:3: error: unknown shortcode 'dubble'; did you mean 'double'?
                content/pages/notes.md:4:39: error: the argument 'n' of 'double' must be a number, such as 3 or 2.5, not 'many'
                content/pages/notes.md:4:52: error: the shortcode 'double' needs the argument 'n' (number); add n="..."
                content/pages/notes.md:6:27: error: the argument 'wide' of 'person' must be true or false, not 'yes'
                content/pages/notes.md:6:31: error: the shortcode 'person' has no argument 'colour'; it takes who, wide, note
                content/pages/notes.md:8:17: error: unknown people id 'an' in the argument 'who'; did you mean 'ann'?
                content/pages/notes.md:8:49: error: the shortcode 'person' takes no body (its template declares no '@body'), so '{{< /person >}}' closes nothing; remove it
                content/pages/notes.md:13:18: error: '{{< /callout >}}' closes no '{{< callout >}}' before it; remove it
                content/pages/notes.md:15:14: error: the value of 'n' is not closed by '"' on its line
                9 errors
                """, errors(run));
    }

    @Test
    void aShortcodeCannotStandInsideAnAttribute() {
        TestSite.write(root, TestSite.BASE);
        TestSite.write(root, SHORTCODES);
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/pages/notes.md --
                ---
                title: Notes
                ---
                ![A map {{< double n=1 >}}](map.svg) and [Ann](/people/ann/ "said {{< double n=2 >}}").
                -- content/pages/map.svg --
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"></svg>
                """);
        assertEquals("""
                content/pages/notes.md:4:9: error: the shortcode 'double' cannot stand in an image's description or a link's title, which hold only text; move it out
                content/pages/notes.md:4:67: error: the shortcode 'double' cannot stand in an image's description or a link's title, which hold only text; move it out
                2 errors
                """, errors(run));
    }

    @Test
    void aBodyShortcodeWithoutItsClosingTagIsReported() {
        TestSite.write(root, TestSite.BASE);
        TestSite.write(root, SHORTCODES);
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/pages/notes.md --
                ---
                title: Notes
                ---
                {{< callout kind="note" >}}
                Never closed.
                """);
        assertEquals("content/pages/notes.md:4:1: error: the shortcode 'callout' takes a body and is not closed;"
                + " end its body with {{< /callout >}}\n1 error\n", errors(run));
    }

    @Test
    void aShortcodeNamingADraftIsReported() {
        TestSite.write(root, TestSite.BASE);
        TestSite.write(root, SHORTCODES);
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/people/cy.md --
                ---
                name: Cy
                party: blues
                draft: true
                ---
                -- content/pages/notes.md --
                ---
                title: Notes
                ---
                {{< person who="cy" >}}
                """);
        assertEquals("content/pages/notes.md:4:17: error: 'cy' in the argument 'who' is a draft of 'people';"
                + " publish it (remove 'draft: true') or build with --drafts\n1 error\n", errors(run));
    }

    @Test
    void bodiesNestSixteenDeepAndNoDeeper() {
        String sixteen = "{{< callout kind=\"x\" >}}\n".repeat(16) + "Deep." + "\n{{< /callout >}}".repeat(16) + "\n";
        Document deep = built(SHORTCODES + "-- content/pages/deep.md --\n---\ntitle: Deep\n---\n" + sixteen, "deep/index.html");
        assertEquals("Deep.", deep.selectFirst("main " + "aside ".repeat(16) + "> p").text());
        TestSite.Run run = TestSite.breakWith(root, "-- content/pages/deep.md --\n---\ntitle: Deep\n---\n"
                + "{{< callout kind=\"x\" >}}\n" + sixteen + "{{< /callout >}}\n");
        assertEquals("content/pages/deep.md:20:1: error: shortcodes with bodies are nested here more than 16 deep;"
                + " take some out of the others\n1 error\n", errors(run));
    }

    @Test
    void aSiteWithoutShortcodesSaysSo() {
        TestSite.write(root, TestSite.BASE);
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/pages/notes.md --
                ---
                title: Notes
                ---
                Write {{< name >}} in Hugo.
                """);
        assertEquals("content/pages/notes.md:4:7: error: unknown shortcode 'name': the site has no shortcodes"
                + " (templates in templates/shortcodes/); to show '{{<' as text, write '\\{{<'\n1 error\n", errors(run));
    }

    @Test
    void aDeclarationThatCannotBeReadIsReportedAtItsLine() {
        TestSite.write(root, TestSite.BASE);
        TestSite.write(root, SHORTCODES);
        TestSite.Run run = TestSite.breakWith(root, """
                -- templates/shortcodes/double.ftlh --
                <#-- Doubles a number.
                  @param n integer required
                  @param of reference:peeple
                  @returns a span
                  @param n number
                  @param n text
                  @param page text
                -->
                <span class="double">${n * 2}</span>
                """);
        assertEquals("""
                templates/shortcodes/double.ftlh:2:3: error: unknown argument type 'integer'; write '@param NAME TYPE', with TYPE text, number, boolean or reference:COLLECTION, and 'required' after it if the call must give it
                templates/shortcodes/double.ftlh:3:3: error: the argument 'of' refers to 'peeple', which is not a collection of content/site.yaml; did you mean 'people'?
                templates/shortcodes/double.ftlh:4:3: error: unknown declaration '@returns'; a shortcode declares '@param NAME TYPE' (with 'required' if it must be given) and '@body'
                templates/shortcodes/double.ftlh:6:3: error: the argument 'n' is declared twice; remove one
                templates/shortcodes/double.ftlh:7:3: error: the argument name 'page' is a name the template already has (body, changelog, collections, entry, href, json, lookup, matrices, page, root, site, t); choose another
                5 errors
                """, errors(run));
    }

    @Test
    void aTemplateErrorInAShortcodeIsReportedInTheTemplateAndAtTheCall() {
        TestSite.write(root, TestSite.BASE);
        TestSite.write(root, SHORTCODES);
        TestSite.Run run = TestSite.breakWith(root, """
                -- templates/shortcodes/callout.ftlh --
                <#-- @param kind text required
                  @body -->
                <aside class="callout">
                ${kind.size}</aside>
                """);
        assertEquals("""
                content/pages/notes.md:8:1: error: the shortcode 'callout' failed here: template error: For "." left-hand operand: Expected a hash, but this has evaluated to a string: kind (at templates/shortcodes/callout.ftlh:4:3) (rendering /notes/ from content/pages/notes.md)
                templates/shortcodes/callout.ftlh:4:3: error: template error: For "." left-hand operand: Expected a hash, but this has evaluated to a string: kind (in the shortcode 'callout' called at content/pages/notes.md:8:1) (rendering /notes/ from content/pages/notes.md)
                2 errors
                """, errors(run));
    }

    @Test
    void aShortcodeCannotReachJava() {
        TestSite.write(root, TestSite.BASE);
        TestSite.write(root, SHORTCODES);
        TestSite.Run run = TestSite.breakWith(root, """
                -- templates/shortcodes/double.ftlh --
                <#-- @param n number required -->
                ${"freemarker.template.utility.Execute"?new()("id")}
                """);
        assertTrue(run.err().contains("templates/shortcodes/double.ftlh:2:1: error: template error: ?new is not allowed: templates cannot create objects"),
                run.err());
    }

    @Test
    void aShortcodeThatNeverEndsIsStoppedByThePageTimeLimit() {
        TestSite.write(root, TestSite.BASE);
        TestSite.write(root, SHORTCODES);
        TestSite.edit(root, "content/site.yaml", "collections:", "limits: {page_render_seconds: 1}\ncollections:");
        TestSite.Run run = TestSite.breakWith(root, """
                -- templates/shortcodes/double.ftlh --
                <#-- @param n number required -->
                <#list 1.. as i></#list>
                """);
        assertEquals("templates/shortcodes/double.ftlh:2:1: error: rendering took longer than 1 s and was stopped here (a loop that"
                + " never ends?); if the page really needs longer, raise limits.page_render_seconds in content/site.yaml"
                + " (rendering /notes/ from content/pages/notes.md)\n1 error\n", errors(run));
    }

    // ---- rebuilds ----

    @Test
    void aPageIsRenderedAgainWhenTheEntryItsShortcodeNamesChanges() {
        TestSite.write(root, TestSite.BASE);
        TestSite.write(root, SHORTCODES);
        SiteBuilder builder = SiteBuilder.forRebuilds();
        assertNoErrors(builder.run(BuildOptions.check(root)));

        List<String> rendered = rebuild(builder, "content/people/ann.md", "name: Ann", "name: Anna");
        assertTrue(rendered.contains("/notes/"), "the card shows Ann's name: " + rendered);
        rendered = rebuild(builder, "content/people/ann.md", "Ann is *red*.", "Ann is *very* red.");
        assertFalse(rendered.contains("/notes/"), "the card does not show Ann's body: " + rendered);
        rendered = rebuild(builder, "templates/shortcodes/person.ftlh", "<figure class=\"person", "<figure class=\"card person");
        assertTrue(rendered.contains("/notes/"), "a shortcode's template changed: " + rendered);
        rendered = rebuild(builder, "content/pages/notes.md", "who=\"ann\"", "who=\"bob\"");
        assertTrue(rendered.contains("/people/ann/") && rendered.contains("/people/bob/"), "referrers changed: " + rendered);
        rendered = rebuild(builder, "content/pages/notes.md", "kind=\"warning\"", "kind=\"note\"");
        assertTrue(rendered.contains("/notes/"), "the call changed: " + rendered);
    }

    private List<String> rebuild(SiteBuilder builder, String file, String from, String to) {
        TestSite.edit(root, file, from, to);
        BuildResult result = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of(file)));
        BuildResult fresh = new SiteBuilder().run(BuildOptions.check(root));
        assertEquals(fresh.diagnostics(), result.diagnostics());
        assertEquals(texts(fresh), texts(result), "the rebuild gives what a fresh build gives");
        assertNoErrors(result);
        return result.rendered();
    }

    private static void assertNoErrors(BuildResult result) {
        assertEquals(List.of(), result.diagnostics().stream().filter(d -> d.isError()).toList());
    }

    private static Map<String, String> texts(BuildResult result) {
        Map<String, String> texts = new TreeMap<>();
        for (OutputFile file : result.files()) {
            if (file instanceof OutputFile.Generated generated) {
                texts.put(file.path(), new String(generated.bytes(), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }
}
