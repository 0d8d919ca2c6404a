package dev.explainer.link;

import dev.explainer.config.UrlPattern;
import dev.explainer.load.ImageFile;
import dev.explainer.markdown.LinkTargets;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The site's pages and assets by site path, forgiving a missing trailing slash or an explicit
 * index.html; and the rule every page's path must follow to be written as a file.
 */
final class SitePaths implements LinkTargets {
    /** What a file name may hold on every system the site may be built on, and in a URL without escaping. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");
    /** The longest file name ext4, APFS, NTFS and most others allow, in bytes of UTF-8. */
    static final int LONGEST_SEGMENT = 255;
    /** Names Windows keeps for devices, whatever their extension: a folder "con" cannot be made there. */
    private static final Pattern DEVICE_NAME = Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    private final Map<String, String> outputs = new HashMap<>();
    private final Map<String, Set<String>> absentFrom;
    private final Set<String> pages = new HashSet<>();
    private final List<Pattern> unread;
    private final List<String> unreadPatterns;
    private final Set<String> drafts;
    private List<String> sortedPaths;
    private final Map<String, ImageFile> images;
    private final Optional<String> mediaFolder;

    /**
     * @param unreadPatterns URL patterns ({@code /members/{id}/}) of collections some of whose
     *                       entries could not be read
     */
    SitePaths(Collection<String> pagePaths, Map<String, String> assets, Collection<String> unreadPatterns,
              Set<String> draftPaths) {
        this(pagePaths, assets, unreadPatterns, draftPaths, Map.of(), Optional.empty());
    }

    /**
     * @param images      the image files of {@code content/} by path, those with a problem too
     * @param mediaFolder the folder below {@code content/} of shared images, if declared
     */
    SitePaths(Collection<String> pagePaths, Map<String, String> assets, Collection<String> unreadPatterns,
              Set<String> draftPaths, Map<String, ImageFile> images, Optional<String> mediaFolder) {
        this(pagePaths, assets, unreadPatterns, draftPaths, images, mediaFolder, "");
    }

    /** @param pagePrefix the folder the edition's pages are written in ({@code ar/}); assets are shared by every edition */
    SitePaths(Collection<String> pagePaths, Map<String, String> assets, Collection<String> unreadPatterns,
              Set<String> draftPaths, Map<String, ImageFile> images, Optional<String> mediaFolder, String pagePrefix) {
        this(pagePaths, assets, unreadPatterns, draftPaths, images, mediaFolder, pagePrefix, Map.of(), Map.of());
    }

    /**
     * @param elsewhere the site paths of pages this edition leaves out ({@code translations: {missing: omit}}), each to the
     *                  original's file, where links to them lead
     * @param absentFrom site paths of pages to the editions that leave them out, by language code
     */
    SitePaths(Collection<String> pagePaths, Map<String, String> assets, Collection<String> unreadPatterns,
              Set<String> draftPaths, Map<String, ImageFile> images, Optional<String> mediaFolder, String pagePrefix,
              Map<String, String> elsewhere, Map<String, Set<String>> absentFrom) {
        this.absentFrom = Map.copyOf(absentFrom);
        this.images = images;
        this.mediaFolder = mediaFolder;
        this.drafts = Set.copyOf(draftPaths);
        this.unreadPatterns = List.copyOf(unreadPatterns);
        this.unread = unreadPatterns.stream()
                .map(pattern -> pattern.replaceFirst("#.*$", ""))
                .map(pattern -> Pattern.compile(UrlPattern.parse(pattern).regex() + "(index\\.html)?"))
                .toList();
        for (String path : pagePaths) {
            outputs.put(path, pagePrefix + Page.outputFileOf(path));
            pages.add(path);
        }
        elsewhere.forEach((path, file) -> {
            outputs.put(path, file);
            pages.add(path);
        });
        outputs.putAll(assets);
    }

    /** The languages of the editions that leave out the page at {@code sitePath}: none for most pages. */
    Set<String> absentFrom(String sitePath) {
        return absentFrom.getOrDefault(sitePath, Set.of());
    }

