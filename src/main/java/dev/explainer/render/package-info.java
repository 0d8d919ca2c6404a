/**
 * The render stage: one FreeMarker configuration, pages rendered independently and in parallel
 * through models that expose plain data only and read the site through one recording layer
 * ({@code SiteReads}), plus the sitemap and robots.txt. {@link dev.explainer.render.SiteRenderer}
 * is a function of the site, the templates and a {@link dev.explainer.render.RenderCache}, which
 * decides by comparing values which pages a rebuild may keep.
 */
package dev.explainer.render;
