/**
 * The render stage: one FreeMarker configuration, pages rendered independently and in parallel
 * through models that expose plain data only, plus the sitemap and robots.txt.
 */
package dev.explainer.render;
