package dev.explainer.output;

import dev.explainer.parallel.Parallel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The SHA-256 of what the build writes and of what the output folder holds, on all cores. */
final class FileHashes {
    private FileHashes() {
    }

    /** The SHA-256 of each file's bytes, by site path. */
    static Map<String, String> hashes(List<OutputFile> files) throws IOException {
        return hashesBy(files, OutputFile::path, file -> file instanceof OutputFile.Generated generated
                ? OutputManifest.sha256(generated.bytes()) : OutputManifest.sha256(((OutputFile.Copied) file).source()));
    }

    /** The SHA-256 of what each of {@code paths} (site paths of regular files) holds in {@code target}. */
    static Map<String, String> hashesOnDisk(Path target, List<String> paths) throws IOException {
        return hashesBy(paths, path -> path, path -> OutputManifest.sha256(target.resolve(path)));
    }

    /** What reads the bytes to hash: a file may fail to be read. */
    private interface Hasher<T> {
        String hash(T item) throws IOException;
    }

    /** The hash of each item on all cores, by the item's site path. */
    private static <T> Map<String, String> hashesBy(List<T> items, Function<T, String> pathOf, Hasher<T> hasher)
            throws IOException {
        try {
            List<String> hashes = Parallel.map(items, item -> {
                try {
                    return hasher.hash(item);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Map<String, String> byPath = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                byPath.put(pathOf.apply(items.get(i)), hashes.get(i));
            }
            return byPath;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
