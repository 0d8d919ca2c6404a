package dev.explainer.render;

import dev.explainer.link.Entry;
import dev.explainer.markdown.MarkdownRenderer;

import freemarker.template.SimpleCollection;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;

import java.util.ArrayList;
import java.util.List;

/**
 * An entry as templates see it: its fields, with reference fields resolved to the entries they
 * name ({@code quote.speaker.name}), and the names the engine adds: {@code id},
 * {@code collection}, {@code file}, {@code content} (the Markdown body as HTML), {@code href}
 * (a relative link from the current page), {@code path}, {@code permalink} and
 * {@code referrers} (the entries that refer to this one, by collection).
 */
final class EntryModel implements TemplateHashModelEx {
    /** What a page that asks for the names of an entry's fields records as read. */
    static final String KEYS = "\u0000keys";
    private static final List<String> ENGINE_KEYS =
            List.of("id", "collection", "file", "content", "href", "path", "permalink", "referrers");

    private final Entry entry;
    private final Models models;

    EntryModel(Entry entry, Models models) {
        this.entry = entry;
        this.models = models;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
        PageContext page = models.page();
        page.inputs().field(entry.key(), key);
        switch (key) {
            case "id":
                return models.wrap(entry.id());
            case "collection":
                return models.wrap(entry.collection());
            case "file":
                return models.wrap(entry.position().path());
            case "content":
                // Internal links in a body are relative to wherever it is shown.
                String html = entry.html();
                return Models.markup(html.indexOf(MarkdownRenderer.ROOT) < 0 ? html : html.replace(MarkdownRenderer.ROOT, page.root()));
            case "href":
                if (entry.sitePath().isEmpty()) {
                    throw new TemplateModelException("entry '" + entry.key() + "' has no page or anchor to link to;"
                            + " give its collection a 'url'");
                }
                return models.wrap(page.href(entry.sitePath().get()));
            case "path":
                return models.wrap(entry.sitePath().orElse(null));
            case "permalink":
                return models.wrap(entry.sitePath().map(page::permalink).orElse(null));
            case "referrers":
                page.inputs().referrersOf(entry.key());
                return models.wrap(page.site().referrers(entry));
            default:
                return models.wrap(page.site().reference(entry, key));
        }
    }

    @Override
    public int size() {
        models.page().inputs().field(entry.key(), KEYS);
        return ENGINE_KEYS.size() + entry.data().size();
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public TemplateCollectionModel keys() {
        models.page().inputs().field(entry.key(), KEYS);
        List<String> keys = new ArrayList<>(ENGINE_KEYS);
        keys.addAll(entry.data().keySet());
        return new SimpleCollection(keys, models);
    }

    @Override
    public TemplateCollectionModel values() throws TemplateModelException {
        models.page().inputs().field(entry.key(), KEYS);
        List<TemplateModel> values = new ArrayList<>();
        for (String key : ENGINE_KEYS) {
            values.add(key.equals("href") && entry.sitePath().isEmpty() ? null : get(key));
        }
        for (String key : entry.data().keySet()) {
            values.add(get(key));
        }
        return new SimpleCollection(values, models);
    }
}
