package dev.explainer.load;

import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.config.CollectionConfig;
import dev.explainer.config.ConfigParser;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.parallel.Parallel;
import dev.explainer.text.SourceFile;
import dev.explainer.yaml.YamlParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The load stage: reads the source folder ({@code content/} and {@code templates/}) into a
 * {@link LoadedSite}. Files are read and parsed in parallel; every problem is collected.
 */
public final class ContentLoader {
    public static final String CONTENT = "content";
    public static final String TEMPLATES = "templates";
    public static final String SITE_CONFIG = CONTENT + "/site.yaml";
    public static final String ASSETS = "assets";

    private final EntryParser entryParser;
    private final ConfigParser configParser;
    /**
     * Content files parsed by earlier runs of this loader, by path. A file whose size and
     * modification time are unchanged, and that the caller did not name as changed, is not read
     * again: the live preview reloads only what an edit touched.
     */
    private final Map<String, ParsedFile> parsedFiles = new ConcurrentHashMap<>();

    private record ParsedFile(long size, FileTime modified, List<RawEntry> entries, List<Diagnostic> diagnostics) {
        boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /**
     * The previous run's source folder, its file listings (sorted, by folder) and what it read
     * from templates/, for runs told exactly which files changed.
     */
    private Path listedSource;
    private final Map<String, SourceTree.Listing> listings = new HashMap<>();
    private final Map<String, Optional<SourceFile>> readFiles = new HashMap<>();
    private final Map<String, Asset> readAssets = new HashMap<>();

    public ContentLoader() {
        YamlParser yaml = new YamlParser();
        this.entryParser = new EntryParser(yaml);
        this.configParser = new ConfigParser(yaml);
    }

    /** The loaded site, if the config could be read, and every problem found. */
    public record Result(Optional<LoadedSite> site, List<Diagnostic> diagnostics) {
    }

    public Result load(Path sourceDir) {
        return load(sourceDir, ChangedFiles.unknown());
    }

    /**
     * Loads the site, reusing what earlier runs parsed from files that did not change.
     *
     * @param changed what is known about the files that changed since this loader's last run
     */
    public Result load(Path sourceDir, ChangedFiles changed) {
        if (!sourceDir.equals(listedSource)) {
            listings.clear();
            readFiles.clear();
            readAssets.clear();
            listedSource = sourceDir;
        }
        if (!changed.exhaustive()) {
            readFiles.clear();
            readAssets.clear();
        }
        // What earlier runs read from a changed file is out of date even if this run never reads
        // it again: a broken site.yaml stops the run before the entries, schemas and templates,
        // and the next run, told only of site.yaml, would otherwise keep the old text.
        for (String path : changed.paths()) {
            parsedFiles.remove(path);
            readFiles.remove(path);
            readAssets.remove(path);
        }
        Optional<SourceTree> tree = SourceTree.of(sourceDir);
        Optional<Result> quick = tree.flatMap(found -> reloadEntryFiles(found, changed));
        if (quick.isPresent()) {
            return quick.get();
        }
        last = null;
        Result result = tree.isPresent() ? loadSite(tree.get(), changed) : noSourceFolder(sourceDir, CONTENT);
        if (result.site().isEmpty()) {
            listings.clear(); // keep nothing from a run that stopped early
        }
        return result;
    }

    /**
     * The previous full run, for runs in which only files that hold entries changed (the live
     * preview's common case): its sources in order, what each gave, and every other problem.
     */
    private record LastLoad(LoadedSite site, List<EntrySource> sources, Map<String, Integer> sourceIndex,
                            List<ParsedFile> parsed, List<Diagnostic> otherProblems) {
    }

    private LastLoad last;

