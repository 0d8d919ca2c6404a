package dev.explainer.render;

import dev.explainer.link.Change;
import dev.explainer.link.Entry;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleCollection;
import freemarker.template.SimpleDate;
import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateDateModel;
import freemarker.template.TemplateHashModelEx2;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateSequenceModel;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only values templates ever see: scalars, dates, lists, maps and entries, each wrapped by a
 * model written here. There is no bean wrapper, so no template can call a Java method or reach a
 * class, whatever built-ins it tries. The models read the site only through the page's
 * {@link SiteReads}, which records what they read.
 */
final class Models implements ObjectWrapper {
    private final PageContext page;
    private final ShortcodeOutput shortcodes;

    Models(PageContext page, ShortcodeOutput shortcodes) {
        this.page = page;
        this.shortcodes = shortcodes;
    }

    PageContext page() {
        return page;
    }

    /** What shows the shortcodes of the bodies on this page. */
    ShortcodeOutput shortcodes() {
        return shortcodes;
    }

    @Override
    public TemplateModel wrap(Object value) throws TemplateModelException {
        if (value == null) {
            return null;
        } else if (value instanceof TemplateModel model) {
            return model;
        } else if (value instanceof String text) {
            return new SimpleScalar(text);
        } else if (value instanceof Number number) {
            return new SimpleNumber(number);
        } else if (value instanceof Boolean bool) {
            return bool ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
        } else if (value instanceof LocalDate date) {
            // Midnight UTC, formatted in UTC: the same calendar day in every time zone.
            return new SimpleDate(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()), TemplateDateModel.DATE);
        } else if (value instanceof Entry entry) {
            return new EntryModel(entry, this);
        } else if (value instanceof List<?> list) {
            return new ListModel(list, this);
        } else if (value instanceof Map<?, ?> map) {
            return new MapModel(map, this);
        }
        throw new TemplateModelException("a " + value.getClass().getSimpleName() + " cannot be shown in a template");
    }

    /** HTML that templates print as it is, without escaping it again. */
    static TemplateModel markup(String html) throws TemplateModelException {
        return HTMLOutputFormat.INSTANCE.fromMarkup(html);
    }

    /** A list, wrapped item by item as templates read it. */
    static final class ListModel implements TemplateSequenceModel {
        private final List<?> items;
        private final Models models;

        ListModel(List<?> items, Models models) {
            this.items = items;
            this.models = models;
        }

        @Override
        public TemplateModel get(int index) throws TemplateModelException {
            return index >= 0 && index < items.size() ? models.wrap(items.get(index)) : null;
        }

        @Override
        public int size() {
            return items.size();
        }
    }

    /** A map with string keys, wrapped value by value as templates read it. */
    static class MapModel implements TemplateHashModelEx2 {
        private final Map<?, ?> map;
        private final Models models;

        MapModel(Map<?, ?> map, Models models) {
            this.map = map;
            this.models = models;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            return models.wrap(map.get(key));
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public TemplateCollectionModel keys() {
            List<String> keys = new ArrayList<>();
            map.keySet().forEach(key -> keys.add(String.valueOf(key)));
            return new SimpleCollection(keys, models);
        }

        @Override
        public TemplateCollectionModel values() {
            return new SimpleCollection(new ArrayList<>(map.values()), models);
        }

        @Override
        public KeyValuePairIterator keyValuePairIterator() {
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            return new KeyValuePairIterator() {
                @Override
                public boolean hasNext() {
                    return entries.hasNext();
                }

                @Override
                public KeyValuePair next() throws TemplateModelException {
                    Map.Entry<?, ?> next = entries.next();
                    TemplateModel key = models.wrap(String.valueOf(next.getKey()));
                    TemplateModel value = models.wrap(next.getValue());
                    return new KeyValuePair() {
                        @Override
                        public TemplateModel getKey() {
                            return key;
                        }

                        @Override
                        public TemplateModel getValue() {
                            return value;
                        }
                    };
                }
            };
        }
    }

    /** What a {@link NamesModel} reads for a name, through {@link SiteReads}. */
    interface ReadByName {
        Object read(String name);
    }

    /**
     * {@code collections} or {@code matrices}: a map from the names the config declares to what
     * each names, each value read through {@link SiteReads} (which records it) only when a
     * template asks for it, so that a page depends only on the collections it lists.
     */
    static final class NamesModel implements TemplateHashModelEx2 {
        private final Set<String> names;
        private final ReadByName reads;
        private final Models models;

        NamesModel(Set<String> names, ReadByName reads, Models models) {
            this.names = names;
            this.reads = reads;
            this.models = models;
        }

        @Override
        public TemplateModel get(String name) throws TemplateModelException {
            return models.wrap(reads.read(name));
        }

        @Override
        public boolean isEmpty() {
            return names.isEmpty();
        }

        @Override
        public int size() {
            return names.size();
        }

        @Override
        public TemplateCollectionModel keys() {
            return new SimpleCollection(new ArrayList<>(names), models);
        }

        @Override
        public TemplateCollectionModel values() {
            List<Object> values = new ArrayList<>();
            names.forEach(name -> values.add(reads.read(name)));
            return new SimpleCollection(values, models);
        }

        @Override
        public KeyValuePairIterator keyValuePairIterator() {
            Map<String, Object> read = new LinkedHashMap<>();
            names.forEach(name -> read.put(name, reads.read(name)));
            return new MapModel(read, models).keyValuePairIterator();
        }
    }

    /**
     * The site's change log as {date, text, entry} items, newest first, read (and recorded) only
     * if a template lists it.
     */
    static final class ChangelogModel implements TemplateSequenceModel {
        private final Models models;
        private ListModel items;

        ChangelogModel(Models models) {
            this.models = models;
        }

        private ListModel items() {
            if (items == null) {
                List<Map<String, Object>> changes = new ArrayList<>();
                for (Change change : models.page().reads().changelog()) {
                    changes.add(ordered("date", change.date(), "text", change.text(), "entry", change.entry()));
                }
                items = new ListModel(changes, models);
            }
            return items;
        }

        @Override
        public TemplateModel get(int index) throws TemplateModelException {
            return items().get(index);
        }

        @Override
        public int size() {
            return items().size();
        }
    }

    /** A read-only map built for one model, in insertion order. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
