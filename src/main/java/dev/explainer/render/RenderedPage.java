package dev.explainer.render;

import dev.explainer.link.Page;

/**
 * A page that went through its template: its bytes (UTF-8, as written), and the links out of it
 * and the ids in it, for the whole-site checks.
 */
public record RenderedPage(Page page, byte[] html, PageLinks links) {
}
