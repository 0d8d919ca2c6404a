package dev.explainer.text;

import java.util.Locale;

/**
 * The characters that no text of a site may hold, however they are written: HTML forbids them in
 * a page and XML in a feed (one of them makes the whole feed unreadable), and in a terminal they
 * can move the cursor, retitle the window or clear it.
 *
 * <p>They are the control characters (C0 but tab, line feed and carriage return; DEL; C1), the
 * Unicode noncharacters (U+FDD0 to U+FDEF, and the last two code points of every plane, such as
 * U+FFFE) and lone surrogates, which are halves of a pair and no character at all.
 */
public final class ForbiddenCharacters {
    private ForbiddenCharacters() {
    }

    public static boolean isForbidden(int codePoint) {
        if (codePoint < 0x20) {
            return codePoint != '\t' && codePoint != '\n' && codePoint != '\r';
        }
        return (codePoint >= 0x7F && codePoint <= 0x9F) || isNoncharacter(codePoint)
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
    }

    static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    /** The offset of the first forbidden character at or after {@code from}, or -1. */
    public static int indexOf(CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            // Most text is printable ASCII or ordinary letters: one comparison each.
            if ((c >= 0x20 && c < 0x7F) || (c > 0x9F && c < 0xD800)) {
                continue;
            }
            int codePoint = Character.codePointAt(text, i);
            if (isForbidden(codePoint)) {
                return i;
            }
            if (Character.isSupplementaryCodePoint(codePoint)) {
                i++;
            }
        }
        return -1;
    }

    /** The offset of the next forbidden character after the one at {@code at}, or -1. */
    public static int indexAfter(CharSequence text, int at) {
        return indexOf(text, at + Character.charCount(Character.codePointAt(text, at)));
    }

    /**
     * What the character is, for a message: {@code control character U+001B},
     * {@code noncharacter U+FFFE} or {@code lone surrogate U+D800}.
     */
    public static String describe(int codePoint) {
        String kind = codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE ? "lone surrogate"
                : isNoncharacter(codePoint) ? "noncharacter" : "control character";
        return kind + " " + codePointName(codePoint);
    }

    /** {@code U+001B}, as the Unicode standard names code points. */
    public static String codePointName(int codePoint) {
        return "U+" + String.format(Locale.ROOT, "%04X", codePoint);
    }
}
