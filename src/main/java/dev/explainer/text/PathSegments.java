package dev.explainer.text;

import java.util.ArrayList;
import java.util.List;

/** Slash-separated paths, as links and template names write them. */
public final class PathSegments {
    private PathSegments() {
    }

    /**
     * The path with its {@code .} segments dropped and each {@code ..} removing the segment
     * before it (never going above the start), as a browser resolves a relative link.
     */
    public static String removeDotSegments(String path) {
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
}