    /**
     * The quick run, if a watcher says exactly which files changed and each is a known entry
     * file that still exists: only those are parsed again, and everything else stays as it was.
     */
    private Optional<Result> reloadEntryFiles(SourceTree tree, ChangedFiles changed) {
        LastLoad before = last;
        if (before == null || !changed.exhaustive()) {
            return Optional.empty();
        }
        List<ParsedFile> parsed = null;
        for (String path : changed.paths()) {
            Integer index = before.sourceIndex().get(path);
            if (index == null || tree.find(path, Position.startOf(path)).kind() != SourceTree.Kind.FILE) {
                return Optional.empty();
            }
            parsed = parsed == null ? new ArrayList<>(before.parsed()) : parsed;
            ParsedFile file = parseFile(tree, before.sources().get(index), changed);
            if (file.size() < 0) {
                return Optional.empty(); // could not be read: the full run reports it
            }
            parsed.set(index, file);
        }
        if (parsed == null) {
            return Optional.of(new Result(Optional.of(before.site()), all(before.otherProblems(), before.parsed())));
        }
        LoadedSite site = loadedSite(before.site(), before.sources(), parsed);
        last = new LastLoad(site, before.sources(), before.sourceIndex(), parsed, before.otherProblems());
        return Optional.of(new Result(Optional.of(site), all(before.otherProblems(), parsed)));
    }

    /** The site with the entries of {@code parsed}, and the collections some of whose files failed. */
    private static LoadedSite loadedSite(LoadedSite base, List<EntrySource> sources, List<ParsedFile> parsed) {
        List<RawEntry> entries = new ArrayList<>();
        Set<String> incomplete = new HashSet<>();
        for (int i = 0; i < parsed.size(); i++) {
            entries.addAll(parsed.get(i).entries());
            if (parsed.get(i).hasErrors()) {
                incomplete.add(sources.get(i).collection().name());
            }
        }
        return new LoadedSite(base.config(), Collections.unmodifiableList(entries), base.schemas(), base.templates(), base.assets(),
                incomplete);
    }

    /**
     * Every problem once: a file refused by the walk is refused again, in the same words, when
     * the config names it as a data file or schema.
     */
    private static List<Diagnostic> all(List<Diagnostic> other, List<ParsedFile> parsed) {
        Diagnostics problems = new Diagnostics();
        problems.addAll(other);
        for (ParsedFile file : parsed) {
            if (!file.diagnostics().isEmpty()) {
                problems.addAll(file.diagnostics());
            }
        }
        return problems.sorted().stream().distinct().toList();
    }

    private static Result noSourceFolder(Path sourceDir, String missing) {
        return new Result(Optional.empty(), List.of(Diagnostic.error(DiagnosticCode.MISSING_FILE, Position.startOf(missing),
                "folder not found in " + sourceDir.toAbsolutePath().normalize()
                        + ": the source folder must hold content/ and templates/ (use --source DIR)")));
    }

    private Result loadSite(SourceTree tree, ChangedFiles changed) {
        Diagnostics problems = new Diagnostics();
        for (String folder : List.of(CONTENT, TEMPLATES)) {
            SourceTree.Entry entry = tree.find(folder, Position.startOf(folder));
            if (entry.kind() == SourceTree.Kind.MISSING) {
                return noSourceFolder(tree.root(), folder);
            }
            entry.notAFolder("; the source folder must hold the folders content/ and templates/").ifPresent(problems::add);
        }
        if (problems.hasErrors()) {
            return new Result(Optional.empty(), problems.sorted());
        }
        SourceTree.Entry configEntry = tree.find(SITE_CONFIG, Position.startOf(SITE_CONFIG));
        if (configEntry.kind() == SourceTree.Kind.MISSING) {
            problems.error(DiagnosticCode.MISSING_FILE, Position.startOf(SITE_CONFIG),
                    "file not found: every site needs its config here (title, base_url, collections)");
        }
        configEntry.notAFile("; the site's config must be a YAML file").ifPresent(problems::add);
        if (problems.hasErrors()) {
            return new Result(Optional.empty(), problems.sorted());
        }
        Optional<SourceFile> configFile = readKept(tree, SITE_CONFIG, changed, problems);
        if (configFile.isEmpty()) {
            return new Result(Optional.empty(), problems.sorted());
        }
        ConfigParser.Result parsed = configParser.parse(configFile.get());
        problems.addAll(parsed.diagnostics());
        if (parsed.config().isEmpty()) {
            return new Result(Optional.empty(), problems.sorted());
        }
        SiteConfig config = parsed.config().get();
        Set<String> claimed = new HashSet<>();
        claimed.add(SITE_CONFIG);

        SourceTree.Listing contentListing = listFiles(tree, CONTENT, changed); // walked once, used twice
        List<String> contentFiles = contentListing.files();
        problems.addAll(contentListing.refused().values());
        List<EntrySource> sources = entrySources(tree, config, contentListing, claimed, problems);
        List<ParsedFile> parsedSources = Parallel.map(sources, source -> parseFile(tree, source, changed), EntrySource::path);
        Map<String, Integer> sourceIndex = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            sourceIndex.put(sources.get(i).path(), i);
        }
        parsedFiles.keySet().retainAll(sourceIndex.keySet());

