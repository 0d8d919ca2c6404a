package dev.explainer.config;

import dev.explainer.diagnostic.Position;

/**
 * The folder below {@code content/} for images that many entries share ({@code media: media}),
 * written in Markdown from its site path: {@code ![A map of the region](/media/region.png)}.
 *
 * @param folder   its path below {@code content/}, without a trailing '/'
 * @param position where the config names it
 */
public record MediaFolder(String folder, Position position) {
}
