package dev.explainer.render;

import dev.explainer.config.LanguageFormat;

import freemarker.core.Environment;
import freemarker.core.InvalidFormatParametersException;
import freemarker.core.TemplateDateFormat;
import freemarker.core.TemplateDateFormatFactory;
import freemarker.core.TemplateFormatUtil;
import freemarker.core.TemplateNumberFormat;
import freemarker.core.TemplateNumberFormatFactory;
import freemarker.core.TemplateValueFormatException;
import freemarker.core.UnparsableValueException;
import freemarker.template.TemplateDateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Dates written in a language by the engine's own tables of month and weekday names
 * ({@code dates/LANG.txt} in the jar), never by the JDK's locale data, whose CLDR version (and so a
 * name, an abbreviation or the digits) differs from one JDK to the next. A pattern takes the
 * letters of {@code SimpleDateFormat} that a date needs: {@code y}, {@code M} (a month in a date),
 * {@code L} (a month on its own), {@code d} and {@code E}, with {@code 'quoted'} text; digits are
 * the language's ({@link LanguageFormat.Digits}).
 */
final class LanguageDates {
    /** The name templates give these formats: {@code ?string("@lang d MMMM")}, and the date_format of a language with tables. */
    static final String FORMAT_NAME = "lang";
    /** The languages with tables in the jar. */
    static final List<String> LANGUAGES = List.of("en", "ar", "tr", "ru");
    private static final Map<String, LanguageDates> TABLES = loadAll();

    private final Map<String, List<String>> names;

    private LanguageDates(Map<String, List<String>> names) {
        this.names = names;
    }

    /** The tables of a language (by its primary code: {@code en} for {@code en-GB}), if the jar has them. */
    static Optional<LanguageDates> of(String languageCode) {
        return Optional.ofNullable(TABLES.get(Locale.forLanguageTag(languageCode).getLanguage()));
    }

    private static Map<String, LanguageDates> loadAll() {
        Map<String, LanguageDates> tables = new HashMap<>();
        for (String code : LANGUAGES) {
            tables.put(code, load(code));
        }
        return Map.copyOf(tables);
    }

    private static LanguageDates load(String code) {
        Map<String, List<String>> names = new HashMap<>();
        try (InputStream in = LanguageDates.class.getResourceAsStream("dates/" + code + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("the jar has no date names for " + code);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                names.put(line.substring(0, colon).strip(),
                        Arrays.stream(line.substring(colon + 1).split(",")).map(String::strip).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String table : List.of("months", "months_short", "standalone", "standalone_short", "weekdays", "weekdays_short")) {
            int expected = table.startsWith("weekdays") ? 7 : 12;
            if (names.getOrDefault(table, List.of()).size() != expected) {
                throw new IllegalStateException("dates/" + code + ".txt: '" + table + "' needs " + expected + " names");
            }
        }
        return new LanguageDates(Map.copyOf(names));
    }

    /** Whether the pattern uses only letters these tables write; a mistake in it, in words, if not. */
    static Optional<String> problemOf(String pattern) {
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && "yMLdE".indexOf(c) < 0) {
                return Optional.of("the letter '" + c + "' is not one a date in any language can be written with; use y (year), "
                        + "M (month, MMMM for its name), L (month on its own), d (day) and E (weekday), and put other text in 'quotes'");
            }
        }
        return quoted ? Optional.of("a quote (') is not closed") : Optional.empty();
    }

