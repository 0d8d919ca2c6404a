package dev.explainer.yaml;

import dev.explainer.diagnostic.Diagnostic;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever the text, the parser answers with data or positioned problems: the translation of
 * SnakeYAML's errors into editors' words reads the lines around an error, and must never throw
 * on the lines it finds there.
 */
class YamlParserPropertiesTest {
    private final YamlParser parser = new YamlParser();

    /** Short texts made of what YAML gives meaning to, and line breaks of every kind. */
    @Provide
    Arbitrary<String> yamlish() {
        return Arbitraries.strings()
                .withChars(" \n\t:-[]{}\"'&*#|>?,!%@`\\ab\r\u0085\u2028")
                .ofMaxLength(60);
    }

    /** Real content with one span cut out: the mistakes of a slip of the keyboard. */
    @Provide
    Arbitrary<String> damagedSources() throws Exception {
        String sources = Files.readString(Path.of("content/sources.yaml"), StandardCharsets.UTF_8).substring(0, 3000);
        return Arbitraries.integers().between(0, sources.length() - 1).flatMap(from -> Arbitraries.integers()
                .between(from, Math.min(sources.length(), from + 12))
                .map(to -> sources.substring(0, from) + sources.substring(to)));
    }

    @Property(tries = 2000)
    void neverThrowsAndPointsInsideTheText(@ForAll("yamlish") String yaml) {
        assertPositioned(yaml, parser.parse("f.md", yaml, 2));
    }

    @Property(tries = 300)
    void damagedRealContentGetsPositionedMessages(@ForAll("damagedSources") String yaml) {
        assertPositioned(yaml, parser.parse("content/sources.yaml", yaml, 1));
    }

    private static void assertPositioned(String yaml, YamlParser.Result result) {
        long lines = yaml.chars().filter(c -> c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028').count() + 1;
        for (Diagnostic diagnostic : result.diagnostics()) {
            assertTrue(diagnostic.line() >= 1 && diagnostic.line() <= lines + 2, diagnostic + " in " + lines + " lines");
            assertTrue(!diagnostic.message().isBlank() && !diagnostic.message().contains("Exception"), diagnostic.message());
        }
    }
}
