package dev.explainer.markdown;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.load.RawEntry;
import dev.explainer.parallel.Parallel;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataSet;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;

/**
 * Markdown to HTML with flexmark: tables, footnotes, heading ids, typographic quotes and
 * autolinks. Built once and shared: flexmark's parser and renderer are immutable, and the
 * per-document state (the page, the problems found) travels on the parsed document.
 *
 * <p>Links are checked as they are rendered ({@link BodyLinks}): an internal link must reach a
 * page or asset of the site and becomes relative; a link with an unsafe scheme is an error and
 * never reaches the output. Raw HTML is escaped unless the site opts in, and references to
 * characters no page may hold are refused ({@link SourceChecks}); bodies nested or repeated
 * beyond what a stack can take are refused before rendering ({@link Nesting},
 * {@link QuickAutolinkExtension}); plain text is written the quick way ({@link PlainText}).
 */
public final class MarkdownRenderer {
    /**
     * Stands for the path from the page being rendered to the site root. A body is rendered once
     * but may be shown on pages at different depths, each of which replaces it. NUL, because
     * CommonMark replaces NUL in the input (so none can reach the HTML otherwise), and because a
     * character beyond Latin-1 would make Java hold every body's HTML, and every string flexmark
     * builds from it, at two bytes per character.
     */
    public static final String ROOT = "\u0000";

    /**
     * Parsers by the extensions a body can use: tables need a '|' and footnotes a "[^", and
     * flexmark's table pre-processor costs even paragraphs without one; index 1 adds tables,
     * 2 footnotes, 3 both.
     */
    private final AtomicReferenceArray<Parser> parsers = new AtomicReferenceArray<>(4);
    private final DataSet options;
    private final HtmlRenderer renderer;
    private final boolean rawHtml;
    private final long stackBytes;

    /**
     * The stack of each rendering thread: 256 MB of address space, of which a thread uses the
     * little it touches. On it, a line of 100,000 '*', a table row of 100,000 columns or a link
     * title of 100,000 words render.
     */
    static final long STACK_BYTES = 256L << 20;

    public MarkdownRenderer(boolean rawHtml) {
        this(rawHtml, STACK_BYTES);
    }

