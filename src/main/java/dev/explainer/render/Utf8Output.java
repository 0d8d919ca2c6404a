package dev.explainer.render;

import java.io.Writer;
import java.util.Arrays;

/**
 * A writer that encodes straight into a growing UTF-8 byte array, for rendering pages: no
 * intermediate string, one copy at the end. One is kept per rendering thread and reset between
 * pages, so its array grows to the largest page once instead of being allocated per page.
 */
final class Utf8Output extends Writer {
    private byte[] bytes = new byte[32 * 1024];
    private int size;

    void reset() {
        size = 0;
    }

    /** The bytes written since the last reset, as a new array. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public void write(int c) {
        write((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        ensure(length);
        for (int i = offset, end = offset + length; i < end; i++) {
            char c = chars[i];
            if (c < 0x80 && size < bytes.length) {
                bytes[size++] = (byte) c;
            } else {
                i = encode(chars[i], i + 1 < end ? chars[i + 1] : 0, i);
            }
        }
    }

    @Override
    public void write(String text, int offset, int length) {
        ensure(length);
        for (int i = offset, end = offset + length; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x80 && size < bytes.length) {
                bytes[size++] = (byte) c;
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
