/**
 * The live preview: an in-memory build served on loopback, rebuilt incrementally after every
 * save, with pages that reload themselves and show build errors in an overlay.
 */
package dev.explainer.serve;