    /** With another stack size for the rendering threads: tests show what happens when it runs out. */
    MarkdownRenderer(boolean rawHtml, long stackBytes) {
        this.rawHtml = rawHtml;
        this.stackBytes = stackBytes;
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create(),
                TypographicExtension.create(), new QuickAutolinkExtension()));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.ESCAPE_HTML, !rawHtml);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        // flexmark's own filter silently drops only the plainest "javascript:" links; the link
        // resolver below checks every link against an allow-list and reports what it refuses.
        options.set(HtmlRenderer.SUPPRESSED_LINKS, "(?!)");
        options.set(TablesExtension.CLASS_NAME, "");
        options.set(TablesExtension.WITH_CAPTION, true);
        this.options = options.toImmutable();
        this.renderer = HtmlRenderer.builder(options)
                .nodeRendererFactory(data -> () -> Set.of(new NodeRenderingHandler<>(Text.class, PlainText::render),
                        new NodeRenderingHandler<>(Image.class, Images::render),
                        new NodeRenderingHandler<>(ImageRef.class, Images::renderReference)))
                .linkResolverFactory(new IndependentLinkResolverFactory() {
                    @Override
                    public LinkResolver apply(LinkResolverBasicContext context) {
                        return BodyLinks::resolve;
                    }
                })
                .build();
    }

    /** Whether raw HTML in bodies is kept (else it is escaped, with a warning). */
    public boolean rawHtml() {
        return rawHtml;
    }

    /**
     * A body to render, what its links resolve against (see {@link #render}), and the shortcodes
     * it may call.
     */
    public record Job(RawEntry.Body body, Optional<String> pagePath, LinkTargets targets, Shortcodes shortcodes) {
        public Job(RawEntry.Body body, Optional<String> pagePath, LinkTargets targets) {
            this(body, pagePath, targets, Shortcodes.OFF);
        }
    }

    /**
     * Renders a body.
     *
     * @param body     the Markdown, with where it stands in its file
     * @param pagePath the site path of the entry's own page, against which relative links and
     *                 bare {@code #fragment} links resolve; empty for entries without a page
     * @param targets  the pages and assets links may reach
     */
    public RenderedMarkdown render(RawEntry.Body body, Optional<String> pagePath, LinkTargets targets) {
        return renderAll(List.of(new Job(body, pagePath, targets))).get(0);
    }

    /**
     * Renders the bodies on all cores, each on a thread of this renderer's own with a stack of
     * {@link #STACK_BYTES}, handing them out one at a time; the results are in the jobs' order.
     *
     * <p>Why threads of our own: flexmark's regular expressions recurse once per repetition (a
     * line of 2,000 '*', a table row of 1,250 columns, a link title of 1,000 words overflowed the
     * usual 1 MB stack), and a known, large stack makes those render, here and on any machine,
     * whatever stack the calling thread has. Deeper nesting than a stack can take is refused
     * before rendering ({@link Nesting}); should flexmark still run out of stack, the body's
     * thread is left at its base with room to spare, and the body is reported, not the tool.
     */
    public List<RenderedMarkdown> renderAll(List<Job> jobs) {
        return Parallel.mapOnLargeStacks(jobs, this::renderOnThisStack, stackBytes, "markdown");
    }

    private RenderedMarkdown renderOnThisStack(Job job) {
        try {
            String markdown = job.body().markdown().replace('\u0000', '\uFFFD'); // as CommonMark asks; the length stays
            List<ShortcodeCall> calls = new ArrayList<>();
            ShortcodeExpansion.Part part = renderPart(job, new ShortcodeExpansion.Source(markdown, 0), 0, calls);
            return new RenderedMarkdown(part.html(), part.diagnostics(), part.fragmentLinks(), List.copyOf(calls));
        } catch (StackOverflowError e) {
            return refused(job.body(), 0, "this Markdown is too complex to read: one line or paragraph repeats a construct"
                    + " thousands of times (such as a table row of thousands of columns, or thousands of '*' in a row); break it up");
        }
    }

    private static RenderedMarkdown refused(RawEntry.Body body, int offset, String message) {
        return new RenderedMarkdown("", List.of(refusal(body, offset, message)), List.of(), List.of());
    }

    private static Diagnostic refusal(RawEntry.Body body, int offset, String message) {
        return Diagnostic.error(DiagnosticCode.MARKDOWN_LIMIT, body.positionOf(offset), message);
    }

    /** A document parsed, or why it may not be: the offset in its text and the message. */
    private record Parsed(Document document, int refusedAt, String refusal) {
    }

    private Parsed parse(String markdown) {
        OptionalInt deepLine = Nesting.tooDeepAtLineStarts(markdown);
        if (deepLine.isPresent()) {
            return new Parsed(null, deepLine.getAsInt(), Nesting.TOO_DEEP_BLOCKS);
        }
        int variant = (markdown.indexOf('|') >= 0 ? 1 : 0) | (markdown.contains("[^") ? 2 : 0);
        Document document = parser(variant).parse(markdown);
        Integer longWord = QuickAutolinkExtension.LONG_WORD.get(document);
        if (longWord != null) {
            return new Parsed(null, longWord, QuickAutolinkExtension.LONG_WORD_MESSAGE);
        }
        Optional<Nesting.TooDeep> tooDeep = Nesting.tooDeep(document);
        if (tooDeep.isPresent()) {
            return new Parsed(null, tooDeep.get().node().getStartOffset(), tooDeep.get().message());
        }
        return new Parsed(document, -1, null);
    }

    /**
     * Renders a body, or a shortcode's body within it ({@code depth} levels down): its shortcode
     * calls are checked and replaced by their markers (added to {@code calls}), then the rest is
     * rendered as Markdown.
     */
    private ShortcodeExpansion.Part renderPart(Job job, ShortcodeExpansion.Source source, int depth, List<ShortcodeCall> calls) {
        RawEntry.Body body = job.body();
        String markdown = source.text();
        Parsed parsed = parse(markdown);
        if (parsed.document() == null) {
            return new ShortcodeExpansion.Part("", List.of(refusal(body, source.base() + parsed.refusedAt(), parsed.refusal())), List.of());
        }
        Document document = parsed.document();
        SourceOffsets offsets = SourceOffsets.shifted(source.base());
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<RenderedMarkdown.FragmentLink> fragmentLinks = new ArrayList<>();
        boolean expanded = false;
        if (job.shortcodes().enabled() && markdown.contains(ShortcodeExpansion.OPEN)) {
            Optional<ShortcodeExpansion.Expanded> expansion = ShortcodeExpansion.expand(body, source, document, job.shortcodes(), depth,
                    calls, (inner, level) -> renderPart(job, inner, level, calls));
            if (expansion.isPresent()) {
                expanded = true;
                diagnostics.addAll(expansion.get().diagnostics());
                fragmentLinks.addAll(expansion.get().fragmentLinks());
                offsets = expansion.get().offsets();
                Parsed again = parse(expansion.get().text());
                if (again.document() == null) {
                    diagnostics.add(refusal(body, offsets.toBody(again.refusedAt()), again.refusal()));
                    return new ShortcodeExpansion.Part("", List.copyOf(diagnostics), List.of());
                }
                document = again.document();
                markdown = expansion.get().text();
            }
        }
        BodyState state = new BodyState(body, offsets, job.pagePath(), job.targets());
        document.set(BodyState.KEY, state);
        if (!rawHtml) {
            SourceChecks.warnAboutRawHtml(document, state);
        }
        if (markdown.contains("&#")) {
            SourceChecks.rejectForbiddenReferences(document, state);
        }
        String html = renderer.render(document);
        if (!state.texts.isEmpty()) {
            html = PlainText.splice(html, state.texts);
        }
        if (expanded) {
            // a call alone in its paragraph stands for a block: the shortcode's output, not a paragraph around it
            html = ALONE_IN_PARAGRAPH.matcher(html).replaceAll("$1");
            html = withoutCallsInAttributes(html, calls, diagnostics);
        }
        diagnostics.addAll(state.diagnostics);
        fragmentLinks.addAll(state.fragmentLinks);
        return new ShortcodeExpansion.Part(html, List.copyOf(diagnostics), List.copyOf(fragmentLinks));
    }

    /**
     * The HTML without the markers that ended up inside a tag (an image's description, a link's
     * title), each reported at its call: HTML put there would break the tag.
     */
    private static String withoutCallsInAttributes(String html, List<ShortcodeCall> calls, List<Diagnostic> diagnostics) {
        StringBuilder kept = null;
        boolean inTag = false;
        int from = 0;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '<') {
                inTag = true;
            } else if (c == '>') {
                inTag = false;
            } else if (c == ShortcodeCall.MARK && inTag) {
                int close = html.indexOf(ShortcodeCall.MARK, i + 1);
                ShortcodeCall call = calls.get(Integer.parseInt(html, i + 1, close, 10));
                diagnostics.add(Diagnostic.error(DiagnosticCode.SHORTCODE_CALL, call.position(), "the shortcode '" + call.name()
                        + "' cannot stand in an image's description or a link's title, which hold only text; move it out"));
                kept = kept == null ? new StringBuilder(html.length()) : kept;
                kept.append(html, from, i);
                from = close + 1;
                i = close;
            }
        }
        return kept == null ? html : kept.append(html, from, html.length()).toString();
    }

    private static final Pattern ALONE_IN_PARAGRAPH = Pattern.compile("<p>(\u0001[0-9]+\u0001)</p>");

    /** The parser for a variant, built when first needed: most sites need one or two of the four. */
    private Parser parser(int variant) {
        Parser parser = parsers.get(variant);
        if (parser == null) {
            List<Extension> extensions = new ArrayList<>(List.of(TypographicExtension.create(), new QuickAutolinkExtension()));
            if ((variant & 1) != 0) {
                extensions.add(TablesExtension.create());
            }
            if ((variant & 2) != 0) {
                extensions.add(FootnoteExtension.create());
            }
            // flexmark adds its reference definitions pre-processor only with its own inline parser
            MutableDataSet variantOptions = new MutableDataSet(options).set(Parser.EXTENSIONS, extensions).set(Parser.HEADING_PARSER, false);
            parsers.compareAndSet(variant, null, Parser.builder(variantOptions)
                    .customBlockParserFactory(new QuickHeadingParser())
                    .customInlineParserFactory(LinearInlineParser::new)
                    .paragraphPreProcessorFactory(new ReferencePreProcessorFactory())
                    .build());
            parser = parsers.get(variant);
        }
        return parser;
    }
}
