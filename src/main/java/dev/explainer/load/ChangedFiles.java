package dev.explainer.load;

import java.util.HashSet;
import java.util.Set;

/**
 * What a caller knows about the source files since the loader's previous run.
 *
 * @param paths      files (relative to the source folder, '/' separators) known to have
 *                   changed, been added or been removed
 * @param exhaustive whether {@code paths} is all that changed, as a file watcher that lost no
 *                   events knows: the loader then neither lists the folders again nor looks at
 *                   any other file. Otherwise every file's size and time are compared.
 */
public record ChangedFiles(Set<String> paths, boolean exhaustive) {

    public ChangedFiles {
        paths = Set.copyOf(paths);
    }

    /** Nothing is known: look at every file. */
    public static ChangedFiles unknown() {
        return new ChangedFiles(Set.of(), false);
    }

    /** These files changed, and possibly others: look at every file, and read these again. */
    public static ChangedFiles atLeast(Set<String> paths) {
        return new ChangedFiles(paths, false);
    }

    /** These files changed and no others. */
    public static ChangedFiles exactly(Set<String> paths) {
        return new ChangedFiles(paths, true);
    }

    /** What is known after both: every path either names, and all that changed only if both say so. */
    public ChangedFiles and(ChangedFiles other) {
        if (other.paths.isEmpty() && other.exhaustive) {
            return this;
        }
        Set<String> union = new HashSet<>(paths);
        union.addAll(other.paths);
        return new ChangedFiles(union, exhaustive && other.exhaustive);
    }

    boolean contains(String path) {
        return paths.contains(path);
    }
}
