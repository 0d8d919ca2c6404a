package dev.explainer.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import static dev.explainer.yaml.YamlLines.contentStart;
import static dev.explainer.yaml.YamlLines.firstWord;
import static dev.explainer.yaml.YamlLines.hasInlineValue;
import static dev.explainer.yaml.YamlLines.keyEnd;
import static dev.explainer.yaml.YamlLines.stripComment;
import static dev.explainer.yaml.YamlLines.valueStart;

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
    private final YamlLines lines;
    /** The file's line at which the YAML text starts: messages that name another line use the file's numbers. */
    private final int firstLine;

    private SyntaxMessages(String yaml, int firstLine) {
        this.lines = new YamlLines(yaml);
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
        int line = at == null ? 0 : Math.min(at.getLine(), lines.count() - 1);
        int column = at == null ? 0 : Math.min(at.getColumn(), lines.line(line).length());

        if (problem.contains("\\t(TAB)") || problem.contains("found a tab character")) {
            return new Located(line, column, "a tab character: YAML allows only spaces to indent and to separate a field's name"
                    + " from its value; replace the tab with spaces");
        }
        Matcher cannotStart = CANNOT_START.matcher(problem);
        if (cannotStart.find()) {
            String character = cannotStart.group(1);
            return new Located(line, column, "a value cannot start with '" + character + "' unless it is in quotes; write "
                    + example(lines.line(line).substring(column).strip()));
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return colonInValue(line, column);
        }
        if (problem.startsWith("could not find expected ':'") && opened != null) {
            return missingColon(opened.getLine());
        }
        if (context.startsWith("while scanning a quoted scalar") && opened != null && problem.contains("end of stream")) {
            char quote = lines.charAt(opened);
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
        if (context.startsWith("while parsing a flow mapping") && at != null && lines.charAt(at) == '['
                && column > 0 && lines.line(line).charAt(column - 1) != ' ') {
            // A path such as a[].b written as a key of a {...} mapping, where '[' opens a list.
            return new Located(line, column, "'[' in the middle of a key or value opens a list inside this '{...}' mapping;"
                    + " put that key or value in quotes, such as \"items[].name\": ..., or write the mapping one key a line");
        }
        if (context.startsWith("while parsing a flow mapping") && opened != null) {
            return new Located(opened.getLine(), opened.getColumn(), "the mapping opened with '{' here is not closed; end it with '}'"
                    + " on this line, and separate its fields with ', '");
        }
        if ((context.startsWith("while scanning an alias") || context.startsWith("while scanning an anchor")) && opened != null) {
            char sign = lines.charAt(opened);
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
        String text = lines.line(line);
        int start = contentStart(text);
        int key = keyEnd(text, start);
        if (key >= 0 && key < column) {
            int value = valueStart(text, key);
            return new Located(line, value, "this value contains ': ', which YAML reads as the start of another field;"
                    + " put the whole value in quotes: " + text.substring(start, key + 1) + " "
                    + example(text.substring(value).strip()));
        }
        int above = lines.previousContent(line);
        int fieldLine = above;
        while (fieldLine >= 0 && keyEnd(lines.line(fieldLine), contentStart(lines.line(fieldLine))) < 0) {
            fieldLine = lines.previousContent(fieldLine);
        }
        if (fieldLine >= 0 && continues(fieldLine, line)) {
            String field = lines.line(fieldLine);
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
            int earlier = lines.previousContent(first);
            while (earlier > fieldLine) {
                first = earlier;
                earlier = lines.previousContent(first);
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
        int fieldColumn = contentStart(lines.line(fieldLine));
        boolean inline = hasInlineValue(lines.line(fieldLine), fieldColumn);
        for (int i = lines.nextContent(fieldLine); i >= 0 && i < line; i = lines.nextContent(i)) {
            if (!inline || contentStart(lines.line(i)) <= fieldColumn) {
                return false;
            }
        }
        return true;
    }

    /** A line that is plain text where a field was expected: it lacks the ':' after the field's name. */
    private Located missingColon(int line) {
        String text = lines.line(line);
        int start = contentStart(text);
        String content = stripComment(text.substring(start)).strip();
        int space = content.indexOf(' ');
        String fixed = space < 0 ? content + ": ..." : content.substring(0, space) + ": " + content.substring(space + 1).strip();
        return new Located(line, start, "'" + shorten(content) + "' has no ':' after the field's name; write it as '"
                + shorten(fixed) + "'");
    }

    /** A line whose indentation ends the list or mapping above it, without matching any level of it. */
    private Located blockEnd(int line, int column, Mark opened, boolean mapping) {
        String text = lines.line(line);
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

    private static String example(String value) {
        String quoted = value.contains("\"") ? "'" + value.replace("'", "''") + "'" : "\"" + value + "\"";
        return shorten(quoted);
    }

    private static String shorten(String text) {
        return text.length() <= QUOTED_LENGTH ? text : text.substring(0, QUOTED_LENGTH - 1) + "…";
    }
}
