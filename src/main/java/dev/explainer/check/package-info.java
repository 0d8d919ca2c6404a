/**
 * The whole-site checks, the step between linking and rendering: quotes against their sources,
 * unique fields, complete matrices, menu links and unreferenced entries, each a function of the
 * linked {@link dev.explainer.link.Site}. See {@link dev.explainer.check.SiteChecks}.
 */
package dev.explainer.check;
