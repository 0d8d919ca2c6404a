package dev.explainer.render;

import dev.explainer.config.SiteConfig;
import dev.explainer.link.GeneratedFiles;
import dev.explainer.link.Page;
import dev.explainer.link.Redirect;
import dev.explainer.link.Site;

import freemarker.template.utility.StringUtil;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the build writes for the former addresses of entries: at each, a small page that sends
 * readers on (a refresh, a plain link, and a canonical link for search engines, which also keep it
 * out of their index), and {@code redirects.map}, the list for web servers to answer each with a
 * 301 instead. The pages are not in the sitemap: they are not pages of the site.
 */
public final class RedirectFiles {
    private RedirectFiles() {
    }

    /** The redirect pages and the list, ordered by path; nothing for a site whose collections declare no aliases. */
    static List<GeneratedFile> of(Site site) {
        if (!GeneratedFiles.hasRedirects(site.config())) {
            return List.of();
        }
        List<GeneratedFile> files = new ArrayList<>(site.redirects().size() + 1);
        for (Redirect redirect : site.redirects()) {
            files.add(new GeneratedFile(redirect.outputFile(), page(site, redirect).getBytes(StandardCharsets.UTF_8)));
        }
        files.add(new GeneratedFile(GeneratedFiles.REDIRECTS, list(site.redirects()).getBytes(StandardCharsets.UTF_8)));
        return List.copyOf(files);
    }

    /**
     * The list of former addresses of a site in more than one language: every edition's, each
     * under its prefix, ordered by path; nothing if no collection declares aliases.
     */
    public static List<GeneratedFile> listOfEditions(List<Site> editions) {
        if (editions.isEmpty() || !GeneratedFiles.hasRedirects(editions.get(0).config())) {
            return List.of();
        }
        List<Redirect> redirects = new ArrayList<>();
        editions.forEach(edition -> redirects.addAll(edition.redirects()));
        redirects.sort(Comparator.comparing(Redirect::fromPath));
        return List.of(new GeneratedFile(GeneratedFiles.REDIRECTS, list(redirects).getBytes(StandardCharsets.UTF_8)));
    }

    private static String page(Site site, Redirect redirect) {
        SiteConfig config = site.config();
        int hash = redirect.toPath().indexOf('#');
        String path = hash < 0 ? redirect.toPath() : redirect.toPath().substring(0, hash);
        String fragment = hash < 0 ? "" : redirect.toPath().substring(hash);
        // Relative, like every link of the site: the page works under any base URL and from disk.
        String depth = "../".repeat((int) redirect.outputFile().chars().filter(c -> c == '/').count());
        String href = enc(depth + Page.outputFileOf(path) + fragment);
        String canonical = enc(config.baseUrl() + redirect.toPath().substring(1));
        String name = enc(redirect.title());
        return "<!DOCTYPE html>\n"
                + "<html lang=\"" + enc(config.language()) + "\">\n"
                + "<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<title>" + name + "</title>\n"
                + "<link rel=\"canonical\" href=\"" + canonical + "\">\n"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + href + "\">\n"
                + "</head>\n"
                + "<body>\n"
                + "<p><a href=\"" + href + "\">" + name + "</a></p>\n"
                + "</body>\n"
                + "</html>\n";
    }

    /**
     * nginx {@code map} lines, former path to new path, both quoted (a new path may hold '#').
     * A former folder is listed without its trailing slash too, so that a server answers that
     * address with one redirect rather than two.
     */
    private static String list(List<Redirect> redirects) {
        StringBuilder text = new StringBuilder("# Former addresses and where they lead, written by the build for nginx's 'map'"
                + " (see docs/deploying.md).\n");
        for (Redirect redirect : redirects) {
            text.append('"').append(redirect.fromPath()).append("\" \"").append(redirect.toPath()).append("\";\n");
            if (redirect.fromPath().endsWith("/") && redirect.fromPath().length() > 1) {
                String bare = redirect.fromPath().substring(0, redirect.fromPath().length() - 1);
                text.append('"').append(bare).append("\" \"").append(redirect.toPath()).append("\";\n");
            }
        }
        return text.toString();
    }

    private static String enc(String text) {
        return StringUtil.XHTMLEnc(text);
    }
}
