package dev.explainer.link;

import java.util.Optional;

/**
 * Where an entry is shown and, if it has a page, which template renders it and into which file.
 *
 * @param sitePath   its own page ({@code /parties/russia/}) or an anchor on another page
 *                   ({@code /positions/#russia-assad})
 * @param template   the template of its page; empty for an entry shown on another page
 * @param outputFile the file {@code sitePath} is written to, for an entry with a page
 */
record Route(String sitePath, Optional<String> template, String outputFile) {
    Route(String sitePath, Optional<String> template) {
        this(sitePath, template, Page.outputFileOf(sitePath));
    }

    /** The page a site path is on: {@code /positions/} for {@code /positions/#russia-assad}. */
    static String pageOf(String sitePath) {
        int hash = sitePath.indexOf('#');
        return hash < 0 ? sitePath : sitePath.substring(0, hash);
    }
}
