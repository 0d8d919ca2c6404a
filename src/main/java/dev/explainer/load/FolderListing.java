package dev.explainer.load;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.SourceTree.Entry;
import dev.explainer.load.SourceTree.Kind;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files below a folder, sorted, with what was refused on the way, by path.
 *
 * @param refused problems with entries that are not listed, by the entry's path: links that
 *                lead outside, special files, files too big, names that cannot be a file's
 */
public record FolderListing(List<String> files, Map<String, Diagnostic> refused) {
    public FolderListing {
        files = List.copyOf(files);
        refused = Collections.unmodifiableSortedMap(new TreeMap<>(refused)); // listed in order, as the files are
    }

    /**
     * This listing of {@code folder} with the paths a watcher says changed looked at again; empty
     * if a folder appeared, or a name the walk would refuse: then the folder is walked again.
     */
    Optional<FolderListing> updated(SourceTree tree, String folder, ChangedFiles changed) {
        String prefix = folder + "/";
        SortedSet<String> listed = new TreeSet<>(files);
        Map<String, Diagnostic> refused = new TreeMap<>(this.refused);
        for (String path : changed.paths()) {
            if (!path.startsWith(prefix)) {
                continue;
            }
            listed.remove(path);
            listed.subSet(path + "/", path + "0").clear(); // a removed folder ('0' follows '/')
            refused.keySet().removeIf(known -> known.equals(path) || known.startsWith(path + "/"));
            if (path.startsWith(".", prefix.length()) || path.indexOf("/.", prefix.length()) >= 0) {
                continue; // hidden below the folder (the folder itself may be a hidden one, as .well-known is)
            }
            if (!SourceNames.nameable(path)) {
                return Optional.empty();
            }
            SourceTree.Entry entry = tree.find(path, Position.startOf(path.substring(0, path.lastIndexOf('/'))));
            switch (entry.kind()) {
                case FILE -> listed.add(path);
                case REFUSED -> refused.put(path, entry.problem().orElseThrow());
                case FOLDER -> {
                    return Optional.empty();
                }
                case MISSING -> {
                    // removed
                }
            }
        }
        return Optional.of(new FolderListing(List.copyOf(listed), refused));
    }

    /**
     * Every file below {@code folder} (a path such as {@code content}), its hidden files and
     * folders left out. The walk's own attributes say what each entry is, so a plain file costs no
     * further system call; only links are looked at again, and a link to a folder inside is
     * walked as if the folder were there.
     */
    static FolderListing of(SourceTree tree, String folder) {
        Entry top = tree.find(folder, Position.startOf(folder));
        Map<String, Diagnostic> refused = new TreeMap<>();
        List<String> files = new ArrayList<>();
        if (top.kind() != Kind.FOLDER) {
            top.notAFolder("").ifPresent(problem -> refused.put(folder, problem));
            return new FolderListing(files, refused);
        }
        walk(tree, folder, top.file(), List.of(top.file()), files, refused);
        files.sort(null);
        return new FolderListing(files, refused);
    }

    private static void walk(SourceTree tree, String prefix, Path start, List<Path> walking, List<String> files, Map<String, Diagnostic> refused) {
        // Below the folder itself, a path is the real one made relative; below a linked folder, it
        // is the link's path and then the path below the folder it leads to.
        boolean linked = !start.equals(tree.realRoot().resolve(prefix));
        try {
            Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                private String pathOf(Path file) {
                    return linked ? prefix + "/" + SourceTree.relative(start, file) : SourceTree.relative(tree.realRoot(), file);
                }

                /** Leaves out a hidden entry, and refuses one whose name cannot be a file's, at the folder that holds it. */
                private boolean skipped(String path, Path file, String what) {
                    int name = path.lastIndexOf('/') + 1;
                    if (path.startsWith(".", name)) {
                        return true;
                    }
                    if (SourceNames.plain(path, name)) {
                        return false; // the common case, without a copy of the name
                    }
                    Optional<SourceNames.NameProblem> problem = SourceNames.nameProblem(path.substring(name), file);
                    problem.ifPresent(bad -> refused.put(path, Diagnostic.error(DiagnosticCode.SOURCE_FILE, Position.startOf(path.substring(0, name - 1)),
                            "the name of " + what + " here, '" + SourceNames.printable(path.substring(name)) + "', " + bad.what() + "; "
                                    + bad.fix().orElse("rename it"))));
                    return problem.isPresent();
                }

                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return dir.equals(start) || !skipped(pathOf(dir), dir, "a folder") ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String path = pathOf(file);
                    if (skipped(path, file, "a file")) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attributes.isRegularFile() && attributes.size() <= SourceTree.MAX_FILE_SIZE) {
                        files.add(path); // the common case, decided without another system call
                        return FileVisitResult.CONTINUE;
                    }
                    Entry entry = attributes.isSymbolicLink() ? tree.followLink(path, file, walking) : SourceTree.classify(path, file, attributes);
                    switch (entry.kind()) {
                        case FILE -> files.add(path);
                        case FOLDER -> {
                            List<Path> deeper = new ArrayList<>(walking);
                            deeper.add(entry.file());
                            walk(tree, path, entry.file(), deeper, files, refused);
                        }
                        case REFUSED -> refused.put(path, entry.problem().orElseThrow());
                        case MISSING -> {
                            // gone since the folder was read
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!(e instanceof NoSuchFileException)) { // gone since the folder was read
                        String path = pathOf(file);
                        refused.put(path, Diagnostic.error(DiagnosticCode.READ, Position.startOf(path), "cannot be read: " + SourceTree.reason(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (e != null) {
                        String path = dir.equals(start) ? prefix : pathOf(dir);
                        refused.put(path, Diagnostic.error(DiagnosticCode.READ, Position.startOf(path), "cannot list folder: " + SourceTree.reason(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            refused.put(prefix, Diagnostic.error(DiagnosticCode.READ, Position.startOf(prefix), "cannot list folder: " + SourceTree.reason(e)));
        }
    }
}
