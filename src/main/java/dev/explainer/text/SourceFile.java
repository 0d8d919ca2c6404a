package dev.explainer.text;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The text of one source file, with its path relative to the source folder and a line index for
 * turning character offsets into 1-based line and column numbers.
 *
 * <p>Parsing works from these values, not from the disk, so tests can build them from strings.
 */
public final class SourceFile {
    /** Past this many, one more error counts the rest: a binary file would hold thousands. */
    private static final int REPORTED_CHARACTERS = 10;
    private final String path;
    private final String text;
    /** Built on first use: most files are never asked for a position. */
    private volatile int[] lineStarts;

    public SourceFile(String path, String text) {
        this.path = path;
        this.text = text;
    }

    private int[] lineStarts() {
        int[] starts = lineStarts;
        if (starts == null) {
            starts = indexLines(text);
            lineStarts = starts;
        }
        return starts;
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    /**
     * Two files are equal if they have the same path and the same text: everything read from a
     * file, positions included, depends on these alone.
     */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof SourceFile file && path.equals(file.path) && text.equals(file.text);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + text.hashCode();
    }

    @Override
    public String toString() {
        return "SourceFile[" + path + ", " + text.length() + " characters]";
    }

    /** The 1-based line and column of a 0-based character offset in this file. */
    public Position positionOf(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int[] lineStarts = lineStarts();
        int index = Arrays.binarySearch(lineStarts, clamped);
        int line = index >= 0 ? index : -index - 2;
        int column = text.codePointCount(lineStarts[line], clamped) + 1;
        return new Position(path, line + 1, column);
    }

    private static int[] indexLines(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }

    /**
     * Decodes bytes as strict UTF-8. Malformed input is not replaced (that would lose data
     * silently) but reported at the line and column of the first bad byte. A leading byte order
     * mark is dropped. Characters that no page or feed may hold ({@link ForbiddenCharacters}) are
     * reported where they stand, and such a file is not read further, like one that is not UTF-8.
     */
    public static Decoded decode(String path, byte[] bytes) {
        // The JDK's own decoding is fast (ASCII is copied as is); it replaces what is not UTF-8
        // with U+FFFD, so only a text that holds one needs the strict decoder to tell why.
        String quick = new String(bytes, StandardCharsets.UTF_8);
        if (quick.indexOf('\uFFFD') < 0) {
            return checked(new SourceFile(path, quick.startsWith("\uFEFF") ? quick.substring(1) : quick));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            SourceFile partial = new SourceFile(path, out.toString());
            Position at = partial.positionOf(partial.text().length());
            String message = String.format(
                    "file is not valid UTF-8: byte 0x%02X at offset %d cannot be decoded; save the file as UTF-8",
                    bytes[in.position()] & 0xff, in.position());
            return new Decoded(Optional.empty(), List.of(Diagnostic.error(DiagnosticCode.ENCODING, at, message)));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return checked(new SourceFile(path, text));
    }

    /** The file, or an error for each character in it that no page or feed may hold. */
    private static Decoded checked(SourceFile file) {
        String text = file.text();
        int at = ForbiddenCharacters.indexOf(text, 0);
        if (at < 0) {
            return new Decoded(Optional.of(file), List.of());
        }
        List<Diagnostic> errors = new ArrayList<>();
        for (; at >= 0; at = ForbiddenCharacters.indexAfter(text, at)) {
            if (errors.size() == REPORTED_CHARACTERS) {
                int more = 0;
                for (int next = at; next >= 0; next = ForbiddenCharacters.indexAfter(text, next)) {
                    more++;
                }
                errors.add(Diagnostic.error(DiagnosticCode.FORBIDDEN_CHARACTER, file.positionOf(at),
                        "and " + more + " more such characters from here to the end of the file"));
                break;
            }
            errors.add(Diagnostic.error(DiagnosticCode.FORBIDDEN_CHARACTER, file.positionOf(at), forbiddenMessage(text.codePointAt(at))));
        }
        return new Decoded(Optional.empty(), List.copyOf(errors));
    }

    private static String forbiddenMessage(int codePoint) {
        String message = ForbiddenCharacters.describe(codePoint) + " is not allowed: web pages and feeds cannot hold it;"
                + " delete it (an editor may show it as a box, or not at all)";
        // A file saved as UTF-16 holds a NUL beside every ASCII letter.
        return codePoint == 0 ? message + "; if the file was saved as UTF-16, save it as UTF-8" : message;
    }

    /**
     * The decoded file, or the errors that stopped it being read: the first byte that is not
     * UTF-8, or the characters that are not allowed.
     */
    public record Decoded(Optional<SourceFile> file, List<Diagnostic> errors) {
    }
}