        Map<String, SourceFile> schemas = new TreeMap<>();
        for (CollectionConfig collection : config.collections()) {
            String schemaPath = CONTENT + "/" + collection.schema();
            if (collection.schema().isEmpty() || schemas.containsKey(collection.schema())) {
                continue;
            }
            claimed.add(schemaPath);
            Optional<String> invalid = SourceTree.configPathProblem(collection.schema());
            if (invalid.isPresent()) {
                problems.error(DiagnosticCode.CONFIG, collection.position(), "collection '" + collection.name() + "': schema '"
                        + SourceTree.printable(collection.schema()) + "' " + invalid.get());
                continue;
            }
            SourceTree.Entry schema = tree.find(schemaPath, collection.position());
            if (schema.kind() == SourceTree.Kind.MISSING) {
                problems.error(DiagnosticCode.MISSING_FILE, collection.position(), "collection '" + collection.name()
                        + "': schema file " + schemaPath + " not found");
                continue;
            }
            Optional<Diagnostic> notAFile = schema.notAFile("; collection '" + collection.name() + "' names it as its schema, so fix 'schema'");
            if (notAFile.isPresent()) {
                problems.add(notAFile.get());
                continue;
            }
            readKept(tree, schemaPath, changed, problems).ifPresent(file -> schemas.put(collection.schema(), file));
        }
        warnUnclaimed(contentFiles, claimed, problems);

        Map<String, SourceFile> templateTexts = new TreeMap<>();
        List<Asset> assets = new ArrayList<>();
        SourceTree.Listing templateListing = listFiles(tree, TEMPLATES, changed);
        problems.addAll(templateListing.refused().values());
        for (String path : templateListing.files()) {
            String name = path.substring(TEMPLATES.length() + 1);
            if (name.startsWith(ASSETS + "/")) {
                Asset kept = changed.exhaustive() && !changed.contains(path) ? readAssets.get(path) : null;
                Asset asset = kept != null ? kept : asset(tree, path, name, problems);
                readAssets.put(path, asset);
                assets.add(asset);
            } else if (name.endsWith(".ftlh") || name.endsWith(".ftlx") || name.endsWith(".ftl")) {
                readKept(tree, path, changed, problems).ifPresent(file -> templateTexts.put(name, file));
            } else if (!ignorable(name)) {
                problems.warning(DiagnosticCode.STRAY_FILE, Position.startOf(path), "not a template (.ftlh, .ftlx, .ftl) and not under templates/assets/: ignored");
            }
        }
        LoadedSite site = loadedSite(new LoadedSite(config, List.of(), schemas, templateTexts, assets, Set.of()), sources, parsedSources);
        List<Diagnostic> otherProblems = problems.sorted();
        last = new LastLoad(site, sources, sourceIndex, parsedSources, otherProblems);
        return new Result(Optional.of(site), all(otherProblems, parsedSources));
    }

