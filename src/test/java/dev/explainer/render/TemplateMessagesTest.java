package dev.explainer.render;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Template errors in an editor's words: no Java class names, no FreeMarker internals, only the
 * innermost of nested messages, and never longer than a line or two.
 */
class TemplateMessagesTest {
    private static final Pattern JAVA_NAME = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z]");
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?m)^templates/page\\.ftlh:\\d+:\\d+: error: (.*)$");

    @TempDir
    Path root;

    private String onlyMessage(String template) {
        TestSite.write(root, TestSite.BASE + "-- templates/page.ftlh --\n" + template + "\n");
        TestSite.Run run = TestSite.cli("check", "--source", root.toString());
        assertEquals(1, run.exitCode(), run.err());
        var matcher = DIAGNOSTIC.matcher(run.err());
        assertTrue(matcher.find(), run.err());
        assertTrue(run.err().endsWith("1 error\n") || run.err().contains("\n1 error"), run.err());
        return matcher.group(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<#include \"/../../etc/passwd\">",
            "${.vars[\"entry\"]}",
            "<#assign x=\"s\"><@x/>",
            "<#assign e=\"freemarker.template.utility.Execute\"?new()>${e(\"id\")}",
            "<#assign s=\"<#include \\\"page.ftlh\\\">\"?interpret><@s/>",
            "<#list 1..",
            "${entry.",
    })
    void everyTemplateErrorIsPositionedAndInPlainWords(String template) {
        String message = onlyMessage(template);
        assertFalse(JAVA_NAME.matcher(message).find(), message);
        for (String internal : new String[] {"Exception", "wrapper:", "TemplateLoader", "---begin-message---", "->"}) {
            assertFalse(message.contains(internal), message);
        }
        // The message, its "template error: " and the page it was rendering.
        assertTrue(message.length() <= TemplateEngine.MOST_MESSAGE_CHARACTERS + 100, message.length() + ": " + message);
    }

    @Test
    void aValueOfTheWrongKindIsNamedInFtlWordsWithItsExpression() {
        assertEquals("template error: For \"@\" callee: Expected a(n) user-defined directive, transform or macro, but this has"
                + " evaluated to a string: x (rendering / from content/pages/index.md)", onlyMessage("<#assign x=\"s\"><@x/>"));
    }

    @Test
    void aTemplateThatIncludesItselfThroughInterpretGetsOneMessageAtItsTemplate() {
        assertEquals("template error: template 'page.ftlh' includes itself 334 levels deep, deeper than templates can go, and was"
                        + " stopped; it needs a case in which it does not include itself (rendering / from content/pages/index.md)",
                onlyMessage("<#assign s=\"<#include \\\"page.ftlh\\\">\"?interpret><@s/>"));
    }

    @Test
    void newIsRefusedInWords() {
        assertEquals("template error: ?new is not allowed: templates cannot create objects (rendering / from content/pages/index.md)",
                onlyMessage("<#assign e=\"freemarker.template.utility.Execute\"?new()>${e(\"id\")}"));
    }

    @Test
    void aLongMessageIsCutAtTheCap() {
        String message = TemplateEngine.editorMessage("x".repeat(5000));
        assertEquals(TemplateEngine.MOST_MESSAGE_CHARACTERS, message.length());
        assertTrue(message.endsWith("\u2026"), message);
    }

    @Test
    void anExpressionThatLooksLikeAClassNameIsKept() {
        assertEquals("The following has evaluated to null or missing: entry.party.Name",
                TemplateEngine.editorMessage("The following has evaluated to null or missing:\n==> entry.party.Name"
                        + "  [in template \"page.ftlh\" at line 1, column 3]\n\n----\nTip: ..."));
    }
}
