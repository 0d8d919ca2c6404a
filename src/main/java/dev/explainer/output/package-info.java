/**
 * The write stage: the rendered site is written to a staging folder and swapped in only when
 * complete, so a failed build never leaves a half-written or emptied output folder.
 */
package dev.explainer.output;
