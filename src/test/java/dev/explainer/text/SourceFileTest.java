package dev.explainer.text;

import dev.explainer.diagnostic.Diagnostic;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
                decoded.errors().get(0).format());
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

    @Test
    void reportsEachCharacterThatNoPageMayHoldAndDropsTheFile() {
        String text = "tab\tcr\r\nesc \u001b[1m, C1 \u0085\nnon \uFDD0 \uD83F\uDFFF end";
        SourceFile.Decoded decoded = SourceFile.decode("x.md", text.getBytes(StandardCharsets.UTF_8));
        assertTrue(decoded.file().isEmpty());
        assertEquals(List.of("x.md:2:5: error: control character U+001B is not allowed: web pages and feeds cannot hold it;"
                        + " delete it (an editor may show it as a box, or not at all)",
                "x.md:2:14: error: control character U+0085 is not allowed: web pages and feeds cannot hold it;"
                        + " delete it (an editor may show it as a box, or not at all)",
                "x.md:3:5: error: noncharacter U+FDD0 is not allowed: web pages and feeds cannot hold it;"
                        + " delete it (an editor may show it as a box, or not at all)",
                "x.md:3:7: error: noncharacter U+1FFFF is not allowed: web pages and feeds cannot hold it;"
                        + " delete it (an editor may show it as a box, or not at all)"),
                decoded.errors().stream().map(Diagnostic::format).toList());
    }

    @Test
    void aFileSavedAsUtf16IsToldSoAndItsThousandsOfNulsCountedNotListed() {
        byte[] bytes = "name: Ann\nparty: reds\n".getBytes(StandardCharsets.UTF_16LE);
        List<Diagnostic> errors = SourceFile.decode("ann.yaml", bytes).errors();
        assertEquals(11, errors.size());
        assertEquals("ann.yaml:1:2: error: control character U+0000 is not allowed: web pages and feeds cannot hold it; delete it"
                + " (an editor may show it as a box, or not at all); if the file was saved as UTF-16, save it as UTF-8",
                errors.get(0).format());
        assertEquals("ann.yaml:2:3: error: and 12 more such characters from here to the end of the file", errors.get(10).format());
    }
}
