package dev.explainer.render;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A writer that encodes straight into a growing UTF-8 byte array, for rendering pages: no
 * intermediate string, one copy at the end. One is kept per rendering thread and reset between
 * pages, so its array grows to the largest page once instead of being allocated per page.
 */
final class Utf8Output extends Writer {
    /** From this length on, a string is encoded by the JDK in one go (below, the copy costs more). */
    private static final int BULK = 256;
    private byte[] bytes = new byte[32 * 1024];
    private int size;
    /** A high surrogate written on its own, waiting for the low one that completes it. */
    private char pendingHigh;

    void reset() {
        size = 0;
        pendingHigh = 0;
    }

    /** The bytes written since the last reset, as a new array. */
    byte[] toByteArray() {
        if (pendingHigh != 0) {
            encode(pendingHigh, (char) 0, 0); // never completed: '?', as the JDK writes it
            pendingHigh = 0;
        }
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public void write(int c) {
        char ch = (char) c;
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(ch)) {
                encode(high, ch, 0);
                return;
            }
            encode(high, (char) 0, 0);
        }
        if (Character.isHighSurrogate(ch)) {
            pendingHigh = ch;
        } else {
            encode(ch, (char) 0, 0);
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        while (pendingHigh != 0 && length > 0) {
            write(chars[offset++]);
            length--;
        }
        ensure(length);
        for (int i = offset, end = offset + length; i < end; i++) {
            char c = chars[i];
            if (c < 0x80 && size < bytes.length) {
                bytes[size++] = (byte) c;
            } else if (i + 1 == end && Character.isHighSurrogate(c)) {
                pendingHigh = c; // its low half may come with the next write
            } else {
                i = encode(c, i + 1 < end ? chars[i + 1] : 0, i);
            }
        }
    }

    @Override
    public void write(String text, int offset, int length) {
        while (pendingHigh != 0 && length > 0) {
            write(text.charAt(offset++));
            length--;
        }
        if (length >= BULK && !Character.isHighSurrogate(text.charAt(offset + length - 1))) {
            // The JDK encodes a whole string at once (an array copy for ASCII); one char at a
            // time is what costs on long strings such as a page's body.
            byte[] encoded = (offset == 0 && length == text.length() ? text : text.substring(offset, offset + length))
                    .getBytes(StandardCharsets.UTF_8);
            ensure(encoded.length);
            System.arraycopy(encoded, 0, bytes, size, encoded.length);
            size += encoded.length;
            return;
        }
        ensure(length);
        for (int i = offset, end = offset + length; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x80 && size < bytes.length) {
                bytes[size++] = (byte) c;
            } else if (i + 1 == end && Character.isHighSurrogate(c)) {
                pendingHigh = c; // its low half may come with the next write
            } else {
                i = encode(c, i + 1 < end ? text.charAt(i + 1) : 0, i);
            }
        }
    }

    @Override
    public void write(String text) {
        write(text, 0, text.length());
    }

    /** Writes one character, or a surrogate pair; returns the index of the last char used. */
    private int encode(char c, char next, int index) {
        ensure(4);
        if (c < 0x80) {
            bytes[size++] = (byte) c;
        } else if (c < 0x800) {
            bytes[size++] = (byte) (0xC0 | (c >> 6));
            bytes[size++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && Character.isLowSurrogate(next)) {
            int codePoint = Character.toCodePoint(c, next);
            bytes[size++] = (byte) (0xF0 | (codePoint >> 18));
            bytes[size++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
            bytes[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
            bytes[size++] = (byte) (0x80 | (codePoint & 0x3F));
            return index + 1;
        } else if (Character.isSurrogate(c)) {
            bytes[size++] = '?'; // a lone surrogate, as String.getBytes(UTF_8) writes it
        } else {
            bytes[size++] = (byte) (0xE0 | (c >> 12));
            bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            bytes[size++] = (byte) (0x80 | (c & 0x3F));
        }
        return index;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
