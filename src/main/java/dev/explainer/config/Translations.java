package dev.explainer.config;

import dev.explainer.diagnostic.Position;

/**
 * What an edition shows for an entry that has no translation into its language yet.
 *
 * @param omitMissing true for {@code missing: omit} (the page is left out of that edition), false
 *                    for {@code missing: fallback} (the original's text, marked as not yet translated)
 * @param position    where {@code translations} is written, or the config's start
 */
public record Translations(boolean omitMissing, Position position) {
    public static final String FALLBACK = "fallback";
    public static final String OMIT = "omit";

    public static Translations fallback(Position at) {
        return new Translations(false, at);
    }
}
