/**
 * The link stage: URLs and pages for entries, Markdown rendered with its links checked,
 * collections sorted, references resolved both ways and matrices gathered, all in an immutable
 * {@link dev.explainer.link.Site} that the render stage reads from many threads.
 * {@link dev.explainer.link.Linker} runs the steps; what a run may reuse of the last one is a
 * {@link dev.explainer.link.LinkCache}, compared by value.
 */
package dev.explainer.link;
