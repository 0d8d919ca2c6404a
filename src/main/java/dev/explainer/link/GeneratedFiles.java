package dev.explainer.link;

import java.util.List;

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

    private GeneratedFiles() {
    }
}
