package dev.explainer.load;

import dev.explainer.config.SiteConfig;
import dev.explainer.text.SourceFile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a build reads, held in memory: the config, every entry as written, the schema and
 * template texts, and the assets to copy. Nothing later reads the source folder again.
 *
 * @param schemas   schema texts by their path below {@code content/} as the config names them
 * @param templates template texts by name ({@code party.ftlh}, {@code partials/quote.ftlh})
 * @param incomplete collections some of whose entries could not be read; what refers to them
 *                   is not reported again as unknown, since the reading error says why
 * @param images     every image file of {@code content/} by its path ({@code content/countries/map.png}),
 *                   with its size or its problem; those without a problem are among the assets too
 * @param translations every translation beside an original, in the order its files were found
 */
public record LoadedSite(
        SiteConfig config,
        List<RawEntry> entries,
        Map<String, SourceFile> schemas,
        Map<String, SourceFile> templates,
        List<Asset> assets,
        Set<String> incomplete,
        Map<String, ImageFile> images,
        List<RawTranslation> translations) {

    public LoadedSite {
        translations = List.copyOf(translations);
        images = Map.copyOf(images);
        entries = List.copyOf(entries);
        schemas = Map.copyOf(schemas);
        templates = Map.copyOf(templates);
        assets = List.copyOf(assets);
        incomplete = Set.copyOf(incomplete);
    }

    /** The same site with the entries of {@code files}, and the collections some of whose files failed. */
    LoadedSite withEntries(LoadCache.EntryFiles files) {
        List<RawEntry> entries = new ArrayList<>();
        List<RawTranslation> translations = new ArrayList<>();
        Set<String> incomplete = new HashSet<>();
        for (int i = 0; i < files.parsed().size(); i++) {
            ParsedFile parsed = files.parsed().get(i);
            entries.addAll(parsed.entries());
            translations.addAll(parsed.translations());
            // A translation that does not read leaves the originals, which references name, whole.
            if (parsed.hasErrors() && files.files().get(i).language().isEmpty()) {
                incomplete.add(files.files().get(i).collection().name());
            }
        }
        return new LoadedSite(config, entries, schemas, templates, assets, incomplete, images, translations);
    }

    /** The same site with another config, as when the command line overrides the base URL. */
    public LoadedSite withConfig(SiteConfig other) {
        return new LoadedSite(other, entries, schemas, templates, assets, incomplete, images, translations);
    }
}
