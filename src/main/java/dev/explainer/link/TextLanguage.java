package dev.explainer.link;

/**
 * The language of the text an entry shows in one edition of a site in several languages: the
 * edition's own where the entry is translated into it, the original's where it is not yet (the
 * edition then shows the original's text, which templates mark with its {@code lang} and
 * {@code dir}).
 *
 * @param code  the code of the language the entry's text is written in
 * @param stale whether that text is a translation behind its original (its {@code translates:}
 *              hash is not the original's as it is now, or it gives none)
 */
public record TextLanguage(String code, boolean stale) {
}
