package dev.explainer.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceFileTest {
    @Test
    void mapsOffsetsToLinesAndColumns() {
        SourceFile file = new SourceFile("a.md", "one\ntwo\n\nfour");
        assertEquals("a.md:1:1", file.positionOf(0).toString());
        assertEquals("a.md:2:2", file.positionOf(5).toString());
        assertEquals("a.md:3:1", file.positionOf(8).toString());
        assertEquals("a.md:4:4", file.positionOf(12).toString());
    }

    @Test
    void countsColumnsInCharactersNotUtf16Units() {
        SourceFile file = new SourceFile("a.md", "\uD83D\uDE00x");
        assertEquals(2, file.positionOf(2).column());
    }

    @Test
    void reportsTheFirstInvalidByte() {
        byte[] bytes = "ok\nnot \u00e9".getBytes(StandardCharsets.ISO_8859_1);
        SourceFile.Decoded decoded = SourceFile.decode("x.yaml", bytes);
        assertTrue(decoded.file().isEmpty());
        assertEquals("x.yaml:2:5: error: file is not valid UTF-8: byte 0xE9 at offset 7 cannot be decoded; save the file as UTF-8",
                decoded.error().orElseThrow().format());
    }

    @Test
    void dropsAByteOrderMark() {
        SourceFile.Decoded decoded = SourceFile.decode("x", "\uFEFFhi".getBytes(StandardCharsets.UTF_8));
        assertEquals("hi", decoded.file().orElseThrow().text());
    }

    @Test
    void acceptsAReplacementCharacterWrittenInTheFileAndRejectsAnEncodedSurrogate() {
        SourceFile.Decoded written = SourceFile.decode("x", "a \uFFFD b, \uFEFF inside".getBytes(StandardCharsets.UTF_8));
        assertEquals("a \uFFFD b, \uFEFF inside", written.file().orElseThrow().text());
        byte[] surrogate = {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertTrue(SourceFile.decode("x", surrogate).file().isEmpty(), "CESU-style surrogates are not UTF-8");
    }
}
