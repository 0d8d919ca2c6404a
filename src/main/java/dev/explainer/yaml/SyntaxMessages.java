package dev.explainer.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SnakeYAML's syntax errors in an editor's words, at the line the editor has to change.
 *
 * <p>SnakeYAML names what its parser expected ({@code expected <block end>, but found
 * '<scalar>'}) and where it noticed, which is often a line after the mistake: a field written
 * without its ':' is read as text that goes on into the next line, and only the next line's ':'
 * breaks it. The common cases are recognised from the error and the lines around it; anything
 * else keeps SnakeYAML's own words.
 */
final class SyntaxMessages {
    private static final Pattern CANNOT_START = Pattern.compile("found character '(.+?)' that cannot start any token");
    private static final Pattern UNKNOWN_ESCAPE = Pattern.compile("found unknown escape character (.)");
    private static final Pattern UNDEFINED_ALIAS = Pattern.compile("found undefined alias (.*)");
    private static final int QUOTED_LENGTH = 40;
    /** The line breaks SnakeYAML counts, so that its marks and these lines agree. */
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\r\n\u0085\u2028\u2029]");

    private final String[] lines;
    /** The file's line at which the YAML text starts: messages that name another line use the file's numbers. */
    private final int firstLine;

    private SyntaxMessages(String yaml, int firstLine) {
        this.lines = LINE_BREAK.split(yaml, -1);
        this.firstLine = firstLine;
    }

    /** A message and where it points, as 0-based line and column within the YAML text. */
    record Located(int line, int column, String message) {
    }

    /**
     * @param yaml      the YAML text SnakeYAML read
     * @param firstLine the 1-based line of the file at which {@code yaml} starts
     */
    static Located describe(String yaml, int firstLine, MarkedYAMLException e) {
        return new SyntaxMessages(yaml, firstLine).describe(e);
    }

    private Located describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        Mark at = e.getProblemMark();
        Mark opened = e.getContextMark();
        int line = at == null ? 0 : Math.min(at.getLine(), lines.length - 1);
        int column = at == null ? 0 : Math.min(at.getColumn(), lines[line].length());

        if (problem.contains("\\t(TAB)") || problem.contains("found a tab character")) {
            return new Located(line, column, "a tab character: YAML allows only spaces to indent and to separate a field's name"
                    + " from its value; replace the tab with spaces");
        }
        Matcher cannotStart = CANNOT_START.matcher(problem);
        if (cannotStart.find()) {
            String character = cannotStart.group(1);
            return new Located(line, column, "a value cannot start with '" + character + "' unless it is in quotes; write "
                    + example(lines[line].substring(column).strip()));
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return colonInValue(line, column);
        }
        if (problem.startsWith("could not find expected ':'") && opened != null) {
            return missingColon(opened.getLine());
        }
        if (context.startsWith("while scanning a quoted scalar") && opened != null && problem.contains("end of stream")) {
            char quote = charAt(opened);
            return new Located(opened.getLine(), opened.getColumn(), "the quotation mark " + quote + " here is never closed; add a "
                    + quote + " at the end of the value");
        }
        Matcher escape = UNKNOWN_ESCAPE.matcher(problem);
        if (escape.find()) {
            return new Located(line, Math.max(0, column - 1), "'\\" + escape.group(1) + "' is not an escape YAML knows in"
                    + " double quotes; write a backslash as '\\\\', or put the value in single quotes");
        }
        if (context.startsWith("while parsing a flow sequence") && opened != null) {
            return new Located(opened.getLine(), opened.getColumn(), "the list opened with '[' here is not closed; end it with ']'"
                    + " on this line, and separate its items with ', '");
        }
        if (context.startsWith("while parsing a flow mapping") && opened != null) {
            return new Located(opened.getLine(), opened.getColumn(), "the mapping opened with '{' here is not closed; end it with '}'"
                    + " on this line, and separate its fields with ', '");
        }
        if ((context.startsWith("while scanning an alias") || context.startsWith("while scanning an anchor")) && opened != null) {
            char sign = charAt(opened);
            return new Located(opened.getLine(), opened.getColumn(), "a value that starts with '" + sign + "' is read as a YAML "
                    + (sign == '*' ? "alias" : "anchor") + "; put the value in quotes");
        }
        Matcher undefined = UNDEFINED_ALIAS.matcher(problem);
        if (undefined.find()) {
            return new Located(line, column, "'*" + undefined.group(1) + "' is read as a YAML alias, but no value is marked '&"
                    + undefined.group(1) + "'; to write text that starts with '*', put it in quotes");
        }
        if (context.startsWith("while scanning a block scalar") && problem.startsWith("expected a comment or a line break")) {
            return new Located(line, column, "nothing may follow '|' or '>' on its line; start the text on the next line, indented");
        }
        if (problem.startsWith("expected <block end>") && opened != null
                && (context.startsWith("while parsing a block mapping") || context.startsWith("while parsing a block collection"))) {
            return blockEnd(line, column, opened, context.startsWith("while parsing a block mapping"));
        }
        String message = "YAML syntax error: " + (problem.isEmpty() ? "invalid YAML" : problem);
        if (!context.isBlank() && !problem.contains(context)) {
            message += " (" + context + ")";
        }
        return new Located(line, column, message);
    }

    /**
     * A ':' that YAML read inside a value. If the line already has a field, the value holds a
     * ': ' of its own. Otherwise the text holding this ':' began on an earlier line: a line
     * without its ':' (the text went on into this line), or a field indented unlike the one above
     * (YAML took it for more of that field's value).
     */
    private Located colonInValue(int line, int column) {
        String text = line(line);
        int start = contentStart(text);
        int key = keyEnd(text, start);
        if (key >= 0 && key < column) {
            int value = valueStart(text, key);
            return new Located(line, value, "this value contains ': ', which YAML reads as the start of another field;"
                    + " put the whole value in quotes: " + text.substring(start, key + 1) + " "
                    + example(text.substring(value).strip()));
        }
        int above = previousContent(line);
        int fieldLine = above;
        while (fieldLine >= 0 && keyEnd(line(fieldLine), contentStart(line(fieldLine))) < 0) {
            fieldLine = previousContent(fieldLine);
        }
        if (fieldLine >= 0 && continues(fieldLine, line)) {
            String field = line(fieldLine);
            int fieldColumn = contentStart(field);
            String name = field.substring(fieldColumn, keyEnd(field, fieldColumn));
            String hint = hasInlineValue(field, fieldColumn)
                    ? " (or, if it goes on with the value of '" + name + "', put that whole value in quotes)" : "";
            return new Located(line, start, "wrong indentation: '" + firstWord(text, start) + "' starts at column " + (start + 1)
                    + ", but '" + name + "' on line " + (firstLine + fieldLine) + " starts at column " + (fieldColumn + 1)
                    + "; start it at column " + (fieldColumn + 1) + hint);
        }
        if (above >= 0) {
            int first = above;
            int earlier = previousContent(first);
            while (earlier > fieldLine) {
                first = earlier;
                earlier = previousContent(first);
            }
            return missingColon(first);
        }
        return new Located(line, column, "this ':' cannot stand here; if it belongs to the value, put the whole value in quotes");
    }

    /**
     * Whether the lines after the field on {@code fieldLine} up to {@code line} continue its
     * value: it has a value on its own line and each line below is indented more than it.
     */
    private boolean continues(int fieldLine, int line) {
        int fieldColumn = contentStart(line(fieldLine));
        boolean inline = hasInlineValue(line(fieldLine), fieldColumn);
        for (int i = nextContent(fieldLine); i >= 0 && i < line; i = nextContent(i)) {
            if (!inline || contentStart(line(i)) <= fieldColumn) {
                return false;
            }
        }
        return true;
    }

    /** A line that is plain text where a field was expected: it lacks the ':' after the field's name. */
    private Located missingColon(int line) {
        String text = line(line);
        int start = contentStart(text);
        String content = stripComment(text.substring(start)).strip();
        int space = content.indexOf(' ');
        String fixed = space < 0 ? content + ": ..." : content.substring(0, space) + ": " + content.substring(space + 1).strip();
        return new Located(line, start, "'" + shorten(content) + "' has no ':' after the field's name; write it as '"
                + shorten(fixed) + "'");
    }

    /** A line whose indentation ends the list or mapping above it, without matching any level of it. */
    private Located blockEnd(int line, int column, Mark opened, boolean mapping) {
        String text = line(line);
        int start = text.length() - text.stripLeading().length();
        int expected = opened.getColumn();
        boolean startsLine = column <= start;
        if (!startsLine) {
            char found = column < text.length() ? text.charAt(column) : ' ';
            if (found == ']' || found == '}') {
                return new Located(line, column, "this '" + found + "' closes nothing: no '" + (found == ']' ? '[' : '{')
                        + "' is open here; remove it");
            }
            String before = text.substring(0, column).stripTrailing();
            if (before.endsWith("\"") || before.endsWith("'")) {
                return new Located(line, column, "text after the closing quotation mark: a quoted value ends at its closing quote;"
                        + " put all of the value inside the quotes (inside single quotes, write a ' as '')");
            }
            return new Located(line, column, "unexpected text after the end of the value; put the whole value in quotes");
        }
        boolean item = text.startsWith("-", start);
        if (column == expected) {
            return new Located(line, column, item
                    ? "a list item ('- ') cannot follow fields at the same indentation; put the list under a field of its own,"
                            + " indented"
                    : "a field cannot follow list items at the same indentation; start it with '- ' to make it an item, or"
                            + " indent it under an item");
        }
        return new Located(line, column, "wrong indentation: '" + firstWord(text, start) + "' starts at column " + (column + 1)
                + ", but the " + (mapping ? "fields" : "items") + " above it, from line " + (firstLine + opened.getLine())
                + ", start at column " + (expected + 1) + "; start it at column " + (expected + 1));
    }

    /** The character at a mark, or '?' if the mark is not inside the text (as a mark at its end is not). */
    private char charAt(Mark mark) {
        String text = line(mark.getLine());
        return mark.getColumn() < text.length() ? text.charAt(mark.getColumn()) : '?';
    }

    /** A line of the text; empty beyond its end. */
    private String line(int index) {
        return index >= 0 && index < lines.length ? lines[index] : "";
    }

    private static String example(String value) {
        String quoted = value.contains("\"") ? "'" + value.replace("'", "''") + "'" : "\"" + value + "\"";
        return shorten(quoted);
    }

    private static String firstWord(String text, int start) {
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

    private static String shorten(String text) {
        return text.length() <= QUOTED_LENGTH ? text : text.substring(0, QUOTED_LENGTH - 1) + "…";
    }

    /** Where a line's content starts: after its indentation and any list markers ("- "). */
    private static int contentStart(String text) {
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
    private static int keyEnd(String text, int start) {
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

    private static int valueStart(String text, int keyEnd) {
        int i = keyEnd + 1;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean hasInlineValue(String text, int start) {
        int key = keyEnd(text, start);
        return key >= 0 && !stripComment(text.substring(key + 1)).isBlank();
    }

    private static String stripComment(String text) {
        int hash = text.indexOf(" #");
        return hash < 0 ? text : text.substring(0, hash);
    }

    private static boolean isContent(String text) {
        String stripped = text.strip();
        return !stripped.isEmpty() && !stripped.startsWith("#");
    }

    private int previousContent(int line) {
        for (int i = line - 1; i >= 0; i--) {
            if (isContent(line(i))) {
                return i;
            }
        }
        return -1;
    }

    private int nextContent(int line) {
        for (int i = line + 1; i < lines.length; i++) {
            if (isContent(line(i))) {
                return i;
            }
        }
        return -1;
    }
}
