package dev.explainer.render;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.link.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Warns of pages no other page links to: readers can reach them only by their address. */
final class UnlinkedPages {
    private UnlinkedPages() {
    }

    /**
     * @param rendered    the pages that rendered, in site order
     * @param linkedFiles the output files that some other page links to
     */
    static List<Diagnostic> check(List<Page> rendered, Set<String> linkedFiles) {
        List<Diagnostic> problems = new ArrayList<>();
        for (Page page : rendered) {
            if (!page.isErrorPage() && page.isHtml() && !page.sitePath().equals("/") && !linkedFiles.contains(page.outputFile())) {
                problems.add(Diagnostic.warning(DiagnosticCode.UNLINKED, page.entry().position(), "no other page links to "
                        + page.sitePath() + "; link to it, or readers will not find it"));
            }
        }
        return problems;
    }
}
