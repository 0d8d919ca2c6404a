package dev.explainer.render;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;
import dev.explainer.link.Entry;
import dev.explainer.markdown.MarkdownRenderer;
import dev.explainer.markdown.ShortcodeCall;

import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModelException;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Shows the shortcodes of a body where their markers stand: each call's template, rendered with
 * the page's variables, the call's arguments (a reference argument as the entry it names, read
 * through {@link SiteReads} like any other) and {@code body}, the call's Markdown as HTML. The
 * template runs under the page's {@link PageGuard}, so the page's time limit holds inside it.
 * One per page render, used on its thread only.
 */
final class ShortcodeOutput {
    /** Shortcodes showing bodies that call shortcodes, and so on: deeper is a body that shows itself. */
    static final int MOST_DEPTH = 16;

    private final TemplateEngine engine;
    private final PageGuard guard;
    private int depth;

    ShortcodeOutput(TemplateEngine engine, PageGuard guard) {
        this.engine = engine;
        this.guard = guard;
    }

    /**
     * A shortcode template that failed: the error at its place in the template, and the call in
     * the Markdown that led to it.
     */
    static final class Failure extends TemplateModelException {
        private static final long serialVersionUID = 1L;
        private final transient Diagnostic inTemplate;
        private final transient Diagnostic atCall;

        Failure(Diagnostic inTemplate, Diagnostic atCall) {
            super(inTemplate.message());
            this.inTemplate = inTemplate;
            this.atCall = atCall;
        }

        Diagnostic inTemplate() {
            return inTemplate;
        }

        Diagnostic atCall() {
            return atCall;
        }
    }

    /** The HTML with every marker replaced by the output of its call. */
    String expand(String html, List<ShortcodeCall> calls, Models models) throws TemplateModelException {
        StringBuilder out = new StringBuilder(html.length());
        int from = 0;
        for (int mark = html.indexOf(ShortcodeCall.MARK); mark >= 0; mark = html.indexOf(ShortcodeCall.MARK, from)) {
            int close = html.indexOf(ShortcodeCall.MARK, mark + 1);
            ShortcodeCall call = calls.get(Integer.parseInt(html, mark + 1, close, 10));
            String shown = render(call, calls, models);
            Optional<String> block = blockTag(shown);
            if (block.isPresent() && insideText(html, mark)) {
                throw new Failure(Diagnostic.error(DiagnosticCode.SHORTCODE_CALL, call.position(), "the shortcode '" + call.name()
                        + "' shows a block (<" + block.get() + ">), which cannot stand inside a paragraph or heading; put the"
                        + " call on a line of its own, with a blank line before and after it"), null);
            }
            out.append(html, from, mark).append(shown);
            from = close + 1;
        }
        return out.append(html, from, html.length()).toString();
    }

