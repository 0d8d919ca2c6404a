/**
 * Runs the pipeline (load, validate, link, render, write) for the command line and, later, the
 * live preview. It owns no state between runs.
 */
package dev.explainer.build;
