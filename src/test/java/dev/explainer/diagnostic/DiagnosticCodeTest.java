package dev.explainer.diagnostic;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagnosticCodeTest {
    @Test
    void everyCodeHasAStableKebabCaseNameOfItsOwn() {
        Set<String> ids = new HashSet<>();
        for (DiagnosticCode code : DiagnosticCode.values()) {
            assertTrue(code.id().matches("[a-z]+(-[a-z]+)*"), code.id());
            assertTrue(ids.add(code.id()), "two codes named " + code.id());
        }
        assertEquals("unknown-reference", DiagnosticCode.UNKNOWN_REFERENCE.id());
    }

    /** Editors' tooling reads the codes; each says, where it is declared, what problem it names. */
    @Test
    void everyCodeIsDocumentedWhereItIsDeclared() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/explainer/diagnostic/DiagnosticCode.java"));
        Matcher constant = Pattern.compile("(?m)^    ([A-Z_]+)[,;]").matcher(source);
        int found = 0;
        while (constant.find()) {
            String before = source.substring(0, constant.start()).stripTrailing();
            assertTrue(before.endsWith("*/"), constant.group(1) + " has no comment saying what problem it names");
            found++;
        }
        assertEquals(DiagnosticCode.values().length, found, "every constant was checked");
    }
}
