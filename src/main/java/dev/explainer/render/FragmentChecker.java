package dev.explainer.render;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.markdown.RenderedMarkdown;
import dev.explainer.text.Suggestions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks Markdown links to {@code #fragments} against the ids of the pages they point to. Ids
 * come from templates as well as from Markdown, so this can only run once pages are rendered.
 */
final class FragmentChecker {
    private static final Pattern ID = Pattern.compile("\\sid\\s*=\\s*\"([^\"]*)\"");

    /** @param htmlOf the HTML of the page at a site path, or null if it failed to render */
    List<Diagnostic> check(List<RenderedMarkdown.FragmentLink> links, java.util.function.Function<String, String> htmlOf) {
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, Set<String>> idsByPath = new HashMap<>();
        for (RenderedMarkdown.FragmentLink link : links) {
            if (!idsByPath.containsKey(link.sitePath())) {
                String html = htmlOf.apply(link.sitePath());
                idsByPath.put(link.sitePath(), html == null ? null : ids(html));
            }
            Set<String> ids = idsByPath.get(link.sitePath());
            if (ids == null) {
                continue; // the page failed to render, and that is reported
            }
            if (!ids.contains(link.fragment())) {
                String hint = Suggestions.closest(link.fragment(), ids).map(s -> "; did you mean '#" + s + "'?").orElse("");
                problems.add(Diagnostic.error(DiagnosticCode.BROKEN_LINK, link.position(), "link to '#" + link.fragment() + "' on " + link.sitePath()
                        + ": that page has no element with this id" + hint));
            }
        }
        return problems;
    }

    private static Set<String> ids(String html) {
        Set<String> ids = new TreeSet<>();
        Matcher matcher = ID.matcher(html);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }
}
