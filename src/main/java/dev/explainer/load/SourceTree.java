package dev.explainer.load;

import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.config.CollectionConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.Position;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
            return new Entry(path, Kind.REFUSED, null, Optional.of(Diagnostic.error(DiagnosticCode.SOURCE_FILE, at, message)));
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
     * Why a path written in the site config (relative to {@code content/}) cannot name a file of
     * the source folder, if it cannot: the words that follow the quoted path in a message.
     */
    public static Optional<String> configPathProblem(String path) {
        return pathProblem(path, "content/");
    }

    /**
     * Whether a path a watcher reports has a name this system can represent and a source file
     * may have; the walk reports those that do not, in its own words.
     */
    static boolean nameable(String path) {
        return path.indexOf('\uFFFD') < 0 && pathProblem(path, "").isEmpty();
    }

    private static Optional<String> pathProblem(String path, String inside) {
        String[] segments = path.split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.of("must be a path inside " + inside);
            }
        }
        for (String segment : segments) {
            Optional<NameProblem> problem = nameProblem(segment, null);
            if (problem.isPresent()) {
                return Optional.of(problem.get().what() + "; " + problem.get().fix().orElse("fix the path"));
            }
        }
        return Optional.empty();
    }

    /** What is wrong with a name, and how to fix it if renaming is not all there is to do. */
    private record NameProblem(String what, Optional<String> fix) {
    }

    /**
     * Why a file name cannot be a source file's, if it cannot: a backslash (a folder separator
     * on Windows, and in URLs a character browsers rewrite), a control character (it would break
     * the lines of the diagnostics), or characters this system's file name encoding cannot
     * represent (non-ASCII names under a C locale). {@code listed}, when the name came from a
     * folder listing, is the file it names: the only way to tell a name the system could not
     * decode from one that holds U+FFFD.
     */
    private static Optional<NameProblem> nameProblem(String name, Path listed) {
        boolean ascii = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\') {
                return Optional.of(new NameProblem("holds a backslash ('\\'), which a file name may not", Optional.empty()));
            }
            if (isControl(c)) {
                return Optional.of(new NameProblem(String.format(Locale.ROOT,
                        "holds a control character (U+%04X), which a file name may not", (int) c), Optional.empty()));
            }
            ascii &= c < 0x80;
        }
        if (ascii || listed != null && name.indexOf('\uFFFD') < 0) {
            return Optional.empty(); // a listed name without U+FFFD was decoded whole
        }
        boolean representable;
        try {
            Path path = (listed == null ? Path.of("") : listed).getFileSystem().getPath(name);
            representable = listed == null || path.equals(listed.getFileName());
        } catch (InvalidPathException e) {
            representable = false;
        }
        return representable ? Optional.empty() : Optional.of(new NameProblem(
                "cannot be represented in this system's file name encoding (" + System.getProperty("sun.jnu.encoding", "unknown") + ")",
                Optional.of("rename it with ASCII letters, digits, '-' and '_' only, or run explainer with a UTF-8 locale"
                        + " (such as LANG=C.UTF-8)")));
    }

    /** Whether the name from {@code from} is printable ASCII without a backslash: nothing to check further. */
    private static boolean plain(String path, int from) {
        for (int i = from; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
    }

    /** A name as a message can show it: undecodable bytes as '?', control characters as escapes. */
    public static String printable(String name) {
        StringBuilder text = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\uFFFD') {
                text.append('?');
            } else if (isControl(c)) {
                text.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /**
     * What is at {@code path}, a path the site config or a watcher names. Every folder on the way
     * is checked as the walk checks it, so that no link leads outside; a name that cannot be a
     * file's is reported at {@code referrer}, the place that named it.
     */
    public Entry find(String path, Position referrer) {
        Optional<String> invalid = pathProblem(path, "the site's folder");
        if (invalid.isPresent()) {
            return Entry.refused(path, referrer, "'" + printable(path) + "' " + invalid.get());
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
    private static Entry classify(String path, Path file, BasicFileAttributes attributes) {
        if (attributes.isRegularFile()) {
            return attributes.size() > MAX_FILE_SIZE ? tooLarge(path, attributes.size(), MAX_FILE_SIZE)
                    : new Entry(path, Kind.FILE, file);
        }
        if (attributes.isDirectory()) {
            return new Entry(path, Kind.FOLDER, file);
        }
        return Entry.refused(path, Position.startOf(path), "is " + special(file) + ", not a file; replace it with a regular file, or remove it");
    }

    /** A file over the limit; {@code size} -1 for one that grew past it while being read. */
    private static Entry tooLarge(String path, long size, long limit) {
        return Entry.refused(path, Position.startOf(path), "is " + (size < 0 ? "" : describeSize(size) + ", ") + "over the limit of "
                + describeSize(limit) + " for a source file; split it into smaller files, or make it smaller");
    }

    private static String describeSize(long bytes) {
        if (bytes < 1024 * 1024) {
            return bytes + " bytes";
        }
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        String unit = bytes >= 1L << 30 ? "GiB" : "MiB";
        double scaled = bytes / (double) (unit.equals("GiB") ? 1L << 30 : 1L << 20);
        return String.format(Locale.ROOT, "%.1f %s (%d bytes)", scaled, unit, bytes);
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
    private Entry followLink(String path, Path link, List<Path> walking) {
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
    private static String relative(Path base, Path path) {
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
     * The files below a folder, sorted, with what was refused on the way, by path.
     *
     * @param refused problems with entries that are not listed, by the entry's path: links that
     *                lead outside, special files, files too big, names that cannot be a file's
     */
    public record Listing(List<String> files, Map<String, Diagnostic> refused) {
        public Listing {
            files = List.copyOf(files);
            refused = Map.copyOf(refused);
        }
    }

    /**
     * Every file below {@code folder} (a path such as {@code content}), its hidden files and
     * folders left out. The walk's own attributes say what each entry is, so a plain file costs no
     * further system call; only links are looked at again, and a link to a folder inside is
     * walked as if the folder were there.
     */
    public Listing list(String folder) {
        Entry top = find(folder, Position.startOf(folder));
        Map<String, Diagnostic> refused = new TreeMap<>();
        List<String> files = new ArrayList<>();
        if (top.kind() != Kind.FOLDER) {
            top.notAFolder("").ifPresent(problem -> refused.put(folder, problem));
            return new Listing(files, refused);
        }
        walk(folder, top.file(), List.of(top.file()), files, refused);
        files.sort(null);
        return new Listing(files, refused);
    }

    private void walk(String prefix, Path start, List<Path> walking, List<String> files, Map<String, Diagnostic> refused) {
        // Below the folder itself, a path is the real one made relative; below a linked folder, it
        // is the link's path and then the path below the folder it leads to.
        boolean linked = !start.equals(realRoot.resolve(prefix));
        try {
            Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                private String pathOf(Path file) {
                    return linked ? prefix + "/" + relative(start, file) : relative(realRoot, file);
                }

                /** Leaves out a hidden entry, and refuses one whose name cannot be a file's, at the folder that holds it. */
                private boolean skipped(String path, Path file, String what) {
                    int name = path.lastIndexOf('/') + 1;
                    if (path.startsWith(".", name)) {
                        return true;
                    }
                    if (plain(path, name)) {
                        return false; // the common case, without a copy of the name
                    }
                    Optional<NameProblem> problem = nameProblem(path.substring(name), file);
                    problem.ifPresent(bad -> refused.put(path, Diagnostic.error(DiagnosticCode.SOURCE_FILE, Position.startOf(path.substring(0, name - 1)),
                            "the name of " + what + " here, '" + printable(path.substring(name)) + "', " + bad.what() + "; "
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
                    if (attributes.isRegularFile() && attributes.size() <= MAX_FILE_SIZE) {
                        files.add(path); // the common case, decided without another system call
                        return FileVisitResult.CONTINUE;
                    }
                    Entry entry = attributes.isSymbolicLink() ? followLink(path, file, walking) : classify(path, file, attributes);
                    switch (entry.kind()) {
                        case FILE -> files.add(path);
                        case FOLDER -> {
                            List<Path> deeper = new ArrayList<>(walking);
                            deeper.add(entry.file());
                            walk(path, entry.file(), deeper, files, refused);
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
                        refused.put(path, Diagnostic.error(DiagnosticCode.READ, Position.startOf(path), "cannot be read: " + reason(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (e != null) {
                        String path = dir.equals(start) ? prefix : pathOf(dir);
                        refused.put(path, Diagnostic.error(DiagnosticCode.READ, Position.startOf(path), "cannot list folder: " + reason(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            refused.put(prefix, Diagnostic.error(DiagnosticCode.READ, Position.startOf(prefix), "cannot list folder: " + reason(e)));
        }
    }

    /** The bytes of a file, or why they cannot be had. */
    public record Read(Optional<byte[]> bytes, Optional<Diagnostic> problem) {
    }

    /**
     * Reads a file that a listing or {@link #find} returned, at most {@link #MAX_FILE_SIZE}
     * bytes: a file that grows past the limit while it is read is refused too.
     */
    public Read read(String path) {
        return read(path, root.resolve(path), MAX_FILE_SIZE);
    }

    /** Reads a file {@link #find} returned, where it found it (every link on the way resolved). */
    public Read read(Entry file) {
        return read(file.path(), file.file(), MAX_FILE_SIZE);
    }

    /** Reads {@code file}, refusing it, at {@code path}, once it holds more than {@code limit} bytes. */
    static Read read(String path, Path file, long limit) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > limit) {
                return refusedRead(path, size, limit);
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // until the size the file had when opened, or its end if it shrank
            }
            ByteBuffer probe = ByteBuffer.allocate(1);
            if (!buffer.hasRemaining() && channel.read(probe) < 0) {
                return new Read(Optional.of(buffer.array()), Optional.empty());
            }
            if (buffer.hasRemaining()) { // it shrank while being read
                return new Read(Optional.of(Arrays.copyOf(buffer.array(), buffer.position())), Optional.empty());
            }
            // It grew while being read: go on in steps, never holding more than the limit.
            ByteArrayOutputStream grown = new ByteArrayOutputStream((int) Math.min(limit, size * 2L + 1));
            grown.write(buffer.array(), 0, buffer.position());
            grown.write(probe.array(), 0, 1);
            ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
            int read;
            while ((read = channel.read(chunk.clear())) >= 0) {
                if (grown.size() + (long) read > limit) {
                    return refusedRead(path, -1, limit);
                }
                grown.write(chunk.array(), 0, read);
            }
            return new Read(Optional.of(grown.toByteArray()), Optional.empty());
        } catch (IOException e) {
            return new Read(Optional.empty(), Optional.of(Diagnostic.error(DiagnosticCode.READ, Position.startOf(path), "cannot read file: " + reason(e))));
        }
    }

    private static Read refusedRead(String path, long size, long limit) {
        return new Read(Optional.empty(), tooLarge(path, size, limit).problem());
    }

    /**
     * Where a collection's entries live: its data file or its folder, below {@code content/},
     * checked by the same rules whoever asks (the load stage reading it, {@code new} writing to
     * it).
     *
     * @param entry   what is there, if the config's path could be looked up at all
     * @param problem why the collection's entries cannot be read from (or written to) there
     */
    public record Place(String path, boolean folder, Optional<Entry> entry, Optional<Diagnostic> problem) {
    }

    /** Where {@code collection}'s entries live, and what stops them being read there, if anything. */
    public Place placeOf(CollectionConfig collection) {
        boolean folder = collection.file().isEmpty();
        String written = collection.file().or(collection::folder).orElse("");
        String path = SourceLayout.CONTENT + "/" + written;
        String where = "collection '" + collection.name() + "'";
        Optional<String> invalid = configPathProblem(written);
        if (invalid.isPresent()) {
            return new Place(path, folder, Optional.empty(), Optional.of(Diagnostic.error(DiagnosticCode.CONFIG, collection.position(),
                    where + ": '" + printable(written) + "' " + invalid.get())));
        }
        Entry entry = find(path, collection.position());
        Optional<Diagnostic> problem;
        if (entry.kind() == Kind.MISSING) {
            problem = Optional.of(Diagnostic.error(DiagnosticCode.MISSING_FILE, collection.position(), folder
                    ? where + ": folder " + path + "/ not found; create it or fix 'folder'"
                    : where + ": data file " + path + " not found; create it (a YAML list of entries) or fix 'file'"));
        } else {
            problem = folder ? entry.notAFolder("; " + where + " reads one Markdown file per entry from here, so fix 'folder'")
                    : entry.notAFile("; " + where + " reads its entries from this file (a YAML list), so fix 'file'");
        }
        return new Place(path, folder, Optional.of(entry), problem);
    }
}
