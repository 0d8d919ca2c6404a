package dev.explainer.load;

import dev.explainer.config.ConfigParser;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.LoadCache.EntryFiles;
import dev.explainer.load.LoadCache.FinishedLoad;
import dev.explainer.yaml.YamlParser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The load stage: reads the source folder ({@code content/} and {@code templates/}) into a
 * {@link LoadedSite}. Files are read and parsed in parallel; every problem is collected.
 *
 * <p>A function of the folder, what is known to have changed, and a {@link LoadCache}: it keeps
 * nothing from one run to the next, and hands back what the next run may reuse.
 */
public final class ContentLoader {

    private final ConfigParser configParser;
    private final EntryFileReader entryFiles;

    public ContentLoader() {
        YamlParser yaml = new YamlParser();
        this.configParser = new ConfigParser(yaml);
        this.entryFiles = new EntryFileReader(new EntryParser(yaml));
    }

    /** The loaded site, if the config could be read, every problem found, and what the next load may reuse. */
    public record Result(Optional<LoadedSite> site, List<Diagnostic> diagnostics, LoadCache cache) {
    }

    /** Loads the site from scratch, as a one-off build does. */
    public Result load(Path sourceDir) {
        return load(sourceDir, ChangedFiles.unknown(), LoadCache.empty());
    }

    /**
     * Loads the site, reusing from {@code previous} what was read from files that did not change.
     *
     * @param told what is known about the files that changed since the load that made {@code previous}
     */
    public Result load(Path sourceDir, ChangedFiles told, LoadCache previous) {
        LoadCache cache = previous.forFolder(sourceDir);
        ChangedFiles changed = cache.pending().and(told);
        Optional<SourceTree> tree = SourceTree.of(sourceDir);
        if (tree.isEmpty()) {
            return noSourceFolder(sourceDir, SourceLayout.CONTENT);
        }
        Optional<Result> quick = cache.finished().isPresent() && cache.entryFiles().isPresent() && changed.exhaustive()
                ? reloadEntryFiles(tree.get(), changed, cache) : Optional.empty();
        return quick.orElseGet(() -> new FullLoad(tree.get(), changed, cache, configParser, entryFiles).load());
    }

    /**
     * The quick run, if every file that changed is a known entry file that is still a file (the
     * live preview's common case): only those are parsed again, and everything else stays as the
     * last load found it.
     */
    private Optional<Result> reloadEntryFiles(SourceTree tree, ChangedFiles changed, LoadCache cache) {
        FinishedLoad before = cache.finished().get();
        EntryFiles files = cache.entryFiles().get();
        List<ParsedFile> parsed = new ArrayList<>(files.parsed());
        for (String path : changed.paths()) {
            List<Integer> indices = files.indicesOf().getOrDefault(path, List.of());
            if (indices.isEmpty() || tree.find(path, Position.startOf(path)).kind() != SourceTree.Kind.FILE) {
                return Optional.empty();
            }
            for (int index : indices) {
                ParsedFile file = entryFiles.read(tree, files.files().get(index), changed, Optional.empty());
                if (!file.wasRead()) {
                    return Optional.empty(); // the full run reports it
                }
                parsed.set(index, file);
            }
        }
        EntryFiles now = new EntryFiles(files.files(), parsed, files.indicesOf());
        LoadedSite site = changed.paths().isEmpty() ? before.site() : before.site().withEntries(now);
        LoadCache next = new LoadCache(tree.root(), cache.listings(), cache.texts(), cache.assets(), cache.images(), Optional.of(now),
                Optional.of(new FinishedLoad(site, before.otherProblems())), ChangedFiles.exactly(Set.of()));
        return Optional.of(new Result(Optional.of(site), all(before.otherProblems(), parsed), next));
    }

    /**
     * Every problem once: a file refused by the walk is refused again, in the same words, when
     * the config names it as a data file or schema.
     */
    static List<Diagnostic> all(List<Diagnostic> other, List<ParsedFile> parsed) {
        Diagnostics problems = new Diagnostics();
        problems.addAll(other);
        for (ParsedFile file : parsed) {
            if (!file.diagnostics().isEmpty()) {
                problems.addAll(file.diagnostics());
            }
        }
        return problems.sorted().stream().distinct().toList();
    }

    static Result noSourceFolder(Path sourceDir, String missing) {
        return new Result(Optional.empty(), List.of(Diagnostic.error(DiagnosticCode.MISSING_FILE, Position.startOf(missing),
                "folder not found in " + sourceDir.toAbsolutePath().normalize()
                        + ": the source folder must hold content/ and templates/ (use --source DIR)")), LoadCache.empty());
    }
}
