package dev.explainer.check;

import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.link.Page;
import dev.explainer.link.Site;

/**
 * Warns of HTML pages no other page links to: readers can reach them only by their address. The
 * home page and the error page need no link.
 */
final class UnlinkedPages {
    private UnlinkedPages() {
    }

    static void check(Site site, RenderedPages pages, Diagnostics problems) {
        for (Page page : site.pages()) {
            if (pages.rendered(page.sitePath()) && !page.isErrorPage(site.config()) && page.isHtml() && !page.sitePath().equals("/")
                    && !pages.linkedFromAnotherPage(page.outputFile())) {
                problems.warning(DiagnosticCode.UNLINKED, page.entry().position(), "no other page links to " + page.address()
                        + "; link to it, or readers will not find it");
            }
        }
    }
}
