package dev.explainer.browser;

import dev.explainer.pipeline.BuildOptions;
import dev.explainer.pipeline.BuildResult;
import dev.explainer.pipeline.SiteBuilder;
import dev.explainer.serve.StaticSiteServer;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real site of this project (content/ and templates/), built once per test run for every test
 * class that asks for it as a parameter ({@code @ExtendWith(RealSite.class)}): {@link Built}, the
 * pages as files, and {@link Served}, the pages served on loopback with a headless Chromium to read
 * them. Building the editions and starting Chromium take seconds; the classes that read the real
 * site share them instead of repeating them. JUnit's root store closes both after the run's last test.
 */
final class RealSite implements ParameterResolver {
    static final Path PROJECT = Path.of("").toAbsolutePath();
    /** Where the Arabic edition's pages are, relative to the site's root (site.yaml: prefix /ar/). */
    static final String ARABIC = "ar/";
    /** Where the Russian edition's pages are (prefix /ru/). */
    static final String RUSSIAN = "ru/";
    /** The folders of the editions besides the English original, which is at the root. */
    static final List<String> TRANSLATED_EDITIONS = List.of(ARABIC, RUSSIAN);

    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(RealSite.class);

    /**
     * The built site: a temporary folder holding it (and the browser's profile), and every HTML page
     * in it, relative to the site's root, sorted, in every edition.
     */
    record Built(Path workspace, List<String> pages) implements AutoCloseable {
        /** The site's root folder, as it would be published. */
        Path site() {
            return workspace.resolve("site");
        }

        /** The pages of the Arabic edition, under {@link #ARABIC}. */
        List<String> arabicPages() {
            return pages.stream().filter(page -> page.startsWith(ARABIC)).toList();
        }

        /** The pages of the English original, at the root. */
        List<String> englishPages() {
            return pages.stream().filter(page -> TRANSLATED_EDITIONS.stream().noneMatch(page::startsWith)).toList();
        }

        /** The pages of the edition under {@code folder} ({@link #ARABIC}, {@link #RUSSIAN}). */
        List<String> pagesUnder(String folder) {
            return pages.stream().filter(page -> page.startsWith(folder)).toList();
        }

        @Override
        public void close() throws IOException {
            try (Stream<Path> walk = Files.walk(workspace)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** The built site served at {@code server.url()}, and one browser for the tests to read it with. */
    record Served(Built site, StaticSiteServer server, ChromeDriver driver) implements AutoCloseable {
        @Override
        public void close() {
            driver.quit();
            server.close();
        }
    }

    /** Emulates the reader's choice of colour scheme, on the page already open too; null: the browser's own again. */
    static void colourScheme(ChromeDriver driver, String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                scheme == null ? List.of() : List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Built.class || type == Served.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(SHARED);
        Built built = store.getOrComputeIfAbsent(Built.class, type -> build(), Built.class);
        if (parameter.getParameter().getType() == Built.class) {
            return built;
        }
        return store.getOrComputeIfAbsent(Served.class, type -> serve(built), Served.class);
    }

    private static Built build() {
        try {
            Path folder = Files.createTempDirectory("explainer-real-site");
            Path root = folder.resolve("site");
            BuildResult result = new SiteBuilder().run(BuildOptions.build(PROJECT, root));
            assertTrue(!result.failed(), result.diagnostics().toString());
            try (Stream<Path> walk = Files.walk(root)) {
                List<String> pages = walk.filter(p -> p.toString().endsWith(".html")).sorted()
                        .map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
                return new Built(folder, pages);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Served serve(Built built) {
        try {
            StaticSiteServer server = new StaticSiteServer(built.site(), "/");
            return new Served(built, server, Browser.start(built.workspace().resolve("profile")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
