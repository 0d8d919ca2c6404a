package dev.explainer.output;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The records a build keeps in its output folder, as plain text: one site path per line after a
 * comment header, sorted by code point (the same bytes on every machine, locale and time zone).
 *
 * <p>The manifest lists the files the last build wrote: the next build deletes those it no longer
 * makes and leaves every other file of the folder alone. The journal, written before an update
 * starts replacing files and removed when it is done, lists every file that update may have put
 * there or not yet removed: a build that finds it knows the last update was cut short, and
 * which files of the folder are still its own.
 */
final class OutputManifest {
    /** The manifest's name, at the top of the output folder. */
    static final String NAME = ".explainer-manifest";
    /** The journal of an update in progress. */
    static final String JOURNAL = ".explainer-journal";
    /** The folder an update writes its new files into before renaming them into place. */
    static final String INCOMING = ".explainer-incoming";
    /** The names a site may not use at the top of its output, because the build keeps them for these records. */
    static final Set<String> RESERVED = Set.of(NAME, JOURNAL, INCOMING);

    private static final String MANIFEST_HEADER = """
            # The files the last build by explainer wrote into this folder, one per line.
            # The next build deletes those it no longer makes and leaves every other file here alone.
            """;
    private static final String JOURNAL_HEADER = """
            # An update of this folder by explainer is under way, or was cut short: these files are the
            # build's own. The next build finishes the repair and removes this file.
            """;

    private OutputManifest() {
    }

    static byte[] manifest(Collection<String> paths) {
        return format(MANIFEST_HEADER, paths);
    }

    static byte[] journal(Collection<String> paths) {
        return format(JOURNAL_HEADER, paths);
    }

    private static byte[] format(String header, Collection<String> paths) {
        StringBuilder text = new StringBuilder(header);
        for (String path : new TreeSet<>(paths)) {
            text.append(path).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The site paths a manifest or journal lists. A line that is not a plain relative path (an
     * empty segment, {@code .} or {@code ..}, a leading slash, a reserved name) is skipped: what
     * it names is then treated as the user's, so a damaged record can only make a build keep more.
     */
    static Set<String> parse(byte[] bytes) {
        Set<String> paths = new TreeSet<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n", -1)) {
            if (!line.startsWith("#") && isPlainPath(line)) {
                paths.add(line);
            }
        }
        return paths;
    }

    /** Whether {@code path} can be the name of a file of the site: relative, no empty, {@code .} or {@code ..} segment, no line break. */
    static boolean isPlainPath(String path) {
        if (path.isEmpty() || path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0 || path.indexOf('\\') >= 0
                || RESERVED.contains(topOf(path))) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The first segment of a site path: the name at the top of the output folder. */
    static String topOf(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }
}
