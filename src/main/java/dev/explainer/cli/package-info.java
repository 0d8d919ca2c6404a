/**
 * The command line: {@code build}, {@code check}, {@code serve}, {@code new} and {@code init}, with diagnostics
 * printed one per line. Options are parsed with Apache Commons CLI, whose classes (unlike
 * picocli's, compiled for Java 5) fit in the launcher's class-data-sharing archive: picocli's
 * start-up took a fifth of a small site's whole build.
 */
package dev.explainer.cli;
