package dev.explainer.config;

import dev.explainer.diagnostic.Position;

/**
 * One edition of a site that declares {@code languages}: the language its pages are written in.
 *
 * @param code      a BCP 47 tag ({@code en}, {@code ar}, {@code pt-BR}); the {@code LANG} of translation files
 * @param name      the language's name in itself, for a language switcher ({@code العربية})
 * @param direction {@code ltr} or {@code rtl}: the text direction of the edition's pages
 * @param prefix    the site path the edition's pages are under: {@code ""} for the root, else
 *                  {@code /ar/}-like, starting and ending with '/'
 * @param original  whether this is the language the entries' own files are written in
 * @param digits    {@code latn} or {@code arabic-indic}: the digits numbers and dates are written with
 * @param position  where the language is declared in the site config
 */
public record Language(String code, String name, String direction, String prefix, boolean original, String digits,
                       Position position) {
    public static final String LTR = "ltr";
    public static final String RTL = "rtl";
    public static final String LATIN_DIGITS = "latn";
    public static final String ARABIC_INDIC_DIGITS = "arabic-indic";

    /** Whether {@code text} has the form of a language tag ({@code ar}, {@code pt-BR}), as the file names of translations end. */
    public static boolean isTag(String text) {
        return LanguagesParser.LANGUAGE_TAG.matcher(text).matches();
    }
}
