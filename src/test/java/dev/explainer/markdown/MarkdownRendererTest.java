package dev.explainer.markdown;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.load.RawEntry;
import dev.explainer.text.SourceFile;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownRendererTest {
    private static final LinkTargets TARGETS = new LinkTargets() {
        private final Map<String, String> pages = Map.of("/parties/russia/", "parties/russia/index.html",
                "/", "index.html", "/assets/map.png", "assets/map.png", "/assets/foo b\u00e4.png", "assets/foo b\u00e4.png",
                "/assets/100%.png", "assets/100%.png");

        @Override
        public Optional<Target> find(String sitePath) {
            String path = pages.containsKey(sitePath) ? sitePath : sitePath + "/";
            return Optional.ofNullable(pages.get(path)).map(out -> new Target(path, out, !path.startsWith("/assets")));
        }

        @Override
        public Collection<String> paths() {
            return pages.keySet();
        }
    };

    private final MarkdownRenderer renderer = new MarkdownRenderer(false);

    private RenderedMarkdown render(String markdown) {
        String file = "---\ntitle: x\n---\n" + markdown;
        SourceFile source = new SourceFile("content/a.md", file);
        return renderer.render(new RawEntry.Body(source, file.length() - markdown.length()), Optional.of("/parties/"), TARGETS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[x](javascript:alert(1))",
            "[x](JAVASCRIPT:alert(1))",
            "[x](java&#x09;script:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x](%6A%61vascript:alert(1))",
            "[x](%256Aavascript:alert(1))",
            "[x]( javascript:alert(1))",
            "[x](vbscript:msgbox(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x][r]\n\n[r]: javascript:alert(1)",
            "![x](javascript:alert(1))",
            "<javascript:alert(1)>",
    })
    void unsafeSchemesNeverReachTheHtml(String markdown) {
        RenderedMarkdown rendered = render(markdown);
        Document html = Jsoup.parseBodyFragment(rendered.html());
        html.select("[href], [src]").forEach(element -> {
            String target = (element.attr("href") + element.attr("src")).toLowerCase(Locale.ROOT);
            assertFalse(target.contains("script:") || target.startsWith("data:"), rendered.html());
        });
        assertFalse(rendered.html().toLowerCase(Locale.ROOT).contains("href=\"javascript"), rendered.html());
        assertTrue(rendered.diagnostics().stream().anyMatch(Diagnostic::isError)
                        || !rendered.html().contains("href"), "refused links are reported: " + rendered.html());
    }

    /**
     * The quick test in front of flexmark's autolinks, and leaving the table and footnote
     * extensions out of bodies that cannot use them, must not change a byte: the same bodies go
     * through stock flexmark with every extension for comparison.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "Write to press@example.org or see https://example.org/a--b?x=1.",
            "Visit WWW.Example.org, or www.example.org/path... \"quoted\" -- done",
            "O'Brien@example.org wrote 'hello'@example.org and \"x\"www.example.org",
            "An entity: https&#58;//example.org, an escape: a\\@b.org.",
            "Plain prose -- with \"quotes\", 'single' ones... and no link at all.",
            "| a | b |\n|---|---|\n| 1 | www.example.org |\n\nText[^1].\n\n[^1]: A note at a@b.org.",
            "No table: a | b, and no note [^ x].",
            "mailto:a@example.org and tel:+431234 and http://example.org/file",
            "Escapes: a \\* b \\_c\\_, entities &amp; &copy; &#169; &#xA9; &bogus; and a < b > c \"d\"",
            "Windows line ends\r\nin a paragraph\r\n\r\nand `code & <tags>` and [text & <b>](https://example.org/i.png)",
            "# Heading & <stuff>\n\n> quote \\> with *emphasis* and __strong__\n\n1. one\n2. two & three\n\n    indented <code>\n",
            // long plain texts, which skip flexmark's writer: at line starts, around breaks,
            // nested in lists, quotes, tables and notes, next to digits, more than ten of them
            "A first line long enough to be set aside\n  a soft break, then text   \nafter a hard break, and\\\nafter a backslash break.",
            "- an item whose text is long enough\n  - a nested item, long enough as well\n    continued on a line of its own\n\n"
                    + "> a quote with *emphasis in the middle of a long* text, and more text after it\n>\n> a second paragraph 12345",
            "| a cell holding a long enough text | 2015 |\n|---|---|\n| 10 | another cell, long enough to set aside |\n\n"
                    + "Text with a note at its end, long enough[^n].\n\n[^n]: The note, also long enough to be set aside.",
            "Digits 1234567890 next to **bold text 0123456789 long enough**42 and 7*emphasised text, long enough*8\n\n"
                    + "Para 3, long enough to set aside.\n\nPara 4, long enough to set aside.\n\nPara 5, long enough to set aside.\n\n"
                    + "Para 6, long enough to set aside.\n\nPara 7, long enough to set aside.\n\nPara 8, long enough to set aside.\n\n"
                    + "Para 9, long enough to set aside.\n\nPara 10, long enough to set aside.\n\nPara 11, long enough to set aside.",
            "\tA tab first, then a text long enough\t\n\n   Three spaces first, then a text long enough   ",
            // headings, which flexmark's heading parser is asked about only where a line could be one
            "Title\n=====\n\nSub\n---\n\n| a\n[b]\n#not a heading\n   ## indented heading ##\n    # code\n\n> quoted\n> ===\n\n- item\n  ---\n"
                    + "\n#\n\n# #\n\nx\n   -\n\n[r]: /x\n===\n\n\\## escaped\n\n## **strong** heading {#an-id}",
    })
    void skippingWorkThatFindsNothingChangesNothing(String markdown) {
        assertSameAsStockFlexmark(markdown);
    }

    /**
     * The same comparison on bodies made at random (with a fixed seed, so a failure repeats) from
     * the constructs editors use, mixed in ways nobody would think to write as a case.
     */
    @Test
    void randomBodiesRenderAsStockFlexmarkDoes() {
        String[] words = {"alpha", "beta", "1234", "x_y", "a*b", "*em*", "**strong**", "_under_", "`code & <b>`",
                "[a link](https://example.org/a?b=1&c=2)", "\"quoted\"", "'single'", "O'Brien", "--", "---", "...",
                "&amp;", "&copy;", "&bogus;", "<b>html</b>", "\\*", " a@b.org", " https://example.org/x", "x[^n]", "|",
                "\t", "  ", "é", "日本", "a < b > c", "[img](https://example.org/i.png)", "*start of emphasis",
                "Tx1.", "12345678901234567890", "long words without anything special in them at all"};
        String[] blocks = {"%s", "%s\n%s", "## %s", "# %s {#custom}", "- %s\n- %s", "- %s\n  - %s\n    %s", "1. %s\n2. %s",
                "> %s\n> %s", "```\n%s\n```", "    %s", "| %s | b |\n|---|---|\n| %s | %s |", "[^n]: %s",
                "%s  \n%s", "%s\\\n%s", "***", "%s\n\n%s"};
        // (a word glued to a web address would make a scheme such as "chttps:", which we refuse
        // on purpose: addresses start after a space)
        java.util.Random random = new java.util.Random(20151023);
        for (int body = 0; body < 400; body++) {
            StringBuilder markdown = new StringBuilder();
            for (int b = random.nextInt(5) + 1; b > 0; b--) {
                String block = blocks[random.nextInt(blocks.length)];
                Object[] fills = new Object[3];
                for (int f = 0; f < fills.length; f++) {
                    StringBuilder text = new StringBuilder();
                    for (int w = random.nextInt(8) + 1; w > 0; w--) {
                        text.append(words[random.nextInt(words.length)]).append(random.nextInt(4) == 0 ? "" : " ");
                    }
                    fills[f] = text.toString().strip();
                }
                markdown.append(String.format(Locale.ROOT, block, fills)).append("\n\n");
            }
            assertSameAsStockFlexmark(markdown.toString());
        }
    }

    /**
     * Renders {@code markdown} with our renderer and with stock flexmark, set up alike, and compares.
     * (Images are ours on purpose, sized from their files: ImagesTest shows them.)
     */
    private void assertSameAsStockFlexmark(String markdown) {
        String stock = StockFlexmark.render(markdown);
        RenderedMarkdown ours = render(markdown);
        // the one intended difference: bare web addresses link with https, not http
        assertEquals(stock.replace("href=\"http://www.", "href=\"https://www."), ours.html(), markdown);
        assertEquals(List.of(), ours.diagnostics().stream().filter(Diagnostic::isError).toList(),
                "e-mail addresses and web addresses are not broken links");
    }

    @Test
    void aNulInTheSourceCannotPassForTheLinkPlaceholder() {
        RenderedMarkdown rendered = render("before\u0000after [Russia](/parties/russia/)");
        assertEquals("<p>before\uFFFDafter <a href=\"" + MarkdownRenderer.ROOT + "parties/russia/index.html\">Russia</a></p>\n",
                rendered.html());
    }

    @Test
    void nulsInTheSourceCannotPassForATextMarker() {
        RenderedMarkdown rendered = render("\u0000\u00000\u0000 and then a text that is long enough");
        assertEquals("<p>\uFFFD\uFFFD0\uFFFD and then a text that is long enough</p>\n", rendered.html());
    }

    @Test
    void internalLinksBecomeRelativeToThePageThatShowsThem() {
        RenderedMarkdown rendered = render("[R](/parties/russia/#talks) [H](/) [rel](russia) [img](/assets/map.png)");
        assertEquals(List.of(), rendered.diagnostics());
        // (an HTML parser would turn the NUL placeholder into U+FFFD: name it before parsing)
        Document html = Jsoup.parseBodyFragment(rendered.html().replace(MarkdownRenderer.ROOT, "ROOT/"));
        assertEquals("ROOT/parties/russia/index.html#talks", html.select("a").get(0).attr("href"));
        assertEquals("ROOT/index.html", html.select("a").get(1).attr("href"));
        assertEquals("ROOT/parties/russia/index.html", html.select("a").get(2).attr("href"));
        assertEquals("ROOT/assets/map.png", html.select("a").get(3).attr("href"));
        assertEquals(1, rendered.fragmentLinks().size());
        assertEquals("content/a.md:4:1", rendered.fragmentLinks().get(0).position().toString());
    }

    @Test
    void externalLinksPassUnchanged() {
        RenderedMarkdown rendered = render("[a](https://example.org/x?y=1) <mailto:a@example.org> www.example.org");
        assertEquals(List.of(), rendered.diagnostics());
        assertTrue(rendered.html().contains("href=\"https://example.org/x?y=1\""), rendered.html());
        assertTrue(rendered.html().contains("href=\"https://www.example.org\""), rendered.html());
    }

    @Test
    void rendersTablesFootnotesHeadingIdsAndTypography() {
        RenderedMarkdown rendered = render("""
                ## The "core" division

                | Party | Stance |
                |---|---|
                | US | Out |

                A claim.[^1]

                [^1]: A note.
                """);
        Document html = Jsoup.parseBodyFragment(rendered.html());
        assertEquals("the-core-division", html.selectFirst("h2").id());
        assertEquals("The \u201Ccore\u201D division", html.selectFirst("h2").text());
        assertEquals("Party", html.selectFirst("table th").text());
        assertFalse(html.select(".footnotes li").isEmpty(), rendered.html());
    }

    @Test
    void unknownInternalLinksAreErrorsAtTheirPosition() {
        RenderedMarkdown rendered = render("Text\n\nSee [R](/parties/rusia/).");
        assertEquals(List.of("content/a.md:6:5: error: link to '/parties/rusia/': no page or asset has the path /parties/rusia/; did you mean '/parties/russia/'?"),
                rendered.diagnostics().stream().map(Diagnostic::format).toList());
    }

    @Test
    void aRelativeLinkInAnEntryWithoutAPageAsksForTheSitePathItNamesFromTheRoot() {
        assertEquals(List.of("content/a.md:4:5: error: relative link '../parties/russia?a=1#b' in an entry without a page of its own;"
                        + " write the site path '/parties/russia?a=1#b'"),
                renderWithoutAPage("See [R](../parties/russia?a=1#b)."));
        assertEquals(List.of("content/a.md:4:5: error: relative link 'russia/' in an entry without a page of its own;"
                        + " write the site path, such as '/about/'"),
                renderWithoutAPage("See [R](russia/)."));
    }

    private List<String> renderWithoutAPage(String markdown) {
        String file = "---\ntitle: x\n---\n" + markdown;
        return renderer.render(new RawEntry.Body(new SourceFile("content/a.md", file), file.length() - markdown.length()),
                Optional.empty(), TARGETS).diagnostics().stream().map(Diagnostic::format).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[sic]", "[...]", "[1]", "[/about/]", "[/parties/rusia/]", "![sic]", "[a][sic]", "[sic][]"})
    void bracketsWithoutADefinitionAreText(String brackets) {
        RenderedMarkdown rendered = render("He said " + brackets + " so.");
        assertEquals(List.of(), rendered.diagnostics());
        Document html = Jsoup.parseBodyFragment(rendered.html());
        assertEquals("He said " + brackets.replace("...", "\u2026") + " so.", html.text());
        assertTrue(html.select("a, img").isEmpty(), rendered.html());
    }

    @Test
    void referencesWithADefinitionAreCheckedLinks() {
        RenderedMarkdown rendered = render("See [Russia], [them][r] and [sic].\n\n[russia]: /parties/russia/\n[r]: /parties/rusia/");
        assertEquals(List.of("content/a.md:4:15: error: link to '/parties/rusia/': no page or asset has the path /parties/rusia/;"
                        + " did you mean '/parties/russia/'?"),
                rendered.diagnostics().stream().map(Diagnostic::format).toList());
        Document html = Jsoup.parseBodyFragment(rendered.html().replace(MarkdownRenderer.ROOT, "ROOT/"));
        assertEquals(List.of("ROOT/parties/russia/index.html", "#"), html.select("a").eachAttr("href"));
        assertTrue(html.text().endsWith("and [sic]."), html.text());
    }

    @Test
    void htmlCommentsAreEscapedWithTheRawHtmlWarning() {
        RenderedMarkdown rendered = render("<!-- a block comment -->\n\nText <!-- an inline one --> and <b>bold</b>.");
        assertEquals(List.of(
                "content/a.md:4:1: warning: raw HTML is shown as text; write Markdown instead, or allow HTML with 'markdown: {raw_html: true}' in the site config",
                "content/a.md:6:6: warning: raw HTML is shown as text; write Markdown instead, or allow HTML with 'markdown: {raw_html: true}' in the site config",
                "content/a.md:6:33: warning: raw HTML is shown as text; write Markdown instead, or allow HTML with 'markdown: {raw_html: true}' in the site config",
                "content/a.md:6:40: warning: raw HTML is shown as text; write Markdown instead, or allow HTML with 'markdown: {raw_html: true}' in the site config"),
                rendered.diagnostics().stream().map(Diagnostic::format).toList());
        assertFalse(rendered.html().contains("<!--"), rendered.html());
        assertTrue(rendered.html().contains("&lt;!-- an inline one --&gt;"), rendered.html());
    }

    @Test
    void htmlCommentsPassWhenTheSiteAllowsRawHtml() {
        String file = "---\ntitle: x\n---\n<!-- kept -->\n";
        RenderedMarkdown rendered = new MarkdownRenderer(true).render(new RawEntry.Body(new SourceFile("content/a.md", file), 17),
                Optional.of("/parties/"), TARGETS);
        assertEquals(List.of(), rendered.diagnostics());
        assertEquals("<!-- kept -->\n", rendered.html());
    }

    @Test
    void linksArePercentEncoded() {
        // (flexmark does not take a space in a link's destination, even between < and >)
        RenderedMarkdown rendered = render("[a](../assets/foo%20b%C3%A4.png) [b](/assets/foo%20b\u00e4.png) [c](/assets/100%25.png)"
                + " [d](/parties/russia/?q=\u00e4&y=%41#t\u00e4lks) [e](https://example.org/a%20b/\u00e4?q=\u00e4#\u00e4)"
                + " [f](#\u00fcber) [g](/parties/russia/?x=1#talks)");
        assertEquals(List.of(), rendered.diagnostics());
        Document html = Jsoup.parseBodyFragment(rendered.html().replace(MarkdownRenderer.ROOT, "ROOT/"));
        assertEquals(List.of("ROOT/assets/foo%20b%C3%A4.png", "ROOT/assets/foo%20b%C3%A4.png", "ROOT/assets/100%25.png",
                        "ROOT/parties/russia/index.html?q=%C3%A4&y=%41#t%C3%A4lks",
                        "https://example.org/a%20b/%C3%A4?q=%C3%A4#%C3%A4", "#%C3%BCber",
                        "ROOT/parties/russia/index.html?x=1#talks"),
                html.select("a").eachAttr("href"));
        assertEquals(List.of("t\u00e4lks", "\u00fcber", "talks"),
                rendered.fragmentLinks().stream().map(RenderedMarkdown.FragmentLink::fragment).toList(),
                "fragments are checked as written");
    }

    private static List<String> problems(RenderedMarkdown rendered) {
        return rendered.diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void blockQuotesNestedBeyondTheLimitAreRefusedWhereItIsPassed() {
        assertEquals(List.of("content/a.md:5:101: error: block quotes and lists nested more than 100 levels deep; nest them less deeply"),
                problems(render("Text\n" + ">".repeat(101) + " deep")));
        assertEquals(List.of("content/a.md:4:201: error: block quotes and lists nested more than 100 levels deep; nest them less deeply"),
                problems(render("> - ".repeat(51) + "deep")), "quotes and lists count together");
        RenderedMarkdown hundred = render(">".repeat(100) + " deep");
        assertEquals(List.of(), hundred.diagnostics());
        assertEquals(100, Jsoup.parseBodyFragment(hundred.html()).select("blockquote").size());
    }

    @Test
    void listsNestedByIndentationBeyondTheLimitAreRefusedWhereItIsPassed() {
        StringBuilder list = new StringBuilder();
        for (int level = 0; level < 101; level++) {
            list.append("  ".repeat(level)).append("- item\n");
        }
        assertEquals(List.of("content/a.md:104:201: error: block quotes and lists nested more than 100 levels deep; nest them less deeply"),
                problems(render(list.toString())));
        String hundred = list.substring(0, list.lastIndexOf("  ".repeat(100) + "- item"));
        assertEquals(List.of(), render(hundred).diagnostics());
    }

    @Test
    void emphasisNestedBeyondTheLimitIsRefusedWhereItIsPassed() {
        assertEquals(List.of("content/a.md:4:301: error: emphasis, links, images and quotation marks nested more than 100 levels deep"
                        + " inside one another; nest them less deeply"),
                problems(render("*a ".repeat(101) + "x" + " b*".repeat(101))));
        assertEquals(List.of("content/a.md:4:201: error: emphasis, links, images and quotation marks nested more than 100 levels deep"
                        + " inside one another; nest them less deeply"),
                problems(render("![".repeat(101) + "x" + "](/i.png)".repeat(101))), "images within the description of images");
        RenderedMarkdown hundred = render("*a ".repeat(100) + "x" + " b*".repeat(100));
        assertEquals(List.of(), hundred.diagnostics());
        assertEquals(100, Jsoup.parseBodyFragment(hundred.html()).select("em").size());
    }

    @Test
    void markersThatDoNotNestAreNotCounted() {
        String rule = "- ".repeat(300);
        String code = "```\n" + "> ".repeat(300) + "\n```\n\n    " + "> ".repeat(300) + "\n";
        assertSameAsStockFlexmark(rule + "\n\n" + code);
    }

    /** Constructs that flexmark reads by recursion, each of which overflowed a 1 MB stack at this size. */
    @Test
    void longRepeatedConstructsRender() {
        assertSameAsStockFlexmark("*".repeat(20_000) + "\n\n" + "- ".repeat(10_000));
        assertSameAsStockFlexmark("[x](https://example.org/ \"" + "a ".repeat(10_000) + "\")\n\n[y]: https://example.org \"" + "b ".repeat(10_000) + "\"");
        RenderedMarkdown table = render("|" + " a |".repeat(5_000) + "\n|" + "---|".repeat(5_000) + "\n|" + " b |".repeat(5_000));
        assertEquals(List.of(), table.diagnostics());
        assertEquals(5_000, Jsoup.parseBodyFragment(table.html()).select("td").size());
    }

    @Test
    void aBodyThatOverflowsTheStackIsReportedNotThrown() {
        String row = "|" + " a |".repeat(5_000) + "\n|" + "---|".repeat(5_000) + "\n|" + " b |".repeat(5_000);
        render("| a |\n|---|\n| b |"); // every class the table needs is loaded before the stack runs out
        String file = "---\ntitle: x\n---\nText.\n\n" + row;
        RenderedMarkdown rendered = new MarkdownRenderer(false, 256 << 10)
                .render(new RawEntry.Body(new SourceFile("content/a.md", file), 17), Optional.of("/parties/"), TARGETS);
        assertEquals(List.of("content/a.md:4:1: error: this Markdown is too complex to read: one line or paragraph repeats a construct"
                + " thousands of times (such as a table row of thousands of columns, or thousands of '*' in a row); break it up"),
                problems(rendered));
        assertEquals("", rendered.html());
    }

    /**
     * Reference definitions and table rows by the thousand, which flexmark read in time quadratic
     * in their number (a manual check: 20,000 definitions took 43 s, 200,000 rows 241 s; stock
     * flexmark still does, so the comparison with it is kept to a few hundred).
     */
    @Test
    void manyReferenceDefinitionsAndTableRowsRender() {
        assertSameAsStockFlexmark(definitions(300));
        assertSameAsStockFlexmark(table(300));
        RenderedMarkdown definitions = render(definitions(5_000));
        assertEquals(List.of(), definitions.diagnostics());
        assertEquals(List.of("https://example.org/0", "https://example.org/4999"),
                Jsoup.parseBodyFragment(definitions.html()).select("a").eachAttr("href"));
        RenderedMarkdown table = render(table(5_000));
        assertEquals(5_000, Jsoup.parseBodyFragment(table.html()).select("tbody tr").size());
    }

    private static String definitions(int count) {
        StringBuilder definitions = new StringBuilder("See [r0] and [r" + (count - 1) + "].\n\n");
        for (int i = 0; i < count; i++) {
            definitions.append("[r").append(i).append("]: https://example.org/").append(i).append('\n');
        }
        return definitions.toString();
    }

    private static String table(int rows) {
        StringBuilder table = new StringBuilder("| a | b |\n|---|---|\n");
        for (int i = 0; i < rows; i++) {
            table.append("| ").append(i).append(" | text ").append(i).append(" |\n");
        }
        return table.toString();
    }

    /**
     * A made-up address of a few thousand characters, which flexmark's autolinks read in time
     * quadratic in its length (a manual check: 200,000 characters took 118 s).
     */
    @Test
    void aWordTooLongToLookForAddressesInIsRefused() {
        assertEquals(List.of("content/a.md:5:5: error: more than 5,000 letters, digits, '.', '+' or '-' in a row, too long to look for"
                        + " web addresses in; break it up with spaces"),
                problems(render("Text.\nsee www." + "a.".repeat(2_500) + "org here")));
        assertSameAsStockFlexmark("see www." + "a.".repeat(2_490) + "org here");
        assertSameAsStockFlexmark("a.".repeat(10_000) + " has no address to look for");
    }
}
