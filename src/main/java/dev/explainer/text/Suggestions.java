package dev.explainer.text;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** "Did you mean" suggestions: the closest known name by edit distance, if it is close enough. */
public final class Suggestions {
    private Suggestions() {
    }

    public static Optional<String> closest(String wrong, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(wrong.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance || (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // Close enough to be a typo: a third of the longer name, and at least two edits allowed.
        int allowed = best == null ? 0 : Math.max(2, Math.max(wrong.length(), best.length()) / 3);
        boolean related = best != null && (bestDistance <= allowed
                || (wrong.length() >= 3 && (best.contains(wrong) || wrong.contains(best))));
        return related ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance between two texts, character by character. */
    static int distance(String a, String b) {
        return distance(a.length(), b.length(), (i, j) -> a.charAt(i) == b.charAt(j));
    }

    /** Levenshtein distance between two lists, item by item ({@code equals}): for words, say. */
    public static int distance(List<?> a, List<?> b) {
        return distance(a.size(), b.size(), (i, j) -> a.get(i).equals(b.get(j)));
    }

    /** Whether item {@code i} of the first sequence is item {@code j} of the second. */
    private interface Same {
        boolean at(int i, int j);
    }

    /** Levenshtein distance with two rows. */
    private static int distance(int aLength, int bLength, Same same) {
        int[] previous = new int[bLength + 1];
        int[] current = new int[bLength + 1];
        for (int j = 0; j <= bLength; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= aLength; i++) {
            current[0] = i;
            for (int j = 1; j <= bLength; j++) {
                int cost = same.at(i - 1, j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[bLength];
    }
}
