package dev.explainer.load;

import dev.explainer.config.CollectionConfig;
import dev.explainer.config.ConfigParser;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.LoadCache.EntryFiles;
import dev.explainer.load.LoadCache.FinishedLoad;
import dev.explainer.parallel.Parallel;
import dev.explainer.text.SourceFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One load that reads the whole source folder (the site config, the listings, every entry file,
 * schema, template and asset), reusing from the cache what is known not to have changed.
 */
final class FullLoad {
    private final SourceTree tree;
    private final ChangedFiles changed;
    private final LoadCache cache;
    private final Diagnostics problems = new Diagnostics();
    /** The site config, schemas and templates read (or kept) in this load. */
    private final Map<String, SourceFile> texts = new HashMap<>();
    private final ConfigParser configParser;
    private final EntryFileReader entryFiles;

    FullLoad(SourceTree tree, ChangedFiles changed, LoadCache cache, ConfigParser configParser, EntryFileReader entryFiles) {
        this.tree = tree;
        this.changed = changed;
        this.cache = cache;
        this.configParser = configParser;
        this.entryFiles = entryFiles;
    }

    ContentLoader.Result load() {
        for (String folder : List.of(SourceLayout.CONTENT, SourceLayout.TEMPLATES)) {
            SourceTree.Entry entry = tree.find(folder, Position.startOf(folder));
            if (entry.kind() == SourceTree.Kind.MISSING) {
                return ContentLoader.noSourceFolder(tree.root(), folder);
            }
            entry.notAFolder("; the source folder must hold the folders content/ and templates/").ifPresent(problems::add);
        }
        Optional<SiteConfig> config = problems.hasErrors() ? Optional.empty() : config();
        if (config.isEmpty()) {
            return new ContentLoader.Result(Optional.empty(), problems.sorted(), cache.stoppedEarly(tree.root(), changed, texts));
        }
        Set<String> claimed = new HashSet<>();
        claimed.add(SourceLayout.SITE_CONFIG);
        FolderListing content = listing(SourceLayout.CONTENT); // walked once, used twice
        problems.addAll(content.refused().values());
        List<EntryFile> files = EntryFile.find(tree, config.get().collections(), config.get().languages(), content, claimed,
                problems);
        Optional<EntryFiles> earlier = cache.entryFiles();
        List<ParsedFile> parsed = Parallel.map(files,
                file -> entryFiles.read(tree, file, changed, earlier.flatMap(e -> e.parsed(file))), EntryFile::path);
        Map<String, SourceFile> schemas = schemas(config.get(), claimed);
        Optional<String> staticFolder = StaticFiles.folderOf(config.get().outputs());
        FolderListing wellKnown = staticFolder
                .filter(folder -> SourceNames.configPathProblem(config.get().outputs().staticFolder().get()).isEmpty()
                        && tree.find(folder, Position.startOf(folder)).kind() == SourceTree.Kind.FOLDER)
                .map(folder -> hiddenListing(folder + "/" + StaticFiles.WELL_KNOWN))
                .orElse(new FolderListing(List.of(), Map.of()));
        problems.addAll(wellKnown.refused().values());
        List<Asset> staticFiles = StaticFiles.find(tree, config.get().outputs(), content, wellKnown, claimed, problems);
        List<String> imagePaths = content.files().stream()
                .filter(path -> ImageFile.isImageName(path) && !SourceLayout.ignorable(path)).toList();
        claimed.addAll(imagePaths);
        checkMediaFolder(config.get());
        warnUnclaimed(content.files(), claimed);
        FolderListing templates = listing(SourceLayout.TEMPLATES);
        problems.addAll(templates.refused().values());
        Map<String, SourceFile> templateTexts = new TreeMap<>();
        List<Asset> assets = new ArrayList<>();
        Map<String, Asset> readAssets = new HashMap<>();
        for (String path : templates.files()) {
            String name = path.substring(SourceLayout.TEMPLATES.length() + 1);
            if (name.startsWith(SourceLayout.ASSETS + "/")) {
                assets.add(asset(path, name, readAssets));
            } else if (SourceLayout.isTemplate(name) || SourceLayout.isMessageFile(name)) {
                text(path).ifPresent(file -> templateTexts.put(name, file)); // message files beside the templates that use them
            } else if (!SourceLayout.ignorable(name)) {
                problems.warning(DiagnosticCode.STRAY_FILE, Position.startOf(path),
                        "not a template (.ftlh, .ftlx, .ftl), not a message file (i18n/LANG.yaml) and not under templates/assets/: ignored");
            }
        }
        assets.addAll(staticFiles); // after the templates' own: of two files at one address, the static one is told
        Map<String, ImageFile> readImages = new HashMap<>();
        Map<String, ImageFile> images = images(imagePaths, assets, readImages);
        content.refused().forEach((path, refusal) -> { // reported by the walk; Markdown that shows it says so too
            if (ImageFile.isImageName(path)) {
                images.put(path, new ImageFile(path, "", 0, 0, Optional.of(refusal.message())));
            }
        });
        EntryFiles found = new EntryFiles(files, parsed);
        LoadedSite site = new LoadedSite(config.get(), List.of(), schemas, templateTexts, assets, Set.of(), images, List.of()).withEntries(found);
        List<Diagnostic> otherProblems = problems.sorted();
        Map<String, FolderListing> listings = new HashMap<>(Map.of(SourceLayout.CONTENT, content, SourceLayout.TEMPLATES, templates));
        staticFolder.ifPresent(folder -> listings.put(folder + "/" + StaticFiles.WELL_KNOWN, wellKnown));
        LoadCache next = new LoadCache(tree.root(), listings, texts,
                readAssets, readImages, Optional.of(found), Optional.of(new FinishedLoad(site, otherProblems)), ChangedFiles.exactly(Set.of()));
        return new ContentLoader.Result(Optional.of(site), ContentLoader.all(otherProblems, parsed), next);
    }

