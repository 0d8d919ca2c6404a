package dev.explainer.serve;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns a request's raw path into the path of a file of the build. Refuses anything that could
 * name something outside it: {@code ..} or {@code .} segments (percent-encoded too, even twice),
 * backslashes, NUL and other control characters, and malformed escapes.
 */
final class RequestPaths {
    private RequestPaths() {
    }

    static Optional<String> toFile(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (decoded.contains("%") && !decoded.equals(rawPath)) {
            // Encoded twice: a server that decodes again would see what this check did not.
            String twice;
            try {
                twice = java.net.URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (!isSafe(twice)) {
                return Optional.empty();
            }
        }
        if (!isSafe(decoded)) {
            return Optional.empty();
        }
        String path = decoded.substring(1);
        if (path.isEmpty() || path.endsWith("/")) {
            path += "index.html";
        }
        return Optional.of(path);
    }

    private static boolean isSafe(String path) {
        if (path.contains("\\") || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }
}