    /** Stylesheets and scripts get a content hash in their file name; other assets keep theirs. */
    private static Asset asset(SourceTree tree, String path, String name, Diagnostics problems) {
        Path source = tree.root().resolve(path);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        if (!(extension.equals("css") || extension.equals("js"))) {
            return new Asset(source, name, name);
        }
        SourceTree.Read read = tree.read(path);
        if (read.bytes().isEmpty()) {
            read.problem().ifPresent(problems::add);
            return new Asset(source, name, name);
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(read.bytes().get());
            String hash = java.util.HexFormat.of().formatHex(digest).substring(0, 10);
            return new Asset(source, name, name.substring(0, dot) + "." + hash + "." + extension);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * A file that holds entries of one collection, as Markdown or as a YAML list.
     *
     * @param refusal why the file is not read (a link out of the site's folder, a named pipe...):
     *                the collection then counts as incomplete, like one with a file that does not parse
     */
    private record EntrySource(CollectionConfig collection, String path, boolean markdown, Optional<Diagnostic> refusal) {
        EntrySource(CollectionConfig collection, String path, boolean markdown) {
            this(collection, path, markdown, Optional.empty());
        }
    }

    private List<EntrySource> entrySources(SourceTree tree, SiteConfig config, SourceTree.Listing contentListing, Set<String> claimed,
                                           Diagnostics problems) {
        List<EntrySource> sources = new ArrayList<>();
        for (CollectionConfig collection : config.collections()) {
            if (collection.file().isEmpty() && collection.folder().isEmpty()) {
                continue; // the config's own error says it needs one
            }
            SourceTree.Place place = tree.placeOf(collection);
            String placePath = place.path();
            claimed.add(placePath);
            if (place.problem().isPresent()) {
                if (place.entry().map(e -> e.kind() != SourceTree.Kind.MISSING).orElse(true)) {
                    // Not to be read (but not missing): what refers to its entries is not reported as unknown.
                    sources.add(new EntrySource(collection, placePath, place.folder(), place.problem()));
                } else {
                    problems.add(place.problem().get());
                }
                continue;
            }
            if (!place.folder()) {
                sources.add(new EntrySource(collection, placePath, false));
            } else {
                String folder = placePath;
                contentListing.refused().forEach((refused, problem) -> {
                    if (refused.startsWith(folder + "/")) {
                        sources.add(new EntrySource(collection, refused, true, Optional.of(problem)));
                    }
                });
                for (String path : contentListing.files()) {
                    if (!path.startsWith(folder + "/")) {
                        continue;
                    }
                    claimed.add(path);
                    String name = path.substring(folder.length() + 1);
                    if (ignorable(name)) {
                        continue;
                    }
                    if (name.contains("/") || !name.endsWith(".md")) {
                        problems.error(DiagnosticCode.STRAY_FILE, Position.startOf(path), "collection '" + collection.name()
                                + "' holds Markdown files (.md) directly in " + folder + "/; move or rename this file");
                        continue;
                    }
                    sources.add(new EntrySource(collection, path, true));
                }
            }
        }
        return sources;
    }

    /** What one entry file holds, parsed again only if it changed; size -1 if it could not be read. */
    private ParsedFile parseFile(SourceTree tree, EntrySource source, ChangedFiles changed) {
        if (source.refusal().isPresent()) {
            return new ParsedFile(-1, null, List.of(), List.of(source.refusal().get()));
        }
        String collection = source.collection().name();
        ParsedFile kept = parsedFiles.get(source.path());
        if (kept != null && changed.exhaustive() && !changed.contains(source.path())) {
            return kept;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(tree.root().resolve(source.path()), BasicFileAttributes.class);
        } catch (IOException e) {
            return new ParsedFile(-1, null, List.of(),
                    List.of(Diagnostic.error(DiagnosticCode.READ, Position.startOf(source.path()), "cannot read file: " + SourceTree.reason(e))));
        }
        if (kept == null || changed.contains(source.path()) || kept.size() != attributes.size()
                || !kept.modified().equals(attributes.lastModifiedTime())) {
            List<Diagnostic> fileProblems = new ArrayList<>();
            Diagnostics reading = new Diagnostics();
            Optional<SourceFile> file = read(tree, source.path(), reading);
            fileProblems.addAll(reading.sorted());
            List<RawEntry> entries = List.of();
            if (file.isPresent()) {
                EntryParser.Parsed parsed = source.markdown()
                        ? entryParser.parseMarkdown(collection, file.get())
                        : entryParser.parseDataFile(collection, file.get());
                fileProblems.addAll(parsed.diagnostics());
                entries = parsed.entries();
            }
            kept = new ParsedFile(attributes.size(), attributes.lastModifiedTime(), entries, List.copyOf(fileProblems));
            parsedFiles.put(source.path(), kept);
        }
        return kept;
    }

    private void warnUnclaimed(List<String> contentFiles, Set<String> claimed, Diagnostics problems) {
        for (String path : contentFiles) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            // Schemas for editors' tooling (such as a data file's list schema) live beside the collections' own.
            if (!claimed.contains(path) && !ignorable(name) && !name.endsWith(".schema.json")) {
                problems.warning(DiagnosticCode.STRAY_FILE, Position.startOf(path), "not part of any collection, schema or the site config: ignored");
            }
        }
    }

    /** Hidden files and editors' backup and swap files are never content. */
    private static boolean ignorable(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return base.startsWith(".") || base.endsWith("~") || base.endsWith(".swp") || base.endsWith(".tmp")
                || base.startsWith("#");
    }

    /**
     * The files below {@code folder} ({@code content} or {@code templates}), sorted, and what was
     * refused in it. Told exactly what changed, it updates the previous listing with those paths
     * instead of walking the folder again.
     */
    private SourceTree.Listing listFiles(SourceTree tree, String folder, ChangedFiles changed) {
        SourceTree.Listing previous = listings.get(folder);
        Optional<SourceTree.Listing> updated = previous != null && changed.exhaustive()
                ? updated(tree, folder, previous, changed) : Optional.empty();
        SourceTree.Listing listing = updated.orElseGet(() -> tree.list(folder));
        listings.put(folder, listing);
        return listing;
    }

    /**
     * The previous listing with the changed paths looked at again; empty if a folder appeared,
     * or a name the walk would refuse, to walk the folder again.
     */
    private static Optional<SourceTree.Listing> updated(SourceTree tree, String folder, SourceTree.Listing previous,
                                                        ChangedFiles changed) {
        String prefix = folder + "/";
        java.util.SortedSet<String> files = new TreeSet<>(previous.files());
        Map<String, Diagnostic> refused = new TreeMap<>(previous.refused());
        for (String path : changed.paths()) {
            if (!path.startsWith(prefix)) {
                continue;
            }
            files.remove(path);
            files.subSet(path + "/", path + "0").clear(); // a removed folder ('0' follows '/')
            refused.keySet().removeIf(known -> known.equals(path) || known.startsWith(path + "/"));
            if (path.contains("/.")) {
                continue;
            }
            if (!SourceTree.nameable(path)) {
                return Optional.empty();
            }
            SourceTree.Entry entry = tree.find(path, Position.startOf(path.substring(0, path.lastIndexOf('/'))));
            switch (entry.kind()) {
                case FILE -> files.add(path);
                case REFUSED -> refused.put(path, entry.problem().orElseThrow());
                case FOLDER -> {
                    return Optional.empty();
                }
                case MISSING -> {
                    // removed
                }
            }
        }
        return Optional.of(new SourceTree.Listing(List.copyOf(files), refused));
    }

    /** Reads a file, or keeps what the previous run read if it is known not to have changed. */
    private Optional<SourceFile> readKept(SourceTree tree, String path, ChangedFiles changed, Diagnostics problems) {
        Optional<SourceFile> kept = changed.exhaustive() && !changed.contains(path) ? readFiles.get(path) : null;
        if (kept != null) {
            return kept;
        }
        Diagnostics reading = new Diagnostics();
        Optional<SourceFile> file = read(tree, path, reading);
        problems.addAll(reading.sorted());
        if (!reading.hasErrors()) {
            readFiles.put(path, file);
        } else {
            readFiles.remove(path);
        }
        return file;
    }

    /** Reads a file a listing or lookup found, within the size limit, as strict UTF-8. */
    private static Optional<SourceFile> read(SourceTree tree, String path, Diagnostics problems) {
        SourceTree.Read read = tree.read(path);
        if (read.bytes().isEmpty()) {
            read.problem().ifPresent(problems::add);
            return Optional.empty();
        }
        SourceFile.Decoded decoded = SourceFile.decode(path, read.bytes().get());
        problems.addAll(decoded.errors());
        return decoded.file();
    }
}
