package dev.explainer.load;

import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.text.SourceFile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A stylesheet without its comments, every other byte kept, whitespace included. Comments are
 * notes for whoever maintains the stylesheet, yet every reader downloads them, and a page with its
 * stylesheets should fit the first round trip (14 KB gzipped).
 *
 * <p>Comments are found as the tokenizer of CSS Syntax Level 3 finds them: {@code /*} inside a
 * string ({@code "…"}, {@code '…'}, backslash escapes included) or an unquoted {@code url(…)}
 * starts no comment. So the tokens are followed as far as that takes: identifiers (escapes
 * decoded, since {@code \75rl(} opens a URL too), numbers and their units, hashes and at-keywords
 * (neither {@code 12url(} nor {@code #url(} opens one). The bytes are read as the tokenizer reads
 * code points: every byte of a UTF-8 sequence is at or above 0x80, as every non-ASCII code point,
 * which CSS counts as a letter of a name, and every character the syntax gives a meaning is ASCII.
 *
 * <p>Where two tokens touch only through comments ({@code a/* x *}{@code /b}), removing them would
 * join the two into one, so an empty comment stays between them, as CSS serializers write it.
 * A comment left open runs, for a browser, to the end of the file: most likely a mistake, so the
 * file is published as it is and a warning points at the comment.
 */
final class CssComments {
    /** Between two tokens that would otherwise become one. */
    private static final byte[] EMPTY_COMMENT = {'/', '*', '*', '/'};

    private final byte[] css;
    private int at;
    /** Whether the last token ends so that nothing after it can join it: whitespace, a bracket, a string, a URL. */
    private boolean separated = true;

    private CssComments(byte[] css) {
        this.css = css;
    }

    /**
     * {@code css}, the stylesheet at {@code path}, without its comments; the same bytes, and a
     * warning in {@code problems}, if its last comment is not closed.
     */
    static byte[] strip(String path, byte[] css, Diagnostics problems) {
        return new CssComments(css).strip(path, problems);
    }

    private byte[] strip(String path, Diagnostics problems) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream(css.length);
        if (startsWith(0, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) {
            at = 3; // a byte order mark, which decoding removes before the tokenizer sees anything
        }
        int copied = 0;
        while (at < css.length) {
            if (!startsComment(at)) {
                token();
                continue;
            }
            int start = at;
            while (startsComment(at)) {
                int close = indexOfClose(at + 2);
                if (close < 0) {
                    problems.warning(DiagnosticCode.STYLESHEET_COMMENT, positionOf(path, at), "this comment is not closed, so"
                            + " browsers ignore the rest of the stylesheet; close it with */ (until then the stylesheet is published"
                            + " with its comments)");
                    return css;
                }
                at = close + 2;
            }
            kept.write(css, copied, start - copied);
            if (!separated && !(at == css.length || separates(css[at]))) {
                kept.writeBytes(EMPTY_COMMENT);
            }
            copied = at;
        }
        if (copied == 0) {
            return css;
        }
        kept.write(css, copied, css.length - copied);
        return kept.toByteArray();
    }

    /** Consumes the token at {@code at}, as CSS Syntax Level 3, §4.3.1, does (comments aside). */
    private void token() {
        byte b = css[at];
        if (isWhitespace(b)) {
            while (at < css.length && isWhitespace(css[at])) {
                at++;
            }
            separated = true;
        } else if (b == '"' || b == '\'') {
            string(b);
            separated = true;
        } else if (b == '(' || b == ')' || b == '[' || b == ']' || b == '{' || b == '}' || b == ',' || b == ':' || b == ';') {
            at++;
            separated = true;
        } else if (startsNumber(at)) {
            number();
        } else if (startsWith(at, new byte[]{'<', '!', '-', '-'})) {
            at += 4;
            separated = false;
        } else if (startsWith(at, new byte[]{'-', '-', '>'})) {
            at += 3;
            separated = false;
        } else if (startsName(at)) {
            nameOrUrl();
        } else if (b == '#' && at + 1 < css.length && (isNameByte(css[at + 1]) || isEscape(at + 1))) {
            at++;
            name();
            separated = false;
        } else if (b == '@' && startsName(at + 1)) {
            at++;
            name();
            separated = false;
        } else {
            at++; // a delimiter; every byte of a non-ASCII character starts a name instead
            separated = false;
        }
    }

    /** A string, from its opening quote to its closing one, or to a line break, which ends it unclosed. */
    private void string(byte quote) {
        at++;
        while (at < css.length) {
            byte b = css[at];
            if (b == quote) {
                at++;
                return;
            }
            if (b == '\n' || b == '\r' || b == '\f') {
                return;
            }
            if (b == '\\' && at + 1 < css.length && isLineBreak(css[at + 1])) {
                at = afterLineBreak(at + 1);
            } else if (b == '\\') {
                escape();
            } else {
                at++;
            }
        }
    }

    /** A number with what may follow it: a unit (a name: {@code 12url(} opens no URL) or {@code %}. */
    private void number() {
        if (css[at] == '+' || css[at] == '-') {
            at++;
        }
        digits();
        if (at + 1 < css.length && css[at] == '.' && isDigit(css[at + 1])) {
            at++;
            digits();
        }
        if (at + 1 < css.length && (css[at] == 'e' || css[at] == 'E')) {
            int exponent = at + 1 < css.length && (css[at + 1] == '+' || css[at + 1] == '-') ? at + 2 : at + 1;
            if (exponent < css.length && isDigit(css[exponent])) {
                at = exponent;
                digits();
            }
        }
        if (startsName(at)) {
            name();
        } else if (at < css.length && css[at] == '%') {
            at++;
        }
        separated = false;
    }

    private void digits() {
        while (at < css.length && isDigit(css[at])) {
            at++;
        }
    }

    /** A name, which may be a function's ({@code rgb(}), or {@code url(} followed by an unquoted URL. */
    private void nameOrUrl() {
        boolean url = name().equalsIgnoreCase("url");
        if (at >= css.length || css[at] != '(') {
            separated = false;
            return;
        }
        at++;
        separated = true;
        if (!url) {
            return;
        }
        while (at < css.length && isWhitespace(css[at])) {
            at++;
        }
        if (at < css.length && (css[at] == '"' || css[at] == '\'')) {
            return; // url("…"): a function whose argument is a string
        }
        // Unquoted, it ends at the first ')' that no backslash escapes, even if it is malformed before.
        while (at < css.length && css[at] != ')') {
            if (isEscape(at)) {
                escape();
            } else {
                at++;
            }
        }
        at = Math.min(css.length, at + 1);
    }

    /**
     * Consumes the letters, digits, hyphens, underscores and escapes of a name; returns it, as far
     * as it can be {@code url}: its ASCII letters, anything else as {@code ?}.
     */
    private String name() {
        StringBuilder name = new StringBuilder();
        while (at < css.length) {
            if (isNameByte(css[at])) {
                name.append(name.length() < 4 && css[at] > 0 ? (char) css[at] : '?');
                at++;
            } else if (isEscape(at)) {
                int codePoint = escape();
                name.append(name.length() < 4 && codePoint < 0x80 ? (char) codePoint : '?');
            } else {
                break;
            }
        }
        return name.toString();
    }

    /**
     * Consumes the escape at {@code at} (a backslash not followed by a line break): up to six hex
     * digits and one whitespace after them, or the character after the backslash; returns the code
     * point it stands for, or -1 if it is not ASCII.
     */
    private int escape() {
        at++;
        if (at >= css.length) {
            return 0xFFFD;
        }
        if (!isHexDigit(css[at])) {
            int codePoint = css[at] < 0 ? -1 : css[at];
            at++;
            return codePoint;
        }
        int end = Math.min(css.length, at + 6);
        int value = 0;
        while (at < end && isHexDigit(css[at])) {
            value = value * 16 + Character.digit(css[at], 16);
            at++;
        }
        if (at < css.length && isWhitespace(css[at])) {
            at = isLineBreak(css[at]) ? afterLineBreak(at) : at + 1;
        }
        return value == 0 || value >= 0x80 ? -1 : value;
    }

    /** CSS Syntax Level 3, §4.3.9: "check if three code points would start an ident sequence". */
    private boolean startsName(int from) {
        if (from >= css.length) {
            return false;
        }
        byte b = css[from];
        if (b == '-') {
            return from + 1 < css.length && (isNameStart(css[from + 1]) || css[from + 1] == '-' || isEscape(from + 1));
        }
        return isNameStart(b) || isEscape(from);
    }

    /** §4.3.10: "check if three code points would start a number". */
    private boolean startsNumber(int from) {
        byte b = css[from];
        if (b == '+' || b == '-') {
            from++;
            if (from >= css.length) {
                return false;
            }
            b = css[from];
        }
        if (isDigit(b)) {
            return true;
        }
        return b == '.' && from + 1 < css.length && isDigit(css[from + 1]);
    }

    /** §4.3.8: a backslash not followed by a line break. */
    private boolean isEscape(int from) {
        return from < css.length && css[from] == '\\' && (from + 1 >= css.length || !isLineBreak(css[from + 1]));
    }

    private boolean startsComment(int from) {
        return from + 1 < css.length && css[from] == '/' && css[from + 1] == '*';
    }

    private int indexOfClose(int from) {
        for (int i = from; i + 1 < css.length; i++) {
            if (css[i] == '*' && css[i + 1] == '/') {
                return i;
            }
        }
        return -1;
    }

    private boolean startsWith(int from, byte[] prefix) {
        if (from + prefix.length > css.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (css[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** After the line break at {@code from}, CR LF counting as one, as the input's preprocessing makes it. */
    private int afterLineBreak(int from) {
        return css[from] == '\r' && from + 1 < css.length && css[from + 1] == '\n' ? from + 2 : from + 1;
    }

    /** Where the byte at {@code offset} is, in lines and characters, as every other message counts them. */
    private Position positionOf(String path, int offset) {
        String before = new String(css, 0, offset, StandardCharsets.UTF_8);
        return new SourceFile(path, before).positionOf(before.length());
    }

    /** A byte after comments that no token before them can take in: whitespace, a bracket but '(', a separator, a quote. */
    private static boolean separates(byte b) {
        return isWhitespace(b) || b == ')' || b == '[' || b == ']' || b == '{' || b == '}' || b == ',' || b == ':' || b == ';'
                || b == '"' || b == '\'';
    }

    /** A letter, '_', a non-ASCII byte, or NUL (which the input's preprocessing makes U+FFFD). */
    private static boolean isNameStart(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_' || b < 0 || b == 0;
    }

    private static boolean isNameByte(byte b) {
        return isNameStart(b) || isDigit(b) || b == '-';
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isHexDigit(byte b) {
        return isDigit(b) || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }

    private static boolean isLineBreak(byte b) {
        return b == '\n' || b == '\r' || b == '\f';
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || isLineBreak(b);
    }
}
