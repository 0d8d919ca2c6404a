package dev.explainer.render;

import dev.explainer.link.Entry;
import dev.explainer.load.ReservedFields;
import dev.explainer.markdown.MarkdownRenderer;
import dev.explainer.markdown.ShortcodeCall;

import freemarker.template.SimpleCollection;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An entry as templates see it: its fields, with reference fields resolved to the entries they
 * name ({@code quote.speaker.name}), and the names the engine adds: {@code id},
 * {@code collection}, {@code file}, {@code content} (the Markdown body as HTML), {@code href}
 * (a relative link from the current page), {@code path}, {@code permalink} and
 * {@code referrers} (the entries that refer to this one, by collection), and {@code translated},
 * {@code translation_stale}, {@code lang} and {@code dir} (the language of its text in the
 * page's edition, and whether that is the edition's own, current translation). Every part is read
 * through {@link SiteReads}, which records it; the id and collection name the entry itself.
 */
final class EntryModel implements TemplateHashModelEx {
    private static final List<String> ENGINE_KEYS = ReservedFields.IN_TEMPLATES;

    private final Entry entry;
    private final Models models;

    EntryModel(Entry entry, Models models) {
        this.entry = entry;
        this.models = models;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
        PageContext page = models.page();
        SiteReads reads = page.reads();
        switch (key) {
            case "id":
                return models.wrap(entry.id());
            case "collection":
                return models.wrap(entry.collection());
            case "file":
                return models.wrap(reads.file(entry));
            case "content":
                // Internal links in a body are relative to wherever it is shown.
                String html = reads.body(entry);
                String shown = html.indexOf(MarkdownRenderer.ROOT) < 0 ? html : html.replace(MarkdownRenderer.ROOT, page.root());
                if (shown.indexOf(ShortcodeCall.MARK) >= 0) {
                    shown = models.shortcodes().expand(shown, reads.shortcodes(entry), models);
                }
                return Models.markup(shown);
            case "href":
                Optional<String> sitePath = reads.sitePath(entry);
                if (sitePath.isEmpty()) {
                    throw new TemplateModelException("entry '" + entry.key() + "' has no page or anchor to link to;"
                            + " give its collection a 'url'");
                }
                return models.wrap(page.href(sitePath.get()));
            case "path":
                return models.wrap(reads.sitePath(entry).orElse(null));
            case "permalink":
                return models.wrap(reads.sitePath(entry).map(page::permalink).orElse(null));
            case "referrers":
                return models.wrap(reads.referrers(entry));
            case "translated":
                return models.wrap(reads.textLanguage(entry).code().equals(reads.config().language()));
            case "translation_stale":
                return models.wrap(reads.textLanguage(entry).stale());
            case "lang":
                return models.wrap(reads.textLanguage(entry).code());
            case "dir":
                return models.wrap(reads.config().directionOf(reads.textLanguage(entry).code()));
            default:
                return models.wrap(reads.field(entry, key));
        }
    }

    @Override
    public int size() {
        return ENGINE_KEYS.size() + models.page().reads().fieldNames(entry).size();
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public TemplateCollectionModel keys() {
        List<String> keys = new ArrayList<>(ENGINE_KEYS);
        keys.addAll(models.page().reads().fieldNames(entry));
        return new SimpleCollection(keys, models);
    }

    @Override
    public TemplateCollectionModel values() throws TemplateModelException {
        SiteReads reads = models.page().reads();
        List<TemplateModel> values = new ArrayList<>();
        for (String key : ENGINE_KEYS) {
            values.add(key.equals("href") && reads.sitePath(entry).isEmpty() ? null : get(key));
        }
        for (String key : reads.fieldNames(entry)) {
            values.add(get(key));
        }
        return new SimpleCollection(values, models);
    }
}
