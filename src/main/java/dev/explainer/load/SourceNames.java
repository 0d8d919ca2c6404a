package dev.explainer.load;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Which names a source file may have, and how a message shows one. A name is refused if it
 * holds a backslash, a control character, or characters this system's file name encoding cannot
 * represent; a path the site config gives must also stay inside the folder it names.
 */
public final class SourceNames {
    private SourceNames() {
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

    static Optional<String> pathProblem(String path, String inside) {
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
    record NameProblem(String what, Optional<String> fix) {
    }

    /**
     * Why a file name cannot be a source file's, if it cannot: a backslash (a folder separator
     * on Windows, and in URLs a character browsers rewrite), a control character (it would break
     * the lines of the diagnostics), or characters this system's file name encoding cannot
     * represent (non-ASCII names under a C locale). {@code listed}, when the name came from a
     * folder listing, is the file it names: the only way to tell a name the system could not
     * decode from one that holds U+FFFD.
     */
    static Optional<NameProblem> nameProblem(String name, Path listed) {
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
    static boolean plain(String path, int from) {
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
}
