package dev.explainer.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How one language of the site prints dates and numbers: its code (the name of its message file
 * {@code templates/i18n/CODE.yaml}) and its digits. The render stage formats with
 * {@link #locale()}, which carries both, so an edition in this language sets that locale on its
 * render and every date and number of the page follows it.
 *
 * @param code   the language's code as the site writes it, such as {@code en} or {@code ar}
 * @param digits the digits numbers and dates are written in
 */
public record LanguageFormat(String code, Digits digits) {

    /** The digits of a language: {@code latin} (0-9) or {@code arabic-indic} (٠-٩). */
    public enum Digits {
        LATIN("latin", "latn", '0'),
        ARABIC_INDIC("arabic-indic", "arab", '\u0660');

        private final String setting;
        private final String unicodeName;
        private final char zero;

        Digits(String setting, String unicodeName, char zero) {
            this.setting = setting;
            this.unicodeName = unicodeName;
            this.zero = zero;
        }

        /** The value site.yaml writes for these digits. */
        public String setting() {
            return setting;
        }

        /** Latin digits of {@code text} written in these digits; every other character as it is. */
        public String apply(String text) {
            if (this == LATIN) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                out.append(c >= '0' && c <= '9' ? (char) (zero + (c - '0')) : c);
            }
            return out.toString();
        }

        /** The digits named by a Unicode {@code nu} locale keyword; Latin for any other. */
        static Digits ofUnicodeName(String name) {
            return ARABIC_INDIC.unicodeName.equals(name) ? ARABIC_INDIC : LATIN;
        }
    }

    /**
     * The languages the site is built in: first the one this config renders in ({@code language},
     * which an edition's config sets to its own), then the other declared {@code languages} in
     * their order. The one place that decides which languages a site has, so that message files
     * and formats follow whatever site.yaml declares.
     */
    public static List<LanguageFormat> of(SiteConfig site) {
        List<LanguageFormat> languages = new ArrayList<>();
        languages.add(new LanguageFormat(site.language(), digitsOf(site, site.language())));
        for (Language declared : site.languages()) {
            if (!declared.code().equals(site.language())) {
                languages.add(new LanguageFormat(declared.code(), digitsOf(site, declared.code())));
            }
        }
        return List.copyOf(languages);
    }

    private static Digits digitsOf(SiteConfig site, String code) {
        return site.languages().stream().filter(declared -> declared.code().equals(code)).findFirst()
                .filter(declared -> Language.ARABIC_INDIC_DIGITS.equals(declared.digits()))
                .map(declared -> Digits.ARABIC_INDIC).orElse(Digits.LATIN);
    }

    /**
     * The language's locale in the ISO calendar, with its digits as the Unicode {@code nu}
     * keyword. Every FreeMarker date pattern ({@code SimpleDateFormat}) takes its calendar from the
     * locale: by default it counts days before 15 October 1582 in the Julian calendar, and for
     * {@code th-TH} years in the Buddhist era.
     */
    public Locale locale() {
        return new Locale.Builder().setLocale(Locale.forLanguageTag(code))
                .setUnicodeLocaleKeyword("ca", "iso8601").setUnicodeLocaleKeyword("nu", digits.unicodeName).build();
    }

    /** The language and digits a locale made by {@link #locale()} stands for. */
    public static LanguageFormat ofLocale(Locale locale) {
        Locale language = new Locale.Builder().setLocale(locale).clearExtensions().build();
        return new LanguageFormat(language.toLanguageTag(), Digits.ofUnicodeName(locale.getUnicodeLocaleType("nu")));
    }
}
