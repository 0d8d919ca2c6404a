/**
 * The write stage: a new output folder is staged and moved into place whole; an earlier build is
 * updated in place, only where bytes changed, each file replaced by an atomic rename once every
 * new byte is on disk. A failed build never leaves a half-written or emptied output folder.
 */
package dev.explainer.output;
