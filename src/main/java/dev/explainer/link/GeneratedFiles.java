package dev.explainer.link;

import dev.explainer.config.SiteConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files the build writes into a site besides its pages and the files it copies, each with
 * what writes it in words. No page or copied file may be written over one of them, nor need a
 * folder of the same name: the link stage refuses such URLs at the field that makes them, naming
 * both; the render stage writes the files.
 *
 * <p>The engine's own ({@link #of}) follow the site config. Another stage that writes a file of
 * its own registers it with {@link #with}, and every check sees it like the sitemap.
 *
 * @param writers what writes each file, by its path below the output folder, in the order registered
 */
public record GeneratedFiles(Map<String, String> writers) {
    public static final String SITEMAP = "sitemap.xml";
    public static final String ROBOTS = "robots.txt";
    /** The former addresses and where they lead, for web servers; written when a collection declares {@code aliases}. */
    public static final String REDIRECTS = "redirects.map";

    public GeneratedFiles {
        writers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(writers));
    }

    /** The engine's generated files, as the site config turns them on. */
    public static GeneratedFiles of(SiteConfig config) {
        Map<String, String> writers = new LinkedHashMap<>();
        if (config.outputs().sitemap()) {
            writers.put(SITEMAP, "the sitemap the build writes (set 'generate_sitemap: false' in the site config to leave it out)");
        }
        if (config.outputs().robotsTxt()) {
            writers.put(ROBOTS, "the robots file the build writes (set 'generate_robots_txt: false' in the site config to publish"
                    + " your own)");
        }
        // Each edition has its own index, under its prefix.
        config.search().ifPresent(search -> writers.put(config.outputPrefix() + search.outputFile(),
                "the site's search index, which 'search.index' (" + search.indexPosition() + ") puts there"));
        if (hasRedirects(config)) {
            writers.put(REDIRECTS, "the list of former addresses the build writes for web servers while a collection declares"
                    + " 'aliases'");
        }
        return new GeneratedFiles(writers);
    }

    /** These and {@code path}, written by what {@code writer} says ("the search index the build writes"). */
    public GeneratedFiles with(String path, String writer) {
        Map<String, String> more = new LinkedHashMap<>(writers);
        more.put(path, writer);
        return new GeneratedFiles(more);
    }

    /** What writes the file at {@code path} (below the output folder), if the build generates it. */
    public Optional<String> writerOf(String path) {
        return Optional.ofNullable(writers.get(path));
    }

    /** The file at {@code path} and what writes it, for a message: "sitemap.xml, the sitemap the build writes (...)". */
    public Optional<String> describe(String path) {
        return writerOf(path).map(writer -> path + ", " + writer);
    }

    /**
     * The generated file, described as {@link #describe} does, whose path differs from
     * {@code path} only in capitals: on macOS and Windows the two are one file.
     */
    public Optional<String> describeCaselessTwin(String path) {
        return writers.keySet().stream().filter(generated -> !generated.equals(path) && generated.equalsIgnoreCase(path))
                .findFirst().flatMap(this::describe);
    }

    /** Whether a collection declares former addresses, so builds write the redirect list. */
    public static boolean hasRedirects(SiteConfig config) {
        return config.collections().stream().anyMatch(collection -> collection.aliases().isPresent());
    }
}
