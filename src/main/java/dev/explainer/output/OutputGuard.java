package dev.explainer.output;

import dev.explainer.load.SourceLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Refuses output folders that a build must never write into: the source folder, anything that
 * contains it, anything that is, contains or lies inside {@code content/} or {@code templates/}.
 * (Whether a folder with files in it is an earlier build, and which of its files are the build's,
 * {@link SiteWriter} decides, from the folder's manifest and the files the build writes.)
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
        for (String protectedName : new String[] {SourceLayout.CONTENT, SourceLayout.TEMPLATES}) {
            Path folder = real(sourceDir.resolve(protectedName));
            if (out.startsWith(folder) || folder.startsWith(out)) {
                return Optional.of("the output folder " + out + " overlaps " + protectedName
                        + "/; the build would overwrite the sources; choose another, such as site/");
            }
        }
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out)) {
            return Optional.of("the output path " + out + " is a file, not a folder");
        }
        return Optional.empty();
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
