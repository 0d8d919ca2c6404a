package dev.explainer.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static dev.explainer.output.FileHashes.hashes;
import static dev.explainer.output.FileOperations.createMissingFolders;
import static dev.explainer.output.FileOperations.deleteTree;
import static dev.explainer.output.FileOperations.move;
import static dev.explainer.output.FileOperations.writeAll;

/**
 * A new output folder: written whole into a staging folder beside it (its folders made while the
 * pages render), then moved into place, the folder that was there (empty) moved aside first and
 * put back if the move fails.
 */
final class StagedWrite {
    private StagedWrite() {
    }

    /** A new, empty staging folder beside {@code target}, readable by all as a published site must be. */
    static Path createStaging(Path target) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".staging-");
        try {
            // Temporary folders are private; a published site must be readable by a web server.
            if (Files.getFileStore(staging).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
        return staging;
    }

    /** Fills {@code staging}, which holds {@code present} folders already, and swaps it in for {@code target}. */
    static void writeStaged(Path target, Path staging, Set<String> present, List<OutputFile> files, Layout layout)
            throws IOException {
        try {
            createMissingFolders(staging, layout.folders(), present, new ArrayList<>());
            writeAll(files, file -> staging.resolve(file.path()));
            Files.write(staging.resolve(OutputManifest.NAME), OutputManifest.manifest(hashes(files)));
            // Folders prepared for files that were not, in the end, among those written.
            for (String folder : present.stream().filter(f -> !layout.folders().contains(f)).sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(staging.resolve(folder));
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
        swapIn(staging, target, target.getParent(), target.getFileName().toString());
    }

    /** Moves {@code staging} to {@code target}, which is missing or an empty folder. */
    private static void swapIn(Path staging, Path target, Path parent, String name) throws IOException {
        if (!Files.exists(target)) {
            move(staging, target);
            return;
        }
        Path previous = Files.createTempDirectory(parent, "." + name + ".previous-");
        Files.delete(previous); // only its unique name is wanted
        move(target, previous);
        try {
            move(staging, target);
        } catch (IOException e) {
            move(previous, target); // put the old folder back before reporting
            deleteTree(staging);
            throw e;
        }
        deleteTree(previous);
    }
}
