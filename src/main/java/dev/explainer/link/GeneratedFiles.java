package dev.explainer.link;

import dev.explainer.config.SiteConfig;

import java.util.List;
import java.util.Optional;

/**
 * The files the engine writes into every site besides its pages and assets. No page may be
 * written over one of them, nor need a folder of the same name: the link stage refuses such URLs,
 * and the render stage writes these names.
 */
public final class GeneratedFiles {
    public static final String SITEMAP = "sitemap.xml";
    public static final String ROBOTS = "robots.txt";
    /** Every generated file, by its path below the output folder. */
    public static final List<String> ALL = List.of(SITEMAP, ROBOTS);

    /**
     * What a page at {@code outputFile} (or needing a folder of that name) would collide with
     * among the files this site's config asks for, in words that follow "is ", if anything: the
     * search index ({@code search.index}).
     */
    public static Optional<String> declaredBy(SiteConfig config, String outputFile) {
        return config.search().filter(search -> search.outputFile().equals(outputFile))
                .map(search -> "the site's search index, which 'search.index' (" + search.indexPosition() + ") puts there");
    }

    private GeneratedFiles() {
    }
}