    /** The site config, if it can be read and parses. */
    private Optional<SiteConfig> config() {
        SourceTree.Entry entry = tree.find(SourceLayout.SITE_CONFIG, Position.startOf(SourceLayout.SITE_CONFIG));
        if (entry.kind() == SourceTree.Kind.MISSING) {
            problems.error(DiagnosticCode.MISSING_FILE, Position.startOf(SourceLayout.SITE_CONFIG),
                    "file not found: every site needs its config here (title, base_url, collections)");
        }
        entry.notAFile("; the site's config must be a YAML file").ifPresent(problems::add);
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        Optional<SourceFile> file = text(SourceLayout.SITE_CONFIG);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        ConfigParser.Result parsed = configParser.parse(file.get());
        problems.addAll(parsed.diagnostics());
        return parsed.config();
    }

    /** The schema files the collections name, by their path below {@code content/}. */
    private Map<String, SourceFile> schemas(SiteConfig config, Set<String> claimed) {
        Map<String, SourceFile> schemas = new TreeMap<>();
        for (CollectionConfig collection : config.collections()) {
            String schemaPath = SourceLayout.CONTENT + "/" + collection.schema();
            if (collection.schema().isEmpty() || schemas.containsKey(collection.schema())) {
                continue; // (one that could not be read is reported for each collection that names it)
            }
            claimed.add(schemaPath);
            Optional<String> invalid = SourceNames.configPathProblem(collection.schema());
            if (invalid.isPresent()) {
                problems.error(DiagnosticCode.CONFIG, collection.position(), "collection '" + collection.name() + "': schema '"
                        + SourceNames.printable(collection.schema()) + "' " + invalid.get());
                continue;
            }
            SourceTree.Entry schema = tree.find(schemaPath, collection.position());
            if (schema.kind() == SourceTree.Kind.MISSING) {
                problems.error(DiagnosticCode.MISSING_FILE, collection.position(), "collection '" + collection.name()
                        + "': schema file " + schemaPath + " not found");
                continue;
            }
            Optional<Diagnostic> notAFile = schema.notAFile("; collection '" + collection.name()
                    + "' names it as its schema, so fix 'schema'");
            if (notAFile.isPresent()) {
                problems.add(notAFile.get());
                continue;
            }
            text(schemaPath).ifPresent(file -> schemas.put(collection.schema(), file));
        }
        return schemas;
    }

