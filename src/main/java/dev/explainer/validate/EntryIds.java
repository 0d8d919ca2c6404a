package dev.explainer.validate;

import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.load.RawEntry;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules for ids: each a slug (so that it is safe in any URL and on any file system) and
 * unique in its collection. An id that breaks the first comes with the slug the editor probably
 * meant; for a Markdown entry, whose id is its file name, as the name to rename the file to.
 */
public final class EntryIds {
    /** Lowercase letters and digits in words joined by single hyphens. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private EntryIds() {
    }

    public static boolean isSlug(String id) {
        return SLUG.matcher(id).matches();
    }

    /** The slug an editor probably meant: "Al Jubeir" becomes "al-jubeir". */
    public static String slugify(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /**
     * An error for every id that is no slug, and for every id given twice in a collection, at the
     * second one. What this finds depends only on each entry's collection, id, place (its
     * position) and whether it is a Markdown file.
     *
     * @param entries in the order messages name the first of two ({@code also at}): by file and position
     */
    static void check(List<RawEntry> entries, Diagnostics problems) {
        Map<String, RawEntry> seen = new HashMap<>();
        for (RawEntry entry : entries) {
            if (!isSlug(entry.id())) {
                problems.error(DiagnosticCode.ID_SLUG, entry.idPosition(), notASlug(entry));
            }
            RawEntry earlier = seen.putIfAbsent(entry.key(), entry);
            if (earlier != null) {
                problems.error(DiagnosticCode.DUPLICATE_ID, entry.idPosition(), "duplicate id '" + entry.id() + "' in collection '"
                        + entry.collection() + "' (also at " + earlier.idPosition() + "); ids must be unique");
            }
        }
    }

    /** Whether two entries stand alike for {@link #check}: the same ids at the same places. */
    static boolean sameIdAndPlace(RawEntry a, RawEntry b) {
        return a.collection().equals(b.collection()) && a.id().equals(b.id()) && a.idPosition().equals(b.idPosition())
                && a.body().isPresent() == b.body().isPresent();
    }

    private static String notASlug(RawEntry entry) {
        String suggestion = slugify(entry.id());
        String rule = "ids are lowercase words (letters a-z and digits) joined by hyphens";
        if (entry.body().isPresent()) {
            String name = entry.path().substring(entry.path().lastIndexOf('/') + 1);
            String extension = name.substring(entry.id().length());
            return "the file name '" + name + "' does not make a valid id: " + rule
                    + (suggestion.isEmpty() ? ", such as 'my-entry'; rename the file" : "; rename the file to '" + suggestion + extension + "'");
        }
        return "id '" + entry.id() + "' is not valid: " + rule + (suggestion.isEmpty() ? ", such as 'my-entry'" : "; write '" + suggestion + "'");
    }
}
