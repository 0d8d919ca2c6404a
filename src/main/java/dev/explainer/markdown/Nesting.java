package dev.explainer.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import java.util.OptionalInt;

/**
 * How deeply Markdown nests, checked before flexmark renders it. flexmark renders (and
 * post-processes) a nested construct by recursion, one level of Java stack per level of Markdown,
 * and reads a line of containers such as {@code > > > ...} or {@code 1. 1. 1. ...} in time that
 * grows with the square of their number. No editor nests a hundred block quotes, lists or
 * emphases, so more is refused at the place where the limit is passed.
 */
final class Nesting {
    /** The most block quotes and list items, and the most inline spans, one inside another. */
    static final int MOST_LEVELS = 100;

    static final String TOO_DEEP_BLOCKS = "block quotes and lists nested more than " + MOST_LEVELS
            + " levels deep; nest them less deeply";
    static final String TOO_DEEP_SPANS = "emphasis, links, images and quotation marks nested more than " + MOST_LEVELS
            + " levels deep inside one another; nest them less deeply";

    private Nesting() {
    }

    /**
     * The offset of the first container marker ({@code >}, {@code -}, {@code +}, {@code *} or a
     * number with {@code .} or {@code )}) at a line's start that is more than {@link #MOST_LEVELS}
     * deep, if any: a quick look before parsing, which spares flexmark the slow read of such a
     * line. It counts markers as written; lines that are code (in a fence, or indented four
     * spaces) and thematic breaks ({@code - - - -}) are not looked at. Nesting it does not see
     * (lists nested by indentation) is found after parsing by {@link #tooDeep(Document)}.
     */
    static OptionalInt tooDeepAtLineStarts(String markdown) {
        int length = markdown.length();
        char fence = 0;
        for (int start = 0; start < length; ) {
            int end = markdown.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            int first = skipBlanks(markdown, start, end);
            char fenceHere = fenceAt(markdown, first, end);
            if (fence != 0) {
                if (fenceHere == fence && first - start < 4) {
                    fence = 0;
                }
            } else if (fenceHere != 0 && first - start < 4) {
                fence = fenceHere;
            } else if (first - start < 4 && !isThematicBreak(markdown, first, end)) {
                int depth = 0;
                for (int at = first; at < end; at = skipBlanks(markdown, at, end)) {
                    int after = afterMarker(markdown, at, end);
                    if (after < 0) {
                        break;
                    }
                    if (++depth > MOST_LEVELS) {
                        return OptionalInt.of(at);
                    }
                    at = after;
                }
            }
            start = end + 1;
        }
        return OptionalInt.empty();
    }

    /** The node at which the parsed document first nests more than {@link #MOST_LEVELS} deep, if any, and which limit it passes. */
    record TooDeep(Node node, String message) {
    }

    /** Walks the document without recursion (it may be deep: that is what it looks for). */
    static java.util.Optional<TooDeep> tooDeep(Document document) {
        int blocks = 0;
        int spans = 0;
        Node node = document.getFirstChild();
        while (node != null) {
            if (isBlockLevel(node) && ++blocks > MOST_LEVELS) {
                return java.util.Optional.of(new TooDeep(node, TOO_DEEP_BLOCKS));
            }
            if (isSpan(node) && ++spans > MOST_LEVELS) {
                return java.util.Optional.of(new TooDeep(node, TOO_DEEP_SPANS));
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            // leave the node, and every ancestor whose last child it ends, until one has a next sibling
            while (node != null && node != document) {
                if (isBlockLevel(node)) {
                    blocks--;
                }
                if (isSpan(node)) {
                    spans--;
                }
                if (node.getNext() != null) {
                    node = node.getNext();
                    break;
                }
                node = node.getParent();
            }
            if (node == document) {
                break;
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean isBlockLevel(Node node) {
        return node instanceof BlockQuote || node instanceof ListItem;
    }

    /** An inline node holding others: emphasis, a link, an image, typographic quotes. */
    private static boolean isSpan(Node node) {
        return !(node instanceof Block) && node.getFirstChild() != null;
    }

    private static int skipBlanks(String text, int at, int end) {
        while (at < end && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }

    /** Where a container marker at {@code at} ends, or -1 if none starts there. */
    private static int afterMarker(String text, int at, int end) {
        char c = text.charAt(at);
        if (c == '>') {
            return at + 1;
        }
        int after = at + 1;
        if (c >= '0' && c <= '9') {
            while (after < end && after - at < 9 && Character.isDigit(text.charAt(after))) {
                after++;
            }
            if (after == end || (text.charAt(after) != '.' && text.charAt(after) != ')')) {
                return -1;
            }
            after++;
        } else if (c != '-' && c != '+' && c != '*') {
            return -1;
        }
        return after == end || text.charAt(after) == ' ' || text.charAt(after) == '\t' ? after : -1;
    }

    /** The fence character if a code fence (three or more backticks or tildes) starts at {@code at}. */
    private static char fenceAt(String text, int at, int end) {
        if (at + 3 > end) {
            return 0;
        }
        char c = text.charAt(at);
        return (c == '`' || c == '~') && text.charAt(at + 1) == c && text.charAt(at + 2) == c ? c : 0;
    }

    /** A line of one of '-', '*' or '_' and blanks, three or more: a horizontal rule, not nested lists. */
    private static boolean isThematicBreak(String text, int at, int end) {
        char marker = at < end ? text.charAt(at) : 0;
        if (marker != '-' && marker != '*' && marker != '_') {
            return false;
        }
        int count = 0;
        for (int i = at; i < end; i++) {
            char c = text.charAt(i);
            if (c == marker) {
                count++;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return count >= 3;
    }
}
