package dev.explainer.text;

/** Slash-separated paths, as links and template names write them. */
public final class PathSegments {
    private PathSegments() {
    }

    /**
     * The path with its {@code .} segments dropped and each {@code ..} removing the segment
     * before it (never going above the start), as a browser resolves a relative link.
     */
    public static String removeDotSegments(String path) {
        if (path.indexOf("/.") < 0 && !path.startsWith(".")) {
            return path; // nothing to remove: most paths, and links are resolved a thousand times per page
        }
        // The kept segments, joined by '/', with where each starts: ".." drops the last one.
        StringBuilder kept = new StringBuilder(path.length());
        int[] starts = new int[path.length() + 1];
        int count = 0;
        int from = 0;
        while (true) {
            int slash = path.indexOf('/', from);
            int end = slash < 0 ? path.length() : slash;
            int length = end - from;
            boolean dot = length == 1 && path.charAt(from) == '.';
            boolean dotDot = length == 2 && path.charAt(from) == '.' && path.charAt(from + 1) == '.';
            if (dotDot) {
                if (count > 0) {
                    count--;
                    kept.setLength(Math.max(0, starts[count] - 1));
                }
            } else if (!dot) {
                if (count > 0) {
                    kept.append('/');
                }
                starts[count++] = kept.length();
                kept.append(path, from, end);
            }
            if (slash < 0) {
                return kept.toString();
            }
            from = slash + 1;
        }
    }

}
