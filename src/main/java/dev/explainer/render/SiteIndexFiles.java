package dev.explainer.render;

import dev.explainer.config.SiteConfig;
import dev.explainer.link.GeneratedFiles;
import dev.explainer.link.Page;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The files that tell crawlers about the site, each where the site config turns it on: {@code sitemap.xml}
 * (every HTML page but the error page) and {@code robots.txt} (naming the sitemap, if there is one).
 */
final class SiteIndexFiles {
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
