package dev.explainer.link;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page path the link stage accepts can be written below the output folder, and nowhere else:
 * what {@code check} lets through, {@code build} never fails to write.
 */
class SitePathsPropertiesTest {
    private final Path output;

    SitePathsPropertiesTest() throws IOException {
        output = Files.createTempDirectory("site-paths").toRealPath();
    }

    @AfterProperty
    void removeOutput() throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Paths from parts that are sometimes dots, sometimes empty, long, or of characters file systems refuse. */
    @Provide
    Arbitrary<String> sitePaths() {
        Arbitrary<String> part = Arbitraries.oneOf(
                Arbitraries.of("", ".", "..", "con", "a.", "index.html", "x.xml"),
                Arbitraries.strings().withChars("az09._~-").ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().withChars("ab:\\*?\"<>| %\u0000\u00e9\u202e").ofMinLength(1).ofMaxLength(4),
                Arbitraries.strings().withChars("a").ofMinLength(250).ofMaxLength(260));
        return part.list().ofMinSize(1).ofMaxSize(4)
                .map(parts -> "/" + String.join("/", parts))
                .flatMap(path -> Arbitraries.of(path, path + "/"));
    }

    @Property(tries = 500)
    void whatIsAcceptedIsWrittenInsideTheOutputFolder(@ForAll("sitePaths") String sitePath) throws IOException {
        if (SitePaths.problemOf(sitePath).isPresent()) {
            return;
        }
        Path folder = Files.createTempDirectory(output, "try");
        Path file = folder.resolve(Page.outputFileOf(sitePath)).normalize();
        assertTrue(file.startsWith(folder) && !file.equals(folder), sitePath + " leads to " + file);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "page");
        assertTrue(Files.isRegularFile(file), sitePath);
    }
}
