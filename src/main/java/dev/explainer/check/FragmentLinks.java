package dev.explainer.check;

import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.link.Page;
import dev.explainer.link.Site;
import dev.explainer.markdown.RenderedMarkdown;
import dev.explainer.text.Suggestions;

import java.util.Set;

/**
 * Markdown links to a {@code #fragment} against the ids of the pages they point to. Ids come from
 * templates as well as from Markdown, so this can only run once pages are rendered.
 */
final class FragmentLinks {
    private FragmentLinks() {
    }

    static void check(Site site, RenderedPages pages, Diagnostics problems) {
        for (RenderedMarkdown.FragmentLink link : site.fragmentLinks()) {
            if (!pages.rendered(link.sitePath())) {
                continue; // an asset, or a page that failed to render, which is reported
            }
            Set<String> ids = pages.idsOn(link.sitePath());
            if (!ids.contains(link.fragment())) {
                String hint = Suggestions.closest(link.fragment(), ids).map(s -> "; did you mean '#" + s + "'?").orElse("");
                problems.error(DiagnosticCode.BROKEN_LINK, link.position(), "link to '#" + link.fragment() + "' on "
                        + site.page(link.sitePath()).map(Page::address).orElse(link.sitePath()) + ": that page has no element with this id" + hint);
            }
        }
    }
}
