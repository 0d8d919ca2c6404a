package dev.explainer.diagnostic;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiagnosticTest {
    @Test
    void controlCharactersInAnyTextArePrintedAsEscapes() {
        Diagnostic diagnostic = Diagnostic.error(DiagnosticCode.YAML_KEY, new Position("a\u001b[2J.md", 3, 4),
                "key '\u001b]0;title\u0007' with\ta line\nbreak, DEL \u007f, CSI \u009b, \uFFFE, \uD800 alone and \uDBFF\uDFFF");
        assertEquals("a\\u001B[2J.md:3:4: error: key '\\u001B]0;title\\u0007' with\\u0009a line\\u000Abreak, DEL \\u007F,"
                + " CSI \\u009B, \\uFFFE, \\uD800 alone and \\U0010FFFF", diagnostic.format());
        assertEquals("yaml-key", diagnostic.fields().get("code"), "the code's stable name");
        assertEquals("a\\u001B[2J.md", diagnostic.fields().get("file"));
        assertEquals(diagnostic.message(), diagnostic.fields().get("message"));
        assertEquals(diagnostic.message(), diagnostic.withMessage(diagnostic.message()).message(), "escaping twice changes nothing");
    }

    @Test
    void everyOtherCharacterIsKeptAsItIs() {
        String text = "caf\u00e9 \u00a0 \u0645\u0631\u062d\u0628\u0627 \uD83D\uDE00 \uFFFD \uFEFF ~ \\u001B";
        assertEquals(text, Diagnostic.error(DiagnosticCode.FIELD, new Position("a.md", 1, 1), text).message());
    }
}