    /**
     * Why {@code sitePath} (a path starting with '/', such as {@code /parties/russia/}) cannot be
     * written as a file below the output folder on every system, if it cannot; in words that
     * follow "url '/x/' ".
     */
    static Optional<String> problemOf(String sitePath) {
        if (sitePath.startsWith("//")) {
            return Optional.of("starts with '//', which browsers read as the address of another site; start it with a single '/'");
        }
        String[] segments = sitePath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                if (i < segments.length - 1) {
                    return Optional.of("has an empty part ('//'); write a single '/' between its parts");
                }
                continue; // the trailing slash of a folder
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("has a '" + segment + "' part, which would " + (segment.equals("..") ? "leave its folder" : "stand for its folder")
                        + " and could write outside the site; remove it");
            }
            if (segment.startsWith(".") && !(i == 0 && segment.equals(".well-known"))) {
                // Hidden: web servers commonly refuse to serve such files (the tested nginx
                // configuration does), '.git' is a user's repository, and '.explainer-*' is the
                // build's own record of the output folder.
                return Optional.of("has a part starting with '.' ('" + shorten(segment) + "'), a hidden file or folder that web servers"
                        + " do not serve and the build keeps for its own records; remove the '.'");
            }
            int bytes = segment.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > LONGEST_SEGMENT) {
                return Optional.of("has a part " + bytes + " bytes long ('" + segment.substring(0, 20) + "…'); a file name may have at most "
                        + LONGEST_SEGMENT + " bytes: shorten it");
            }
            if (!SEGMENT.matcher(segment).matches()) {
                int bad = segment.codePoints().filter(c -> !SEGMENT.matcher(Character.toString(c)).matches()).findFirst().orElse('?');
                String shown = bad < 0x20 || bad == 0x7f ? String.format(Locale.ROOT, "U+%04X", bad) : "'" + Character.toString(bad) + "'";
                return Optional.of("has the character " + shown + ", which cannot be in a file name everywhere; use only letters a-z, A-Z,"
                        + " digits, '.', '_', '~' and '-'");
            }
            if (segment.endsWith(".")) {
                return Optional.of("has a part ending with '.' ('" + segment + "'), which Windows drops from file names; remove the '.'");
            }
            if (DEVICE_NAME.matcher(segment.toLowerCase(Locale.ROOT)).matches()) {
                return Optional.of("has the part '" + segment + "', a name Windows keeps for a device, so no file or folder can have it;"
                        + " choose another");
            }
        }
        return Optional.empty();
    }

    /** A path or id short enough to quote in a message. */
    static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 40) + "…" + text.substring(text.length() - 10);
    }

    @Override
    public Optional<Target> find(String sitePath) {
        String path = sitePath.isEmpty() ? "/" : sitePath;
        List<String> candidates = path.endsWith("/index.html")
                ? List.of(path, path.substring(0, path.length() - "index.html".length()))
                : path.endsWith("/") ? List.of(path) : List.of(path, path + "/");
        for (String candidate : candidates) {
            String output = outputs.get(candidate);
            if (output != null) {
                return Optional.of(new Target(candidate, output, pages.contains(candidate)));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean isDraft(String sitePath) {
        return drafts.contains(sitePath) || drafts.contains(sitePath + "/")
                || (sitePath.endsWith("/index.html") && drafts.contains(sitePath.substring(0, sitePath.length() - "index.html".length())));
    }

    @Override
    public boolean mayBeUnread(String sitePath) {
        return unread.stream().anyMatch(pattern -> pattern.matcher(sitePath).matches()
                || pattern.matcher(sitePath + "/").matches());
    }

    /** Whether every link resolves the same way against both. */
    boolean sameAs(SitePaths other) {
        return other != null && outputs.equals(other.outputs) && pages.equals(other.pages) && drafts.equals(other.drafts)
                && unreadPatterns.equals(other.unreadPatterns) && images.equals(other.images) && mediaFolder.equals(other.mediaFolder)
                && absentFrom.equals(other.absentFrom);
    }

    @Override
    public Optional<ImageFile> image(String path) {
        return Optional.ofNullable(images.get(path));
    }

    @Override
    public Collection<String> imagePaths() {
        return images.keySet();
    }

    @Override
    public Optional<String> mediaFolder() {
        return mediaFolder;
    }

    /** Sorted, and computed once: builds compare them to see whether links may resolve differently. */
    @Override
    public synchronized Collection<String> paths() {
        if (sortedPaths == null) {
            sortedPaths = List.copyOf(new TreeSet<>(outputs.keySet()));
        }
        return sortedPaths;
    }
}
