package dev.explainer.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.explainer.config.SearchConfig;
import dev.explainer.config.SiteConfig;
import dev.explainer.link.Page;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The site's search index ({@code search:} in the site config): every HTML page but the error
 * page and pages marked {@code noindex}, read from its rendered HTML so that what is found is
 * what readers see, split at each {@code h2} and {@code h3} with an {@code id} (or heading a
 * {@code section} or {@code article} with one) so that a result links to its section. Compact JSON, in site order:
 * <pre>{"pages":[{"title":"…","url":"topics/alpha/index.html","text":"…",
 *   "sections":[{"id":"history","title":"History","text":"…"}]}]}</pre>
 * {@code url} is the page's file below the site's root, as the site's own relative links name it.
 */
final class SearchIndexFile {
    /** Text a reader does not see, even inside the indexed part. */
    private static final String UNSEEN = "script, style, template, [hidden]";
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");
    private static final JsonFactory JSON = new JsonFactory();

    private SearchIndexFile() {
    }

    /** One page as the index holds it. */
    record IndexedPage(String title, String url, String text, List<Section> sections) {
    }

    /** The part of a page from one linkable heading to the next. */
    record Section(String id, String title, String text) {
    }

    /** The index of the pages, reading again only those {@code kept} has not read with the same bytes. */
    static GeneratedFile of(List<RenderedPage> pages, SiteConfig config, SearchPages kept) {
        SearchConfig search = config.search().orElseThrow();
        SearchPages.Round round = kept.round();
        List<IndexedPage> indexed = new ArrayList<>();
        for (RenderedPage page : pages) {
            if (page.page().isHtml() && !page.page().isErrorPage(config)) {
                round.read(page, search).ifPresent(indexed::add);
            }
        }
        round.finish();
        return new GeneratedFile(config.outputPrefix() + search.outputFile(), json(indexed)); // each edition its own
    }

    /** The page as the index holds it, or nothing if it asks not to be indexed or has no part to index. */
    static java.util.Optional<IndexedPage> read(Page page, byte[] html, SearchConfig search) {
        Document document = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        for (Element robots : document.select("meta[name=robots]")) {
            if (robots.attr("content").toLowerCase(Locale.ROOT).contains("noindex")) {
                return java.util.Optional.empty();
            }
        }
        Elements content = document.select(search.content());
        if (content.isEmpty()) {
            return java.util.Optional.empty();
        }
        content.select(UNSEEN).remove();
        for (String exclude : search.exclude()) {
            content.select(exclude).remove();
        }
        Element h1 = content.select("h1").first();
        String title = h1 != null ? h1.text() : document.title();
        SectionCollector collector = new SectionCollector(h1);
        for (Element part : content) {
            if (part.parents().stream().noneMatch(content::contains)) { // a part inside another is read with it
                NodeTraversor.filter(collector, part);
            }
        }
        return java.util.Optional.of(new IndexedPage(title, page.outputFile(), collector.intro(), collector.sections()));
    }

    /** Gathers text in document order, starting a section at each h2 or h3 with an id. */
    private static final class SectionCollector implements NodeFilter {
        private final Element title;
        private final StringBuilder intro = new StringBuilder();
        private final List<String[]> headings = new ArrayList<>();
        private final List<StringBuilder> texts = new ArrayList<>();
        private StringBuilder current = intro;

        SectionCollector(Element title) {
            this.title = title;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                current.append(text.text());
            } else if (node instanceof Element element) {
                if (element == title) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                String anchor = anchorOf(element);
                if (!anchor.isEmpty()) {
                    headings.add(new String[] {anchor, element.text()});
                    current = new StringBuilder();
                    texts.add(current);
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (element.isBlock() || element.nameIs("br")) {
                    current.append(' '); // "<p>a</p><p>b</p>" reads "a b", not "ab"
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && element.isBlock()) {
                current.append(' ');
            }
            return FilterResult.CONTINUE;
        }

        /**
         * The id a link to this heading's section would name: an h2's or h3's own, or else that of
         * the section or article it heads ({@code <section id="x"><h2>}); empty for other elements.
         */
        private static String anchorOf(Element element) {
            if (!element.nameIs("h2") && !element.nameIs("h3")) {
                return "";
            }
            if (!element.id().isEmpty()) {
                return element.id();
            }
            Element parent = element.parent();
            boolean heads = parent != null && (parent.nameIs("section") || parent.nameIs("article"))
                    && parent.firstElementChild() == element;
            return heads ? parent.id() : "";
        }

        String intro() {
            return normalised(intro);
        }

        List<Section> sections() {
            List<Section> sections = new ArrayList<>(headings.size());
            for (int i = 0; i < headings.size(); i++) {
                sections.add(new Section(headings.get(i)[0], headings.get(i)[1], normalised(texts.get(i))));
            }
            return sections;
        }

        private static String normalised(CharSequence text) {
            return SPACES.matcher(text).replaceAll(" ").strip();
        }
    }

    private static byte[] json(List<IndexedPage> pages) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeArrayFieldStart("pages");
            for (IndexedPage page : pages) {
                json.writeStartObject();
                json.writeStringField("title", page.title());
                json.writeStringField("url", page.url());
                json.writeStringField("text", page.text());
                json.writeArrayFieldStart("sections");
                for (Section section : page.sections()) {
                    json.writeStartObject();
                    json.writeStringField("id", section.id());
                    json.writeStringField("title", section.title());
                    json.writeStringField("text", section.text());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a stream in memory does not fail
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }
}
