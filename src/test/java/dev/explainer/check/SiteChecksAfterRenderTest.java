package dev.explainer.check;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.link.LinkCache;
import dev.explainer.link.Linker;
import dev.explainer.link.Site;
import dev.explainer.load.ContentLoader;
import dev.explainer.load.LoadedSite;
import dev.explainer.markdown.MarkdownRenderer;
import dev.explainer.output.OutputFile;
import dev.explainer.render.RenderCache;
import dev.explainer.render.RenderedPage;
import dev.explainer.render.SiteRenderer;
import dev.explainer.render.TemplateEngine;
import dev.explainer.testing.TestSite;
import dev.explainer.validate.Validator;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The whole-site checks that need the rendered pages: fragment links and pages nothing links to. */
class SiteChecksAfterRenderTest {
    @TempDir
    Path root;

    private LoadedSite loaded;

    private Site link(String change) {
        TestSite.write(root, TestSite.BASE + change);
        loaded = new ContentLoader().load(root).site().orElseThrow();
        return new Linker(new MarkdownRenderer(false)).link(loaded, new Validator().validate(loaded).entries(), false, LinkCache.empty()).site();
    }

    /** Pages as a test describes them: which rendered, which files other pages link to, the ids on each. */
    private record Pages(Set<String> failed, Set<String> linked, Map<String, Set<String>> ids) implements RenderedPages {
        @Override
        public boolean rendered(String sitePath) {
            return ids.containsKey(sitePath) && !failed.contains(sitePath);
        }

        @Override
        public boolean linkedFromAnotherPage(String outputFile) {
            return linked.contains(outputFile);
        }

        @Override
        public Set<String> idsOn(String sitePath) {
            return ids.get(sitePath);
        }
    }

    private static Pages everyPageLinkedWithNoIds(Site site) {
        Set<String> linked = new HashSet<>();
        Map<String, Set<String>> ids = new HashMap<>();
        site.pages().forEach(page -> {
            linked.add(page.outputFile());
            ids.put(page.sitePath(), Set.of());
        });
        return new Pages(Set.of(), linked, ids);
    }

    private static List<String> formatted(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::format).toList();
    }

    @Test
    void aPageNoOtherPageLinksToIsReportedButNotTheHomePage() {
        Site site = link("");
        Pages pages = everyPageLinkedWithNoIds(site);
        pages.ids().put("/parties/reds/", Set.of("members"));
        pages.linked().removeAll(Set.of("people/bob/index.html", "index.html"));
        assertEquals(List.of("content/people/bob.md:1:1: warning: no other page links to /people/bob/; link to it, or readers will not find it"),
                formatted(SiteChecks.afterRender(site, pages)));
    }

    @Test
    void aFragmentLinkToAnIdThePageLacksIsAnErrorNamingTheClosestId() {
        Site site = link("");
        Pages pages = everyPageLinkedWithNoIds(site);
        pages.ids().put("/parties/reds/", Set.of("member", "title"));
        assertEquals(List.of("content/pages/index.md:7:33: error: link to '#members' on /parties/reds/: that page has no element with"
                + " this id; did you mean '#member'?"), formatted(SiteChecks.afterRender(site, pages)));
    }

    @Test
    void aPageThatFailedToRenderIsCheckedNoFurther() {
        Site site = link("");
        Pages pages = everyPageLinkedWithNoIds(site);
        pages.linked().remove("parties/reds/index.html");
        assertEquals(List.of(), formatted(SiteChecks.afterRender(site, new Pages(Set.of("/parties/reds/"), pages.linked(), pages.ids()))),
                "neither unlinked nor without the id #members: the page is not there");
    }

    /**
     * What the render stage reports of the pages' links and ids (kept up to date page by page)
     * gives the step the same answers as reading the rendered pages with jsoup.
     */
    @Test
    void whatTheRenderStageFindsIsWhatThePagesHold() {
        Site site = link("""
                -- content/pages/index.md --
                ---
                title: Welcome
                url: /
                ---
                Meet [Ann](/people/ann/#born) of the [Reds](/parties/reds/#member).
                -- content/pages/lonely.md --
                ---
                title: Lonely
                ---
                Nobody links here.
                """);
        SiteRenderer.Result built = SiteRenderer.render(site, new TemplateEngine(loaded.config(), loaded.templates()),
                RenderCache.forOneBuild());
        List<String> fromRender = formatted(SiteChecks.afterRender(site, built.found()));
        assertEquals(3, fromRender.size(), "the lonely page and two missing fragments: " + fromRender);

        Set<String> linked = new HashSet<>();
        Map<String, Set<String>> ids = new HashMap<>();
        Map<String, String> pathOfFile = new HashMap<>();
        site.pages().forEach(page -> pathOfFile.put(page.outputFile(), page.sitePath()));
        for (RenderedPage rendered : built.pages()) {
            OutputFile.Generated page = new OutputFile.Generated(rendered.page().outputFile(), rendered.html());
            Document html = Jsoup.parse(new String(page.bytes(), StandardCharsets.UTF_8));
            Set<String> onPage = new HashSet<>();
            html.select("[id]").forEach(element -> onPage.add(element.id()));
            ids.put(pathOfFile.get(page.path()), onPage);
            for (Element link : html.select("[href]")) {
                String href = link.attr("href").replaceAll("[#?].*", "");
                if (!href.isEmpty() && !href.startsWith("/") && !href.contains(":")) {
                    String target = URI.create("file:///" + page.path()).resolve(href).getPath().substring(1);
                    target = target.isEmpty() || target.endsWith("/") ? target + "index.html" : target;
                    if (!target.equals(page.path())) {
                        linked.add(target);
                    }
                }
            }
        }
        assertEquals(fromRender, formatted(SiteChecks.afterRender(site, new Pages(Set.of(), linked, ids))));
    }
}
