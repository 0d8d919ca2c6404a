package dev.explainer.link;

/**
 * A former address of an entry (one of its {@code aliases}), answered with a page that sends
 * readers on to where the entry is now, and listed for web servers to answer with a 301.
 *
 * @param fromPath   the former site path ({@code /notes/old-name/})
 * @param outputFile the redirect page's file below the output folder ({@code notes/old-name/index.html})
 * @param toPath     the entry's site path now, with a fragment for an entry shown on another page
 * @param title      the entry's name, as the engine shows it ({@link Entry#displayName})
 */
public record Redirect(String fromPath, String outputFile, String toPath, String title) {
}
