package dev.explainer.markdown;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.text.ForbiddenCharacters;

import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of a parsed body that concern what it holds rather than where its links go. */
final class SourceChecks {
    private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#(?:[0-9]{1,8}|[xX][0-9a-fA-F]{1,8});");

    private SourceChecks() {
    }

    /** Warns of raw HTML (comments too), which a site that does not allow it shows as text. */
    static void warnAboutRawHtml(Node node, BodyState state) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof HtmlBlockBase || child instanceof HtmlInlineBase) {
                state.diagnostics.add(Diagnostic.warning(DiagnosticCode.RAW_HTML, state.position(child.getStartOffset()),
                        "raw HTML is shown as text; write Markdown instead, or allow HTML with 'markdown: {raw_html: true}' in the site config"));
            } else {
                warnAboutRawHtml(child, state);
            }
        }
    }

    /**
     * Reports numeric character references ({@code &#27;}) to characters that no page or feed may
     * hold: flexmark writes the character they stand for, and the file itself could not hold it.
     * Named references stand for none of them; a reference in code is shown as written.
     */
    static void rejectForbiddenReferences(Node node, BodyState state) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof HtmlEntity entity) {
                rejectForbidden(entity.getChars(), state);
            } else if (child instanceof LinkNodeBase link) {
                rejectForbidden(link.getUrl(), state); // the text is in child nodes
                rejectForbidden(link.getTitle(), state);
            }
            rejectForbiddenReferences(child, state);
        }
    }

    private static void rejectForbidden(BasedSequence chars, BodyState state) {
        Matcher reference = NUMERIC_REFERENCE.matcher(chars);
        while (reference.find()) {
            String decoded = chars.subSequence(reference.start(), reference.end()).unescape();
            int at = ForbiddenCharacters.indexOf(decoded, 0);
            if (at >= 0) {
                state.diagnostics.add(Diagnostic.error(DiagnosticCode.FORBIDDEN_CHARACTER,
                        state.position(chars.getStartOffset() + reference.start()),
                        "'" + reference.group() + "' stands for " + ForbiddenCharacters.describe(decoded.codePointAt(at))
                                + ", which web pages and feeds cannot hold; remove it"));
            }
        }
    }
}
