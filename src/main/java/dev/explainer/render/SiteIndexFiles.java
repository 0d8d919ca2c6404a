package dev.explainer.render;

import dev.explainer.config.SiteConfig;
import dev.explainer.link.GeneratedFiles;
import dev.explainer.link.Page;
import dev.explainer.link.Site;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The files that tell crawlers about the site, each where the site config turns it on: {@code sitemap.xml}
 * (every HTML page but the error page) and {@code robots.txt} (naming the sitemap, if there is one).
 * A site in more than one language has one sitemap of every edition ({@link #sitemap(List)}).
 */
public final class SiteIndexFiles {
    private SiteIndexFiles() {
    }

    static GeneratedFile sitemap(List<Page> pages, SiteConfig config) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        String base = config.baseUrl().toString();
        for (Page page : pages) {
            if (!page.isErrorPage(config) && page.isHtml()) {
                xml.append("  <url><loc>").append(escapeXml(base + page.sitePath().substring(1))).append("</loc></url>\n");
            }
        }
        xml.append("</urlset>\n");
        return new GeneratedFile(GeneratedFiles.SITEMAP, xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sitemap of a site in more than one language: every edition's HTML pages but the error
     * page, edition by edition in the order the site declares its languages, each page with its
     * address in every edition that has it as {@code <xhtml:link rel="alternate" hreflang>}
     * (itself included), as search engines read alternates in a sitemap.
     *
     * @param editions each edition's linked site, in the order the site declares its languages
     */
    public static GeneratedFile sitemap(List<Site> editions) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        for (Site edition : editions) {
            SiteConfig config = edition.config();
            for (Page page : edition.pages()) {
                if (page.isErrorPage(config) || !page.isHtml()) {
                    continue;
                }
                xml.append("  <url>\n    <loc>").append(escapeXml(permalink(config, page))).append("</loc>\n");
                for (Site other : editions) {
                    Optional<Page> there = other.page(page.sitePath());
                    if (there.isPresent() && there.get().isHtml()) {
                        xml.append("    <xhtml:link rel=\"alternate\" hreflang=\"").append(escapeXml(other.config().language()))
                                .append("\" href=\"").append(escapeXml(permalink(other.config(), there.get()))).append("\"/>\n");
                    }
                }
                xml.append("  </url>\n");
            }
        }
        xml.append("</urlset>\n");
        return new GeneratedFile(GeneratedFiles.SITEMAP, xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String permalink(SiteConfig config, Page page) {
        return config.baseUrl() + page.address().substring(1);
    }

    static GeneratedFile robots(SiteConfig config) {
        String text = "User-agent: *\nAllow: /\n" + (config.outputs().sitemap() ? "\nSitemap: " + config.baseUrl() + GeneratedFiles.SITEMAP + "\n" : "");
        return new GeneratedFile(GeneratedFiles.ROBOTS, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String escapeXml(String text) {
        if (text.indexOf('&') < 0 && text.indexOf('<') < 0 && text.indexOf('>') < 0 && text.indexOf('"') < 0) {
            return text;
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
