package dev.explainer.link;

import dev.explainer.config.SiteConfig;

import java.util.List;

/**
 * The files the engine writes into every site besides its pages and assets. No page may be
 * written over one of them, nor need a folder of the same name: the link stage refuses such URLs,
 * and the render stage writes these names.
 */
public final class GeneratedFiles {
    public static final String SITEMAP = "sitemap.xml";
    public static final String ROBOTS = "robots.txt";
    /** The former addresses and where they lead, for web servers; written when a collection declares {@code aliases}. */
    public static final String REDIRECTS = "redirects.map";
    /** Every generated file, by its path below the output folder. */
    public static final List<String> ALL = List.of(SITEMAP, ROBOTS);

    private GeneratedFiles() {
    }

    /** Every file this site's builds generate, by its path below the output folder (the redirect pages aside). */
    public static List<String> of(SiteConfig config) {
        return hasRedirects(config) ? List.of(SITEMAP, ROBOTS, REDIRECTS) : ALL;
    }

    /** Whether a collection declares former addresses, so builds write the redirect list. */
    public static boolean hasRedirects(SiteConfig config) {
        return config.collections().stream().anyMatch(collection -> collection.aliases().isPresent());
    }
}
