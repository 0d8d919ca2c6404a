/** Scaffolding of new entries from their collection's schema, for the {@code new} command. */
package dev.explainer.scaffold;
