package dev.explainer.output;

import dev.explainer.load.ContentLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Refuses output folders that a build must never replace: the source folder, anything that
 * contains it, anything that is, contains or lies inside {@code content/} or {@code templates/},
 * and a folder with files in it that is not an earlier build.
 */
public final class OutputGuard {
    private OutputGuard() {
    }

    /** Why {@code output} may not be used, if it may not. */
    public static Optional<String> check(Path sourceDir, Path output) {
        Path source = real(sourceDir);
        Path out = real(output);
        if (out.getParent() == null) {
            return Optional.of("the output folder " + out + " is a file system root; choose a folder of its own");
        }
        if (source.startsWith(out)) {
            return Optional.of("the output folder " + out + " is or contains the source folder; choose a folder of its own, such as site/");
        }
        for (String protectedName : new String[] {ContentLoader.CONTENT, ContentLoader.TEMPLATES}) {
            Path folder = real(sourceDir.resolve(protectedName));
            if (out.startsWith(folder) || folder.startsWith(out)) {
                return Optional.of("the output folder " + out + " overlaps " + protectedName
                        + "/; the build would overwrite the sources; choose another, such as site/");
            }
        }
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out)) {
            return Optional.of("the output path " + out + " is a file, not a folder");
        }
        // A build replaces the whole folder: only do that to an empty folder or an earlier build.
        if (Files.isDirectory(out) && !isEmpty(out)
                && !Files.exists(out.resolve("index.html")) && !Files.exists(out.resolve("sitemap.xml"))) {
            return Optional.of("the output folder " + out + " is not empty and holds no site built before (no index.html or"
                    + " sitemap.xml); a build replaces the whole folder, so empty it first or choose another");
        }
        return Optional.empty();
    }

    private static boolean isEmpty(Path folder) {
        try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The absolute path with links resolved as far as the path exists, so aliases cannot slip through. */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        Path rest = existing.getFileSystem().getPath("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }
}
