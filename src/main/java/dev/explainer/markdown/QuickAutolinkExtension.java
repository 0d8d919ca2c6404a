package dev.explainer.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * flexmark's autolinks (bare {@code https://…}, {@code www.…} and e-mail addresses), with a
 * cheap test in front. flexmark's post-processor unescapes every text node and runs a link
 * extractor and a regular expression over it: a fifth of all Markdown time in the benchmark
 * corpus, almost all on text that holds no link. A text can become a link only if it (or the
 * text flexmark joins to it) contains ':' (a scheme), '@' (an address) or "www.", or an escape
 * ('\\' or '&') that could turn into one of them; every other text is left alone, exactly as
 * flexmark would leave it after looking.
 */
final class QuickAutolinkExtension implements Parser.ParserExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            AutolinkNodePostProcessor autolinks = new AutolinkNodePostProcessor(document);
            return new NodePostProcessor() {
                @Override
                public void process(NodeTracker state, Node node) {
                    if (mayHoldLink(node)) {
                        autolinks.process(state, node);
                    }
                }
            };
        }
    }

    /** The node's text and the text and typography after it, which flexmark may join to it. */
    static boolean mayHoldLink(Node node) {
        if (mayHoldLink(node.getChars())) {
            return true;
        }
        if (!(node.getNext() instanceof TypographicText)) {
            return false;
        }
        for (Node n = node.getNext(); n instanceof Text || n instanceof TypographicText; n = n.getNext()) {
            if (mayHoldLink(n.getChars())) {
                return true;
            }
        }
        return false;
    }

    static boolean mayHoldLink(CharSequence text) {
        // Most texts are plain slices of the document: read the document string itself, not
        // through flexmark's sequence, which checks and offsets every index (5% of a
        // 10,000-page check went to this loop that way).
        if (text instanceof SubSequence slice && slice.getBase() instanceof String document) {
            return mayHoldLink(document, slice.getStartOffset(), slice.getEndOffset());
        }
        return mayHoldLink(text, 0, text.length());
    }

    private static boolean mayHoldLink(CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '@' || c == '\\' || c == '&') {
                return true;
            }
            if (c == '.' && i >= start + 3 && startsWww(text, i - 3)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWww(CharSequence text, int at) {
        for (int i = at; i < at + 3; i++) {
            if (Character.toLowerCase(text.charAt(i)) != 'w') {
                return false;
            }
        }
        return true;
    }
}
