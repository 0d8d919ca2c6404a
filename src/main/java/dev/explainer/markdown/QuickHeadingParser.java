package dev.explainer.markdown;

import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's heading parser, asked only about lines that can be a heading. flexmark's own first
 * builds the paragraph the line would end (for a setext underline), before it looks at the line;
 * in a paragraph whose lines all start with a character that can start a block (a table's '|',
 * a reference definition's '['), it does so on every line, which made such a paragraph cost time
 * quadratic in its lines: 241 s for a table of 200,000 rows. A heading starts with '#' (ATX) or
 * is a setext underline of '=' or '-'; for any other line flexmark answers "none" too.
 *
 * <p>Built in place of flexmark's (its option {@code HEADING_PARSER} off); being its subclass, it
 * keeps its place among the block parsers, which flexmark orders by their declared neighbours.
 */
final class QuickHeadingParser extends HeadingParser.Factory {

    @Override
    public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory headings = super.apply(options);
        return (state, matchedBlockParser) -> {
            BasedSequence line = state.getLine();
            int first = state.getNextNonSpaceIndex();
            char c = first < line.length() ? line.charAt(first) : '\n';
            return c == '#' || c == '=' || c == '-' ? headings.tryStart(state, matchedBlockParser) : BlockStart.none();
        };
    }
}
