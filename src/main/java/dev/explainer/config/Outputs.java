package dev.explainer.config;

import dev.explainer.diagnostic.Position;

import java.util.Optional;

/**
 * What the build writes besides the pages and assets, as the site declares it: whether it writes
 * a sitemap and a robots file, which page servers show for a missing address, and the folder of
 * files published at the site's root as they are.
 *
 * @param sitemap       whether the build writes {@code sitemap.xml} ({@code generate_sitemap})
 * @param robotsTxt     whether the build writes {@code robots.txt} ({@code generate_robots_txt});
 *                      off, a site may publish its own from its static folder
 * @param errorPage     the site path of the page shown for any missing address ({@code error_page})
 * @param errorPageAt   where {@code error_page} was written; empty when the default applies, and
 *                      then a site without a page at {@code /404.html} simply has no error page
 * @param staticFolder  the folder below {@code content/} whose files are published at the site's
 *                      root byte for byte ({@code static}), if the site has one
 * @param staticAt      where {@code static} was written (the config's start if it was not)
 */
public record Outputs(boolean sitemap, boolean robotsTxt, String errorPage, Optional<Position> errorPageAt,
                      Optional<String> staticFolder, Position staticAt) {
    public static final String DEFAULT_ERROR_PAGE = "/404.html";

    /** What a site that declares none of these gets: the first site's outputs. */
    public static Outputs defaults(Position at) {
        return new Outputs(true, true, DEFAULT_ERROR_PAGE, Optional.empty(), Optional.empty(), at);
    }

    /** Whether the page at {@code sitePath} is the error page. */
    public boolean isErrorPage(String sitePath) {
        return errorPage.equals(sitePath);
    }
}
