package dev.explainer.markdown;

import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataSet;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.misc.Extension;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.load.RawEntry;
import dev.explainer.parallel.Parallel;
import dev.explainer.text.ForbiddenCharacters;
import dev.explainer.text.LinkSchemes;
import dev.explainer.text.PathSegments;
import dev.explainer.text.Suggestions;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown to HTML with flexmark: tables, footnotes, heading ids, typographic quotes and
 * autolinks. Built once and shared: flexmark's parser and renderer are immutable, and the
 * per-document state (the page, the problems found) travels on the parsed document.
 *
 * <p>Links are checked as they are rendered. An internal link must reach a page or asset of the
 * site and becomes relative; a link with a scheme other than http, https, mailto or tel is an
 * error and never reaches the output, however it is encoded. Raw HTML is escaped unless the site
 * opts in.
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
     * Stands, with an index and a closing NUL, for a text set aside while flexmark writes the
     * HTML. No input NUL reaches the HTML (see {@link #ROOT}), and {@code ROOT} is always
     * followed by a file path, which cannot start with NUL.
     */
    private static final String TEXT_MARKER = "\u0000\u0000";
    /** Texts shorter than this go through flexmark's writer: a marker would save nothing. */
    private static final int SPLICED_TEXT_MIN = 16;

    private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#(?:[0-9]{1,8}|[xX][0-9a-fA-F]{1,8});");
    private static final NullableDataKey<State> STATE = new NullableDataKey<>("EXPLAINER_LINK_STATE");

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
                .nodeRendererFactory(data -> () -> Set.of(new NodeRenderingHandler<>(Text.class, MarkdownRenderer::renderText)))
                .linkResolverFactory(new IndependentLinkResolverFactory() {
                    @Override
                    public LinkResolver apply(LinkResolverBasicContext context) {
                        return MarkdownRenderer::resolve;
                    }
                })
                .build();
    }

    /** A body to render, and what its links resolve against (see {@link #render}). */
    public record Job(RawEntry.Body body, Optional<String> pagePath, LinkTargets targets) {
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
            return renderChecked(job.body(), job.pagePath(), job.targets());
        } catch (StackOverflowError e) {
            return refused(job.body(), 0, "this Markdown is too complex to read: one line or paragraph repeats a construct"
                    + " thousands of times (such as a table row of thousands of columns, or thousands of '*' in a row); break it up");
        }
    }

    private static RenderedMarkdown refused(RawEntry.Body body, int offset, String message) {
        return new RenderedMarkdown("", List.of(Diagnostic.error(DiagnosticCode.MARKDOWN_LIMIT, body.positionOf(offset), message)), List.of());
    }

    private RenderedMarkdown renderChecked(RawEntry.Body body, Optional<String> pagePath, LinkTargets targets) {
        String markdown = body.markdown().replace('\u0000', '\uFFFD'); // as CommonMark asks; the length stays
        OptionalInt deepLine = Nesting.tooDeepAtLineStarts(markdown);
        if (deepLine.isPresent()) {
            return refused(body, deepLine.getAsInt(), Nesting.TOO_DEEP_BLOCKS);
        }
        int variant = (markdown.indexOf('|') >= 0 ? 1 : 0) | (markdown.contains("[^") ? 2 : 0);
        Document document = parser(variant).parse(markdown);
        Integer longWord = QuickAutolinkExtension.LONG_WORD.get(document);
        if (longWord != null) {
            return refused(body, longWord, QuickAutolinkExtension.LONG_WORD_MESSAGE);
        }
        Optional<Nesting.TooDeep> tooDeep = Nesting.tooDeep(document);
        if (tooDeep.isPresent()) {
            return refused(body, tooDeep.get().node().getStartOffset(), tooDeep.get().message());
        }
        State state = new State(body, pagePath, targets);
        document.set(STATE, state);
        if (!rawHtml) {
            warnAboutRawHtml(document, state);
        }
        if (markdown.contains("&#")) {
            rejectForbiddenReferences(document, state);
        }
        String html = renderer.render(document);
        if (!state.texts.isEmpty()) {
            html = spliceTexts(html, state.texts);
        }
        return new RenderedMarkdown(html, List.copyOf(state.diagnostics), List.copyOf(state.fragmentLinks));
    }

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

    /**
     * Text as flexmark's core renders it (unescaped, line ends normalised, HTML-escaped), without
     * the regular expressions that do it when the text holds nothing they would change: a third
     * of flexmark's HTML rendering time on the benchmark corpus.
     *
     * <p>Plain text also skips flexmark's writer, which examines every character it is given (to
     * track lines, and blanks at their starts) and copies them one at a time: 13% of a
     * 10,000-page build's CPU time. The writer gets a short marker instead, which
     * {@link #spliceTexts} replaces once the body is rendered. It loses nothing it would act on:
     * the parser never leaves a text node that holds a line break or starts a line with blanks
     * (a test compares hundreds of random bodies with stock flexmark).
     */
    private static void renderText(Text node, NodeRendererContext context, HtmlWriter html) {
        String text = plain(node.getChars());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '&' || c == '\r' || c == '<' || c == '>' || c == '"') {
                html.text(Escaping.normalizeEOL(node.getChars().unescape()));
                return;
            }
        }
        State state = text.length() < SPLICED_TEXT_MIN ? null : STATE.get(context.getDocument());
        if (state == null) {
            html.raw(text);
            return;
        }
        html.raw(TEXT_MARKER + state.texts.size() + '\u0000');
        state.texts.add(text);
    }

    /** Puts the texts that {@link #renderText} set aside where their markers stand. */
    private static String spliceTexts(String html, List<String> texts) {
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

    private static void warnAboutRawHtml(Node node, State state) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof HtmlBlockBase || child instanceof HtmlInlineBase) { // comments too
                state.diagnostics.add(Diagnostic.warning(DiagnosticCode.RAW_HTML, state.body.positionOf(child.getStartOffset()),
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
    private static void rejectForbiddenReferences(Node node, State state) {
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

    private static void rejectForbidden(BasedSequence chars, State state) {
        Matcher reference = NUMERIC_REFERENCE.matcher(chars);
        while (reference.find()) {
            String decoded = chars.subSequence(reference.start(), reference.end()).unescape();
            int at = ForbiddenCharacters.indexOf(decoded, 0);
            if (at >= 0) {
                state.diagnostics.add(Diagnostic.error(DiagnosticCode.FORBIDDEN_CHARACTER,
                        state.body.positionOf(chars.getStartOffset() + reference.start()),
                        "'" + reference.group() + "' stands for " + ForbiddenCharacters.describe(decoded.codePointAt(at))
                                + ", which web pages and feeds cannot hold; remove it"));
            }
        }
    }

    private static ResolvedLink resolve(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        State state = STATE.get(context.getDocument());
        if (state == null) {
            return link;
        }
        if (node instanceof RefNode reference && !reference.isDefined()) {
            // "[sic]", "[1]" with no definition of that label: text, as CommonMark says; flexmark
            // asks the resolver anyway, and would make a link of whatever it answers
            return link;
        }
        if (node instanceof MailLink) {
            // an e-mail address that autolinking found; flexmark adds the "mailto:"
            return link.withUrl(percentEncoded(link.getUrl()));
        }
        String url = link.getUrl();
        String probe = LinkSchemes.normalise(url);
        Optional<String> scheme = LinkSchemes.schemeOfNormalised(probe);
        if (scheme.isPresent()) {
            if (LinkSchemes.SAFE.contains(scheme.get())) {
                return link.withUrl(percentEncoded(url));
            }
            state.error(node, DiagnosticCode.UNSAFE_LINK, LinkSchemes.refusal(scheme.get()) + "; remove the link");
            return link.withUrl("#").withStatus(LinkStatus.INVALID);
        }
        if (probe.startsWith("//")) {
            return link.withUrl(percentEncoded(url)); // protocol-relative: another site
        }
        if (probe.startsWith("www.")) {
            return link.withUrl(percentEncoded("https://" + url.strip())); // a bare web address, as autolinks find them
        }
        int hash = url.indexOf('#');
        String beforeFragment = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash + 1);
        int question = beforeFragment.indexOf('?');
        String path = question < 0 ? beforeFragment : beforeFragment.substring(0, question);
        // the query and fragment as written, encoded where the author did not (a space, a letter beyond ASCII)
        String rest = percentEncoded(beforeFragment.substring(path.length()) + (hash < 0 ? "" : "#" + fragment));
        if (path.isEmpty()) {
            state.pagePath.ifPresent(page -> state.fragment(node, page, fragment));
            return link.withUrl(rest);
        }
        String sitePath;
        if (path.startsWith("/")) {
            sitePath = path;
        } else if (state.pagePath.isPresent()) {
            sitePath = resolveRelative(state.pagePath.get(), path);
        } else {
            state.error(node, DiagnosticCode.BROKEN_LINK, "relative link '" + url + "' in an entry without a page of its own; write the site path, such as '/parties/russia/'");
            return link.withUrl("#").withStatus(LinkStatus.INVALID);
        }
        String decoded = URLDecoder.decode(sitePath.replace("+", "%2B"), StandardCharsets.UTF_8);
        Optional<LinkTargets.Target> target = state.targets.find(decoded);
        if (target.isEmpty() && state.targets.mayBeUnread(decoded)) {
            return link.withUrl("#").withStatus(LinkStatus.INVALID);
        }
        if (target.isEmpty() && state.targets.isDraft(decoded)) {
            state.error(node, DiagnosticCode.DRAFT_LINK, "link to '" + url + "': that page is a draft (draft: true), left out of the published site;"
                    + " publish it, or remove the link");
            return link.withUrl("#").withStatus(LinkStatus.INVALID);
        }
        if (target.isEmpty()) {
            String hint = Suggestions.closest(decoded, state.targets.paths()).map(s -> "; did you mean '" + s + "'?").orElse("");
            state.error(node, DiagnosticCode.BROKEN_LINK, "link to '" + url + "': no page or asset has the path " + decoded + hint);
            return link.withUrl("#").withStatus(LinkStatus.INVALID);
        }
        if (!fragment.isEmpty()) {
            state.fragment(node, target.get().sitePath(), fragment);
        }
        // The output file is a file name, not a URL: a '%' in it is a percent sign.
        String file = percentEncoded(target.get().outputFile().replace("%", "%25"));
        return link.withUrl(ROOT + file + rest).withStatus(LinkStatus.VALID);
    }

    /**
     * The URL with what may not stand in one percent-encoded (a space, a letter beyond ASCII, a
     * stray '%'), as flexmark's option to encode URLs would; an existing {@code %XX} stays.
     * Nearly every URL needs nothing, so a scan spares them flexmark's regular expression.
     */
    static String percentEncoded(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            boolean kept = c < 0x80 && URL_CHARACTERS.get(c)
                    || c == '%' && i + 2 < url.length() && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2));
            if (!kept) {
                return Escaping.percentEncodeUrl(url);
            }
        }
        return url;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** What the scan above may keep: those flexmark's {@link Escaping#percentEncodeUrl} keeps. */
    private static final java.util.BitSet URL_CHARACTERS = new java.util.BitSet(128);

    static {
        ":/?#@!$&'()*+,;=-._~".chars().forEach(URL_CHARACTERS::set);
        URL_CHARACTERS.set('a', 'z' + 1);
        URL_CHARACTERS.set('A', 'Z' + 1);
        URL_CHARACTERS.set('0', '9' + 1);
    }

    static String resolveRelative(String pagePath, String relative) {
        String base = pagePath.endsWith("/") ? pagePath : pagePath.substring(0, pagePath.lastIndexOf('/') + 1);
        String joined = PathSegments.removeDotSegments(base + relative);
        return joined.startsWith("/") ? joined : "/" + joined;
    }

    /** Per-document state, reached by the link resolver through the parsed document. */
    private static final class State {
        final RawEntry.Body body;
        final Optional<String> pagePath;
        final LinkTargets targets;
        final List<Diagnostic> diagnostics = new ArrayList<>();
        final List<RenderedMarkdown.FragmentLink> fragmentLinks = new ArrayList<>();
        final List<String> texts = new ArrayList<>(); // set aside by renderText, by marker index

        State(RawEntry.Body body, Optional<String> pagePath, LinkTargets targets) {
            this.body = body;
            this.pagePath = pagePath;
            this.targets = targets;
        }

        void error(Node node, DiagnosticCode code, String message) {
            diagnostics.add(Diagnostic.error(code, body.positionOf(node.getStartOffset()), message));
        }

        void fragment(Node node, String sitePath, String fragment) {
            fragmentLinks.add(new RenderedMarkdown.FragmentLink(body.positionOf(node.getStartOffset()), sitePath, fragment));
        }
    }
}