    private void warnUnclaimed(List<String> contentFiles, Set<String> claimed) {
        for (String path : contentFiles) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            // Schemas for editors' tooling (such as a data file's list schema) live beside the collections' own.
            if (!claimed.contains(path) && !SourceLayout.ignorable(name) && !name.endsWith(".schema.json")) {
                problems.warning(DiagnosticCode.STRAY_FILE, Position.startOf(path), "not part of any collection, schema or the site config: ignored");
            }
        }
    }

    /**
     * The files below {@code folder}, sorted, and what was refused in it. Told exactly what
     * changed, it updates the last listing with those paths instead of walking the folder again.
     */
    private FolderListing listing(String folder) {
        FolderListing last = cache.listings().get(folder);
        Optional<FolderListing> updated = last != null && changed.exhaustive()
                ? last.updated(tree, folder, changed) : Optional.empty();
        return updated.orElseGet(() -> tree.list(folder));
    }

    /**
     * The listing of a folder the walk of its parent leaves out as hidden: updated with the
     * changes like the others, but walked again if it, or a folder around it, changed itself.
     */
    private FolderListing hiddenListing(String folder) {
        boolean aroundChanged = !changed.exhaustive()
                || changed.paths().stream().anyMatch(path -> path.equals(folder) || folder.startsWith(path + "/"));
        return aroundChanged || !cache.listings().containsKey(folder) ? tree.list(folder) : listing(folder);
    }

    /** An asset: the one the last load read if the file is known not to have changed, else read now. */
    private Asset asset(String path, String name, Map<String, Asset> read) {
        Asset kept = changed.exhaustive() && !changed.contains(path) ? cache.assets().get(path) : null;
        if (kept != null) {
            read.put(path, kept);
            return kept;
        }
        Diagnostics reading = new Diagnostics();
        Asset asset = HashedAssetNames.asset(tree, path, name, reading);
        problems.addAll(reading.sorted());
        if (reading.sorted().isEmpty()) {
            read.put(path, asset); // one that could not be read, or has a warning, is read again, and reported again, next time
        }
        return asset;
    }

    /**
     * The images of {@code content/}, each read and inspected (or kept from the last load if known
     * not to have changed); those that can be published are added to {@code assets}, named by
     * their path below {@code content/}. A problem is an error where Markdown shows the image;
     * here, at the file, a warning says that it is not published.
     */
    private Map<String, ImageFile> images(List<String> paths, List<Asset> assets, Map<String, ImageFile> read) {
        Map<String, String> templateAssets = new HashMap<>();
        assets.forEach(asset -> templateAssets.put(asset.sitePath(), asset.origin()));
        List<ImageFile> inspected = Parallel.map(paths, path -> {
            ImageFile kept = changed.exhaustive() && !changed.contains(path) ? cache.images().get(path) : null;
            return kept != null ? kept : HashedAssetNames.image(tree, path);
        }, path -> path);
        Map<String, ImageFile> images = new TreeMap<>();
        for (ImageFile image : inspected) {
            String sitePath = image.path().substring(SourceLayout.CONTENT.length() + 1);
            String clash = templateAssets.get(sitePath);
            ImageFile checked = clash == null ? image : new ImageFile(image.path(), "", image.width(), image.height(),
                    Optional.of("has the same address, /" + sitePath + ", as " + clash + "; rename or move one of them"));
            images.put(checked.path(), checked);
            if (image.problem().isEmpty()) {
                read.put(image.path(), image); // a file that could not be read is read again next time
            }
            if (checked.problem().isPresent()) {
                problems.warning(DiagnosticCode.IMAGE, Position.startOf(checked.path()), checked.problem().get() + "; it is not published");
            } else {
                assets.add(new Asset(tree.root().resolve(checked.path()), sitePath, checked.outputPath(), checked.path()));
            }
        }
        return images;
    }

    /** The declared media folder must be a folder inside {@code content/}. */
    private void checkMediaFolder(SiteConfig config) {
        if (config.media().isEmpty()) {
            return;
        }
        String folder = config.media().get().folder();
        Position at = config.media().get().position();
        Optional<String> invalid = SourceNames.configPathProblem(folder);
        if (invalid.isPresent()) {
            problems.error(DiagnosticCode.CONFIG, at, "'media' folder '" + SourceNames.printable(folder) + "' " + invalid.get());
            return;
        }
        SourceTree.Entry entry = tree.find(SourceLayout.CONTENT + "/" + folder, at);
        if (entry.kind() == SourceTree.Kind.MISSING) {
            problems.error(DiagnosticCode.MISSING_FILE, at, "'media' folder " + SourceLayout.CONTENT + "/" + folder
                    + " not found; create it, or remove 'media' from the site config");
            return;
        }
        entry.notAFolder("; 'media' in the site config names it as the folder of shared images").ifPresent(problems::add);
    }

    /** A file's text: the one the last load read if the file is known not to have changed, else read now. */
    private Optional<SourceFile> text(String path) {
        SourceFile kept = changed.exhaustive() && !changed.contains(path) ? cache.texts().get(path) : null;
        if (kept != null) {
            texts.put(path, kept);
            return Optional.of(kept);
        }
        Diagnostics reading = new Diagnostics();
        Optional<SourceFile> file = tree.read(path).text(path, reading);
        problems.addAll(reading.sorted());
        if (file.isPresent() && !reading.hasErrors()) {
            texts.put(path, file.get());
        }
        return file;
    }
}
