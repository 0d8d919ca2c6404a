package dev.explainer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine serves any explainer, so the examples in its messages (diagnostics, usage errors,
 * help texts) must not name the first site's collections, ids or date: an editor of a site on
 * another negotiation reading "such as '/parties/russia/'" is told about pages they do not have.
 * Every string literal under src/main/java is scanned for the words below; comments may keep
 * the first site as their illustration.
 */
class NeutralMessagesTest {
    /** Names from the first site (its collections, ids, subject and date), kept short and explicit. */
    static final List<String> FIRST_SITE_WORDS = List.of(
            "vienna", "syria", "syrian", "talks", "russia", "lavrov", "kerry", "assad", "iran",
            "party", "parties", "positions", "issue", "issues", "2015-10-23");

    private static final Pattern WORDS = Pattern.compile("(?<!\\p{Alnum})("
            + String.join("|", FIRST_SITE_WORDS.stream().map(Pattern::quote).toList()) + ")(?!\\p{Alnum})");

    /** A string literal of a Java source and the line it starts on. */
    record Literal(int line, String text) {
    }

    @Test
    void noEngineStringNamesTheFirstSite() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                found.addAll(firstSiteNames(file.toString().replace('\\', '/'), read(file)));
            }
        }
        assertEquals(List.of(), found, "engine messages need examples that fit any site: a neutral one"
                + " ('/about/', '[row, column]', 'https://example.org/') or one taken from the site's own config");
    }

    @Test
    void theScanFindsAWordOfTheFirstSiteInAStringButNotInAComment() {
        String source = """
                // such as '/parties/russia/'
                /** for {@code /positions/#{id}} */
                class A {
                    String ok = "a quoted \\" 'party'";
                    char quote = '"';
                    String bad = "write the site path, such as '/Parties/russia/'";
                    String block = \"""
                        as [party, issue]
                        \""";
                    String neutral = "counterparty, reissued, talkshow";
                }
                """;
        assertEquals(List.of(
                        "A.java:4: 'party' in \"a quoted \\\" 'party'\"",
                        "A.java:6: 'parties' in \"write the site path, such as '/Parties/russia/'\"",
                        "A.java:6: 'russia' in \"write the site path, such as '/Parties/russia/'\"",
                        "A.java:8: 'party' in \"        as [party, issue]\n        \"",
                        "A.java:8: 'issue' in \"        as [party, issue]\n        \""),
                firstSiteNames("A.java", source));
    }

    static List<String> firstSiteNames(String file, String source) {
        List<String> found = new ArrayList<>();
        for (Literal literal : literals(source)) {
            Matcher word = WORDS.matcher(literal.text().toLowerCase(Locale.ROOT));
            while (word.find()) {
                found.add(file + ":" + literal.line() + ": '" + word.group(1) + "' in \"" + literal.text() + "\"");
            }
        }
        return found;
    }

    /**
     * The string literals and text blocks of a Java source, escapes left as written, skipping
     * comments and character literals (so that '"' opens no string).
     */
    static List<Literal> literals(String source) {
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                line += lines(source, i, end);
                i = end;
            } else if (c == '\'' || c == '"') {
                String close = source.startsWith("\"\"\"", i) ? "\"\"\"" : String.valueOf(c);
                int start = i + close.length();
                int end = start;
                while (end < source.length() && !source.startsWith(close, end)) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end, source.length());
                if (c == '"') {
                    String text = source.substring(start, end);
                    // a text block's content starts on the line after its opening quotes
                    literals.add(new Literal(close.length() == 3 ? line + 1 : line,
                            close.length() == 3 ? text.substring(text.indexOf('\n') + 1) : text));
                }
                line += lines(source, i, end);
                i = Math.min(end + close.length(), source.length());
            } else {
                line += c == '\n' ? 1 : 0;
                i++;
            }
        }
        return literals;
    }

    private static int lines(String source, int from, int to) {
        return (int) source.substring(from, to).chars().filter(ch -> ch == '\n').count();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
