package dev.explainer.render;

import dev.explainer.link.Page;
import dev.explainer.link.Site;
import dev.explainer.markdown.LinkTargets;

import freemarker.template.TemplateModelException;

import java.net.URI;

/**
 * What the models of one page need to know: the site, the page, the path from the page to the
 * site root (so every link can be made relative, and the site works under any sub-path and from
 * disk), and where to record what the page reads.
 */
record PageContext(Site site, Page page, String root, PageInputs inputs) {

    static PageContext of(Site site, Page page, PageInputs inputs) {
        return new PageContext(site, page, rootOf(site.config().baseUrl(), page), inputs);
    }

    /** {@code ../../} for {@code parties/russia/index.html}; the base URL's path for the error page. */
    static String rootOf(URI baseUrl, Page page) {
        if (page.isErrorPage()) {
            return baseUrl.getRawPath();
        }
        int depth = (int) page.outputFile().chars().filter(c -> c == '/').count();
        return "../".repeat(depth);
    }

    /** A relative link to a page or asset at {@code sitePath}, with an optional fragment. */
    String href(String sitePath) throws TemplateModelException {
        int hash = sitePath.indexOf('#');
        String path = hash < 0 ? sitePath : sitePath.substring(0, hash);
        String fragment = hash < 0 ? "" : sitePath.substring(hash);
        LinkTargets.Target target = site.find(path).orElseThrow(() -> new TemplateModelException(
                "no page or asset has the path '" + path + "'"));
        return root + target.outputFile() + fragment;
    }

    /** The absolute URL of a site path, for canonical links and sharing. */
    String permalink(String sitePath) {
        String base = site.config().baseUrl().toString();
        return base + (sitePath.startsWith("/") ? sitePath.substring(1) : sitePath);
    }
}
