package dev.explainer.link;

import dev.explainer.markdown.LinkTargets;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The site's pages and assets by site path, forgiving a missing trailing slash or an explicit index.html. */
final class SitePaths implements LinkTargets {
    private final Map<String, String> outputs = new HashMap<>();
    private final Set<String> pages = new HashSet<>();
    private final List<Pattern> unread;
    private final List<String> unreadPatterns;
    private final Set<String> drafts;
    private List<String> sortedPaths;

    /**
     * @param unreadPatterns URL patterns ({@code /parties/{id}/}) of collections some of whose
     *                       entries could not be read
     */
    SitePaths(Collection<String> pagePaths, Map<String, String> assets, Collection<String> unreadPatterns,
              Set<String> draftPaths) {
        this.drafts = Set.copyOf(draftPaths);
        this.unreadPatterns = List.copyOf(unreadPatterns);
        this.unread = unreadPatterns.stream()
                .map(pattern -> pattern.replaceFirst("#.*$", ""))
                .map(pattern -> Pattern.compile(Pattern.quote(pattern).replace("{id}", "\\E[^/]+\\Q") + "(index\\.html)?"))
                .toList();
        for (String path : pagePaths) {
            outputs.put(path, Page.outputFileOf(path));
            pages.add(path);
        }
        outputs.putAll(assets);
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
                && unreadPatterns.equals(other.unreadPatterns);
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
