package dev.explainer.pipeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A small site that uses most of what the engine offers, held as a model that edits change and
 * that writes itself out as source files: Markdown collections with front matter and bodies,
 * data files, references both ways (a party's allies are parties; a quote's audience, a list of objects, names people; pages list referrers), a
 * matrix, a menu, a layout that includes a partial and pages that import another, a page listing
 * a collection, a change log with its page and Atom feed, an error page, verbatim quotes, drafts,
 * a stylesheet with a hashed name and a copied image. {@link IncrementalRebuildProperties} edits
 * it at random; {@link #files()} is the whole source folder for its current state.
 *
 * <p>Field values are kept as the YAML text written for them, so that an edit can as well write
 * a value of the wrong type, a date that does not exist, or an id nothing has.
 */
final class EditableSite {

    /** One entry: its id, its fields (YAML text by name, in the order written) and, in a Markdown file, its body. */
    static final class Entry {
        String id;
        final LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        String body;

        Entry(String id, String body, String... fieldsAndValues) {
            this.id = id;
            this.body = body;
            for (int i = 0; i < fieldsAndValues.length; i += 2) {
                fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
            }
        }

        Entry copy() {
            Entry copy = new Entry(id, body);
            copy.fields.putAll(fields);
            return copy;
        }
    }

    /** A field edits may set, and the YAML values they choose from ({@code null}: the field removed). */
    record Field(String name, List<String> values) {
        static Field of(String name, String... values) {
            return new Field(name, java.util.Arrays.asList(values));
        }
    }

    /** A reference field: to one entry of {@code target}, or to a list of them. */
    record Reference(String field, String target, boolean list) {
    }

    /**
     * A collection as this site declares it: in a folder of Markdown files or in one data file;
     * the fields and references edits change; the ids new entries take (some taken, or not slugs).
     */
    record Collection(String name, String place, boolean markdown, List<Field> fields, List<Reference> references,
                      List<String> spareIds) {
        String file(String id) {
            return markdown ? "content/" + place + "/" + id + ".md" : "content/" + place;
        }

        Optional<Reference> reference(String field) {
            return references.stream().filter(r -> r.field().equals(field)).findFirst();
        }
    }

    static final String CHANGE_ONE = "[{date: 2015-10-25, text: \"Added a date.\"}]";
    static final String CHANGE_TWO = "[{date: 2015-10-23, text: \"First.\"}, {date: 2015-10-30, text: \"Second & last.\"}]";
    static final String EXCERPT = "\"He said: Hello <world> & friends. Later: Taxes are too high.\"";

    static final List<Collection> COLLECTIONS = List.of(
            new Collection("pages", "pages", true, List.of(
                    Field.of("title", "\"Welcome\"", "\"Everyone\"", "\"About us\"", "\"Ünïcode & <title>\"", null),
                    Field.of("url", null, "/start/", "/people/", "/bad path/", "/404.html"),
                    Field.of("template", null, "people.ftlh", "parties.ftlh", "extra.ftlh"),
                    Field.of("changes", null, CHANGE_ONE, CHANGE_TWO),
                    Field.of("draft", null, "true")),
                    List.of(), List.of("glossary", "history", "Notes")),
            new Collection("people", "people", true, List.of(
                    Field.of("name", "\"Ann\"", "\"Bob\"", "\"Cy\"", "\"Zed\"", "\"Ann & Co <b>\"", "\"Ünïcode ‘quoted’\"", null),
                    Field.of("born", "1970-01-02", "1985-03-04", "1969-12-31", "2015-13-45", null),
                    Field.of("order", "1", "2", "3", "\"two\"", null),
                    Field.of("changes", null, CHANGE_ONE, CHANGE_TWO),
                    Field.of("draft", null, "true", "\"yes\""),
                    // Former addresses: a path, former ids (one another person's), a page's address, a fragment, one two may claim.
                    Field.of("aliases", null, "[/people/former/]", "[ann, old-name]", "/people/bob/", "[/people/#x]", "[/shared/]")),
                    List.of(new Reference("party", "parties", false), new Reference("sources", "sources", true)),
                    List.of("dan", "eve", "Fred")),
            new Collection("parties", "parties.yaml", false, List.of(
                    Field.of("name", "\"The Reds\"", "\"The Blues\"", "\"The Greens\"", "\"Purple & Co\"", null),
                    Field.of("changes", null, CHANGE_ONE),
                    Field.of("draft", null, "true")),
                    List.of(new Reference("allies", "parties", true)),
                    List.of("purples", "reds", "Bad Id")),
            new Collection("topics", "topics.yaml", false, List.of(
                    Field.of("name", "\"Tax\"", "\"War\"", "\"Health\"", null)),
                    List.of(), List.of("health", "tax")),
            new Collection("stances", "stances.yaml", false, List.of(
                    Field.of("text", "\"Lower.\"", "\"Higher.\"", "\"Not stated.\"", "\"<i>Unclear</i>\"", null)),
                    List.of(new Reference("party", "parties", false), new Reference("topic", "topics", false)),
                    List.of()),
            new Collection("quotes", "quotes.yaml", false, List.of(
                    Field.of("text", "\"Hello <world> & friends\"", "\"Bye.\"", "\"Taxes are too high.\"", "\"Something never said.\"",
                            "\"Hello  <world>  &  friends\""),
                    Field.of("date", "2015-10-23", "2015-10-24", "2015-10-22", "2015-02-30"),
                    Field.of("kind", "direct", "reported", "other"),
                    Field.of("context", null, "\"To reporters.\""),
                    Field.of("audience", null, "[{person: ann}]", "[{person: bob}, {person: cy}]", "[{person: zed}]"),
                    Field.of("draft", null, "true")),
                    List.of(new Reference("speaker", "people", false), new Reference("source", "sources", false),
                            new Reference("topics", "topics", true)),
                    List.of("ann-again", "bob-tax", "bob-bye")),
            new Collection("sources", "sources.yaml", false, List.of(
                    Field.of("label", "\"Reuters\"", "\"AFP\"", "\"AP\"", "\"BBC & friends\"", null),
                    Field.of("excerpt", null, EXCERPT, "\"Nothing quoted here.\""),
                    Field.of("url", null, "\"https://example.org/report\"", "\"javascript:alert(1)\"")),
                    List.of(), List.of("bbc", "afp")));

    /** Settings of site.yaml that edits change, each with what its forms are. */
    enum Setting {
        TITLE("title 'Test site'", "title 'Another title & <more>'"),
        MENU("menu Home, Parties", "menu Home, People, Parties, Updates", "menu Home, About and Gone (/gone/, no such page)",
                "no menu"),
        PEOPLE_URL("people at /people/{id}/", "people at /persons/{id}/", "people at /people/{id}.html"),
        PEOPLE_SORT("people sorted by name", "people sorted by -order", "people sorted by born, name", "people not sorted"),
        QUOTES_URL("quotes at /people/#{id}, no pages", "quotes on pages of their own, /quotes/{id}/"),
        QUOTES_SORT("quotes sorted by date", "quotes sorted by -date, speaker"),
        CHANGELOG("changelog: changes", "no changelog"),
        RAW_HTML("raw HTML escaped", "raw HTML allowed"),
        DATE_FORMAT("dates as d MMMM yyyy", "dates as yyyy-MM-dd"),
        LANGUAGE("language en", "language en-GB"),
        SEARCH("search: {} (an index of every page's main)", "no search");

        final List<String> forms;

        Setting(String... forms) {
            this.forms = List.of(forms);
        }
    }

    /** What the Markdown bodies of edits say: links that resolve, links that do not, fragments, footnotes, raw HTML. */
    static final List<String> BODIES = List.of(
            "Plain text.",
            "Meet [Ann](/people/ann/) of the [Reds](/parties/reds/#members).",
            "See [the quote](/people/#ann-hello) and [its page](/quotes/ann-hello/).",
            "A [broken link](/nowhere/).",
            "# Heading\n\nText with a footnote[^1].\n\n[^1]: The note.",
            "Raw <b>HTML</b> here.",
            "Read [the history](/about/#history) and [Bob](/people/bob/).",
            "*Emphasis*, `code` and a list:\n\n- one\n- two",
            "[Updates](/updates/), [the feed](/updates.xml), [the logo](/assets/logo.svg) and [style](/assets/site.css).",
            "## History\n\nIt began [at home](/) and went on [elsewhere](/parties/greens/).",
            "A map: ![A map of the towns](map.svg \"Towns\") and a rule ![\"\"](map.svg).",
            "A card: {{< card who=\"ann\" >}} and [Bob](/people/bob/).",
            "{{< card who=\"bob\" >}}\n\n{{< note kind=\"tip\" >}}\nSee **[Ann](/people/ann/)** {{< card who=\"ann\" >}}.\n{{< /note >}}",
            "{{< card who=\"nobody\" >}} and {{< nothing >}}.");

    /**
     * Files that edits break, and fix again later; and files that come and go beside the
     * sources and are not sources (a Markdown file in a sub-folder, an editor's swap or backup file).
     */
    enum Break {
        DATA_FILE_SYNTAX("content/parties.yaml", files -> files.computeIfPresent("content/parties.yaml", (path, text) -> "- id: [unclosed\n" + text)),
        FRONT_MATTER("content/people/broken.md", files -> files.put("content/people/broken.md", "---\nname: [\n---\nBroken.\n")),
        STRAY_FILE("content/people/notes.txt", files -> files.put("content/people/notes.txt", "notes\n")),
        TEMPLATE_SYNTAX("templates/partials/cards.ftlh", files -> append(files, "templates/partials/cards.ftlh", "<#if>\n")),
        TEMPLATE_ERROR("templates/party.ftlh", files -> replace(files, "templates/party.ftlh", "<h1>", "<h1>${entry.nothing.here}")),
        MISSING_IMPORT("templates/layout.ftlh", files -> replace(files, "templates/layout.ftlh", "<#macro", "<#import \"gone.ftlh\" as g><#macro")),
        SCHEMA_SYNTAX("content/schemas/quote.json", files -> replace(files, "content/schemas/quote.json", "{", "{,")),
        CONFIG_SYNTAX("content/site.yaml", files -> append(files, "content/site.yaml", "menu: {\n")),
        CONFIG_MISSING("content/site.yaml", files -> files.remove("content/site.yaml")),
        CONTROL_CHARACTER("content/sources.yaml", files -> replace(files, "content/sources.yaml", "label: \"", "label: \"\u0001")),
        NESTED_FILE("content/people/old/dan.md", files -> files.put("content/people/old/dan.md", "---\nname: Dan\nparty: reds\n---\nOld.\n")),
        SWAP_FILE("content/people/.ann.md.swp", files -> files.put("content/people/.ann.md.swp", "b0VIM 8.2\n")),
        BACKUP_FILE("templates/party.ftlh~", files -> files.put("templates/party.ftlh~", "<#if>\n"));

        final String file;
        final Consumer<Map<String, String>> apply;

        Break(String file, Consumer<Map<String, String>> apply) {
            this.file = file;
            this.apply = apply;
        }

        private static void append(Map<String, String> files, String path, String text) {
            files.computeIfPresent(path, (p, before) -> before + text);
        }

        private static void replace(Map<String, String> files, String path, String what, String with) {
            files.computeIfPresent(path, (p, before) -> before.replaceFirst(java.util.regex.Pattern.quote(what),
                    java.util.regex.Matcher.quoteReplacement(with)));
        }
    }

    private final Map<String, List<Entry>> entries = new LinkedHashMap<>();
    private final Map<Setting, Integer> settings = new EnumMap<>(Setting.class);
    private final Map<String, Integer> templateForms = new TreeMap<>();
    private final Map<String, Integer> schemaForms = new TreeMap<>();
    private int assetForm;
    /** Whether (and as what) the image map.svg lies beside the pages and the people: see {@link #IMAGE_FORMS}. */
    private int imageForm;
    /** Whether templates/extra.ftlh exists (pages may name it as their template). */
    private boolean extraTemplate;
    private final List<Break> breaks = new ArrayList<>();

    EditableSite() {
        entries.put("pages", new ArrayList<>(List.of(
                new Entry("index", "# Start\n\nMeet [Ann](/people/ann/) of the [Reds](/parties/reds/#members). See [the updates](/updates/).",
                        "title", "\"Welcome\"", "url", "/", "changes", CHANGE_TWO),
                new Entry("people", "All the people.", "title", "\"Everyone\"", "template", "people.ftlh"),
                new Entry("parties", "Who stood where.", "title", "\"Parties\"", "template", "parties.ftlh"),
                new Entry("updates", "What changed.", "title", "\"Updates\"", "template", "updates.ftlh"),
                new Entry("feed", "", "title", "\"Feed\"", "url", "/updates.xml", "template", "feed.ftlx"),
                new Entry("about", "## History\n\nIt began [at home](/) and went on [elsewhere](/parties/greens/).",
                        "title", "\"About\""),
                new Entry("not-found", "There is no page here; try [the start](/).", "title", "\"Not found\"", "url", "/404.html"))));
        entries.put("people", new ArrayList<>(List.of(
                new Entry("ann", "Ann is *red*. See [the history](/about/#history).",
                        "name", "\"Ann\"", "party", "reds", "born", "1970-01-02", "order", "2", "sources", "[reuters]",
                        "aliases", "[/people/former/]"),
                new Entry("bob", "Bob is blue.", "name", "\"Bob\"", "party", "blues", "order", "1"),
                new Entry("cy", "Cy is [green](/parties/greens/).", "name", "\"Cy\"", "party", "greens", "born", "1985-03-04",
                        "sources", "[afp, reuters]", "changes", CHANGE_ONE))));
        entries.put("parties", new ArrayList<>(List.of(
                new Entry("reds", null, "name", "\"The Reds\"", "allies", "[greens]"),
                new Entry("blues", null, "name", "\"The Blues\""),
                new Entry("greens", null, "name", "\"The Greens\"", "allies", "[reds]", "changes", CHANGE_ONE))));
        entries.put("topics", new ArrayList<>(List.of(
                new Entry("tax", null, "name", "\"Tax\""),
                new Entry("war", null, "name", "\"War\""))));
        List<Entry> stances = new ArrayList<>();
        for (String party : List.of("reds", "blues", "greens")) {
            for (String topic : List.of("tax", "war")) {
                stances.add(new Entry(party + "-" + topic, null, "party", party, "topic", topic,
                        "text", "\"" + party + " on " + topic + ".\""));
            }
        }
        entries.put("stances", stances);
        entries.put("quotes", new ArrayList<>(List.of(
                new Entry("ann-hello", null, "speaker", "ann", "text", "\"Hello <world> & friends\"", "date", "2015-10-23",
                        "kind", "direct", "source", "reuters", "topics", "[tax]"),
                new Entry("bob-bye", null, "speaker", "bob", "text", "\"Bye.\"", "date", "2015-10-24", "kind", "reported",
                        "source", "reuters"),
                new Entry("cy-tax", null, "speaker", "cy", "text", "\"Taxes are too high.\"", "date", "2015-10-23",
                        "kind", "direct", "source", "reuters", "topics", "[tax, war]", "context", "\"To reporters.\""))));
        entries.put("sources", new ArrayList<>(List.of(
                new Entry("reuters", null, "label", "\"Reuters\"", "excerpt", EXCERPT, "url", "\"https://example.org/report\""),
                new Entry("afp", null, "label", "\"AFP\""),
                new Entry("ap", null, "label", "\"AP\""))));
        for (Setting setting : Setting.values()) {
            settings.put(setting, 0);
        }
        TEMPLATES.keySet().forEach(name -> templateForms.put(name, 0));
        SCHEMAS.keySet().forEach(name -> schemaForms.put(name, 0));
    }

    /** This site as it stands, to go back to (an editor's undo). */
    EditableSite copy() {
        EditableSite copy = new EditableSite();
        entries.forEach((name, list) -> copy.entries.put(name, new ArrayList<>(list.stream().map(Entry::copy).toList())));
        copy.settings.putAll(settings);
        copy.templateForms.putAll(templateForms);
        copy.schemaForms.putAll(schemaForms);
        copy.assetForm = assetForm;
        copy.imageForm = imageForm;
        copy.extraTemplate = extraTemplate;
        copy.breaks.addAll(breaks);
        return copy;
    }

    // ---- what edits use

    static Collection collection(String name) {
        return COLLECTIONS.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    List<Entry> entries(String collection) {
        return entries.get(collection);
    }

    /** Every entry, collection by collection, with its collection: what "the n-th entry" counts through. */
    List<Map.Entry<Collection, Entry>> allEntries() {
        List<Map.Entry<Collection, Entry>> all = new ArrayList<>();
        for (Collection collection : COLLECTIONS) {
            entries.get(collection.name()).forEach(entry -> all.add(Map.entry(collection, entry)));
        }
        return all;
    }

    List<String> ids(String collection) {
        return entries.get(collection).stream().map(entry -> entry.id).toList();
    }

    int setting(Setting setting) {
        return settings.get(setting);
    }

    void set(Setting setting, int form) {
        settings.put(setting, form);
    }

    List<String> templateNames() {
        return List.copyOf(templateForms.keySet());
    }

    int templateForm(String name) {
        return templateForms.get(name);
    }

    void setTemplateForm(String name, int form) {
        templateForms.put(name, form);
    }

    List<String> schemaNames() {
        return List.copyOf(schemaForms.keySet());
    }

    int schemaForm(String name) {
        return schemaForms.get(name);
    }

    void setSchemaForm(String name, int form) {
        schemaForms.put(name, form);
    }

    static final int ASSET_FORMS = 3;

    /** map.svg: absent, 40 × 10, 80 × 20, or not an SVG at all. */
    static final int IMAGE_FORMS = 4;

    int imageForm() {
        return imageForm;
    }

    void setImageForm(int form) {
        imageForm = form;
    }

    int assetForm() {
        return assetForm;
    }

    void setAssetForm(int form) {
        assetForm = form;
    }

    boolean extraTemplate() {
        return extraTemplate;
    }

    void setExtraTemplate(boolean present) {
        extraTemplate = present;
    }

    List<Break> breaks() {
        return breaks;
    }

    // ---- the files

    /** The source folder as it stands: path (below the source folder) to text. */
    Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        files.put("content/site.yaml", config());
        for (Collection collection : COLLECTIONS) {
            List<Entry> list = entries.get(collection.name());
            if (collection.markdown()) {
                for (Entry entry : list) {
                    files.put(collection.file(entry.id), markdown(entry));
                }
            } else {
                files.put(collection.file(null), dataFile(list));
            }
        }
        schemaForms.forEach((name, form) -> files.put("content/schemas/" + name, SCHEMAS.get(name).get(form)));
        templateForms.forEach((name, form) -> files.put("templates/" + name, TEMPLATES.get(name).get(form)));
        files.put("templates/assets/site.css", assetForm == 1 ? "/* navy */\nbody { color: navy; }\n.quote { font-style: italic; } /* quotes */\n"
                : "body { color: black; }\n");
        if (extraTemplate) {
            files.put("templates/extra.ftlh", EXTRA_TEMPLATE);
        }
        if (imageForm > 0) {
            String image = List.of("", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 10\"/>\n",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"80\" height=\"20\"><rect width=\"80\" height=\"20\"/></svg>\n",
                    "not an image\n").get(imageForm);
            files.put("content/pages/map.svg", image);
            files.put("content/people/map.svg", image);
        }
        if (assetForm == 2) {
            files.put("templates/assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n");
        }
        for (Break broken : breaks) {
            broken.apply.accept(files);
        }
        return files;
    }

    private static String markdown(Entry entry) {
        StringBuilder text = new StringBuilder("---\n");
        entry.fields.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return text.append("---\n").append(entry.body).append('\n').toString();
    }

    private static String dataFile(List<Entry> list) {
        if (list.isEmpty()) {
            return "[]\n";
        }
        StringBuilder text = new StringBuilder();
        for (Entry entry : list) {
            text.append("- id: ").append(entry.id).append('\n');
            entry.fields.forEach((name, value) -> text.append("  ").append(name).append(": ").append(value).append('\n'));
        }
        return text.toString();
    }

    private String config() {
        StringBuilder yaml = new StringBuilder();
        yaml.append("title: ").append(setting(Setting.TITLE) == 0 ? "Test site" : "\"Another title & <more>\"").append('\n');
        yaml.append("description: A site for property tests.\nbase_url: https://example.org/test/\n");
        yaml.append("language: ").append(setting(Setting.LANGUAGE) == 0 ? "en" : "en-GB").append('\n');
        yaml.append("date_format: ").append(setting(Setting.DATE_FORMAT) == 0 ? "d MMMM yyyy" : "yyyy-MM-dd").append('\n');
        if (setting(Setting.CHANGELOG) == 0) {
            yaml.append("changelog: changes\n");
        }
        if (setting(Setting.SEARCH) == 0) {
            yaml.append("search: {}\n");
        }
        if (setting(Setting.RAW_HTML) == 1) {
            yaml.append("markdown: {raw_html: true}\n");
        }
        yaml.append(switch (setting(Setting.MENU)) {
            case 0 -> "menu:\n  - {title: Home, url: /}\n  - {title: Parties, url: /parties/}\n";
            case 1 -> "menu:\n  - {title: Home, url: /}\n  - {title: People, url: /people/}\n  - {title: Parties, url: /parties/}\n"
                    + "  - {title: Updates, url: /updates/}\n";
            case 2 -> "menu:\n  - {title: Home, url: /}\n  - {title: About, url: /about/}\n  - {title: Gone, url: /gone/}\n";
            default -> "menu: []\n";
        });
        yaml.append("collections:\n");
        yaml.append("  pages:\n    folder: pages\n    schema: schemas/page.json\n    url: /{id}/\n    template: page.ftlh\n");
        yaml.append("  people:\n    folder: people\n    schema: schemas/person.json\n    references: {party: parties, sources: sources}\n");
        yaml.append("    url: ").append(List.of("/people/{id}/", "/persons/{id}/", "/people/{id}.html").get(setting(Setting.PEOPLE_URL)))
                .append("\n    template: person.ftlh\n    aliases: aliases\n");
        yaml.append(List.of("    sort: [name]\n", "    sort: [-order]\n", "    sort: [born, name]\n", "")
                .get(setting(Setting.PEOPLE_SORT)));
        yaml.append("  parties:\n    file: parties.yaml\n    schema: schemas/party.json\n    references: {allies: parties}\n");
        yaml.append("    url: /parties/{id}/\n    template: party.ftlh\n    sort: [name]\n");
        yaml.append("  topics:\n    file: topics.yaml\n    schema: schemas/topic.json\n");
        yaml.append("  stances:\n    file: stances.yaml\n    schema: schemas/stance.json\n    references: {party: parties, topic: topics}\n");
        yaml.append("    matrix: [party, topic]\n");
        yaml.append("  quotes:\n    file: quotes.yaml\n    schema: schemas/quote.json\n");
        yaml.append("    references: {speaker: people, source: sources, topics: topics, \"audience[].person\": people}\n");
        yaml.append(setting(Setting.QUOTES_URL) == 0 ? "    url: /people/#{id}\n" : "    url: /quotes/{id}/\n    template: quote.ftlh\n");
        yaml.append(setting(Setting.QUOTES_SORT) == 0 ? "    sort: [date]\n" : "    sort: [-date, speaker]\n");
        yaml.append("    verbatim: {text: text, source: source, passage: excerpt, when: {kind: direct}}\n");
        yaml.append("  sources:\n    file: sources.yaml\n    schema: schemas/source.json\n    sort: [label]\n");
        return yaml.toString();
    }

    private static final String CHANGES_SCHEMA = "\"changes\": {\"type\": \"array\", \"items\": {\"type\": \"object\","
            + " \"properties\": {\"date\": {\"type\": \"string\", \"format\": \"date\"}, \"text\": {\"type\": \"string\"}},"
            + " \"required\": [\"date\", \"text\"], \"additionalProperties\": false}}";

    /** Each schema's forms: the first is the one the site starts with. */
    static final Map<String, List<String>> SCHEMAS = Map.of(
            "page.json", List.of("""
                    {"type": "object",
                     "properties": {"title": {"type": "string"}, "url": {"type": "string"}, "template": {"type": "string"},
                       %s},
                     "required": ["title"], "additionalProperties": false}
                    """.formatted(CHANGES_SCHEMA), """
                    {"type": "object",
                     "properties": {"title": {"type": "string", "minLength": 3}, "url": {"type": "string"}, "template": {"type": "string"},
                       "changes": {"type": "array"}},
                     "required": ["title"], "additionalProperties": false}
                    """),
            "person.json", List.of("""
                    {"type": "object",
                     "properties": {"aliases": {}, "name": {"type": "string"}, "party": {"type": "string"}, "born": {"type": "string", "format": "date"},
                       "order": {"type": "integer"}, "sources": {"type": "array", "items": {"type": "string"}}, %s},
                     "required": ["name", "party"], "additionalProperties": false}
                    """.formatted(CHANGES_SCHEMA), """
                    {"type": "object",
                     "properties": {"aliases": {}, "name": {"type": "string"}, "party": {"type": "string"}, "born": {"type": "string", "format": "date"},
                       "order": {"type": "integer"}, "sources": {"type": "array", "items": {"type": "string"}}, %s},
                     "required": ["name", "party", "born"], "additionalProperties": false}
                    """.formatted(CHANGES_SCHEMA), """
                    {"type": "object",
                     "properties": {"aliases": {}, "name": {"type": "string"}, "party": {"type": "string"}, "born": {"type": "string"},
                       "order": {"type": "string"}, "sources": {"type": "array", "items": {"type": "string"}}, %s},
                     "required": ["name", "party"], "additionalProperties": false}
                    """.formatted(CHANGES_SCHEMA)),
            "party.json", List.of("""
                    {"type": "object",
                     "properties": {"name": {"type": "string"}, "allies": {"type": "array", "items": {"type": "string"}}, %s},
                     "required": ["name"], "additionalProperties": false}
                    """.formatted(CHANGES_SCHEMA), """
                    {"type": "object",
                     "properties": {"name": {"type": "string"}, "allies": {"type": "array", "items": {"type": "string"}, "minItems": 1}, %s},
                     "required": ["name", "allies"], "additionalProperties": false}
                    """.formatted(CHANGES_SCHEMA)),
            "topic.json", List.of("""
                    {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"], "additionalProperties": false}
                    """, """
                    {"type": "object", "properties": {"name": {"type": "string", "maxLength": 3}}, "required": ["name"]}
                    """),
            "stance.json", List.of("""
                    {"type": "object",
                     "properties": {"party": {"type": "string"}, "topic": {"type": "string"}, "text": {"type": "string"}},
                     "required": ["party", "topic", "text"], "additionalProperties": false}
                    """, """
                    {"type": "object",
                     "properties": {"party": {"type": "string"}, "topic": {"type": "string"}, "text": {"type": "string", "maxLength": 12}},
                     "required": ["party", "topic"], "additionalProperties": false}
                    """),
            "quote.json", List.of("""
                    {"type": "object",
                     "properties": {"speaker": {"type": "string"}, "text": {"type": "string"}, "date": {"type": "string", "format": "date"},
                       "kind": {"enum": ["direct", "reported"]}, "source": {"type": "string"},
                       "topics": {"type": "array", "items": {"type": "string"}}, "context": {"type": "string"},
                       "audience": {"type": "array", "items": {"type": "object", "properties": {"person": {"type": "string"}}}}},
                     "required": ["speaker", "text", "date", "kind", "source"], "additionalProperties": false}
                    """, """
                    {"type": "object",
                     "properties": {"speaker": {"type": "string"}, "text": {"type": "string"}, "date": {"type": "string", "format": "date"},
                       "kind": {"enum": ["direct"]}, "source": {"type": "string"},
                       "topics": {"type": "array", "items": {"type": "string"}, "minItems": 1}, "context": {"type": "string"},
                       "audience": {"type": "array", "items": {"type": "object", "properties": {"person": {"type": "string"}}}}},
                     "required": ["speaker", "text", "date", "kind", "source", "topics"], "additionalProperties": false}
                    """),
            "source.json", List.of("""
                    {"type": "object",
                     "properties": {"label": {"type": "string"}, "excerpt": {"type": "string"}, "url": {"type": "string", "format": "uri"}},
                     "required": ["label"], "additionalProperties": false}
                    """, """
                    {"type": "object",
                     "properties": {"label": {"type": "string"}, "excerpt": {"type": "string"}, "url": {"type": "string"}},
                     "required": ["label", "url"], "additionalProperties": false}
                    """));

    /** A template that comes and goes: pages that name it fail while it is gone. */
    static final String EXTRA_TEMPLATE = """
            <#import "layout.ftlh" as l><@l.frame title=entry.title><h1 class="extra">${entry.title}</h1>${entry.content}
            <#list collections.quotes as q><p>${q.text}</p></#list></@l.frame>
            """;

    /**
     * Each template's forms: the first is the one the site starts with. The others read other
     * things (other fields, the keys of an entry, a lookup, another collection), so that a page's
     * recorded inputs change with them, and one fails on entries without a birth date.
     */
    static final Map<String, List<String>> TEMPLATES = Map.ofEntries(
            Map.entry("layout.ftlh", List.of("""
                    <#macro frame title><!DOCTYPE html>
                    <html lang="${site.language}"><head><meta charset="utf-8"><title>${title} | ${site.title}</title>
                    <link rel="stylesheet" href="${href('/assets/site.css')}"></head>
                    <body><#include "partials/nav.ftlh">
                    <ol class="crumbs"><#list page.breadcrumbs as c><li><a href="${c.href}">${c.title}</a></li></#list></ol>
                    <main><#nested></main><footer><a href="${page.permalink}">${page.path}</a></footer></body></html></#macro>
                    """, """
                    <#macro frame title><!DOCTYPE html>
                    <html lang="${site.language}"><head><meta charset="utf-8"><title>${title}</title>
                    <link rel="stylesheet" href="${href('/assets/site.css')}"></head>
                    <body><#include "partials/nav.ftlh"><main><#nested></main>
                    <footer><#list collections.pages as p><a href="${p.href}">${p.title}</a> </#list></footer></body></html></#macro>
                    """, """
                    <#macro frame title><!DOCTYPE html>
                    <html lang="${site.language}"><head><meta charset="utf-8"><title>${title}</title>
                    <meta name="description" content="${site.description}"></head>
                    <body><#include "partials/nav.ftlh"><main><#nested></main></body></html></#macro>
                    """)),
            Map.entry("partials/nav.ftlh", List.of("""
                    <nav><#list site.menu as item><a href="${item.href}"<#if item.current> aria-current="page"</#if>>${item.title}</a></#list></nav>
                    """, """
                    <nav class="v1"><#list site.menu as item><a href="${item.href}"<#if item.section> class="section"</#if>>${item.title} (${item.path})</a></#list></nav>
                    """)),
            Map.entry("partials/cards.ftlh", List.of("""
                    <#macro person p><article class="card"><h2><a href="${p.href}">${p.name}</a></h2><p>${p.party.name}</p>
                    <p class="fields"><#list p?keys as k>${k} </#list></p></article></#macro>
                    """, """
                    <#macro person p><article class="card"><h2>${p.name}</h2><#if p.born??><p class="born">${p.born}</p></#if><p>${(p.referrers.quotes![])?size} quotes</p></article></#macro>
                    """, """
                    <#macro person p><dl class="card"><#list p?keys as k><dt>${k}</dt></#list></dl></#macro>
                    """)),
            Map.entry("page.ftlh", List.of("""
                    <#import "layout.ftlh" as l><@l.frame title=entry.title><h1>${entry.title}</h1>${entry.content}
                    <p class="sources"><#list collections.sources as s>${s.label} </#list></p></@l.frame>
                    """, """
                    <#import "layout.ftlh" as l><@l.frame title=entry.title><h1>${entry.title}</h1>${entry.content}
                    <#if entry.changes??><ul class="changes"><#list entry.changes as c><li>${c.date}: ${c.text}</li></#list></ul></#if>
                    <p class="file">${entry.file}</p></@l.frame>
                    """)),
            Map.entry("people.ftlh", List.of("""
                    <#import "layout.ftlh" as l><#import "partials/cards.ftlh" as c><@l.frame title=entry.title><h1>${entry.title}</h1>${entry.content}
                    <#list collections.people as p><section id="${p.id}"><@c.person p/>${p.content}
                    <#list p.referrers.quotes![] as q><p id="${q.id}" class="quote">${q.text} (${q.date})</p></#list></section></#list>
                    </@l.frame>
                    """, """
                    <#import "layout.ftlh" as l><#import "partials/cards.ftlh" as c><@l.frame title=entry.title><h1>${entry.title}</h1>
                    <#list collections.people?reverse as p><section id="${p.id}"><@c.person p/>
                    <#list collections.quotes?filter(q -> q.speaker.id == p.id) as q><p id="${q.id}" class="quote">${q.text}</p></#list></section></#list>
                    </@l.frame>
                    """)),
            Map.entry("person.ftlh", List.of("""
                    <#import "layout.ftlh" as l><@l.frame title=entry.name><h1>${entry.name}</h1>
                    <p class="party"><a href="${entry.party.href}">${entry.party.name}</a></p>
                    <#if entry.born??><p class="born">${entry.born} ${entry.born?string.iso}</p></#if>
                    <div class="body">${entry.content}</div>
                    <#list entry.referrers.quotes![] as q><p class="quote"><a href="${q.href}">${q.text}</a> (${q.source.label})</p></#list>
                    <#list entry.sources![] as s><p class="source">${s.label}</p></#list>
                    </@l.frame>
                    """, """
                    <#import "layout.ftlh" as l><#import "partials/cards.ftlh" as c><@l.frame title=entry.name><@c.person entry/>
                    <p class="allies"><#list entry.party.allies![] as a>${a.name} </#list></p>
                    <p class="lookup">${lookup('parties', 'reds').name}</p>${entry.content}
                    </@l.frame>
                    """, """
                    <#import "layout.ftlh" as l><@l.frame title=entry.name><h1>${entry.name}</h1>
                    <p class="born">${entry.born?string.iso}</p>${entry.content}
                    </@l.frame>
                    """)),
            Map.entry("party.ftlh", List.of("""
                    <#import "layout.ftlh" as l><@l.frame title=entry.name><h1>${entry.name}</h1>
                    <ul id="members"><#list entry.referrers.people![] as p><li><a href="${p.href}">${p.name}</a>: ${p.content}</li></#list></ul>
                    <#list collections.topics as t><p class="stance">${t.name}: ${(matrices.stances[entry.id][t.id].text)!"none"}</p></#list>
                    <p class="allies"><#list entry.allies![] as a><a href="${a.href}">${a.name}</a> </#list></p>
                    <p class="allied-by"><#list entry.referrers.parties![] as a>${a.name} </#list></p>
                    </@l.frame>
                    """, """
                    <#import "layout.ftlh" as l><@l.frame title=entry.name><h1 id="members">${entry.name}</h1>
                    <#list entry.referrers.stances![] as s><p class="stance">${s.topic.name}: ${s.text}</p></#list>
                    </@l.frame>
                    """)),
            Map.entry("parties.ftlh", List.of("""
                    <#import "layout.ftlh" as l><@l.frame title=entry.title><h1>${entry.title}</h1>${entry.content}
                    <table><tr><th></th><#list collections.topics as t><th>${t.name}</th></#list></tr>
                    <#list collections.parties as p><tr><th><a href="${p.href}">${p.name}</a></th><#list collections.topics as t><td>${(matrices.stances[p.id][t.id].text)!"-"}</td></#list></tr></#list>
                    </table></@l.frame>
                    """, """
                    <#import "layout.ftlh" as l><@l.frame title=entry.title><h1>${entry.title}</h1>
                    <ul><#list collections.parties?sort_by("name")?reverse as p><li>${p.name}: ${(p.referrers.people![])?size}</li></#list></ul>
                    </@l.frame>
                    """)),
            Map.entry("quote.ftlh", List.of("""
                    <#import "layout.ftlh" as l><@l.frame title=entry.id><h1>${entry.text}</h1>
                    <p><a href="${entry.speaker.href}">${entry.speaker.name}</a>, ${entry.date}, ${entry.source.label}<#if entry.context??>, ${entry.context}</#if></p>
                    <#list entry.topics![] as t><span>${t.name}</span></#list>
                    <#list entry.audience![] as a><span class="audience">${a.person.name}</span></#list></@l.frame>
                    """, """
                    <#import "layout.ftlh" as l><@l.frame title=entry.text><h1>${entry.speaker.name} (${entry.speaker.party.name})</h1>
                    <blockquote>${entry.text}</blockquote></@l.frame>
                    """)),
            Map.entry("updates.ftlh", List.of("""
                    <#import "layout.ftlh" as l><@l.frame title=entry.title><h1>${entry.title}</h1>
                    <ol><#list changelog as c><li>${c.date?string.iso} <a href="${c.entry.href}">${c.entry.title!c.entry.name}</a>: ${c.text}</li></#list></ol>
                    </@l.frame>
                    """, """
                    <#import "layout.ftlh" as l><@l.frame title=entry.title><h1>${entry.title}</h1>${entry.content}
                    <ol reversed><#list changelog?reverse as c><li>${c.date} ${c.entry.collection} ${c.entry.id}: ${c.text}</li></#list></ol>
                    </@l.frame>
                    """)),
            Map.entry("shortcodes/card.ftlh", List.of("""
                    <#-- @param who reference:people required -->
                    <span class="card"><a href="${who.href}">${who.name}</a></span>
                    """, """
                    <#-- @param who reference:people required
                      @param wide boolean -->
                    <span class="card">${who.party.name}, cited ${(who.referrers.pages![])?size} times</span>
                    """)),
            Map.entry("shortcodes/note.ftlh", List.of("""
                    <#-- @param kind text required
                      @body -->
                    <aside class="${kind}">${body}</aside>
                    """, """
                    <#-- @param kind text required
                      @body -->
                    <aside class="note ${kind}"><p>${entry.id}</p>${body}</aside>
                    """)),
            Map.entry("feed.ftlx", List.of("""
                    <?xml version="1.0" encoding="utf-8"?>
                    <feed xmlns="http://www.w3.org/2005/Atom"><title>${site.title}</title><#list changelog as c>
                    <entry><title>${c.text}</title><link href="${c.entry.permalink}"/><updated>${c.date?string.iso}T00:00:00Z</updated></entry></#list>
                    </feed>
                    """, """
                    <?xml version="1.0" encoding="utf-8"?>
                    <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${site.language}"><title>${entry.title}</title><#list changelog as c>
                    <entry><title>${c.text} (${c.entry.id})</title><link href="${c.entry.permalink}"/></entry></#list>
                    </feed>
                    """)));
}
