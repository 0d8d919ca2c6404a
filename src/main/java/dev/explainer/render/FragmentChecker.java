package dev.explainer.render;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.markdown.RenderedMarkdown;
import dev.explainer.text.Suggestions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks Markdown links to {@code #fragments} against the ids of the pages they point to. Ids
 * come from templates as well as from Markdown, so this can only run once pages are rendered.
 */
final class FragmentChecker {
    private FragmentChecker() {
    }

    /** @param idsAt the ids of the page at a site path ({@link PageLinks#ids()}), or null if it failed to render */
    static List<Diagnostic> check(List<RenderedMarkdown.FragmentLink> links, Function<String, Set<String>> idsAt) {
        List<Diagnostic> problems = new ArrayList<>();
        for (RenderedMarkdown.FragmentLink link : links) {
            Set<String> ids = idsAt.apply(link.sitePath());
            if (ids == null) {
                continue; // the page failed to render, and that is reported
            }
            if (!ids.contains(link.fragment())) {
                String hint = Suggestions.closest(link.fragment(), ids).map(s -> "; did you mean '#" + s + "'?").orElse("");
                problems.add(Diagnostic.error(DiagnosticCode.BROKEN_LINK, link.position(), "link to '#" + link.fragment() + "' on "
                        + link.sitePath() + ": that page has no element with this id" + hint));
            }
        }
        return problems;
    }
}
