package dev.explainer.render;

import dev.explainer.config.SiteConfig;
import dev.explainer.link.Page;
import dev.explainer.markdown.LinkTargets;

import freemarker.template.TemplateModelException;


/**
 * What the models of one page need to know: the page, the path from the page to the site root
 * (so every link can be made relative, and the site works under any sub-path and from disk), and
 * the site as this page reads it, recording what it reads.
 */
record PageContext(Page page, String root, SiteReads reads) {

    static PageContext of(Page page, SiteReads reads) {
        return new PageContext(page, rootOf(reads.config(), page), reads);
    }

    /** {@code ../../} for {@code parties/russia/index.html}; the base URL's path for the error page. */
    static String rootOf(SiteConfig config, Page page) {
        if (page.isErrorPage(config)) {
            return config.baseUrl().getRawPath();
        }
        int depth = (int) page.outputFile().chars().filter(c -> c == '/').count();
        return "../".repeat(depth);
    }

    /** A relative link to a page or asset at {@code sitePath}, with an optional fragment. */
    String href(String sitePath) throws TemplateModelException {
        int hash = sitePath.indexOf('#');
        String path = hash < 0 ? sitePath : sitePath.substring(0, hash);
        String fragment = hash < 0 ? "" : sitePath.substring(hash);
        LinkTargets.Target target = reads.find(path).orElseThrow(() -> new TemplateModelException(
                "no page or asset has the path '" + path + "'"));
        return root + target.outputFile() + fragment;
    }

    /** The absolute URL of a site path, for canonical links and sharing. */
    String permalink(String sitePath) {
        String base = reads.config().baseUrl().toString();
        String path = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        // A page this edition leaves out is the original's, under the original's prefix.
        LinkTargets.Target target = reads.find(sitePath).filter(LinkTargets.Target::page).orElse(null);
        if (target != null && target.sitePath().equals(sitePath)) {
            String file = target.outputFile();
            return base + file.substring(0, file.length() - Page.outputFileOf(sitePath).length()) + path;
        }
        return base + reads.config().outputPrefix() + path;
    }
}
