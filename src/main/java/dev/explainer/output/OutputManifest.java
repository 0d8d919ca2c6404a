package dev.explainer.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The records a build keeps in its output folder, as plain text: after a comment header, one
 * line per file, {@code HASH  path}: the SHA-256 (lowercase hex) of the bytes the build wrote
 * there, two spaces, the site path; sorted by path, then hash (the same bytes on every machine,
 * locale and time zone).
 *
 * <p>The manifest lists the files the last build wrote: the next build deletes or replaces only
 * those whose bytes still hash to what it recorded. The journal, written before an update starts
 * replacing files and removed when it is done, lists every file that update may have put there
 * or not yet removed, with the hashes of the old and the new bytes: a build that finds it knows
 * the last update was cut short, and which files of the folder are still its own. A record is
 * a claim anyone can edit (it is committed with the site), so the hash, not the name, is what
 * makes a file the build's.
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
            # The files the last build by explainer wrote into this folder: SHA-256 of the bytes, two spaces, path.
            # The next build deletes or replaces only those whose bytes are unchanged, and keeps every other file.
            """;
    /** How manifests began before they recorded hashes. */
    private static final String LEGACY_MANIFEST_HEADER = """
            # The files the last build by explainer wrote into this folder, one per line.
            # The next build deletes those it no longer makes and leaves every other file here alone.
            """;
    private static final String JOURNAL_HEADER = """
            # An update of this folder by explainer is under way, or was cut short: these files, with these
            # bytes (SHA-256), are the build's own. The next build finishes the repair and removes this file.
            """;
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  (.+)");

    private OutputManifest() {
    }

    /** What a record file says. */
    sealed interface Record permits Hashed, Legacy, Damaged {
    }

    /** A record in the current format: for each path, the hashes of the bytes the build may have left there. */
    record Hashed(Map<String, Set<String>> hashes) implements Record {
        Hashed {
            hashes = Map.copyOf(hashes);
        }

        /** Whether {@code hash} is one of those recorded for {@code path}. */
        boolean records(String path, String hash) {
            return hashes.getOrDefault(path, Set.of()).contains(hash);
        }
    }

    /** A manifest of a version that recorded no hashes: it proves nothing about any file. */
    record Legacy() implements Record {
    }

    /** Not a record: {@code reason} says why, in words ({@code line 3 is not ...}). */
    record Damaged(String reason) implements Record {
    }

    static byte[] manifest(Map<String, String> hashes) {
        Map<String, Set<String>> each = new TreeMap<>();
        hashes.forEach((path, hash) -> each.put(path, Set.of(hash)));
        return format(MANIFEST_HEADER, each);
    }

    static byte[] journal(Map<String, Set<String>> hashes) {
        return format(JOURNAL_HEADER, hashes);
    }

    private static byte[] format(String header, Map<String, Set<String>> hashes) {
        StringBuilder text = new StringBuilder(header);
        new TreeMap<>(hashes).forEach((path, pathHashes) -> {
            for (String hash : new TreeSet<>(pathHashes)) {
                text.append(hash).append("  ").append(path).append('\n');
            }
        });
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What {@code bytes} record. A line that is neither a comment ({@code #}) nor a hash, two
     * spaces and a plain relative path makes the whole record {@linkplain Damaged damaged}: a
     * build refuses to guess what a broken record meant. {@code legacyAllowed}: whether a
     * manifest of an earlier version (paths without hashes) is recognised as such.
     */
    static Record parse(byte[] bytes, boolean legacyAllowed) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Damaged("it is not text");
        }
        if (text.indexOf('\0') >= 0) {
            return new Damaged("it is not text");
        }
        if (legacyAllowed && text.startsWith(LEGACY_MANIFEST_HEADER) && isLegacy(text)) {
            return new Legacy();
        }
        String[] lines = text.split("\n", -1);
        Map<String, Set<String>> hashes = new TreeMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == lines.length - 1 && line.isEmpty() || line.startsWith("#")) {
                continue; // the end of the last line, or a comment
            }
            Matcher entry = LINE.matcher(line);
            if (!entry.matches() || !isPlainPath(entry.group(2))) {
                return new Damaged("line " + (i + 1) + " is not a SHA-256 hash, two spaces and a path");
            }
            hashes.computeIfAbsent(entry.group(2), path -> new HashSet<>()).add(entry.group(1));
        }
        return new Hashed(hashes);
    }

    private static boolean isLegacy(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!(i == lines.length - 1 && lines[i].isEmpty()) && !lines[i].startsWith("#") && !isPlainPath(lines[i])) {
                return false;
            }
        }
        return true;
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

    /**
     * Whether a record may make {@code path} the build's: a plain path none of whose segments is
     * hidden, but for a site's {@code .well-known/} at the top. The build writes no other hidden
     * file but its records, so a hidden path in a record (a {@code .git/config}) is someone's
     * edit, and never the build's to delete.
     */
    static boolean mayBeTheBuilds(String path) {
        if (!isPlainPath(path)) {
            return false;
        }
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith(".") && !(i == 0 && segments.length > 1 && segments[i].equals(WELL_KNOWN))) {
                return false;
            }
        }
        return true;
    }

    /** The folder of site-wide metadata (RFC 8615), which a site publishes from its static files. */
    static final String WELL_KNOWN = ".well-known";

    /** The first segment of a site path: the name at the top of the output folder. */
    static String topOf(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    /** The SHA-256 of {@code bytes}, in lowercase hex. */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The SHA-256 of the file's bytes, in lowercase hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Every path of {@code records}' hashed ones. */
    static Set<String> paths(Collection<Record> records) {
        Set<String> paths = new HashSet<>();
        for (Record record : records) {
            if (record instanceof Hashed hashed) {
                paths.addAll(hashed.hashes().keySet());
            }
        }
        return paths;
    }
}
