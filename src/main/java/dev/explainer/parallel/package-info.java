/**
 * Running one function over many items on every core: the stages' per-file, per-entry and
 * per-page work, with results in the items' order.
 */
package dev.explainer.parallel;
