/**
 * Source text: strict UTF-8 decoding that reports where a bad byte is, and the mapping from
 * character offsets to whole-file, 1-based lines and columns that every diagnostic uses; the
 * resolving of {@code .} and {@code ..} in slash-separated paths; and "did you mean" suggestions
 * for a mistyped name ({@link dev.explainer.text.Suggestions}), which every stage offers.
 */
package dev.explainer.text;