    /** Elements that end a paragraph: HTML puts none of them inside a {@code <p>} or a heading. */
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "details",
            "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
            "main", "nav", "ol", "p", "pre", "section", "table", "ul");

    /** The block element the shortcode's output starts with, if it starts with one. */
    private static Optional<String> blockTag(String shown) {
        int at = 0;
        while (at < shown.length() && Character.isWhitespace(shown.charAt(at))) {
            at++;
        }
        if (at >= shown.length() || shown.charAt(at) != '<') {
            return Optional.empty();
        }
        String tag = tagName(shown, at + 1);
        return BLOCKS.contains(tag) ? Optional.of(tag) : Optional.empty();
    }

    /**
     * Whether the marker at {@code mark} stands inside a paragraph or a heading: the nearest of
     * their tags before it opens one. A call alone in its paragraph has replaced the paragraph.
     */
    private static boolean insideText(String html, int mark) {
        for (int lt = html.lastIndexOf('<', mark); lt >= 0; lt = lt == 0 ? -1 : html.lastIndexOf('<', lt - 1)) {
            boolean closing = lt + 1 < html.length() && html.charAt(lt + 1) == '/';
            String tag = tagName(html, closing ? lt + 2 : lt + 1);
            if (tag.equals("p") || tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
                return !closing;
            }
            if (BLOCKS.contains(tag) || tag.equals("li") || tag.equals("td") || tag.equals("th")) {
                return false;
            }
        }
        return false;
    }

    /** The element name that starts at {@code from} (just after {@code <} or {@code </}), lowercased. */
    private static String tagName(String html, int from) {
        int end = from;
        while (end < html.length() && Character.isLetterOrDigit(html.charAt(end))) {
            end++;
        }
        return html.substring(from, end).toLowerCase(Locale.ROOT);
    }

    private String render(ShortcodeCall call, List<ShortcodeCall> calls, Models models) throws TemplateModelException {
        if (depth >= MOST_DEPTH) {
            throw new TemplateModelException("shortcodes show bodies that call shortcodes more than " + MOST_DEPTH
                    + " deep; does a shortcode show the body that calls it?");
        }
        List<Diagnostic> problems = new ArrayList<>();
        Optional<Template> template = engine.template(call.template(), problems);
        if (template.isEmpty()) {
            Diagnostic problem = problems.isEmpty() ? Diagnostic.error(DiagnosticCode.TEMPLATE, Position.startOf("templates/" + call.template()),
                    "the shortcode template cannot be read") : problems.get(0);
            throw failure(call, problem);
        }
        PageContext page = models.page();
        Map<String, Object> data = new LinkedHashMap<>(PageDataModel.of(page, models));
        for (Map.Entry<String, Object> argument : call.arguments().entrySet()) {
            data.put(argument.getKey(), value(argument.getValue(), models));
        }
        depth++;
        try {
            if (call.body().isPresent()) {
                String body = call.body().get().replace(MarkdownRenderer.ROOT, page.root());
                data.put("body", Models.markup(body.indexOf(ShortcodeCall.MARK) < 0 ? body : expand(body, calls, models)));
            }
            StringWriter out = new StringWriter();
            TemplateEngine.process(template.get(), data, out, models, guard);
            // the line end that ends the template's file is not part of what it shows: "<span>2</span>" stays inline
            StringBuffer shown = out.getBuffer();
            int end = shown.length();
            if (end > 0 && shown.charAt(end - 1) == '\n') {
                end -= end > 1 && shown.charAt(end - 2) == '\r' ? 2 : 1;
            }
            return shown.substring(0, end);
        } catch (TemplateException e) {
            Optional<Throwable> stop = causes(e).filter(c -> c instanceof PageGuard.Stopped || c instanceof Failure).findFirst();
            if (stop.isPresent() && stop.get() instanceof PageGuard.Stopped stopped) {
                throw stopped;
            }
            if (stop.isPresent()) {
                throw (Failure) stop.get(); // a shortcode inside this one's body: reported at its own call
            }
            throw failure(call, Diagnostic.error(DiagnosticCode.TEMPLATE, TemplateEngine.positionOf(e, call.template()),
                    "template error: " + TemplateEngine.editorMessage(e.getMessageWithoutStackTop())));
        } catch (IOException e) {
            throw failure(call, Diagnostic.error(DiagnosticCode.RENDER, Position.startOf("templates/" + call.template()),
                    "the shortcode could not be rendered: " + TemplateEngine.editorMessage(e.getMessage())));
        } finally {
            depth--;
        }
    }

    private static Object value(Object argument, Models models) throws TemplateModelException {
        if (argument instanceof ShortcodeCall.Reference reference) {
            Entry entry = models.page().reads().lookup(reference.collection(), reference.id()).orElseThrow(() -> new TemplateModelException(
                    "no entry '" + reference.id() + "' in collection '" + reference.collection() + "'"));
            return new EntryModel(entry, models);
        }
        if (argument instanceof BigDecimal number) {
            return models.wrap(number);
        }
        return models.wrap(argument);
    }

    private static Failure failure(ShortcodeCall call, Diagnostic inTemplate) {
        Diagnostic withCall = inTemplate.withMessage(inTemplate.message() + " (in the shortcode '" + call.name() + "' called at "
                + call.position() + ")");
        Diagnostic atCall = Diagnostic.error(DiagnosticCode.TEMPLATE, call.position(), "the shortcode '" + call.name()
                + "' failed here: " + inTemplate.message() + " (at " + new Position(inTemplate.path(), inTemplate.line(), inTemplate.column())
                + ")");
        return new Failure(withCall, atCall);
    }

    private static Stream<Throwable> causes(Throwable thrown) {
        return Stream.iterate(thrown, Objects::nonNull, Throwable::getCause).limit(20);
    }
}
