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
import com.vladsch.flexmark.util.data.NullableDataKey;
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
                    if (!mayHoldLink(node)) {
                        return;
                    }
                    int longWord = longWordStart(node);
                    if (longWord < 0) {
                        autolinks.process(state, node);
                    } else if (LONG_WORD.get(document) == null) {
                        LONG_WORD.set(document, longWord);
                    }
                }
            };
        }
    }

    /**
     * The most letters, digits, '.', '+' and '-' in a row in a text that flexmark's autolinks
     * look at. Their first regular expression ({@code \b([a-z][a-z0-9+.-]*://)}) tries every
     * word boundary of such a run to its end: time quadratic in its length (a made-up address
     * of 200,000 characters took 118 s). No word or address is that long.
     */
    static final int LONGEST_WORD = 5_000;

    static final String LONG_WORD_MESSAGE = String.format(java.util.Locale.ROOT,
            "more than %,d letters, digits, '.', '+' or '-' in a row, too long to look for web addresses in; break it up with spaces",
            LONGEST_WORD);

    /** Where, in a document, the first text too long for autolinks starts (such a text is left as it is). */
    static final NullableDataKey<Integer> LONG_WORD = new NullableDataKey<>("EXPLAINER_LONG_WORD");

    /** The offset of a run longer than {@link #LONGEST_WORD} in the text autolinks would look at, or -1. */
    private static int longWordStart(Node node) {
        Node last = node;
        while (last.getNext() instanceof Text || last.getNext() instanceof TypographicText) {
            last = last.getNext();
        }
        if (last.getEndOffset() - node.getStartOffset() <= LONGEST_WORD) {
            return -1;
        }
        CharSequence document = node.getChars().getBaseSequence();
        int run = 0;
        for (int i = node.getStartOffset(); i < last.getEndOffset(); i++) {
            char c = document.charAt(i);
            run = Character.isLetterOrDigit(c) || c == '.' || c == '+' || c == '-' ? run + 1 : 0;
            if (run > LONGEST_WORD) {
                return i + 1 - run;
            }
        }
        return -1;
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
