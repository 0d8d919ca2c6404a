/** Scaffolding: new entries from their collection's schema, for {@code new}, and a new site to start from, for {@code init}. */
package dev.explainer.scaffold;
