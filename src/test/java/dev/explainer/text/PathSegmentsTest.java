package dev.explainer.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PathSegmentsTest {

    /** The rule, written plainly: split, drop '.', let '..' remove the segment before it, join. */
    private static String reference(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    @Test
    void removesDotSegmentsAsABrowserDoes() {
        assertEquals("/tags/alpha/", PathSegments.removeDotSegments("/pages/p1/../../tags/alpha/"));
        assertEquals("/pages/p1/", PathSegments.removeDotSegments("/pages/p1/./"));
        assertEquals("x", PathSegments.removeDotSegments("/../x"));
        assertEquals("a/.hidden/b", PathSegments.removeDotSegments("a/.hidden/b"));
    }

    @Test
    void agreesWithThePlainRuleOnEveryShortPath() {
        String[] pieces = {"", "a", "bc", ".", "..", ".x", "..y"};
        List<String> paths = new ArrayList<>(List.of(""));
        for (int depth = 0; depth < 4; depth++) {
            List<String> longer = new ArrayList<>();
            for (String path : paths) {
                for (String piece : pieces) {
                    longer.add(path.isEmpty() && depth == 0 ? piece : path + "/" + piece);
                }
            }
            paths.addAll(longer);
        }
        for (String path : paths) {
            assertEquals(reference(path), PathSegments.removeDotSegments(path), path);
        }
    }
}
