package dev.explainer.render;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.link.Page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Template errors name the page; the same error on many pages is one line with a count. */
final class RenderErrors {
    private RenderErrors() {
    }

    static List<Diagnostic> of(List<PageResult> pages) {
        Map<Diagnostic, List<Page>> byError = new LinkedHashMap<>();
        for (PageResult page : pages) {
            if (page.error() != null) {
                byError.computeIfAbsent(page.error(), e -> new ArrayList<>()).add(page.page());
            }
            if (page.alsoAt() != null) {
                byError.computeIfAbsent(page.alsoAt(), e -> new ArrayList<>()).add(page.page());
            }
        }
        List<Diagnostic> problems = new ArrayList<>();
        byError.forEach((error, failed) -> {
            Page first = failed.get(0);
            String where = " (rendering " + first.address() + " from " + first.entry().position().path()
                    + (failed.size() > 1 ? ", and " + (failed.size() - 1) + " more page" + (failed.size() > 2 ? "s" : "") : "")
                    + ")";
            problems.add(error.withMessage(error.message() + where));
        });
        return problems;
    }
}
