/**
 * Markdown bodies to HTML, with every link checked: internal links must reach a page or asset
 * and are made relative; unsafe schemes are refused; raw HTML is escaped unless the site opts in.
 */
package dev.explainer.markdown;
