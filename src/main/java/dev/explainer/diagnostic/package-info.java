/**
 * Problems found in a site's sources, as values: a {@link dev.explainer.diagnostic.Diagnostic}
 * carries a file position and a message, is collected rather than thrown, and is printed with the
 * others of its run in one stable order. Every other package depends on this one; it depends on
 * none.
 */
package dev.explainer.diagnostic;
