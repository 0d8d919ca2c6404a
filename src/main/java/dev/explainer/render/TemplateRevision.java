package dev.explainer.render;

import dev.explainer.text.PathSegments;
import dev.explainer.text.SourceFile;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a page's output depends on of the templates: the text of its template and of every template
 * that one imports or includes, directly or not, by name. Two revisions are equal exactly when
 * those texts are (the texts themselves are compared, so no two different templates can pass for
 * one another). A template that loads another by a name only known while it runs (an
 * {@code #include} of an expression, {@code .get_optional_template}) depends on every template.
 * Every template depends on the shortcode templates ({@code templates/shortcodes/}), since any page may show a
 * body that calls one, and on the message files ({@code templates/i18n/}), which {@code t()} reads.
 */
record TemplateRevision(Map<String, String> texts) {
    private static final Pattern LITERAL = Pattern.compile("[<\\[]#(?:import|include)\\s+\"([^\"$]+)\"");
    private static final String SHORTCODES = dev.explainer.markdown.Shortcodes.FOLDER;
    private static final Pattern ANY = Pattern.compile("[<\\[]#(?:import|include)\\b|get_optional_template");

    /** The revision of every template in {@code templates}, by name. */
    static Map<String, TemplateRevision> of(Map<String, SourceFile> templates) {
        Map<String, Set<String>> uses = new HashMap<>();
        templates.forEach((name, file) -> uses.put(name, usedBy(name, file.text(), templates.keySet())));
        Map<String, TemplateRevision> revisions = new HashMap<>();
        for (String name : templates.keySet()) {
            Map<String, String> texts = new HashMap<>();
            Deque<String> todo = new ArrayDeque<>();
            todo.add(name);
            // Any page may show a body that calls a shortcode, or call t(): every template depends on them all.
            templates.keySet().stream().filter(t -> t.startsWith(SHORTCODES) || Messages.isMessageFile(t)).sorted().forEach(todo::add);
            while (!todo.isEmpty()) {
                String next = todo.poll();
                if (!texts.containsKey(next) && templates.containsKey(next)) {
                    texts.put(next, templates.get(next).text());
                    todo.addAll(uses.get(next));
                }
            }
            revisions.put(name, new TemplateRevision(Map.copyOf(texts)));
        }
        return revisions;
    }

    /**
     * The templates one template imports or includes, by their names below templates/; all of
     * {@code names} if it loads one whose name this cannot tell from its text, or one that does not exist.
     */
    static Set<String> usedBy(String name, String text, Set<String> names) {
        Set<String> used = new HashSet<>();
        String folder = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
        Matcher literal = LITERAL.matcher(text);
        int found = 0;
        while (literal.find()) {
            String target = literal.group(1);
            used.add(target.startsWith("/") ? target.substring(1) : PathSegments.removeDotSegments(folder + target));
            found++;
        }
        Matcher any = ANY.matcher(text);
        int directives = 0;
        while (any.find()) {
            directives++;
        }
        return directives > found || !names.containsAll(used) ? names : used;
    }
}
