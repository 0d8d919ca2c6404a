package dev.explainer.link;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * A page path the link stage accepts can be written below the output folder, and nowhere else:
 * what {@code check} lets through, {@code build} never fails to write.
 */
class SitePathsPropertiesTest {
    private final Path output;

    SitePathsPropertiesTest() throws IOException {
        output = Files.createTempDirectory("site-paths").toRealPath();
    }

    @AfterEach
    void removeOutput() throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** A part of a path made of {@code length} characters drawn from {@code characters}. */
    private static Gen<String> part(String characters, int min, int max) {
        Gen<Character> character = Generate.pick(characters.chars().mapToObj(c -> (char) c).toList());
        return lists().of(character).ofSizeBetween(min, max).map(chars -> {
            StringBuilder text = new StringBuilder();
            chars.forEach(text::append);
            return text.toString();
        });
    }

    /** Paths from parts that are sometimes dots, sometimes empty, long, or of characters file systems refuse. */
    private static Gen<String> sitePaths() {
        Gen<String> part = Generate.oneOf(
                Generate.pick(List.of("", ".", "..", "con", "a.", "index.html", "x.xml")),
                part("az09._~-", 1, 8),
                part("ab:\\*?\"<>| %\u0000\u00e9\u202e", 1, 4),
                integers().between(250, 260).map("a"::repeat));
        return lists().of(part).ofSizeBetween(1, 4).zip(booleans().all(),
                (parts, slash) -> "/" + String.join("/", parts) + (slash ? "/" : ""));
    }

    @Test
    void whatIsAcceptedIsWrittenInsideTheOutputFolder() {
        qt().withFixedSeed(1L).withExamples(500).forAll(sitePaths()).checkAssert(sitePath -> {
            if (SitePaths.problemOf(sitePath).isPresent()) {
                return;
            }
            try {
                Path folder = Files.createTempDirectory(output, "try");
                Path file = folder.resolve(Page.outputFileOf(sitePath)).normalize();
                assertTrue(file.startsWith(folder) && !file.equals(folder), sitePath + " leads to " + file);
                Files.createDirectories(file.getParent());
                Files.writeString(file, "page");
                assertTrue(Files.isRegularFile(file), sitePath);
            } catch (IOException e) {
                throw new UncheckedIOException(sitePath, e);
            }
        });
    }
}
