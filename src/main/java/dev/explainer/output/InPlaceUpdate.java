package dev.explainer.output;

import dev.explainer.output.SiteWriter.Outcome;
import dev.explainer.output.SiteWriter.Refused;
import dev.explainer.output.SiteWriter.Written;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.explainer.output.FileHashes.hashes;
import static dev.explainer.output.FileHashes.hashesOnDisk;
import static dev.explainer.output.FileOperations.createMissingFolders;
import static dev.explainer.output.FileOperations.deleteIfEmpty;
import static dev.explainer.output.FileOperations.deleteTree;
import static dev.explainer.output.FileOperations.move;
import static dev.explainer.output.FileOperations.writeAll;
import static dev.explainer.output.SiteWriter.names;

/**
 * An output folder that holds an earlier build: only what changed is written, and only the
 * build's own files are replaced or removed. New bytes go into a private folder inside the output
 * folder first; then, under the journal, each file is renamed into place and what the site no
 * longer has is removed last. See {@link SiteWriter} for the rules of ownership.
 */
final class InPlaceUpdate {
    private static final String INCOMING_MANIFEST = "manifest";
    private static final String INCOMING_JOURNAL = "journal";

    private InPlaceUpdate() {
    }

    static Outcome updateInPlace(Path target, List<OutputFile> files, Layout layout, ExistingOutput existing)
            throws IOException {
        if (existing.unfitRecord.isPresent()) {
            return new Refused("the output folder " + target + " " + existing.unfitRecord.get());
        }
        if (existing.manifest.orElse(null) instanceof OutputManifest.Damaged damaged) {
            return damagedRecord(target, OutputManifest.NAME, damaged);
        }
        if (existing.journal.orElse(null) instanceof OutputManifest.Damaged damaged) {
            return damagedRecord(target, OutputManifest.JOURNAL, damaged);
        }
        existing.open(target, layout.files());
        boolean adopting = !(existing.manifest.orElse(null) instanceof OutputManifest.Hashed) && existing.journal.isEmpty();
        Map<String, String> written = hashes(files);
        // What the files there hold now: those the build writes, and those a record vouches for.
        Set<String> recorded = adopting ? Set.of() : existing.recorded();
        List<String> toHash = existing.files.keySet().stream().filter(path -> layout.files().contains(path) || recorded.contains(path))
                .toList();
        Map<String, String> onDisk = hashesOnDisk(target, toHash);
        // A file is the build's to replace or delete only if it holds this build's bytes already,
        // or bytes a record of this folder vouches for: never by its name alone.
        Set<String> owned = new HashSet<>();
        onDisk.forEach((path, hash) -> {
            if (hash.equals(written.get(path)) || !adopting && existing.vouchesFor(path, hash)) {
                owned.add(path);
            }
        });
        Set<String> users = new HashSet<>(existing.files.keySet());
        users.removeAll(owned);
        users.addAll(existing.others);
        users.addAll(existing.opaque);

        if (adopting && !users.isEmpty()) {
            String record = existing.manifest.isPresent()
                    ? " has an " + OutputManifest.NAME + " of an earlier version of the tool, without the hashes that show which"
                    + " files are the build's,"
                    : " has no " + OutputManifest.NAME + ", so this version of the tool did not write it,";
            return new Refused("the output folder " + target + record + " and these files in it are not what this build writes: "
                    + names(shown(users, existing.opaque, layout)) + "; build into a new or empty folder, or remove those files from it");
        }
        List<String> clashes = clashes(existing, owned, users, layout);
        if (!clashes.isEmpty()) {
            return new Refused("the output folder " + target + " holds files the build did not write, or that were changed since it"
                    + " wrote them, where this build writes: " + names(clashes) + "; move them out of the folder and build again");
        }

        List<OutputFile> changed = files.stream().filter(file -> !written.get(file.path()).equals(onDisk.get(file.path()))).toList();
        List<String> stale = owned.stream().filter(path -> !layout.files().contains(path)).sorted().toList();
        List<String> foldersInTheWay = existing.folders.stream().filter(layout.files()::contains).sorted().toList();
        byte[] manifest = OutputManifest.manifest(written);
        boolean recordCurrent = existing.manifestBytes.map(bytes -> Arrays.equals(bytes, manifest)).orElse(false);
        Written outcome = new Written(shown(users, existing.opaque, layout), existing.interrupted());
        if (changed.isEmpty() && stale.isEmpty() && !existing.interrupted() && recordCurrent) {
            return outcome;
        }

        // Every new byte goes into the private folder first: if a write fails, removing that
        // folder leaves the output as it was.
        Path incoming = target.resolve(OutputManifest.INCOMING);
        deleteTree(incoming); // what a killed update had written there: never part of the site
        Files.createDirectory(incoming);
        Map<OutputFile, Path> temporary = new HashMap<>();
        boolean journaled = !changed.isEmpty() || !stale.isEmpty();
        try {
            for (OutputFile file : changed) {
                temporary.put(file, incoming.resolve(Integer.toString(temporary.size())));
            }
            writeAll(changed, temporary::get);
            Files.write(incoming.resolve(INCOMING_MANIFEST), manifest);
            if (journaled) {
                // Every file that is the build's while the renames run, with the old bytes and the new.
                Map<String, Set<String>> during = new HashMap<>();
                for (String path : owned) {
                    during.computeIfAbsent(path, p -> new HashSet<>()).add(onDisk.get(path));
                }
                written.forEach((path, hash) -> during.computeIfAbsent(path, p -> new HashSet<>()).add(hash));
                Files.write(incoming.resolve(INCOMING_JOURNAL), OutputManifest.journal(during));
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(incoming);
            throw e;
        }

        // From here on, only renames and removals, under the journal.
        if (journaled) {
            move(incoming.resolve(INCOMING_JOURNAL), target.resolve(OutputManifest.JOURNAL));
        }
        // What stands where the new site needs something else goes first: a folder where a file
        // goes (it holds only stale files, or clashes() would have refused), a file where a folder goes.
        Set<String> present = new HashSet<>(existing.folders);
        Set<String> removedFirst = new HashSet<>();
        for (String folder : foldersInTheWay) {
            deleteTree(target.resolve(folder));
            present.removeIf(f -> f.equals(folder) || f.startsWith(folder + "/"));
            stale.stream().filter(path -> path.startsWith(folder + "/")).forEach(removedFirst::add);
            existing.legacyTemporaries.stream().filter(path -> path.startsWith(folder + "/")).forEach(removedFirst::add);
        }
        for (String path : stale) {
            if (layout.folders().contains(path)) {
                Files.deleteIfExists(target.resolve(path));
                removedFirst.add(path);
            }
        }
        createMissingFolders(target, layout.folders(), present, new ArrayList<>());
        for (OutputFile file : changed) {
            move(temporary.get(file), target.resolve(file.path()));
        }
        // The rest of what the site no longer has goes last, so that no page links to a page
        // already gone while the new pages are not yet in place.
        for (String path : stale) {
            if (!removedFirst.contains(path)) {
                Files.deleteIfExists(target.resolve(path));
            }
        }
        for (String path : existing.legacyTemporaries) {
            if (!removedFirst.contains(path)) {
                Files.deleteIfExists(target.resolve(path));
            }
        }
        Set<String> emptied = new HashSet<>();
        ExistingOutput.addFolders(stale, emptied);
        ExistingOutput.addFolders(existing.legacyTemporaries, emptied);
        emptied.removeAll(layout.folders());
        for (String folder : emptied.stream().sorted(Comparator.reverseOrder()).toList()) { // a folder sorts after its parent
            deleteIfEmpty(target.resolve(folder));
        }
        move(incoming.resolve(INCOMING_MANIFEST), target.resolve(OutputManifest.NAME));
        deleteTree(incoming);
        Files.deleteIfExists(target.resolve(OutputManifest.JOURNAL));
        return outcome;
    }

    private static Refused damagedRecord(Path target, String name, OutputManifest.Damaged damaged) {
        return new Refused("the output folder " + target + " has a damaged " + name + " (" + damaged.reason()
                + "), so the build cannot tell which files in it are its own; remove " + name
                + " and build into a new or empty folder");
    }

    /**
     * What stands where the build must write and is not the build's to replace: a file, link or
     * folder of the user's at the path of a new file, or a file or link of the user's where the
     * build needs a folder.
     */
    private static List<String> clashes(ExistingOutput existing, Set<String> owned, Set<String> users, Layout layout) {
        Set<String> holdingUsers = new HashSet<>();
        ExistingOutput.addFolders(users, holdingUsers);
        Set<String> clashes = new TreeSet<>();
        for (String path : layout.files()) {
            if (existing.files.containsKey(path) && !owned.contains(path) || existing.others.contains(path)) {
                clashes.add(path);
            } else if (existing.folders.contains(path) && holdingUsers.contains(path)) {
                clashes.add(path + "/");
            }
        }
        for (String folder : layout.folders()) {
            if (existing.files.containsKey(folder) && !owned.contains(folder) || existing.others.contains(folder)) {
                clashes.add(folder + " (where the build needs a folder)");
            }
        }
        return List.copyOf(clashes);
    }

    /**
     * {@code entries} (site paths) as a user would name them: each inside a folder of which the
     * build writes nothing is named by that folder, once ({@code .git/}).
     */
    private static List<String> shown(Collection<String> entries, Set<String> folders, Layout layout) {
        Set<String> shown = new TreeSet<>();
        for (String entry : entries) {
            String top = entry;
            for (String up = ExistingOutput.parentOf(entry); !up.isEmpty() && !layout.folders().contains(up);
                 up = ExistingOutput.parentOf(up)) {
                top = up;
            }
            shown.add(top.equals(entry) && !folders.contains(entry) ? entry : top + "/");
        }
        return List.copyOf(shown);
    }
}
