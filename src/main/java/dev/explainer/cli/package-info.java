/** The command line (picocli): build and check, with diagnostics printed one per line. */
package dev.explainer.cli;
