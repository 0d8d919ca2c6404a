/**
 * Source text: strict UTF-8 decoding that reports where a bad byte is, and the mapping from
 * character offsets to whole-file, 1-based lines and columns that every diagnostic uses; and the
 * resolving of {@code .} and {@code ..} in slash-separated paths.
 */
package dev.explainer.text;
