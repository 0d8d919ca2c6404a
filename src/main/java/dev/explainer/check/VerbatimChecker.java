package dev.explainer.check;

import dev.explainer.text.Suggestions;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks that quoted words appear word for word in a passage of their source. Differences that
 * are only typography are ignored: white space, curly versus straight quotation marks and
 * apostrophes, the kind of dash, and an elision marked {@code ...} or {@code …} (the words on each
 * side must then appear in order). Anything else is a mismatch, described by the closest passage
 * and the first word that differs.
 */
final class VerbatimChecker {
    private static final Pattern ELISION = Pattern.compile("\\s*(\\.\\.\\.|…)\\s*");
    private static final Pattern DASHES = Pattern.compile("\\s*(--+|-|[\\u2010-\\u2015\\u2212])\\s*");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private VerbatimChecker() {
    }

    /** Why {@code quote} is not found in {@code passage}, or empty if it is. */
    static Optional<String> mismatch(String quote, String passage) {
        String source = normalise(passage);
        int from = 0;
        for (String part : ELISION.split(quote.strip())) {
            String fragment = normalise(part);
            if (fragment.isEmpty()) {
                continue;
            }
            int at = source.indexOf(fragment, from);
            if (at < 0) {
                return Optional.of(describe(fragment, source));
            }
            from = at + fragment.length();
        }
        return Optional.empty();
    }

    /** The text with typographic variants made plain and white space made single spaces. */
    static String normalise(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replaceAll("[\\u2018\\u2019\\u201A\\u201B\\u2032]", "'")
                .replaceAll("[\\u201C\\u201D\\u201E\\u201F\\u2033]", "\"")
                .replace('\u00A0', ' ');
        plain = ELISION.matcher(plain).replaceAll(" ... ");
        plain = DASHES.matcher(plain).replaceAll(" - ");
        return SPACE.matcher(plain).replaceAll(" ").strip();
    }

    /** The passage closest to the fragment, word by word, and where they first differ. */
    private static String describe(String fragment, String source) {
        List<String> words = Arrays.asList(fragment.split(" "));
        List<String> passage = Arrays.asList(source.split(" "));
        // Compared without the punctuation around each word, made once rather than in each comparison.
        List<String> bareWords = words.stream().map(VerbatimChecker::bare).toList();
        List<String> barePassage = passage.stream().map(VerbatimChecker::bare).toList();
        int bestStart = 0;
        int bestLength = Math.min(words.size(), passage.size());
        int bestDistance = Integer.MAX_VALUE;
        for (int length = Math.max(1, words.size() - 3); length <= words.size() + 3; length++) {
            for (int start = 0; start + length <= passage.size(); start++) {
                // Fewest differing words first; among equals, the window as long as the quote.
                int distance = Suggestions.distance(bareWords, barePassage.subList(start, start + length)) * 10
                        + Math.abs(length - words.size());
                if (distance < bestDistance) {
                    bestDistance = distance;
                    bestStart = start;
                    bestLength = length;
                }
            }
        }
        List<String> closest = passage.subList(bestStart, Math.min(passage.size(), bestStart + bestLength));
        int first = 0;
        while (first < words.size() && first < closest.size() && loose(words.get(first)).equals(loose(closest.get(first)))) {
            first++;
        }
        String quoted = first < words.size() ? "'" + words.get(first) + "'" : "the end of the quote";
        String found = first < closest.size() ? "'" + closest.get(first) + "'" : "the end of the passage";
        String shown = String.join(" ", closest).replaceAll("^[\"']+|[\"',]+$", "");
        return "the quote does not match its source word for word; the closest passage is \"" + shown
                + "\", which differs at word " + (first + 1) + " of the quote: " + quoted + " where the source has " + found;
    }

    /** A word without quotation marks around it or a comma or stop after it: what a reader compares. */
    private static String loose(String word) {
        return word.replaceAll("^[\"']+|[\"',.;:]+$", "");
    }

    /** A word without the punctuation around it, so a comma does not make a word differ. */
    private static String bare(String word) {
        return word.replaceAll("^[\\p{Punct}]+|[\\p{Punct}]+$", "");
    }
}