    /** {@code date} by {@code pattern} (checked by {@link #problemOf}), in these names and {@code digits}. */
    String format(LocalDate date, String pattern, LanguageFormat.Digits digits) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int end = pattern.indexOf('\'', i + 1);
                end = end < 0 ? pattern.length() : end;
                out.append(end == i + 1 ? "'" : pattern.substring(i + 1, end)); // '' is a quote
                i = end + 1;
                continue;
            }
            int run = 1;
            while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
                run++;
            }
            out.append(field(date, c, run, digits, pattern.substring(i, i + run)));
            i += run;
        }
        return out.toString();
    }

    private String field(LocalDate date, char letter, int count, LanguageFormat.Digits digits, String literal) {
        int month = date.getMonthValue() - 1;
        switch (letter) {
            case 'y': {
                int yearOfEra = date.getYear() > 0 ? date.getYear() : 1 - date.getYear(); // as SimpleDateFormat counts
                return digits.apply(count == 2 ? twoDigits(yearOfEra % 100) : padded(yearOfEra, count));
            }
            case 'M':
            case 'L': {
                String table = letter == 'M' ? "months" : "standalone";
                return count >= 4 ? names.get(table).get(month) : count == 3 ? names.get(table + "_short").get(month)
                        : digits.apply(padded(month + 1, count));
            }
            case 'd':
                return digits.apply(padded(date.getDayOfMonth(), count));
            case 'E': {
                int weekday = date.getDayOfWeek().getValue() % 7; // Sunday first, as the tables list them
                return names.get(count >= 4 ? "weekdays" : "weekdays_short").get(weekday);
            }
            default:
                return literal;
        }
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static String padded(int value, int width) {
        String text = Integer.toString(value);
        return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
    }

    /** A template date as the calendar day it stands for (dates reach templates as midnight UTC). */
    static LocalDate dayOf(Date date) {
        return new Date(date.getTime()).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * {@code @lang PATTERN} in templates: the date in the language of the page's locale (set from
     * its {@link LanguageFormat}), with its digits.
     */
    static final class DateFormatFactory extends TemplateDateFormatFactory {
        static final DateFormatFactory INSTANCE = new DateFormatFactory();

        @Override
        public TemplateDateFormat get(String params, int dateType, Locale locale, TimeZone timeZone, boolean zonelessInput,
                                      Environment env) throws TemplateValueFormatException {
            LanguageFormat language = LanguageFormat.ofLocale(locale);
            Optional<String> problem = problemOf(params);
            if (problem.isPresent()) {
                throw new InvalidFormatParametersException("date pattern '" + params + "': " + problem.get());
            }
            LanguageDates tables = of(language.code()).orElseThrow(() -> new InvalidFormatParametersException(
                    "@" + FORMAT_NAME + ": the engine has no month names for '" + language.code() + "' (it has "
                            + String.join(", ", LANGUAGES) + "); write the pattern without @" + FORMAT_NAME));
            return new DateFormat(tables, params, language);
        }
    }

    private static final class DateFormat extends TemplateDateFormat {
        private final LanguageDates tables;
        private final String pattern;
        private final LanguageFormat language;

        DateFormat(LanguageDates tables, String pattern, LanguageFormat language) {
            this.tables = tables;
            this.pattern = pattern;
            this.language = language;
        }

        @Override
        public String formatToPlainText(TemplateDateModel dateModel) throws TemplateValueFormatException, TemplateModelException {
            return tables.format(dayOf(TemplateFormatUtil.getNonNullDate(dateModel)), pattern, language.digits());
        }

        @Override
        public Object parse(String s, int dateType) throws TemplateValueFormatException {
            throw new UnparsableValueException("@" + FORMAT_NAME + " formats only write dates; read '" + s
                    + "' with a plain pattern, such as ?date(\"yyyy-MM-dd\")");
        }

        @Override
        public boolean isLocaleBound() {
            return true;
        }

        @Override
        public boolean isTimeZoneBound() {
            return false;
        }

        @Override
        public String getDescription() {
            return "@" + FORMAT_NAME + " " + pattern;
        }
    }

    /**
     * Numbers as FreeMarker's {@code computer} format writes them (so that a site in Latin digits
     * is unchanged), in the digits of the page's language.
     */
    static final class NumberFormatFactory extends TemplateNumberFormatFactory {
        static final NumberFormatFactory INSTANCE = new NumberFormatFactory();

        @Override
        public TemplateNumberFormat get(String params, Locale locale, Environment env) throws TemplateValueFormatException {
            TemplateFormatUtil.checkHasNoParameters(params);
            return new NumberFormat(env.getTemplateNumberFormat("computer", locale), LanguageFormat.ofLocale(locale).digits());
        }
    }

    private static final class NumberFormat extends TemplateNumberFormat {
        private final TemplateNumberFormat computer;
        private final LanguageFormat.Digits digits;

        NumberFormat(TemplateNumberFormat computer, LanguageFormat.Digits digits) {
            this.computer = computer;
            this.digits = digits;
        }

        @Override
        public String formatToPlainText(TemplateNumberModel number) throws TemplateValueFormatException, TemplateModelException {
            return digits.apply(computer.formatToPlainText(number));
        }

        @Override
        public boolean isLocaleBound() {
            return true;
        }

        @Override
        public String getDescription() {
            return "@" + FORMAT_NAME;
        }
    }
}
