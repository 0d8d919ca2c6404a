package dev.explainer.config;

import dev.explainer.diagnostic.Position;

/** A link of the site's main navigation: its label and the site path it leads to. */
public record MenuItem(String title, String url, Position position) {
}
