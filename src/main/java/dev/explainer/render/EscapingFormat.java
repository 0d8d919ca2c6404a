package dev.explainer.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import freemarker.template.TemplateModelException;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The output formats of pages that are not HTML or XML, each escaping what {@code ${...}} prints
 * for its kind of file: inside a JSON string, as iCalendar text, or not at all in plain text. Every
 * one refuses control characters that its file cannot hold, at the {@code ${...}} that prints them.
 */
final class EscapingFormat extends CommonMarkupOutputFormat<EscapingFormat.Text> {
    /** For {@code .json.ftl}: {@code "title": "${entry.title}"} stays valid JSON whatever the title holds. */
    static final EscapingFormat JSON = new EscapingFormat("JSON string", "application/json", Kind.JSON);
    /** For {@code .ics.ftl}: {@code SUMMARY:${entry.title}} with '\', ';', ',' and line breaks escaped as RFC 5545 says. */
    static final EscapingFormat CALENDAR = new EscapingFormat("iCalendar text", "text/calendar", Kind.CALENDAR);
    /** For {@code .txt.ftl}: text as it is, but no control character other than tab and line break. */
    static final EscapingFormat TEXT = new EscapingFormat("plain text", "text/plain", Kind.TEXT);

    private enum Kind { JSON, CALENDAR, TEXT }

    private final String name;
    private final String mimeType;
    private final Kind kind;

    private EscapingFormat(String name, String mimeType, Kind kind) {
        this.name = name;
        this.mimeType = mimeType;
        this.kind = kind;
    }

    /** Text printed into a page of one of these formats: its plain source, or its escaped form, or both. */
    static final class Text extends CommonTemplateMarkupOutputModel<Text> {
        private final EscapingFormat format;

        private Text(EscapingFormat format, String plainText, String markup) {
            super(plainText, markup);
            this.format = format;
        }

        @Override
        public EscapingFormat getOutputFormat() {
            return format;
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getMimeType() {
        return mimeType;
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Text newTemplateMarkupOutputModel(String plainText, String markup) {
        return new Text(this, plainText, markup);
    }

    @Override
    public void output(String textToEscape, Writer out) throws IOException, TemplateModelException {
        out.write(escapePlainText(textToEscape));
    }

    @Override
    public String escapePlainText(String text) throws TemplateModelException {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (kind) {
                case JSON -> {
                    switch (c) {
                        case '"' -> escaped.append("\\\"");
                        case '\\' -> escaped.append("\\\\");
                        case '\n' -> escaped.append("\\n");
                        case '\r' -> escaped.append("\\r");
                        case '\t' -> escaped.append("\\t");
                        default -> {
                            if (c < 0x20 || c == 0x7f) {
                                escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                            } else {
                                escaped.append(c);
                            }
                        }
                    }
                }
                case CALENDAR -> {
                    switch (c) {
                        case '\\' -> escaped.append("\\\\");
                        case ';' -> escaped.append("\\;");
                        case ',' -> escaped.append("\\,");
                        case '\n' -> escaped.append("\\n");
                        case '\r' -> { } // a line break is its '\n'
                        default -> escaped.append(refusingControl(c));
                    }
                }
                case TEXT -> escaped.append(c == '\n' || c == '\t' ? c : refusingControl(c));
            }
        }
        return escaped.toString();
    }

    private char refusingControl(char c) throws TemplateModelException {
        if (c < 0x20 && c != '\t' || c == 0x7f) {
            throw new TemplateModelException("the text holds the control character " + String.format(Locale.ROOT, "U+%04X", (int) c)
                    + ", which " + (kind == Kind.TEXT ? "a plain-text file" : "an iCalendar file") + " may not hold; remove it");
        }
        return c;
    }
}
