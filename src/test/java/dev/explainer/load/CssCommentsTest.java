package dev.explainer.load;

import dev.explainer.diagnostic.Diagnostics;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Where the tokenizer of CSS Syntax Level 3 sees a comment, and only there: each case is a
 * stylesheet and what is published of it. The whole site's side (names, preview, warnings) is in
 * StylesheetCommentsTest.
 */
class CssCommentsTest {
    private static String stripped(String css) {
        Diagnostics problems = new Diagnostics();
        byte[] bytes = CssComments.strip("templates/assets/a.css", css.getBytes(StandardCharsets.UTF_8), problems);
        assertEquals(List.of(), problems.sorted(), css);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void unchanged(String css) {
        assertEquals(css, stripped(css));
    }

    @Test
    void commentsGoAndEveryOtherByteStays() {
        assertEquals("\na { color: red; }\n\n  b {  }\n", stripped("/* one */\na { color: red; }\n/** two\n * lines **/\n  b { /**/ }\n"));
        assertEquals("a{}", stripped("a{/* * / */}"));
        assertEquals("*, *::before { x: 1 }", stripped("*, /* all */*::before { x: 1 }"));
    }

    @Test
    void aCommentBetweenTokensThatWouldJoinLeavesAnEmptyOneBetweenThem() {
        assertEquals("a/**/b", stripped("a/* x */b"));
        assertEquals("a/**/b", stripped("a/* x *//* y */b"), "two comments in a row are one gap");
        assertEquals("1px/**/solid", stripped("1px/*x*/solid"));
        assertEquals("//**/*", stripped("//* x */*"), "else they would open a comment");
        assertEquals("a/**/(", stripped("a/**/("), "else a name and a bracket would become a function");
        assertEquals("<!/**/--", stripped("<!/*x*/--"));
        assertEquals("\\31 /**/2", stripped("\\31 /*x*/2"), "the space ends the escape, not the name");
        assertEquals("a b", stripped("a /*x*/b"));
        assertEquals("a;b", stripped("a/*x*/;b"));
        assertEquals("(a", stripped("(/*x*/a"));
        assertEquals("\"s\"a", stripped("\"s\"/*x*/a"));
    }

    @Test
    void insideAStringIsNoComment() {
        unchanged("a::before { content: \"/* not a comment */\"; }");
        unchanged("a::before { content: '/* not */'; }");
        unchanged("a { content: \"\\\" /* still in the string */\"; }");
        unchanged("a { content: '\\' /* still */'; }");
        unchanged("a { content: \"line \\\n/* continued */\"; }");
        unchanged("a { content: \"crlf \\\r\n/* continued */\"; }");
        unchanged("a { content: \"hex \\41\n/* the line break ends the escape */\"; }");
        assertEquals("a { content: \"unclosed\n; }", stripped("a { content: \"unclosed\n/* a comment */; }"),
                "a line break ends a string");
    }

    @Test
    void insideAnUnquotedUrlIsNoComment() {
        unchanged("a { background: url(/*.png); }");
        unchanged("a { background: URL(  /*/x.png ); }");
        unchanged("a { background: url(a\\)/*b); }");
        unchanged("a { background: \\75rl(/*.png); }");
        unchanged("a { background: u\\rl(/*.png); }");
        unchanged("a { background: url(a b /* bad, still a URL to its bracket */); }");
        assertEquals("a { background: url( \"x\" ); }", stripped("a { background: url( \"x\" /*x*/); }"),
                "quoted, it is a function with a string");
        unchanged("a { background: url( /*x*/\"x\"); }"); // not quoted where it starts: a (malformed) URL
        assertEquals("a { background: x-url(); }", stripped("a { background: x-url(/**/); }"));
        assertEquals("a { width: 12url(); }", stripped("a { width: 12url(/**/); }"), "a unit is not a function's name");
        assertEquals("#url() {}", stripped("#url(/**/) {}"));
        assertEquals("@url () {}", stripped("@url (/**/) {}"));
        assertEquals("é/**/url(/*.png)", stripped("é/**/url(/*.png)"), "a non-ASCII letter is part of the name");
        unchanged("\uFEFFurl(/*.png)");
    }

    @Test
    void aStylesheetWithoutCommentsIsTheSameArray() {
        byte[] css = "a { color: red; }\n".getBytes(StandardCharsets.UTF_8);
        assertSame(css, CssComments.strip("templates/assets/a.css", css, new Diagnostics()));
    }

    @Test
    void anUnclosedCommentIsReportedAtItsStartAndTheFileKept() {
        byte[] css = "a { color: red; } /* done */\nb { é: 1; } /* to the end\nc {}\n".getBytes(StandardCharsets.UTF_8);
        Diagnostics problems = new Diagnostics();
        assertArrayEquals(css, CssComments.strip("templates/assets/a.css", css, problems));
        assertEquals("templates/assets/a.css:2:13: warning: this comment is not closed, so browsers ignore the rest of the"
                + " stylesheet; close it with */ (until then the stylesheet is published with its comments)",
                problems.sorted().get(0).toString());
    }
}
