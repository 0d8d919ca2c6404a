package dev.explainer.markdown;

import dev.explainer.load.RawEntry;
import dev.explainer.text.SourceFile;

import org.commonmark.testutil.TestResources;
import org.commonmark.testutil.example.Example;
import org.commonmark.testutil.example.ExampleReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 652 examples of the CommonMark specification 0.31.2 (the spec.txt that commonmark-java's
 * test utilities ship), each rendered by our renderer and by stock flexmark set up as ours is.
 * Each example renders exactly as stock flexmark does, or differs only by one of our stated
 * policies, named per example below; an example that starts or stops differing fails, so a
 * change of behaviour is seen. (flexmark follows an earlier version of the specification: where
 * it departs from the specification's own HTML, so do we.)
 */
class CommonMarkSpecTest {
    /** Raw HTML (comments too) is escaped with a warning: the HTML equals stock flexmark's with escaping on. */
    private static final Set<Integer> RAW_HTML = examples("21, 31, 148-191, 195, 308-309, 344, 475-477, 491, 494, 524, 536, 613-617,"
            + " 623, 627-631, 642-643");
    /** A relative link or image is resolved against its page (here the site root) into a site path. */
    private static final Set<Integer> RELATIVE_LINK = examples("194, 201, 203-204, 484, 492-496, 498-500, 502-504, 517, 520, 522, 531,"
            + " 573, 576-578, 580");
    /**
     * An image must be an image file of content/, whose size the build reads: here there are none, so
     * each image is an error (and one without alt text a second), and no img is written.
     */
    private static final Set<Integer> IMAGE = examples("517, 520, 531, 572-589, 591");
    private static final Pattern IMG = Pattern.compile("<img [^>]*/>");
    /** A scheme other than http, https, mailto and tel is an error, and the link goes nowhere. */
    private static final Set<Integer> UNSAFE_SCHEME = examples("596, 598-599, 601");

    /** Every site path is a page, its output file the path without its first '/'; the root is written as '/'. */
    private static final LinkTargets EVERY_PATH = new LinkTargets() {
        @Override
        public Optional<Target> find(String sitePath) {
            return Optional.of(new Target(sitePath, sitePath.substring(1), true));
        }

        @Override
        public Collection<String> paths() {
            return List.of();
        }
    };

    private static final Pattern URL_ATTRIBUTE = Pattern.compile("(href|src)=\"([^\"]*)\"");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:");

    private static final List<Example> EXAMPLES = ExampleReader.readExamples(TestResources.getSpec());

    @Test
    void theSpecificationIsVersion0312WithItsExamples() {
        assertTrue(TestResources.readAsString(TestResources.getSpec()).startsWith("---\ntitle: CommonMark Spec\nauthor: John MacFarlane\nversion: '0.31.2'"));
        assertEquals(652, EXAMPLES.size());
        assertEquals("\tfoo\tbaz\t\tbim\n", EXAMPLES.get(0).getSource(), "tabs written as arrows in the file are tabs");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRendersAsStockFlexmarkOrByAStatedPolicy() {
        List<RenderedMarkdown> ours = new MarkdownRenderer(false).renderAll(EXAMPLES.stream()
                .map(e -> new MarkdownRenderer.Job(new RawEntry.Body(new SourceFile("content/spec.md", e.getSource()), 0),
                        Optional.of("/"), EVERY_PATH))
                .toList());
        return IntStream.range(0, EXAMPLES.size()).mapToObj(i -> {
            Example example = EXAMPLES.get(i);
            int number = i + 1;
            return DynamicTest.dynamicTest("example " + number + " (" + example.getSection() + ")",
                    () -> assertAsStockFlexmarkOrByPolicy(number, example.getSource(), ours.get(i)));
        });
    }

    private static void assertAsStockFlexmarkOrByPolicy(int number, String markdown, RenderedMarkdown ours) {
        String expected = StockFlexmark.render(markdown);
        List<String> imageCodes = new java.util.ArrayList<>();
        if (IMAGE.contains(number)) {
            imageCodes.add("image");
            if (expected.contains("alt=\"\"")) {
                imageCodes.add("image-alt");
            }
            expected = IMG.matcher(expected).replaceAll("");
        }
        if (RELATIVE_LINK.contains(number)) {
            expected = withUrls(expected, url -> isRelative(url) ? BodyLinks.resolveRelative("/", url) : url);
        }
        if (UNSAFE_SCHEME.contains(number)) {
            expected = withUrls(expected, url -> SCHEME.matcher(url).find() && !url.matches("(?i)(https?|mailto|tel):.*") ? "#" : url);
        }
        assertEquals(expected, ours.html().replace(MarkdownRenderer.ROOT, "/"), markdown);

        List<String> codes = ours.diagnostics().stream().map(d -> d.code().id()).distinct().toList();
        List<String> expectedCodes = UNSAFE_SCHEME.contains(number) ? List.of("unsafe-link")
                : RAW_HTML.contains(number) ? List.of("raw-html") : imageCodes;
        assertEquals(expectedCodes, codes, markdown);
    }

    private static boolean isRelative(String url) {
        return !url.isEmpty() && !url.startsWith("/") && !url.startsWith("#") && !SCHEME.matcher(url).find();
    }

    private static String withUrls(String html, java.util.function.UnaryOperator<String> change) {
        Matcher attribute = URL_ATTRIBUTE.matcher(html);
        StringBuilder changed = new StringBuilder();
        while (attribute.find()) {
            attribute.appendReplacement(changed, Matcher.quoteReplacement(attribute.group(1) + "=\"" + change.apply(attribute.group(2)) + "\""));
        }
        return attribute.appendTail(changed).toString();
    }

    /** "1, 3-5" as {1, 3, 4, 5}. */
    private static Set<Integer> examples(String ranges) {
        Set<Integer> numbers = new TreeSet<>();
        for (String range : ranges.split(",")) {
            String[] ends = range.strip().split("-");
            int from = Integer.parseInt(ends[0]);
            int to = Integer.parseInt(ends[ends.length - 1]);
            IntStream.rangeClosed(from, to).forEach(numbers::add);
        }
        return Set.copyOf(numbers);
    }
}
