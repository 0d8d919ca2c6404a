package dev.explainer.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;

import java.util.List;

/**
 * Text nodes written the quick way, with what flexmark's core would write for them.
 *
 * <p>Text as flexmark's core renders it (unescaped, line ends normalised, HTML-escaped), without
 * the regular expressions that do it when the text holds nothing they would change: a third of
 * flexmark's HTML rendering time on the benchmark corpus.
 *
 * <p>Plain text also skips flexmark's writer, which examines every character it is given (to
 * track lines, and blanks at their starts) and copies them one at a time: 13% of a 10,000-page
 * build's CPU time. The writer gets a short marker instead, which {@link #splice} replaces once
 * the body is rendered. It loses nothing it would act on: the parser never leaves a text node
 * that holds a line break or starts a line with blanks (a test compares hundreds of random bodies
 * with stock flexmark).
 */
final class PlainText {
    /**
     * Stands, with an index and a closing NUL, for a text set aside while flexmark writes the
     * HTML. No input NUL reaches the HTML (see {@link MarkdownRenderer#ROOT}), and {@code ROOT}
     * is always followed by a file path, which cannot start with NUL.
     */
    private static final String TEXT_MARKER = "\u0000\u0000";
    /** Texts shorter than this go through flexmark's writer: a marker would save nothing. */
    private static final int SPLICED_TEXT_MIN = 16;

    private PlainText() {
    }

    static void render(Text node, NodeRendererContext context, HtmlWriter html) {
        String text = plain(node.getChars());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '&' || c == '\r' || c == '<' || c == '>' || c == '"') {
                html.text(Escaping.normalizeEOL(node.getChars().unescape()));
                return;
            }
        }
        BodyState state = text.length() < SPLICED_TEXT_MIN ? null : BodyState.KEY.get(context.getDocument());
        if (state == null) {
            html.raw(text);
            return;
        }
        html.raw(TEXT_MARKER + state.texts.size() + '\u0000');
        state.texts.add(text);
    }

    /** Puts the texts that {@link #render} set aside where their markers stand. */
    static String splice(String html, List<String> texts) {
        int length = html.length();
        for (String text : texts) {
            length += text.length();
        }
        StringBuilder spliced = new StringBuilder(length);
        int from = 0;
        for (int marker = html.indexOf(TEXT_MARKER); marker >= 0; marker = html.indexOf(TEXT_MARKER, from)) {
            int digits = marker + TEXT_MARKER.length();
            int close = html.indexOf('\u0000', digits);
            spliced.append(html, from, marker).append(texts.get(Integer.parseInt(html, digits, close, 10)));
            from = close + 1;
        }
        return spliced.append(html, from, html.length()).toString();
    }

    /**
     * A sequence's characters as a string. flexmark copies a sequence character by character;
     * text nodes are plain slices of the document, which the JDK copies in one go (6% of a
     * 1,000-page build's samples went to the character loop).
     */
    private static String plain(BasedSequence chars) {
        if (chars instanceof SubSequence && chars.getBase() instanceof String document) {
            return document.substring(chars.getStartOffset(), chars.getEndOffset());
        }
        return chars.toString();
    }
}
