/**
 * The whole-site checks: after linking, quotes against their sources, unique fields, complete
 * matrices, menu links and unreferenced entries, each a function of the linked
 * {@link dev.explainer.link.Site}; after rendering, fragment links and unlinked pages, from what
 * the render stage found in the pages ({@link dev.explainer.check.RenderedPages}). See
 * {@link dev.explainer.check.SiteChecks}.
 */
package dev.explainer.check;
