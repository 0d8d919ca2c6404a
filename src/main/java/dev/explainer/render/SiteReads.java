package dev.explainer.render;

import dev.explainer.config.CollectionConfig;
import dev.explainer.config.SiteConfig;
import dev.explainer.link.Change;
import dev.explainer.link.Entry;
import dev.explainer.link.Page;
import dev.explainer.link.Site;
import dev.explainer.link.TextLanguage;
import dev.explainer.markdown.LinkTargets;
import dev.explainer.markdown.ShortcodeCall;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one way a page's models read the linked site: every method records, as the page's
 * {@link PageInput}, what the value it returns depends on, before returning it. Templates see
 * values only through the models of {@link Models}, and those read entries and the site only
 * here (holding no {@link Site} of their own), so a value cannot reach a template without being
 * recorded; {@code RecordedInputsTest} checks that no other class of the stage reads entries'
 * content, and that an edit to anything a template reached by any route re-renders its page.
 *
 * <p>The config and the set of page and asset paths are read without recording: a change to
 * either re-renders every page.
 */
final class SiteReads {
    private final Site site;
    private final PageInputs inputs;
    /** False for a one-off build, which records nothing: then no input is even made. */
    private final boolean recording;

    SiteReads(Site site, PageInputs inputs) {
        this.site = site;
        this.inputs = inputs;
        this.recording = inputs.recording();
    }

    PageInputs inputs() {
        return inputs;
    }

    // ---- an entry's parts ----

    /**
     * An entry's field: the entry or entries a reference field names (each read in its turn
     * through here), the value of any other field, {@code null} if the entry has no such field.
     */
    Object field(Entry entry, String field) {
        if (recording) {
            inputs.add(new PageInput.EntryField(EntryRef.of(entry), field));
        }
        return site.reference(entry, field);
    }

    /** The names of an entry's fields, in their order. */
    Set<String> fieldNames(Entry entry) {
        if (recording) {
            inputs.add(new PageInput.EntryKeys(EntryRef.of(entry)));
        }
        return entry.data().keySet();
    }

    /** An entry's Markdown body as HTML, internal links still starting with the root marker. */
    String body(Entry entry) {
        if (recording) {
            inputs.add(new PageInput.EntryBody(EntryRef.of(entry)));
        }
        return entry.html();
    }

    /** The shortcode calls whose markers an entry's body holds: part of its body, recorded as such. */
    List<ShortcodeCall> shortcodes(Entry entry) {
        if (recording) {
            inputs.add(new PageInput.EntryBody(EntryRef.of(entry)));
        }
        return entry.shortcodes();
    }

    /** Where an entry is shown, if anywhere. */
    Optional<String> sitePath(Entry entry) {
        if (recording) {
            inputs.add(new PageInput.EntryPath(EntryRef.of(entry)));
        }
        return entry.sitePath();
    }

    /** The file that defines an entry, below the source folder. */
    String file(Entry entry) {
        if (recording) {
            inputs.add(new PageInput.EntryFile(EntryRef.of(entry)));
        }
        return entry.position().path();
    }

    /** The language of the text an entry shows in this edition, and whether it is a translation behind its original. */
    TextLanguage textLanguage(Entry entry) {
        if (recording) {
            inputs.add(new PageInput.EntryLanguage(EntryRef.of(entry)));
        }
        return site.textLanguage(entry);
    }

    /** The name an entry is shown by: its collection's {@code display_field}, else its {@code title}, else its {@code name}, else its id. */
    String displayName(Entry entry) {
        Optional<String> displayField = site.config().collection(entry.collection())
                .flatMap(CollectionConfig::displayField).map(CollectionConfig.DisplayField::field);
        if (recording) {
            EntryRef ref = EntryRef.of(entry);
            for (String field : displayField.map(List::of).orElse(List.of("title", "name"))) {
                inputs.add(new PageInput.EntryField(ref, field));
            }
        }
        return entry.displayName(displayField);
    }

    /** The entries that refer to an entry, by their collection. */
    Map<String, List<Entry>> referrers(Entry entry) {
        if (recording) {
            inputs.add(new PageInput.Referrers(EntryRef.of(entry)));
        }
        return site.referrers(entry);
    }

    // ---- the site's lists ----

    /** The collections' names, in the config's order. */
    Set<String> collectionNames() {
        return site.collections().keySet();
    }

    /** A collection's entries in order, or {@code null} if there is no such collection. */
    List<Entry> listing(String collection) {
        if (recording) {
            inputs.add(new PageInput.Listing(collection));
        }
        return site.collections().get(collection);
    }

    /** The names of the collections declared as matrices, in the config's order. */
    Set<String> matrixNames() {
        return site.matrices().keySet();
    }

    /** A matrix: row id, then column id, to the entry; {@code null} if there is no such matrix. */
    Map<String, Map<String, Entry>> matrix(String collection) {
        if (recording) {
            inputs.add(new PageInput.Matrix(collection));
        }
        return site.matrices().get(collection);
    }

    /** Every entry's dated changes, newest first. */
    List<Change> changelog() {
        if (recording) {
            inputs.add(new PageInput.Changelog());
        }
        return site.changelog();
    }

    /** The entry of a collection with an id, if there is one. */
    Optional<Entry> lookup(String collection, String id) {
        if (recording) {
            inputs.add(new PageInput.Presence(new EntryRef(collection, id)));
        }
        return site.entry(collection, id);
    }

    // ---- what every page depends on, not recorded ----

    SiteConfig config() {
        return site.config();
    }

    /** The page at a site path. */
    Optional<Page> page(String sitePath) {
        return site.page(sitePath);
    }

    /** The editions that leave out the page at a site path (not recorded: a change to them re-renders every page, as paths do). */
    Set<String> editionsWithout(String sitePath) {
        return site.editionsWithout(sitePath);
    }

    /** The page or asset at a site path. */
    Optional<LinkTargets.Target> find(String sitePath) {
        return site.find(sitePath);
    }

    /**
     * The image of {@code content/} at a site path ({@code /countries/map.png}), if it can be
     * published. Not recorded: images are part of the site's paths, which are compared whole
     * (their sizes too), so a changed image renders every page again.
     */
    Optional<dev.explainer.load.ImageFile> image(String sitePath) {
        return site.image(dev.explainer.load.SourceLayout.CONTENT + sitePath).filter(image -> image.problem().isEmpty());
    }
}
