package dev.explainer.yaml;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * How a plain scalar (one written without quotes or a tag) is typed: by a few strict rules
 * rather than YAML 1.1's, so that {@code no} stays the text "no", {@code 01234} stays text, and
 * {@code 2015-10-23} is a date with no time zone. Quoted scalars are always text.
 */
final class PlainScalars {
    private static final Pattern INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]{0,17})");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+\\.[0-9]*)([eE][-+]?[0-9]+)?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private PlainScalars() {
    }

    /** The value of a plain scalar: null, a boolean, a whole or decimal number, a date, or the text itself. */
    static Object type(String text) {
        switch (text) {
            case "", "~", "null", "Null", "NULL":
                return null;
            case "true", "True", "TRUE":
                return Boolean.TRUE;
            case "false", "False", "FALSE":
                return Boolean.FALSE;
            default:
                break;
        }
        char first = text.charAt(0);
        if (!(first >= '0' && first <= '9') && first != '-' && first != '+' && first != '.') {
            return text; // numbers and dates start with a digit, a sign or a point; most values are words
        }
        if (INTEGER.matcher(text).matches()) {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        }
        if (DECIMAL.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // A day that does not exist (2015-13-45) stays text, as if quoted: a field whose
                // schema asks for a date reports it once, naming the field.
                return text;
            }
        }
        return text;
    }
}
