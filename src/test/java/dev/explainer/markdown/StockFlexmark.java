package dev.explainer.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.List;
import java.util.function.Supplier;

/** Stock flexmark with every extension, set up as our renderer is: what its output is compared with. */
final class StockFlexmark {
    private static final DataHolder OPTIONS = options();
    private static final Parser PARSER = Parser.builder(OPTIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();

    private StockFlexmark() {
    }

    private static DataHolder options() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(
                TablesExtension.create(),
                FootnoteExtension.create(),
                TypographicExtension.create(),
                AutolinkExtension.create()));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(HtmlRenderer.SUPPRESSED_LINKS, "(?!)");
        options.set(HtmlRenderer.PERCENT_ENCODE_URLS, true); // ours encodes in its link resolver
        options.set(TablesExtension.CLASS_NAME, "");
        options.set(TablesExtension.WITH_CAPTION, true);
        return options.toImmutable();
    }

    /** The HTML, rendered on a stack as large as ours: on a test's own, long constructs overflow it. */
    static String render(String markdown) {
        return onALargeStack(() -> RENDERER.render(PARSER.parse(markdown)));
    }

    private static String onALargeStack(Supplier<String> work) {
        String[] result = new String[1];
        Thread thread = new Thread(null, () -> result[0] = work.get(), "stock-flexmark", 256L << 20);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (result[0] == null) {
            throw new AssertionError("stock flexmark failed (see the thread's stack trace above)");
        }
        return result[0];
    }
}
