package dev.explainer.markdown;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.Position;

import java.util.List;

/**
 * A Markdown body rendered to HTML, with what rendering found.
 *
 * @param html          the HTML; internal links start with {@link MarkdownRenderer#ROOT}, which
 *                      the page that shows the body replaces with its path to the site root
 * @param diagnostics   unknown or unsafe links, raw HTML that was escaped
 * @param fragmentLinks links to a {@code #fragment} of a page, checked once pages are rendered
 * @param shortcodes    the shortcode calls whose markers the HTML holds, by index
 */
public record RenderedMarkdown(String html, List<Diagnostic> diagnostics, List<FragmentLink> fragmentLinks,
                               List<ShortcodeCall> shortcodes) {

    /** A link written at {@code position} to the element with id {@code fragment} on {@code sitePath}. */
    public record FragmentLink(Position position, String sitePath, String fragment) {
    }
}
