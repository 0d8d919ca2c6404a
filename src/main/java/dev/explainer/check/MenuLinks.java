package dev.explainer.check;

import dev.explainer.config.MenuItem;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.link.Site;
import dev.explainer.text.Suggestions;

/** Every menu item of the site config links to a page or asset of the site. */
final class MenuLinks {
    private MenuLinks() {
    }

    static void check(Site site, Diagnostics problems) {
        for (MenuItem item : site.config().menu()) {
            if (site.find(item.url()).isEmpty()) {
                String hint = Suggestions.closest(item.url(), site.paths()).map(s -> "; did you mean '" + s + "'?").orElse("");
                problems.error(DiagnosticCode.MENU_LINK, item.position(), "menu item '" + item.title() + "' links to " + item.url()
                        + ", but no page has that URL" + hint);
            }
        }
    }
}
