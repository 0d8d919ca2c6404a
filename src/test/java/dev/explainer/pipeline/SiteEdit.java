package dev.explainer.pipeline;

import dev.explainer.pipeline.EditableSite.Collection;
import dev.explainer.pipeline.EditableSite.Entry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One edit an editor could make to an {@link EditableSite}. Its numbers choose what it edits
 * (the n-th entry, field, value...) modulo what there is when it is applied, so that any
 * sequence applies to any state, and a shrunk sequence still does something. {@link #applyTo}
 * says what it did in the words of the failure report ("set 'name' of people 'bob' to "Zed"");
 * {@link #toString} says what it was generated as.
 */
sealed interface SiteEdit {

    /** Makes the edit and says what it changed. */
    String applyTo(EditableSite site);

    /** A field of an entry of some collection set to another value of its vocabulary (or removed). */
    record SetField(int collection, int entry, int field, int value) implements SiteEdit {
        public String applyTo(EditableSite site) {
            Collection chosen = EditableSite.COLLECTIONS.get(collection % EditableSite.COLLECTIONS.size());
            List<Entry> entries = site.entries(chosen.name());
            if (entries.isEmpty()) {
                return "no " + chosen.name() + " entry to edit";
            }
            Entry target = entries.get(entry % entries.size());
            EditableSite.Field edited = chosen.fields().get(field % chosen.fields().size());
            List<String> values = edited.values();
            String now = values.get((values.indexOf(target.fields.get(edited.name())) + 1 + value) % values.size());
            put(target, edited.name(), now);
            return "set '" + edited.name() + "' of " + describe(chosen, target) + " to " + shown(now);
        }
    }

    /** The body of the n-th Markdown entry replaced by another of {@link EditableSite#BODIES}. */
    record SetBody(int entry, int body) implements SiteEdit {
        public String applyTo(EditableSite site) {
            List<Map.Entry<Collection, Entry>> markdown = site.allEntries().stream().filter(e -> e.getKey().markdown()).toList();
            if (markdown.isEmpty()) {
                return "no Markdown entry to edit";
            }
            Map.Entry<Collection, Entry> picked = markdown.get(entry % markdown.size());
            Entry target = picked.getValue();
            List<String> bodies = EditableSite.BODIES;
            target.body = bodies.get((bodies.indexOf(target.body) + 1 + body) % bodies.size());
            return "set the body of " + describe(picked.getKey(), target) + " to '" + target.body.replace("\n", "\\n") + "'";
        }
    }

    /**
     * A new entry in the n-th collection: a new Markdown file, or an item inserted at some place
     * of a data file (moving the entries after it down). Its id may be taken already, or not a slug.
     */
    record AddEntry(int collection, int id, int seed) implements SiteEdit {
        public String applyTo(EditableSite site) {
            Collection chosen = EditableSite.COLLECTIONS.get(collection % EditableSite.COLLECTIONS.size());
            List<Entry> entries = site.entries(chosen.name());
            String newId;
            if (chosen.name().equals("stances")) {
                newId = pick(site, "parties", seed) + "-" + pick(site, "topics", id);
            } else {
                List<String> free = chosen.spareIds().stream()
                        .filter(spare -> !chosen.markdown() || !site.ids(chosen.name()).contains(spare)).toList();
                if (free.isEmpty()) {
                    return "no id left for a new " + chosen.name() + " entry";
                }
                newId = free.get(id % free.size());
            }
            String body = EditableSite.BODIES.get(seed % EditableSite.BODIES.size());
            Entry added = switch (chosen.name()) {
                case "pages" -> new Entry(newId, body, "title", "\"New page\"");
                case "people" -> new Entry(newId, body, "name", "\"New person\"", "party", pick(site, "parties", seed));
                case "parties" -> new Entry(newId, null, "name", "\"New party\"");
                case "topics" -> new Entry(newId, null, "name", "\"New topic\"");
                case "stances" -> new Entry(newId, null, "party", pick(site, "parties", seed), "topic", pick(site, "topics", id),
                        "text", "\"New stance.\"");
                case "quotes" -> new Entry(newId, null, "speaker", pick(site, "people", seed), "text", "\"Bye.\"",
                        "date", "2015-10-25", "kind", "reported", "source", pick(site, "sources", seed));
                case "sources" -> new Entry(newId, null, "label", "\"New source\"");
                default -> throw new IllegalStateException(chosen.name());
            };
            int at = chosen.markdown() ? entries.size() : seed % (entries.size() + 1);
            entries.add(at, added);
            String cells = "";
            if ((chosen.name().equals("parties") || chosen.name().equals("topics")) && seed % 2 == 0) {
                new Revert(EditableSite.COLLECTIONS.indexOf(EditableSite.collection("stances"))).applyTo(site);
                cells = ", and the stances it needs";
            }
            return "added " + describe(chosen, added) + (chosen.markdown() ? "" : " as item " + (at + 1)) + " with "
                    + added.fields + (added.body == null ? "" : " and body '" + added.body.replace("\n", "\\n") + "'") + cells;
        }
    }

    /** An entry of some collection deleted: its Markdown file, or its item in a data file (for a party or topic, maybe its stances too). */
    record DeleteEntry(int collection, int entry) implements SiteEdit {
        public String applyTo(EditableSite site) {
            Collection chosen = EditableSite.COLLECTIONS.get(collection % EditableSite.COLLECTIONS.size());
            List<Entry> entries = site.entries(chosen.name());
            if (entries.isEmpty()) {
                return "no " + chosen.name() + " entry to delete";
            }
            boolean withStances = entry / entries.size() % 2 == 0;
            Entry deleted = entries.remove(entry % entries.size());
            String cells = "";
            if ((chosen.name().equals("parties") || chosen.name().equals("topics")) && withStances) {
                String field = chosen.name().equals("parties") ? "party" : "topic";
                site.entries("stances").removeIf(stance -> deleted.id.equals(stance.fields.get(field)));
                cells = ", and its stances";
            }
            return "deleted " + describe(chosen, deleted) + cells;
        }
    }

    /**
     * A reference of an entry of a collection with references pointed elsewhere: to an existing
     * id (in a list: added, or removed if there), to an id nothing has, or removed.
     */
    record SetReference(int collection, int entry, int field, int target) implements SiteEdit {
        public String applyTo(EditableSite site) {
            List<Collection> referring = EditableSite.COLLECTIONS.stream().filter(c -> !c.references().isEmpty()).toList();
            Collection collection = referring.get(this.collection % referring.size());
            List<Entry> entries = site.entries(collection.name());
            if (entries.isEmpty()) {
                return "no " + collection.name() + " entry to edit";
            }
            Entry source = entries.get(entry % entries.size());
            EditableSite.Reference reference = collection.references().get(field % collection.references().size());
            List<String> ids = site.ids(reference.target());
            int choice = target % (ids.size() + 2);
            String now;
            if (choice == ids.size()) {
                String missing = ids.isEmpty() ? "nobody" : ids.get(0) + "x";
                now = reference.list() ? "[" + missing + "]" : missing;
            } else if (choice == ids.size() + 1) {
                now = null;
            } else if (reference.list()) {
                List<String> list = new ArrayList<>(listOf(source.fields.get(reference.field())));
                String id = ids.get(choice);
                if (!list.remove(id)) {
                    list.add(id);
                }
                now = "[" + String.join(", ", list) + "]";
            } else {
                now = ids.get(choice);
            }
            put(source, reference.field(), now);
            return "set reference '" + reference.field() + "' of " + describe(collection, source) + " to " + shown(now);
        }
    }

    /**
     * The n-th collection put right, as an editor who follows the error messages would: the
     * matrix given exactly one entry for every pair of a party and a topic (the first of each
     * pair kept), any other collection back to the entries it started with.
     */
    record Revert(int collection) implements SiteEdit {
        public String applyTo(EditableSite site) {
            Collection chosen = EditableSite.COLLECTIONS.get(collection % EditableSite.COLLECTIONS.size());
            List<Entry> entries = site.entries(chosen.name());
            if (!chosen.name().equals("stances")) {
                entries.clear();
                entries.addAll(new EditableSite().entries(chosen.name()));
                return "reverted " + chosen.name() + " to its first entries";
            }
            List<Entry> complete = new ArrayList<>();
            for (String party : new java.util.LinkedHashSet<>(site.ids("parties"))) {
                for (String topic : new java.util.LinkedHashSet<>(site.ids("topics"))) {
                    Entry cell = entries.stream().filter(e -> (party).equals(e.fields.get("party")) && topic.equals(e.fields.get("topic")))
                            .findFirst().orElse(null);
                    if (cell == null || complete.stream().anyMatch(e -> e.id.equals(cell.id))) {
                        complete.add(new Entry(party + "-" + topic, null, "party", party, "topic", topic, "text", "\"Not stated.\""));
                    } else {
                        cell.fields.putIfAbsent("text", "\"Not stated.\"");
                        complete.add(cell);
                    }
                }
            }
            entries.clear();
            entries.addAll(complete);
            return "gave stances one entry for each pair of a party and a topic";
        }
    }

    /**
     * Two stances swap their places in the matrix (their party and topic), in one save: the
     * matrix stays complete, its cells hold other entries, and no entry's text changes.
     */
    record SwapStances(int first, int second) implements SiteEdit {
        public String applyTo(EditableSite site) {
            List<Entry> stances = site.entries("stances");
            if (stances.size() < 2) {
                return "no two stances to swap";
            }
            Entry a = stances.get(first % stances.size());
            Entry b = stances.get((first % stances.size() + 1 + second % (stances.size() - 1)) % stances.size());
            for (String field : List.of("party", "topic")) {
                String kept = a.fields.get(field);
                put(a, field, b.fields.get(field));
                put(b, field, kept);
            }
            return "swapped the party and topic of stances '" + a.id + "' and '" + b.id + "' (content/stances.yaml)";
        }
    }

    /** A template or partial changed to another of its forms. */
    record EditTemplate(int template, int form) implements SiteEdit {
        public String applyTo(EditableSite site) {
            List<String> names = site.templateNames();
            String name = names.get(template % names.size());
            int forms = EditableSite.TEMPLATES.get(name).size();
            int now = (site.templateForm(name) + 1 + form % (forms - 1)) % forms;
            site.setTemplateForm(name, now);
            return "changed templates/" + name + " to its form " + now;
        }
    }

    /** A setting of site.yaml changed to another of its forms. */
    record EditConfig(int setting, int form) implements SiteEdit {
        public String applyTo(EditableSite site) {
            EditableSite.Setting chosen = EditableSite.Setting.values()[setting % EditableSite.Setting.values().length];
            int forms = chosen.forms.size();
            int now = (site.setting(chosen) + 1 + form % (forms - 1)) % forms;
            site.set(chosen, now);
            return "changed content/site.yaml to " + chosen.forms.get(now);
        }
    }

    /** A collection's JSON Schema changed to another of its forms. */
    record EditSchema(int schema, int form) implements SiteEdit {
        public String applyTo(EditableSite site) {
            List<String> names = site.schemaNames();
            String name = names.get(schema % names.size());
            int forms = EditableSite.SCHEMAS.get(name).size();
            int now = (site.schemaForm(name) + 1 + form % (forms - 1)) % forms;
            site.setSchemaForm(name, now);
            return "changed content/schemas/" + name + " to its form " + now;
        }
    }

    /** The stylesheet changed (so its hashed name too), or an image added or removed. */
    record EditAsset(int form) implements SiteEdit {
        public String applyTo(EditableSite site) {
            int now = (site.assetForm() + 1 + form % 2) % EditableSite.ASSET_FORMS;
            site.setAssetForm(now);
            return List.of("set templates/assets/site.css to black, no logo", "set templates/assets/site.css to navy, no logo",
                    "set templates/assets/site.css to black and added templates/assets/logo.svg").get(now);
        }
    }

    /** The image map.svg beside the pages and the people added, resized, broken or removed. */
    record EditImage(int form) implements SiteEdit {
        public String applyTo(EditableSite site) {
            int now = (site.imageForm() + 1 + form % (EditableSite.IMAGE_FORMS - 1)) % EditableSite.IMAGE_FORMS;
            site.setImageForm(now);
            return List.of("removed map.svg", "set map.svg to 40 × 10", "set map.svg to 80 × 20", "set map.svg to bytes that are no image")
                    .get(now);
        }
    }

    /** templates/extra.ftlh added, or removed. */
    record ToggleTemplate() implements SiteEdit {
        public String applyTo(EditableSite site) {
            site.setExtraTemplate(!site.extraTemplate());
            return (site.extraTemplate() ? "added" : "removed") + " templates/extra.ftlh";
        }
    }

    /** A file broken (a syntax error, a missing file, a stray one...), to be repaired by a later edit. */
    record BreakFile(EditableSite.Break kind) implements SiteEdit {
        public String applyTo(EditableSite site) {
            if (site.breaks().contains(kind)) {
                return kind + " is broken already";
            }
            site.breaks().add(kind);
            return "broke " + kind.file + " (" + kind + ")";
        }
    }

    /** One of the broken files repaired. */
    record Repair(int which) implements SiteEdit {
        public String applyTo(EditableSite site) {
            if (site.breaks().isEmpty()) {
                return "nothing broken to repair";
            }
            EditableSite.Break repaired = site.breaks().remove(which % site.breaks().size());
            return "repaired " + repaired.file + " (" + repaired + ")";
        }
    }

    /** A field of a named entry set to a given value (or removed): for sequences written by hand. */
    record Put(String collection, String id, String field, String value) implements SiteEdit {
        public String applyTo(EditableSite site) {
            Entry target = named(site, collection, id);
            put(target, field, value);
            return "set '" + field + "' of " + describe(EditableSite.collection(collection), target) + " to " + shown(value);
        }
    }

    /** The body of a named Markdown entry set: for sequences written by hand. */
    record PutBody(String collection, String id, String body) implements SiteEdit {
        public String applyTo(EditableSite site) {
            Entry target = named(site, collection, id);
            target.body = body;
            return "set the body of " + describe(EditableSite.collection(collection), target) + " to '" + body.replace("\n", "\\n") + "'";
        }
    }

    /** A named template changed to a given form: for sequences written by hand. */
    record UseTemplate(String name, int form) implements SiteEdit {
        public String applyTo(EditableSite site) {
            if (form >= EditableSite.TEMPLATES.get(name).size()) {
                throw new IllegalArgumentException("templates/" + name + " has no form " + form);
            }
            site.setTemplateForm(name, form);
            return "changed templates/" + name + " to its form " + form;
        }
    }

    /** A setting of site.yaml changed to a given form: for sequences written by hand. */
    record UseSetting(EditableSite.Setting setting, int form) implements SiteEdit {
        public String applyTo(EditableSite site) {
            site.set(setting, form);
            return "changed content/site.yaml to " + setting.forms.get(form);
        }
    }

    private static Entry named(EditableSite site, String collection, String id) {
        return site.entries(collection).stream().filter(entry -> entry.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + collection + " entry '" + id + "' to edit"));
    }

    private static void put(Entry entry, String field, String value) {
        if (value == null) {
            entry.fields.remove(field);
        } else {
            entry.fields.put(field, value);
        }
    }

    private static String pick(EditableSite site, String collection, int seed) {
        List<String> ids = site.ids(collection);
        return ids.isEmpty() ? "nobody" : ids.get(seed % ids.size());
    }

    private static List<String> listOf(String yaml) {
        if (yaml == null || !yaml.startsWith("[") || yaml.equals("[]")) {
            return List.of();
        }
        return Arrays.stream(yaml.substring(1, yaml.length() - 1).split(",")).map(String::trim).toList();
    }

    private static String describe(Collection collection, Entry entry) {
        return collection.name() + " '" + entry.id + "' (" + collection.file(entry.id) + ")";
    }

    private static String shown(String value) {
        return value == null ? "nothing (removed)" : value;
    }
}
