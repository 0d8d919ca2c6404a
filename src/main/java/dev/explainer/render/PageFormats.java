package dev.explainer.render;

import dev.explainer.config.PageFormat;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;
import dev.explainer.link.Page;
import dev.explainer.load.SourceLayout;
import dev.explainer.text.LinkSchemes;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What a rendered page must be to be the file its URL names: a JSON file one JSON value (the
 * template escapes text inside strings, but cannot tell where a value was printed outside quotes);
 * plain text and iCalendar files free of control characters; and an iCalendar file with the line
 * ends and line lengths RFC 5545 requires, made here so that templates are written with plain lines.
 */
final class PageFormats {
    /** Strict about duplicate keys and anything after the value: browsers and tools differ on both. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** RFC 5545, 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
    static final int LONGEST_CALENDAR_LINE = 75;

    private PageFormats() {
    }

    /** The page's bytes as its format needs them, or the problem that keeps it from being written. */
    record Checked(byte[] bytes, Optional<Diagnostic> problem) {
    }

    static Checked check(Page page, byte[] rendered) {
        PageFormat format = page.format();
        Position at = Position.startOf(SourceLayout.TEMPLATES + "/" + page.template());
        switch (format) {
            case JSON -> {
                try {
                    JSON.readTree(rendered);
                } catch (JsonProcessingException e) {
                    JsonLocation where = e.getLocation();
                    String place = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr() + " of the page";
                    return problem(at, "page " + page.address() + " is not valid JSON: " + inWords(e) + place
                            + "; print text inside quotes (\"${entry.title}\") and lists and hashes with ${json(...)}");
                } catch (IOException e) {
                    return problem(at, "page " + page.address() + " is not valid JSON: " + e.getMessage());
                }
                return new Checked(rendered, Optional.empty());
            }
            case TEXT, CALENDAR -> {
                String text = new String(rendered, StandardCharsets.UTF_8);
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7f) {
                        return problem(at, "page " + page.address() + " holds the control character "
                                + String.format(Locale.ROOT, "U+%04X", (int) c) + ", which " + format.description()
                                + " may not hold; remove what prints it");
                    }
                }
                return new Checked(format == PageFormat.CALENDAR ? calendarLines(text).getBytes(StandardCharsets.UTF_8) : rendered,
                        Optional.empty());
            }
            case HTML -> {
                Optional<UnsafeAddresses.Found> unsafe = UnsafeAddresses.find(rendered);
                if (unsafe.isPresent()) {
                    UnsafeAddresses.Found found = unsafe.get();
                    return new Checked(null, Optional.of(Diagnostic.error(DiagnosticCode.UNSAFE_LINK, at, "the page would have "
                            + found.attribute() + "=\"" + found.value() + "\": " + LinkSchemes.refusal(found.scheme())
                            + "; it comes from this template or from a value it prints (a field, a shortcode's argument)")));
                }
                return new Checked(rendered, Optional.empty());
            }
            default -> {
                return new Checked(rendered, Optional.empty());
            }
        }
    }

    /**
     * Jackson's complaint, without the names of its Java classes and settings that some of its
     * messages carry ("bound as `com.fasterxml...JsonNode`", "`StreamReadConstraints...`").
     */
    private static String inWords(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "its lists and hashes are nested more than " + StreamReadConstraints.DEFAULT_MAX_DEPTH + " deep";
        }
        if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Trailing token")) {
            return "more follows its first value (a JSON file is one value, such as one {...})";
        }
        return e.getOriginalMessage();
    }

    private static Checked problem(Position at, String message) {
        return new Checked(null, Optional.of(Diagnostic.error(DiagnosticCode.PAGE_OUTPUT, at, message)));
    }

    /**
     * iCalendar lines: each ended by CRLF, and one longer than 75 octets folded onto lines that
     * start with a space, never inside a character (RFC 5545, 3.1). Blank lines are dropped: the
     * format has none, and templates make them around their directives.
     */
    static String calendarLines(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 32);
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > LONGEST_CALENDAR_LINE) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
