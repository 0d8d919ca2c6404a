package dev.explainer.load;

import dev.explainer.diagnostic.Position;

import java.util.Optional;

/**
 * A translation as written, beside its original: {@code parties/russia.ar.md} for the Markdown
 * entry {@code parties/russia.md}, or an item of {@code quotes.ar.yaml} for the item of
 * {@code quotes.yaml} with the same id.
 *
 * @param language   the declared code the file name gives ({@code ar})
 * @param entry      its fields (without {@code translates}) and body, with the id of the entry it translates
 * @param translates the hash of the original it says it translates, where it is written, if it says so
 */
public record RawTranslation(String language, RawEntry entry, Optional<Translates> translates) {

    /** The {@code translates:} value as written, and where. */
    public record Translates(String hash, Position position) {
    }

    public String path() {
        return entry.path();
    }
}
