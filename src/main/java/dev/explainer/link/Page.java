package dev.explainer.link;

import dev.explainer.config.PageFormat;
import dev.explainer.config.SiteConfig;

/**
 * A page of the output: an entry rendered with a template at a site path.
 *
 * @param sitePath   its URL path below the base URL: {@code /parties/russia/}, {@code /404.html}
 * @param outputFile its file below the output folder: {@code parties/russia/index.html}
 * @param template   the template's name below {@code templates/}
 * @param entry      the entry the page shows
 */
public record Page(String sitePath, String outputFile, String template, Entry entry) {

    /** The file a site path is written to: directories get an {@code index.html}. */
    public static String outputFileOf(String sitePath) {
        String path = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }

    /**
     * The page's address below the base URL as readers see it: its site path under the prefix of
     * its edition ({@code /ar/parties/russia/} for the Arabic edition's page at
     * {@code /parties/russia/}), its site path for a site in one language. Messages name pages so.
     */
    public String address() {
        String prefix = outputFile.substring(0, outputFile.length() - outputFileOf(sitePath).length());
        return "/" + prefix + (sitePath.startsWith("/") ? sitePath.substring(1) : sitePath);
    }

    /** Whether the page is an HTML page (not a feed or other file made by a template). */
    public boolean isHtml() {
        return outputFile.endsWith(".html");
    }

    /** The kind of file the page is, told by its URL: an HTML page, a feed, a JSON or iCalendar file... */
    public PageFormat format() {
        return PageFormat.ofUrl(sitePath).orElse(PageFormat.HTML);
    }

    /**
     * Whether this is the site's error page ({@code error_page} in the site config): servers show
     * it for any missing address, at any depth, so it cannot link relatively, and it is no page to
     * list in the sitemap.
     */
    public boolean isErrorPage(SiteConfig config) {
        return config.outputs().isErrorPage(sitePath);
    }
}
