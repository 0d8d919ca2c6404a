package dev.explainer.yaml;

import dev.explainer.diagnostic.Diagnostic;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Whatever the text, the parser answers with data or positioned problems: the translation of
 * SnakeYAML's errors into editors' words reads the lines around an error, and must never throw
 * on the lines it finds there.
 */
class YamlParserPropertiesTest {
    private static final String YAML_CHARACTERS = " \n\t:-[]{}\"'&*#|>?,!%@`\\ab\r\u0085\u2028";

    private final YamlParser parser = new YamlParser();

    /** Short texts made of what YAML gives meaning to, and line breaks of every kind. */
    private static Gen<String> yamlish() {
        Gen<Character> character = Generate.pick(YAML_CHARACTERS.chars().mapToObj(c -> (char) c).toList());
        return lists().of(character).ofSizeBetween(0, 60).map(chars -> {
            StringBuilder text = new StringBuilder();
            chars.forEach(text::append);
            return text.toString();
        });
    }

    /** Real content with one span cut out: the mistakes of a slip of the keyboard. */
    private static Gen<String> damagedSources() throws IOException {
        String sources = Files.readString(Path.of("content/sources.yaml"), StandardCharsets.UTF_8).substring(0, 3000);
        return integers().between(0, sources.length() - 1).zip(integers().between(0, 12),
                (from, length) -> sources.substring(0, from) + sources.substring(Math.min(sources.length(), from + length)));
    }

    @Test
    void neverThrowsAndPointsInsideTheText() {
        qt().withFixedSeed(1L).withExamples(2000).forAll(yamlish())
                .checkAssert(yaml -> assertPositioned(yaml, parser.parse("f.md", yaml, 2)));
    }

    @Test
    void damagedRealContentGetsPositionedMessages() throws IOException {
        qt().withFixedSeed(1L).withExamples(300).forAll(damagedSources())
                .checkAssert(yaml -> assertPositioned(yaml, parser.parse("content/sources.yaml", yaml, 1)));
    }

    private static void assertPositioned(String yaml, YamlParser.Result result) {
        long lines = yaml.chars().filter(c -> c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028').count() + 1;
        for (Diagnostic diagnostic : result.diagnostics()) {
            assertTrue(diagnostic.line() >= 1 && diagnostic.line() <= lines + 2, diagnostic + " in " + lines + " lines");
            assertTrue(!diagnostic.message().isBlank() && !diagnostic.message().contains("Exception"), diagnostic.message());
        }
    }
}
