package dev.explainer.yaml;

import org.yaml.snakeyaml.error.Mark;

import java.util.regex.Pattern;

/**
 * A YAML text as an editor sees its lines: where a line's content starts, whether it is a field
 * and where its name ends, and the nearest lines above and below that hold something (not blank,
 * not only a comment). {@link SyntaxMessages} reads them to tell what a line was meant to be.
 */
final class YamlLines {
    /** The line breaks SnakeYAML counts, so that its marks and these lines agree. */
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\r\n\u0085\u2028\u2029]");

    private final String[] lines;

    YamlLines(String yaml) {
        this.lines = LINE_BREAK.split(yaml, -1);
    }

    int count() {
        return lines.length;
    }

    /** The character at a mark, or '?' if the mark is not inside the text (as a mark at its end is not). */
    char charAt(Mark mark) {
        String text = line(mark.getLine());
        return mark.getColumn() < text.length() ? text.charAt(mark.getColumn()) : '?';
    }

    /** A line of the text; empty beyond its end. */
    String line(int index) {
        return index >= 0 && index < lines.length ? lines[index] : "";
    }

    /** The word that starts at {@code start}, up to a ':' or a space; a list marker with the word after it. */
    static String firstWord(String text, int start) {
        int end = start;
        while (end < text.length() && text.charAt(end) != ':' && text.charAt(end) != ' ') {
            end++;
        }
        String word = text.substring(start, end);
        if (word.equals("-")) {
            int next = contentStart(text);
            return next > start ? "- " + firstWord(text, next) : word;
        }
        return word;
    }

    /** Where a line's content starts: after its indentation and any list markers ("- "). */
    static int contentStart(String text) {
        int i = 0;
        while (true) {
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '-' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                i++;
                continue;
            }
            return i;
        }
    }

    /** The index of the ':' that ends a field's name starting at {@code start}, or -1 if the line is no field. */
    static int keyEnd(String text, int start) {
        if (start < text.length() && (text.charAt(start) == '"' || text.charAt(start) == '\'')) {
            int close = text.indexOf(text.charAt(start), start + 1);
            return close > 0 && close + 1 < text.length() && text.charAt(close + 1) == ':' ? close + 1 : -1;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '#' && i > start && text.charAt(i - 1) == ' ') {
                return -1;
            }
            if (c == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return i > start ? i : -1;
            }
        }
        return -1;
    }

    /** Where the value of the field whose name ends at {@code keyEnd} starts. */
    static int valueStart(String text, int keyEnd) {
        int i = keyEnd + 1;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Whether the field starting at {@code start} has its value on its own line (not only below it). */
    static boolean hasInlineValue(String text, int start) {
        int key = keyEnd(text, start);
        return key >= 0 && !stripComment(text.substring(key + 1)).isBlank();
    }

    /** The text without a comment at its end. */
    static String stripComment(String text) {
        int hash = text.indexOf(" #");
        return hash < 0 ? text : text.substring(0, hash);
    }

    private static boolean isContent(String text) {
        String stripped = text.strip();
        return !stripped.isEmpty() && !stripped.startsWith("#");
    }

    /** The nearest line above {@code line} that holds more than a comment, or -1. */
    int previousContent(int line) {
        for (int i = line - 1; i >= 0; i--) {
            if (isContent(line(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The nearest line below {@code line} that holds more than a comment, or -1. */
    int nextContent(int line) {
        for (int i = line + 1; i < lines.length; i++) {
            if (isContent(line(i))) {
                return i;
            }
        }
        return -1;
    }
}
