package dev.explainer.load;

import dev.explainer.config.SiteConfig;
import dev.explainer.text.SourceFile;

import java.util.List;
import java.util.Map;

/**
 * Everything a build reads, held in memory: the config, every entry as written, the schema and
 * template texts, and the assets to copy. Nothing later reads the source folder again.
 *
 * @param schemas   schema texts by their path below {@code content/} as the config names them
 * @param templates template texts by name ({@code party.ftlh}, {@code partials/quote.ftlh})
 */
public record LoadedSite(
        SiteConfig config,
        List<RawEntry> entries,
        Map<String, SourceFile> schemas,
        Map<String, SourceFile> templates,
        List<Asset> assets) {

    public LoadedSite {
        entries = List.copyOf(entries);
        schemas = Map.copyOf(schemas);
        templates = Map.copyOf(templates);
        assets = List.copyOf(assets);
    }
}
