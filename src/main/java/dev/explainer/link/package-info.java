/**
 * The link stage: URLs and pages for entries, references resolved both ways, matrices checked,
 * Markdown rendered with its links checked, all gathered in an immutable
 * {@link dev.explainer.link.Site} that the render stage reads from many threads.
 */
package dev.explainer.link;
