package dev.explainer.config;

import dev.explainer.diagnostic.Position;

import java.util.List;

/**
 * The site's search, declared in {@code search:}: where the build writes the index of every HTML
 * page, and which part of each page it reads, so that what is found is what readers see.
 *
 * @param index         the index's site path, such as {@code /search.json}
 * @param content       a CSS selector for the part of each page that is indexed ({@code main})
 * @param exclude       CSS selectors for parts inside it that are left out (an "On this page" list)
 * @param position      where {@code search} is written
 * @param indexPosition where its {@code index} is written (or {@code search} itself), for a page at that URL
 */
public record SearchConfig(String index, String content, List<String> exclude, Position position, Position indexPosition) {
    public static final String DEFAULT_INDEX = "/search.json";
    public static final String DEFAULT_CONTENT = "main";

    public SearchConfig {
        exclude = List.copyOf(exclude);
    }

    /** The index's file below the output folder: {@code search.json}. */
    public String outputFile() {
        return index.substring(1);
    }
}
