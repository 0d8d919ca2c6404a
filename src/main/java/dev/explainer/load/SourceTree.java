package dev.explainer.load;

import dev.explainer.config.CollectionConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the build may read from the source folder, and the one place that decides it: regular
 * files inside the folder, reached through links only where every link stays inside it, at most
 * {@link #MAX_FILE_SIZE} bytes each, with names this system can represent. Anything else (a
 * link out of the folder, a named pipe, a device, a folder where a file belongs, a file too big)
 * is refused with a diagnostic at its path, and is never opened: opening a named pipe blocks.
 *
 * <p>Paths are relative to the source folder, with '/' between names, as diagnostics print them.
 */
public final class SourceTree {
    /**
     * The most bytes one source file may hold: far above anything an editor writes (the largest
     * file of a 30,000-page site is a few KB), and low enough that a build never runs out of
     * memory on a file that is not really a source file.
     */
    public static final long MAX_FILE_SIZE = 16L * 1024 * 1024;

    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFIFO = 0010000;

    private final Path root;
    private final Path realRoot;

    private SourceTree(Path root, Path realRoot) {
        this.root = root;
        this.realRoot = realRoot;
    }

    /** The tree of the folder {@code root}; empty if it is not an existing folder. */
    public static Optional<SourceTree> of(Path root) {
        try {
            Path real = root.toRealPath();
            return Files.isDirectory(real) ? Optional.of(new SourceTree(root, real)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Path root() {
        return root;
    }

    /** The folder with every link resolved: what a path must stay inside. */
    Path realRoot() {
        return realRoot;
    }

    /** What a path names. */
    public enum Kind { FILE, FOLDER, MISSING, REFUSED }

    /**
     * What is at {@code path}.
     *
     * @param file    where to read it (or, if missing, where it would be made), every link on the
     *                way resolved, so that reading it follows nothing that was not checked
     * @param problem why it is refused, for {@link Kind#REFUSED}
     */
    public record Entry(String path, Kind kind, Path file, Optional<Diagnostic> problem) {
        Entry(String path, Kind kind, Path file) {
            this(path, kind, file, Optional.empty());
        }

        static Entry refused(String path, Position at, String message) {
            return refused(path, Diagnostic.error(DiagnosticCode.SOURCE_FILE, at, message));
        }

        static Entry refused(String path, Diagnostic problem) {
            return new Entry(path, Kind.REFUSED, null, Optional.of(problem));
        }

        /**
         * Why this cannot be read as a file, as an error at its path; empty for a file, and for
         * a missing one (whose message depends on who asked for it).
         */
        public Optional<Diagnostic> notAFile(String hint) {
            return switch (kind) {
                case FILE, MISSING -> Optional.empty();
                case FOLDER -> Optional.of(Diagnostic.error(DiagnosticCode.SOURCE_FILE, Position.startOf(path), "is a folder, not a file" + hint));
                case REFUSED -> problem;
            };
        }

        /** Why this cannot be listed as a folder; empty for a folder, and for a missing one. */
        public Optional<Diagnostic> notAFolder(String hint) {
            return switch (kind) {
                case FOLDER, MISSING -> Optional.empty();
                case FILE -> Optional.of(Diagnostic.error(DiagnosticCode.SOURCE_FILE, Position.startOf(path), "is a file, not a folder" + hint));
                case REFUSED -> problem;
            };
        }
    }

    /**
     * What is at {@code path}, a path the site config or a watcher names. Every folder on the way
     * is checked as the walk checks it, so that no link leads outside; a name that cannot be a
     * file's is reported at {@code referrer}, the place that named it.
     */
    public Entry find(String path, Position referrer) {
        Optional<String> invalid = SourceNames.pathProblem(path, "the site's folder");
        if (invalid.isPresent()) {
            return Entry.refused(path, referrer, "'" + SourceNames.printable(path) + "' " + invalid.get());
        }
        String[] segments = path.split("/");
        Path current = realRoot;
        for (int i = 0; i < segments.length; i++) {
            String here = String.join("/", Arrays.asList(segments).subList(0, i + 1));
            Path next = current.resolve(segments[i]);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(next, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException | NotDirectoryException e) {
                Path missing = next;
                for (int j = i + 1; j < segments.length; j++) {
                    missing = missing.resolve(segments[j]);
                }
                return new Entry(path, Kind.MISSING, missing);
            } catch (IOException e) {
                return Entry.refused(path, Position.startOf(here), "cannot be read: " + reason(e));
            }
            Entry entry = attributes.isSymbolicLink() ? followLink(here, next, List.of())
                    : classify(here, next, attributes);
            if (i == segments.length - 1 || entry.kind() == Kind.REFUSED) {
                return entry.kind() == Kind.REFUSED ? entry : new Entry(path, entry.kind(), entry.file());
            }
            if (entry.kind() != Kind.FOLDER) {
                return Entry.refused(path, Position.startOf(here), "is a file, not a folder, so " + path + " cannot be inside it");
            }
            current = entry.file();
        }
        throw new IllegalStateException("a path has at least one segment");
    }

    /** What the walk or a lookup makes of an entry that is not a link, from its own attributes. */
    static Entry classify(String path, Path file, BasicFileAttributes attributes) {
        if (attributes.isRegularFile()) {
            return attributes.size() > MAX_FILE_SIZE ? Entry.refused(path, FileRead.tooLarge(path, attributes.size(), MAX_FILE_SIZE))
                    : new Entry(path, Kind.FILE, file);
        }
        if (attributes.isDirectory()) {
            return new Entry(path, Kind.FOLDER, file);
        }
        return Entry.refused(path, Position.startOf(path), "is " + special(file) + ", not a file; replace it with a regular file, or remove it");
    }

    /** What kind of special file this is, from its mode bits where the system tells them. */
    private static String special(Path file) {
        int type;
        try {
            type = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS) & S_IFMT;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
        return switch (type) {
            case S_IFIFO -> "a named pipe (FIFO)";
            case S_IFCHR -> "a device (character device)";
            case S_IFBLK -> "a device (block device)";
            case S_IFSOCK -> "a socket";
            default -> "a special file";
        };
    }

    /**
     * Follows a link at {@code path} to the end of its chain: a file or folder inside the source
     * folder is used as if it were there; anything else is refused at the link.
     *
     * @param walking the real paths of the folders being walked, outermost first: a link to one
     *                of them, or to a folder around them, would make the walk go round for ever
     */
    Entry followLink(String path, Path link, List<Path> walking) {
        Position at = Position.startOf(path);
        Path target;
        try {
            target = link.toRealPath();
        } catch (NoSuchFileException e) {
            return Entry.refused(path, at, "is a link to " + linkText(link) + ", which does not exist; fix the link or remove it");
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().contains("levels of symbolic links")) {
                return Entry.refused(path, at, "is a link that leads round in a circle of links; fix the link or remove it");
            }
            return Entry.refused(path, at, "is a link that cannot be followed: " + reason(e));
        } catch (IOException e) {
            return Entry.refused(path, at, "is a link that cannot be followed: " + reason(e));
        }
        BasicFileAttributes attributes;
        try {
            attributes = target.startsWith(realRoot)
                    ? Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS) : null;
        } catch (IOException e) {
            return Entry.refused(path, at, "is a link that cannot be followed: " + reason(e));
        }
        if (attributes == null) {
            String kind = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) ? "folder"
                    : Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) ? "file" : "special file";
            return Entry.refused(path, at, "is a link to a " + kind + " outside the site's folder (" + target
                    + "), and the build reads nothing outside it; "
                    + (kind.equals("special file") ? "remove the link" : "copy the " + kind + " into the site's folder instead"));
        }
        if (attributes.isDirectory()) {
            Path location = link.toAbsolutePath();
            if (location.startsWith(target) || walking.stream().anyMatch(folder -> folder.startsWith(target))) {
                return Entry.refused(path, at, "is a link to a folder that holds it (" + relative(realRoot, target)
                        + "), so the files in it would be listed for ever; remove the link");
            }
            return new Entry(path, Kind.FOLDER, target);
        }
        if (attributes.isRegularFile()) {
            return classify(path, target, attributes);
        }
        return Entry.refused(path, at, "is a link to " + special(target) + ", not to a file; replace it with a regular file, or remove it");
    }

    private static String linkText(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a file";
        }
    }

    /** {@code path} below {@code base} with '/' between names (on Unix a backslash is a name's own). */
    static String relative(Path base, Path path) {
        String relative = base.relativize(path).toString();
        String separator = path.getFileSystem().getSeparator();
        return separator.equals("/") ? relative : relative.replace(separator, "/");
    }

    /** An I/O problem in words, without the exception's name. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it no longer exists";
        }
        if (e instanceof FileSystemException system && system.getReason() != null) {
            return system.getReason();
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

    /**
     * Every file below {@code folder} (a path such as {@code content}), sorted, and what was
     * refused on the way (see {@link FolderListing}).
     */
    public FolderListing list(String folder) {
        return FolderListing.of(this, folder);
    }

    /**
     * Reads a file that a listing or {@link #find} returned, at most {@link #MAX_FILE_SIZE}
     * bytes: a file that grows past the limit while it is read is refused too.
     */
    public FileRead read(String path) {
        return FileRead.of(path, root.resolve(path), MAX_FILE_SIZE);
    }

    /** Reads a file {@link #find} returned, where it found it (every link on the way resolved). */
    public FileRead read(Entry file) {
        return FileRead.of(file.path(), file.file(), MAX_FILE_SIZE);
    }

    /** Where {@code collection}'s entries live, and what stops them being read there, if anything. */
    public CollectionPlace placeOf(CollectionConfig collection) {
        return CollectionPlace.of(this, collection);
    }
}
