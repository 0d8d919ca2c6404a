package dev.explainer.validate;

/**
 * An entry as one edition shows it: the original's fields with the translated ones in their
 * place (written where the translation writes them), and the translation's body, checked against
 * the collection's schema like any entry.
 *
 * @param language the edition's language code
 * @param entry    the merged entry, with the original's id and collection
 * @param stale    whether the translation's {@code translates:} hash is behind its original (or missing)
 */
public record ValidTranslation(String language, ValidEntry entry, boolean stale) {
}
