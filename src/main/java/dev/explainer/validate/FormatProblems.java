package dev.explainer.validate;

import com.networknt.schema.ValidationMessage;

import dev.explainer.yaml.YamlNode;

import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value that breaks a schema's {@code "format"}, in words: for a date, why the day does not
 * exist (there is no month 13, February 2015 has 28 days) rather than only that it does not.
 */
final class FormatProblems {
    private static final Pattern DAY = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");

    private FormatProblems() {
    }

    /** What is wrong with {@code node}, whose value breaks the {@code "format"} of {@code message}. */
    static String describe(ValidationMessage message, YamlNode node) {
        String format = message.getSchemaNode() == null ? "" : message.getSchemaNode().asText("");
        String value = quoted(node);
        switch (format) {
            case "date": {
                String text = node instanceof YamlNode.Scalar scalar ? String.valueOf(scalar.value()) : "";
                Matcher day = DAY.matcher(text);
                if (!day.matches()) {
                    return value + " is not a date written YYYY-MM-DD, such as 2024-01-31";
                }
                int year = Integer.parseInt(day.group(1));
                int month = Integer.parseInt(day.group(2));
                int date = Integer.parseInt(day.group(3));
                String why;
                if (month < 1 || month > 12) {
                    why = "there is no month " + month;
                } else if (date < 1) {
                    why = "there is no day " + date;
                } else {
                    int length = YearMonth.of(year, month).lengthOfMonth();
                    why = Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year + " has " + length + " days";
                }
                return value + " is not a date that exists (" + why + "); dates are written YYYY-MM-DD";
            }
            case "uri":
                return value + " is not an absolute URL such as https://example.org/page";
            case "uri-reference":
                return value + " is not a URL (such as https://example.org/page) or a path (such as /about/)";
            case "email":
                return value + " is not an e-mail address";
            default:
                return value + " is not in the format '" + format + "'";
        }
    }

    /** A scalar as a message quotes it; anything else by its kind ("a list"). */
    static String quoted(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar ? "'" + scalar.value() + "'" : node.describe();
    }
}
