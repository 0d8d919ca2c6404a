package dev.explainer.output;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The site paths of the files to write, and of every folder they need. */
record Layout(Set<String> files, Set<String> folders) {
    static Layout of(List<String> paths) {
        Set<String> folders = new HashSet<>();
        ExistingOutput.addFolders(paths, folders);
        return new Layout(new HashSet<>(paths), folders);
    }
}
