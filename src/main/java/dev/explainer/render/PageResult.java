package dev.explainer.render;

import dev.explainer.config.PageFormat;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.link.Page;

/**
 * One page's outcome, as the render cache keeps it: its bytes with the links out of it and the
 * ids in it, and what it read; or the error that stopped it (and what was thrown, if the tool
 * failed); or neither, if it was skipped. Only the bytes are kept, not the text as well: a site
 * holds every page.
 *
 * @param page the page as it was when rendered: a page kept from an earlier render holds that
 *             render's entry, equal to today's in all the page read
 * @param html the page's bytes, or {@code null} if it failed or was skipped: then it is rendered
 *             again next time
 * @param alsoAt the same error where it was caused, if elsewhere: the call in a Markdown body
 *             of a shortcode whose template failed; or {@code null}
 */
record PageResult(Page page, byte[] html, PageLinks links, PageInputs inputs, Diagnostic error, Diagnostic alsoAt, Throwable bug) {

    static PageResult rendered(Page page, byte[] html, PageInputs inputs) {
        // JSON, plain text and iCalendar files have no HTML links or ids: the link checks leave them out.
        boolean markup = page.format() == PageFormat.HTML || page.format() == PageFormat.XML;
        return new PageResult(page, html, markup ? PageLinks.scan(page.outputFile(), html) : PageLinks.NONE, inputs, null, null, null);
    }

    static PageResult failed(Page page, PageInputs inputs, Diagnostic error) {
        return new PageResult(page, null, PageLinks.NONE, inputs, error, null, null);
    }

    static PageResult failed(Page page, PageInputs inputs, Diagnostic error, Diagnostic alsoAt) {
        return new PageResult(page, null, PageLinks.NONE, inputs, error, alsoAt, null);
    }

    static PageResult failed(Page page, PageInputs inputs, Diagnostic error, Throwable bug) {
        return new PageResult(page, null, PageLinks.NONE, inputs, error, null, bug);
    }

    static PageResult skipped(Page page) {
        return new PageResult(page, null, PageLinks.NONE, PageInputs.NONE, null, null, null);
    }

    boolean failed() {
        return html == null;
    }
}
